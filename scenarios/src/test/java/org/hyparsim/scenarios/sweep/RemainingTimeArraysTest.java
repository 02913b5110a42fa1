package org.hyparsim.scenarios.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hyparsim.input.scenario.Scenario;
import org.hyparsim.input.scenario.Sweep;
import org.hyparsim.scenarios.Scenarios;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The estimator builds each array's topology once however many points share it: every point's work is
 * still what {@link RemainingTime#work} gives it alone, on arrays replayed by symmetry and whole alike.
 */
class RemainingTimeArraysTest {
    @TempDir
    Path dir;

    private Scenario read(String array) throws IOException {
        return Scenarios.read(dir, "network: Lenet-c\nhardware: hmc-rs\nstrategies: [dp, hypar]\n" + array);
    }

    @Test
    void pointsSharingAnArrayWeighWhatEachDoesAlone() throws IOException {
        List<Scenario> scenarios = List.of(
                read("accelerators: 256\ntopology: htree\n"),
                read("accelerators: 256\ntopology: htree\nbatch: 64\n"),
                read("accelerators: 256\ntopology: htree\nlinkModel: flow\n"),
                read("accelerators: 256\ntopology: htree\nsymmetry: off\n"),
                read("accelerators: 256\ntopology: torus\nlinkModel: packet\n"),
                read("accelerators: 64\ntopology: bus\n"),
                read("accelerators: 16\ntopology: torus\n"));
        List<Sweep.Point> points = new ArrayList<>();
        double total = 0;
        for (Scenario s : scenarios) {
            points.add(new Sweep.Point(points.size(), Map.of(), s));
            total += RemainingTime.work(s);
        }
        RemainingTime t = new RemainingTime(points, 1, 0, 0);
        double done = 0;
        for (Sweep.Point p : points) {
            t.finished(p, p.index() + 1);
            done += RemainingTime.work(p.scenario());
            assertEquals(done / total, t.doneShare(), 1e-12, "after point " + p.index());
        }
    }

    /**
     * A shard's or a resumed sweep's points keep their indices in the whole sweep (gaps, any order): the
     * estimate and the progress lines count them to the end.
     */
    @Test
    void aShardsPointsWithGapsInTheirIndicesAreCountedToTheEnd() throws IOException {
        Scenario large = read("accelerators: 65536\ntopology: htree\n");
        Scenario small = read("accelerators: 16\ntopology: torus\n");
        List<Sweep.Point> points = List.of(new Sweep.Point(7, Map.of(), small), new Sweep.Point(1, Map.of(), large),
                new Sweep.Point(4, Map.of(), small));
        StringWriter text = new StringWriter();
        Progress progress = new Progress(new PrintWriter(text), false);
        progress.starting(points, 2);
        for (int k = 0; k < points.size(); k++) {
            progress.pointDone(points.get(k), k + 1, points.size(), false);
        }
        progress.ended();
        assertTrue(text.toString().contains("sweep: 3/3 points done (100% of the work), about 0:00 left"), text.toString());
        RemainingTime t = new RemainingTime(points, 2, 0, 0);
        for (int k = 0; k < points.size(); k++) {
            t.finished(points.get(k), k + 1);
        }
        assertEquals(1, t.doneShare(), 1e-12);
        assertEquals(0, t.left(3).getAsDouble(), 1e-9);
    }
}
