package org.hyparsim.cli;

import org.hyparsim.scenarios.Scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hyparsim.accel.IdealComputeModel;
import org.hyparsim.core.step.ComputeWork;
import org.hyparsim.core.step.EnergyParams;
import org.hyparsim.core.step.Replay;
import org.hyparsim.core.step.Schedule;
import org.hyparsim.core.step.TaskKind;
import org.hyparsim.core.step.TrainingStep;
import org.hyparsim.core.step.TransferKind;
import org.hyparsim.core.workload.Layer;
import org.hyparsim.noc.BusTopology;
import org.hyparsim.noc.LinkParams;
import org.hyparsim.noc.PacketInterconnect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A task graph that cannot finish fails naming its stuck tasks; --timeout bounds a point's wall time. */
class NoHangTest {
    @TempDir
    Path dir;

    @Test
    void aTaskGraphWithACycleFailsNamingTheStuckTasks() {
        TrainingStep.Builder b = new TrainingStep.Builder(2, 1, List.of("fc"));
        Layer fc = Layer.fc("fc", 8, 8);
        int f0 = b.compute(0, 0, new ComputeWork(fc, TaskKind.FORWARD, 1, 8), 0);
        int t = b.transfer(0, 0, 1, 1, 0, TransferKind.PARTIAL_SUM, 64);
        int f1 = b.compute(0, 1, new ComputeWork(fc, TaskKind.FORWARD, 1, 8), 0);
        b.depends(t, f0);
        b.depends(f1, t);
        b.depends(f0, f1); // a cycle: f0 -> t -> f1 -> f0
        Replay r = new Replay(b.build(), new IdealComputeModel(1e9),
                new PacketInterconnect(new BusTopology(2, LinkParams.of(1, 0)), 65536), EnergyParams.macsAndLinks(1, 0),
                Schedule.OVERLAP, false);
        IllegalStateException e = assertThrows(IllegalStateException.class, r::run);
        assertTrue(e.getMessage().contains("no event is pending while 3 tasks remain"), e.getMessage());
        assertTrue(e.getMessage().contains("forward fc on A0 waiting for 1 task(s)"), e.getMessage());
        assertTrue(e.getMessage().contains("partial-sum fc H1 A0->A1"), e.getMessage());
    }

    @Test
    void aPointPastTheTimeoutFailsCleanlyAndTheSweepGoesOn() throws Exception {
        // VGG-E mp at packet level takes seconds; Lenet-c takes milliseconds
        Path s = Scenarios.write(dir, "t.yaml", "network: Lenet-c\naccelerators: 16\nlinkModel: packet\nstrategies: [mp]\n"
                + "sweep:\n  network: [Lenet-c, VGG-E]\n");
        Cli r = Cli.run("sweep", s.toString(), "--out", dir.resolve("o").toString(), "--timeout", "0.3");
        assertEquals(1, r.status(), r.err());
        List<String> rows = Files.readAllLines(dir.resolve("o/results.csv"));
        assertEquals(3, rows.size());
        assertTrue(rows.get(1).endsWith(","), "Lenet-c finished: " + rows.get(1));
        assertTrue(rows.get(2).contains("timed out after 0.3 s"), rows.get(2));
    }

    @Test
    void runWithATimeoutStopsCleanly() throws Exception {
        Path s = Scenarios.write(dir, "r.yaml", "network: VGG-E\nlinkModel: packet\nstrategies: [mp]\n");
        Cli r = Cli.run("run", s.toString(), "--timeout", "0.2");
        assertEquals(1, r.status());
        assertTrue(r.err().contains("timed out after 0.2 s"), r.err());
        assertTrue(!r.err().contains("\tat "), r.err());
    }
}
