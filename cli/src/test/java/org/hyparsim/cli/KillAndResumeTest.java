package org.hyparsim.cli;

import org.hyparsim.scenarios.Scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hyparsim.cli.HyparSimCommand;
import org.hyparsim.scenarios.sweep.SweepJournal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep killed midway (SIGKILL, SIGTERM) continues with --resume, runs only the missing
 * points, and ends with the same output as an uninterrupted run.
 */
class KillAndResumeTest {
    static final String SWEEP = """
            network: AlexNet
            strategies: [dp, hypar]
            sweep:
              accelerators: [8, 16, 32, 64]
              topology: [htree, torus, mesh, ring]
            """;

    @TempDir
    Path dir;

    private Process start(Path scenario, Path out) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), HyparSimCommand.class.getName(), "sweep", scenario.toString(),
                "--out", out.toString(), "--threads", "1"));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
    }

    /** Waits until the journal records at least {@code points} finished points. */
    private static void awaitPoints(Path journal, int points, Process p) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (Files.exists(journal) && Files.readAllLines(journal).size() > points) {
                return;
            }
            assertTrue(p.isAlive(), "the sweep ended before it could be killed");
            Thread.sleep(5);
        }
        throw new AssertionError("the sweep made no progress in 60 s");
    }

    private void killAndResume(boolean forcibly) throws Exception {
        Path s = Scenarios.write(dir, "s.yaml", SWEEP);
        Path whole = dir.resolve("whole");
        assertEquals(0, Cli.run("sweep", s.toString(), "--out", whole.toString(), "--threads", "1").status());
        assertFalse(Files.exists(whole.resolve(SweepJournal.FILE)), "the journal is removed when the sweep ends");

        Path out = dir.resolve(forcibly ? "killed" : "terminated");
        Process p = start(s, out);
        awaitPoints(out.resolve(SweepJournal.FILE), 3, p);
        if (forcibly) {
            p.destroyForcibly();
        } else {
            p.destroy();
        }
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertTrue(Files.exists(out.resolve(SweepJournal.FILE)), "the journal survives the kill");
        assertFalse(Files.exists(out.resolve("results.csv")), "nothing half-written");
        // complete point lines only: a kill may have torn the last one
        com.fasterxml.jackson.databind.ObjectMapper m = new com.fasterxml.jackson.databind.ObjectMapper();
        int before = 0;
        List<String> lines = Files.readAllLines(out.resolve(SweepJournal.FILE));
        for (String line : lines.subList(1, lines.size())) {
            try {
                before += m.readTree(line).has("rows") ? 1 : 0;
            } catch (java.io.IOException torn) {
                // ignored, as --resume ignores it
            }
        }

        Cli resumed = Cli.run("sweep", s.toString(), "--out", out.toString(), "--threads", "1", "--resume");
        assertEquals(0, resumed.status(), resumed.err());
        assertTrue(resumed.err().contains("resuming: " + before + " of 16 points already done"), resumed.err());
        assertEquals(Files.readString(whole.resolve("results.csv")), Files.readString(out.resolve("results.csv")));
        assertEquals(Files.readString(whole.resolve("results.json")), Files.readString(out.resolve("results.json")));
    }

    @Test
    void sigkillMidwayThenResumeGivesTheUninterruptedOutput() throws Exception {
        killAndResume(true);
    }

    @Test
    void sigtermMidwayThenResumeGivesTheUninterruptedOutput() throws Exception {
        killAndResume(false);
    }

    @Test
    void aTornLastJournalLineIsIgnored() throws Exception {
        Path s = Scenarios.write(dir, "s.yaml", "network: Lenet-c\nstrategies: [dp]\nsweep:\n  accelerators: [2, 4, 8]\n");
        Path out = dir.resolve("o");
        assertEquals(0, Cli.run("sweep", s.toString(), "--out", out.toString()).status());
        String expected = Files.readString(out.resolve("results.csv"));
        // a journal as a kill leaves it: the header, one point, and half a line
        Files.writeString(out.resolve(SweepJournal.FILE), new com.fasterxml.jackson.databind.ObjectMapper()
                .writeValueAsString(SweepJournal.header(org.hyparsim.input.scenario.Sweep.read(s).fingerprint(), null, 3)) + "\n{\"point\": 1, \"rows\": [{\"poi");
        Cli r = Cli.run("sweep", s.toString(), "--out", out.toString(), "--resume");
        assertEquals(0, r.status(), r.err());
        assertEquals(expected, Files.readString(out.resolve("results.csv")));
    }

    @Test
    void resumingAnotherScenarioIsRefused() throws Exception {
        Path s = Scenarios.write(dir, "s.yaml", "network: Lenet-c\nstrategies: [dp]\nsweep:\n  accelerators: [2, 4]\n");
        Path out = dir.resolve("o");
        Files.createDirectories(out);
        Files.writeString(out.resolve(SweepJournal.FILE), "{\"scenarioSha256\": \"0\", \"shard\": \"\", \"points\": 2}\n");
        Cli r = Cli.run("sweep", s.toString(), "--out", out.toString(), "--resume");
        assertEquals(2, r.status());
        assertTrue(r.err().contains("run without --resume to start again"), r.err());
        Cli none = Cli.run("sweep", s.toString(), "--out", dir.resolve("fresh").toString(), "--resume");
        assertEquals(2, none.status());
        assertTrue(none.err().contains("nothing to resume"), none.err());
    }
}
