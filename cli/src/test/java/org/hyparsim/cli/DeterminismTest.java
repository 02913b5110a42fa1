package org.hyparsim.cli;

import org.hyparsim.scenarios.Scenarios;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Identical inputs give byte-identical results, traces and charts, whatever the thread count. */
class DeterminismTest {
    @TempDir
    Path dir;

    @Test
    void aSweepWithOneAndWithTwoThreadsWritesTheSameBytes() throws Exception {
        Path s = Scenarios.write(dir, "s.yaml", """
                network: Lenet-c
                strategies: [dp, mp, hypar]
                sweep:
                  accelerators: [2, 4, 8, 16]
                  topology: [htree, torus]
                """);
        assertEquals(0, Cli.run("sweep", s.toString(), "--out", dir.resolve("one").toString(), "--threads", "1").status());
        assertEquals(0, Cli.run("sweep", s.toString(), "--out", dir.resolve("two").toString(), "--threads", "2").status());
        List<Path> files;
        try (var f = Files.list(dir.resolve("one"))) {
            files = f.sorted().toList();
        }
        assertTrue(files.size() > 10, "results and charts: " + files);
        for (Path f : files) {
            assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(dir.resolve("two").resolve(f.getFileName())),
                    f.getFileName().toString());
        }
    }

    @Test
    void aRunTwiceWritesTheSameTraceAndTables() throws Exception {
        Path s = Scenarios.write(dir, "r.yaml", "network: AlexNet\naccelerators: 8\ntopology: mesh\n");
        assertEquals(0, Cli.run("run", s.toString(), "--out", dir.resolve("a").toString()).status());
        assertEquals(0, Cli.run("run", s.toString(), "--out", dir.resolve("b").toString()).status());
        for (String f : List.of("runs.json", "summary.csv", "layers.csv", "links.csv", "trace.json")) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("a").resolve(f)), Files.readAllBytes(dir.resolve("b").resolve(f)), f);
        }
    }
}
