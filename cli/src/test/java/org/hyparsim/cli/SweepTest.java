package org.hyparsim.cli;

import org.hyparsim.scenarios.Scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hyparsim.input.scenario.Sweep;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepTest {
    static final String LENET = """
            network: Lenet-c
            batch: 256
            topology: htree
            hardware: hmc-rs
            schedule: overlap
            strategies: [dp, hypar]
            sweep:
              accelerators: [2, 4, 8]
            """;

    @TempDir
    Path dir;

    @Test
    void wholeAndThreeShardsMergedGiveTheSameResults() throws Exception {
        Path s = Scenarios.write(dir, "lenet.yaml", LENET);
        Cli whole = Cli.run("sweep", s.toString(), "--out", dir.resolve("whole").toString(), "--threads", "2");
        assertEquals(0, whole.status(), whole.err());
        for (int k = 1; k <= 3; k++) {
            Cli shard = Cli.run("sweep", s.toString(), "--out", dir.resolve("shard" + k).toString(), "--shard", k + "/3",
                    "--threads", "1");
            assertEquals(0, shard.status(), shard.err());
        }
        Cli merge = Cli.run("merge", dir.resolve("shard1").toString(), dir.resolve("shard2").toString(),
                dir.resolve("shard3").toString(), "--out", dir.resolve("merged").toString());
        assertEquals(0, merge.status(), merge.err());
        List<String> a = Files.readAllLines(dir.resolve("whole/results.csv"));
        List<String> b = Files.readAllLines(dir.resolve("merged/results.csv"));
        assertEquals(1 + 3 * 2, a.size());
        assertEquals(a, b);
        assertEquals(Files.readString(dir.resolve("whole/results.json")), Files.readString(dir.resolve("merged/results.json")));
        assertTrue(Files.exists(dir.resolve("whole/scalability.png")));
        assertTrue(Files.exists(dir.resolve("whole/performance.svg")));
    }

    @Test
    void mergeRefusesIncompleteShards() throws Exception {
        Path s = Scenarios.write(dir, "lenet.yaml", LENET);
        Cli.run("sweep", s.toString(), "--out", dir.resolve("shard1").toString(), "--shard", "1/3");
        Cli merge = Cli.run("merge", dir.resolve("shard1").toString(), "--out", dir.resolve("merged").toString());
        assertEquals(2, merge.status());
        assertTrue(merge.err().contains("missing [1, 2]"), merge.err());
    }

    @Test
    void axesAreCrossedInOrder() throws Exception {
        Sweep sweep = Sweep.read(Scenarios.write(dir, "x.yaml", """
                network: Lenet-c
                strategies: [dp]
                sweep:
                  network: [Lenet-c, Cifar-c]
                  accelerators: [2, 4, 8]
                  topology: [htree, torus]
                """));
        assertEquals(12, sweep.points().size());
        assertEquals(List.of("network", "accelerators", "topology"), sweep.axisNames());
        assertEquals("Lenet-c", sweep.points().get(0).scenario().network().name());
        assertEquals(org.hyparsim.core.kind.TopologyKind.TORUS, sweep.points().get(1).scenario().array().topology());
        assertEquals(4, sweep.points().get(2).scenario().accelerators());
        assertEquals("Cifar-c", sweep.points().get(6).scenario().network().name());
    }

    @Test
    void aBadAxisValueIsNamedWithItsPlace() throws Exception {
        Path s = Scenarios.write(dir, "bad.yaml", "network: Lenet-c\nsweep:\n  accelerators: [2, 12]\n");
        Cli r = Cli.run("sweep", s.toString(), "--out", dir.resolve("o").toString());
        assertEquals(2, r.status());
        assertTrue(r.err().contains("sweep.accelerators[1]: accelerators must be a power of two"), r.err());
        assertTrue(!Files.exists(dir.resolve("o/results.csv")));
    }

    @Test
    void aFailingPointIsRecordedAndTheSweepGoesOn() throws Exception {
        // exhaustive is refused above 2^24 plans: VGG-E on 16 accelerators fails, Lenet-c on 2 runs
        Path s = Scenarios.write(dir, "f.yaml", "network: Lenet-c\naccelerators: 2\nstrategies: [exhaustive]\n"
                + "sweep:\n  network: [Lenet-c, VGG-E]\n  accelerators: [2, 16]\n");
        Cli r = Cli.run("sweep", s.toString(), "--out", dir.resolve("o").toString());
        assertEquals(1, r.status(), r.err());
        List<String> rows = Files.readAllLines(dir.resolve("o/results.csv"));
        assertEquals(5, rows.size());
        assertTrue(rows.get(4).contains("2^76 plans"), rows.get(4));
        assertTrue(rows.get(1).endsWith(","), "a point that ran has an empty error: " + rows.get(1));
    }

    @Test
    void runRefusesASweep() throws Exception {
        Path s = Scenarios.write(dir, "lenet.yaml", LENET);
        Cli r = Cli.run("run", s.toString());
        assertEquals(2, r.status());
        assertTrue(r.err().contains("sweep: this scenario has a sweep section"), r.err());
    }

    @Test
    void chartRedrawsFromResults() throws Exception {
        Path s = Scenarios.write(dir, "lenet.yaml", LENET);
        Cli.run("sweep", s.toString(), "--out", dir.resolve("o").toString());
        Files.delete(dir.resolve("o/performance.png"));
        Cli r = Cli.run("chart", dir.resolve("o").toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(Files.exists(dir.resolve("o/performance.png")));
    }

    @Test
    void aSweptKeyNeedsNoTopLevelDefault() throws Exception {
        // network is only an axis, and the second axis's values are checked against its first network
        Sweep sweep = Sweep.read(Scenarios.write(dir, "axes.yaml", """
                strategies: [dp]
                sweep:
                  network: [Lenet-c, Cifar-c]
                  accelerators: [2, 4]
                """));
        assertEquals(4, sweep.points().size());
        assertEquals("Cifar-c", sweep.points().get(3).scenario().network().name());
        // a bad value is still named at its place in the sweep
        Cli r = Cli.run("sweep", Scenarios.write(dir, "bad.yaml", "sweep:\n  network: [Lenet-c, NoSuchNet]\n")
                .toString(), "--out", dir.resolve("o").toString());
        assertEquals(2, r.status());
        assertTrue(r.err().contains("sweep.network[1]"), r.err());
    }
}
