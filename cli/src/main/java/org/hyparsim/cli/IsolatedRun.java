package org.hyparsim.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.hyparsim.core.Limits;
import org.hyparsim.core.kind.TopologyKind;
import org.hyparsim.input.scenario.Scenario;
import org.hyparsim.scenarios.run.ScenarioRunner;

/**
 * VGG-E HyPar on 65536 accelerators, run by {@code bench} in a JVM of its own: started with the
 * heap the target allows ({@link #HEAP}), so that finishing shows the run fits in it, and clear of
 * what the benchmarks before it leave in the heap and in the compiler's profiles (in one JVM after
 * them the torus took 63.6 s, alone 56 s). The child prints its wall seconds and peak heap bytes.
 */
final class IsolatedRun {
    /** The heap each run is given: the target's 4 GB. */
    static final String HEAP = "-Xmx4g";

    private IsolatedRun() {
    }

    /** What a child run gave: its seconds (the time it ran where it did not finish) and peak heap, or why it failed. */
    record Result(double seconds, long peakHeapBytes, String error) {
    }

    /** The child: runs the case on the topology named by {@code args[0]} and prints "seconds heapBytes". */
    public static void main(String[] args) {
        try {
            Scenario s = scenario(TopologyKind.valueOf(args[0]));
            long[] heap = new long[1];
            double sec = Bench.measure(() -> ScenarioRunner.run(s, false), heap);
            System.out.println(String.format(Locale.ROOT, "%.6f %d", sec, heap[0]));
        } catch (RuntimeException e) {
            // the parent reports the last line the child wrote to stderr: the reason (a step refused
            // past the task limit, say), not the last frame of a stack trace
            System.err.println(String.join(" ", String.valueOf(e.getMessage()).strip().split("\\R")));
            System.exit(2);
        }
    }

    /** VGG-E hypar on 65536 accelerators (hmc-rs, its collectives, the default link model) on {@code topology}. */
    static Scenario scenario(TopologyKind topology) {
        return Bench.defaultLinks(Bench.scenario("VGG-E", 65536, topology));
    }

    /** Runs the case in a child JVM under {@link #HEAP} (and this JVM's collector), stopped at {@code limitSeconds}. */
    static Result run(TopologyKind topology, double limitSeconds) {
        return run(topology.name(), limitSeconds);
    }

    /** {@link #run(TopologyKind, double)} with the child's argument as given (a test gives a wrong one). */
    static Result run(String topology, double limitSeconds) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add(HEAP);
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (a.startsWith("-XX:+Use") && a.endsWith("GC")) {
                cmd.add(a);
            }
        }
        // the limits (hypar-sim.*) set for this JVM hold for the child's run too
        for (String name : System.getProperties().stringPropertyNames()) {
            if (name.startsWith(Limits.property(""))) {
                cmd.add("-D" + name + "=" + System.getProperty(name));
            }
        }
        cmd.addAll(List.of("-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
                IsolatedRun.class.getName(), topology));
        long t0 = System.nanoTime();
        Path out = null;
        Path err = null;
        Process p = null;
        try {
            out = Files.createTempFile("hypar-sim-bench", ".out");
            err = Files.createTempFile("hypar-sim-bench", ".log");
            p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor((long) limitSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
                return new Result(limitSeconds, 0, "stopped at " + limitSeconds + " s");
            }
            String[] f = Files.readString(out, StandardCharsets.UTF_8).strip().split(" ");
            if (p.exitValue() != 0 || f.length != 2) {
                String log = Files.readString(err, StandardCharsets.UTF_8);
                return new Result((System.nanoTime() - t0) / 1e9, 0,
                        log.contains("OutOfMemoryError") ? "out of memory" : "exit " + p.exitValue() + ": " + lastLine(log));
            }
            return new Result(Double.parseDouble(f[0]), Long.parseLong(f[1]), null);
        } catch (IOException e) {
            return new Result((System.nanoTime() - t0) / 1e9, 0, "cannot start: " + e.getMessage());
        } catch (InterruptedException e) {
            p.destroyForcibly(); // not left running a 4 GB heap after its parent gave up on it
            Thread.currentThread().interrupt();
            return new Result((System.nanoTime() - t0) / 1e9, 0, "interrupted");
        } finally {
            delete(out);
            delete(err);
        }
    }

    private static void delete(Path f) {
        if (f != null) {
            try {
                Files.deleteIfExists(f);
            } catch (IOException e) {
                // a temporary file left behind
            }
        }
    }

    private static String lastLine(String log) {
        String[] lines = log.strip().split("\n");
        return lines[lines.length - 1];
    }
}
