package org.hyparsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hyparsim.scenarios.Scenarios;
import org.hyparsim.scenarios.sweep.OutputLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two sweeps started at once into one --out: one runs, the other exits 2 naming the directory and
 * the holder; after kill -9 of the holder, a new sweep into the directory proceeds.
 */
class ConcurrentSweepsTest {
    @TempDir
    Path dir;

    private Process start(Path scenario, Path out, String log) throws Exception {
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), HyparSimCommand.class.getName(), "sweep", scenario.toString(),
                "--out", out.toString(), "--threads", "1");
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve(log).toFile()).start();
    }

    @Test
    void oneRunsTheOtherIsRefusedAndAKilledHoldersLockIsTakenOver() throws Exception {
        Path s = Scenarios.write(dir, "s.yaml", KillAndResumeTest.SWEEP);
        Path out = dir.resolve("out");
        Process a = start(s, out, "a.log");
        Process b = start(s, out, "b.log");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (a.isAlive() && b.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        Process loser = a.isAlive() ? b : a;
        Process holder = loser == a ? b : a;
        assertTrue(loser.waitFor(60, TimeUnit.SECONDS));
        String log = Files.readString(dir.resolve(loser == a ? "a.log" : "b.log"));
        assertEquals(2, loser.exitValue(), log);
        assertTrue(holder.isAlive(), "the holder still runs");
        assertTrue(log.contains("--out: '" + out + "' is in use by hypar-sim sweep (pid " + holder.pid() + " on "), log);
        assertEquals(1, log.strip().lines().count(), log);

        holder.destroyForcibly();
        assertTrue(holder.waitFor(30, TimeUnit.SECONDS));
        assertTrue(Files.exists(out.resolve(OutputLock.FILE)), "kill -9 leaves the lock behind");
        Path small = Scenarios.write(dir, "small.yaml", "network: Lenet-c\naccelerators: 2\nstrategies: [dp]\n"
                + "sweep: {batch: [2, 4]}\n");
        Cli next = Cli.run("sweep", small.toString(), "--out", out.toString());
        assertEquals(0, next.status(), next.err());
        assertTrue(Files.exists(out.resolve("results.csv")));
    }
}
