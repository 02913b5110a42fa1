package org.hyparsim.cli;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Every command fed random option values from edge classes (0, negative, NaN, infinities, huge,
 * fractional, empty, non-numeric, unicode) and files mutated from the examples (keys dropped,
 * values swapped between keys, types changed, aliases and tags added, files truncated), each
 * draw under a wall-clock timeout: no draw ends in an internal error or a stack trace; exit 1
 * only for the documented failures (a timeout, out of memory, a failed sweep point); exit 2
 * with one message (a multi-problem message: one heading, a problem a line) and no library class
 * name. Run in-process, as the other command tests are: the heap is the test JVM's (a run's
 * size is kept small by the scenarios it starts from and the --timeout each draw passes).
 */
class CommandFuzzProperties {
    private static final List<String> EDGE = List.of("0", "-1", "NaN", "Infinity", "-Infinity", "1e400",
            "9223372036854775808", "4611686018427387904", "1.5", "", " ", "abc", "\u0663", "\u00e9\u00e8", "2", "4", "1024");
    private static final List<String> SCENARIOS = List.of(
            "network: Lenet-c\naccelerators: 4\nbatch: 8\ntopology: htree\nhardware: hmc-rs\nstrategies: [dp, hypar]\n",
            "network: Cifar-c\naccelerators: 2\ntopology: {name: torus, linkBandwidthGBps: 10}\nstrategies: [dp]\n",
            "network:\n  name: n\n  layers:\n    - {name: c, type: conv, in_ch: 3, in_hw: 8, k: 3, pad: 1, out_ch: 4, pool: 2}\n"
                    + "    - {name: f, type: fc, in_ch: 64, out_ch: 10}\naccelerators: 2\n",
            "network: Lenet-c\naccelerators: 2\nstrategies: [dp]\nsweep:\n  batch: [2, 4]\n  topology: [htree, ring]\n");
    private static final List<String> INSERTS = List.of("&a ", "*a", "!!int ", "!foo ", "~", "null", "[]", "{}", "\"x\"",
            "-5", "1e400", ": ", "\n  - ", "<<: *a\n");
    private static final Pattern CLASS_NAME = Pattern.compile("\\b(com|org|java|javax|net|sun)\\.[a-z]+\\.");
    private static final AtomicInteger DRAW = new AtomicInteger();

    /** A command line, built once the files it names are written. */
    record Draw(String command, List<String> options, String file) {
    }

    @Provide
    Arbitrary<Draw> draws() {
        Arbitrary<String> command = Arbitraries.of("plan", "run", "sweep", "collective", "chart", "merge", "networks");
        Arbitrary<List<String>> values = Arbitraries.of(EDGE).list().ofSize(6);
        Arbitrary<String> file = Combinators.combine(Arbitraries.of(SCENARIOS), Arbitraries.integers().between(0, 9),
                Arbitraries.integers().between(0, 10_000), Arbitraries.of(INSERTS)).as(CommandFuzzProperties::mutate);
        return Combinators.combine(command, values, file).as(Draw::new);
    }

    /** A scenario with one edit: a key dropped, two values swapped, a value or an alias or tag put in, the file cut. */
    static String mutate(String base, int kind, int at, String insert) {
        List<String> lines = new ArrayList<>(List.of(base.split("\n")));
        int i = at % lines.size();
        int j = (at / 7) % lines.size();
        String[] a = lines.get(i).split(": ", 2);
        String[] b = lines.get(j).split(": ", 2);
        switch (kind) {
            case 0 -> lines.remove(i);
            case 1 -> {
                if (a.length == 2 && b.length == 2) {
                    lines.set(i, a[0] + ": " + b[1]);
                    lines.set(j, b[0] + ": " + a[1]);
                }
            }
            case 2 -> lines.set(i, a.length == 2 ? a[0] + ": " + insert + a[1] : insert + lines.get(i));
            case 3 -> lines.set(i, a.length == 2 ? a[0] + ": " + insert : lines.get(i) + insert);
            case 4 -> {
                String text = String.join("\n", lines);
                return text.substring(0, at % Math.max(1, text.length()));
            }
            case 5 -> lines.add(i, "description: &a " + (a.length == 2 ? a[1] : "x"));
            default -> lines.set(i, lines.get(i).replaceAll("\\d+", insert.strip()));
        }
        return String.join("\n", lines) + "\n";
    }

    @Property(tries = 150, seed = "330034")
    void everyCommandRefusesOrRunsAndNeverCrashes(@ForAll("draws") Draw d) throws Exception {
        Path dir = Files.createTempDirectory("hypar-fuzz-" + DRAW.incrementAndGet() + "-");
        String[] args = args(d, dir);
        Cli r = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> Cli.run(args), () -> String.join(" ", args));
        String what = String.join(" ", args) + "\n" + d.file() + "\n-> " + r.status() + "\n" + r.err();
        assertTrue(r.status() == 0 || r.status() == 1 || r.status() == 2, what);
        assertTrue(!r.err().contains("internal error") && !r.err().contains("\tat ") && !r.err().contains("Exception")
                && !r.err().contains("reference chain") && !CLASS_NAME.matcher(r.err()).find(), what);
        if (r.status() == 1) {
            assertTrue(r.err().contains("timed out") || r.err().contains("out of memory") || r.err().contains("failed"),
                    what);
        }
        if (r.status() == 2) {
            oneMessage(r.err(), what);
        }
    }

    /** One message: one line; or a heading "N problems:" and a problem a line; or picocli's usage line after one. */
    private static void oneMessage(String err, String what) {
        List<String> lines = err.strip().lines().toList();
        assertTrue(lines.get(0).startsWith("hypar-sim: "), what);
        if (lines.size() > 1) {
            boolean usage = lines.size() == 2 && lines.get(1).startsWith("Usage: ");
            boolean problems = lines.get(0).matches("hypar-sim: .*\\d+ problems:")
                    && lines.stream().skip(1).allMatch(l -> l.startsWith("  "));
            assertTrue(usage || problems, what);
        }
    }

    private static String[] args(Draw d, Path dir) throws Exception {
        List<String> v = d.options();
        Path scenario = dir.resolve(d.file().contains("sweep:") ? "s.yaml" : "r.yaml");
        Files.writeString(scenario, d.file());
        List<String> a = new ArrayList<>(List.of(d.command()));
        switch (d.command()) {
            case "plan" -> a.addAll(List.of("--network", v.get(0).isBlank() ? "Lenet-c" : "Lenet-c", "--accelerators",
                    v.get(1), "--batch", v.get(2)));
            case "run" -> a.addAll(List.of(scenario.toString(), "--timeout", "5", "--threads", v.get(0), "--out",
                    dir.resolve(v.get(1).isBlank() ? v.get(1) : "out").toString()));
            case "sweep" -> a.addAll(List.of(scenario.toString(), "--timeout", "5", "--threads", v.get(0), "--out",
                    dir.resolve("out").toString(), "--shard", v.get(1) + "/" + v.get(2)));
            case "collective" -> a.addAll(List.of("--op", "all-reduce", "--topology", "ring", "--algorithm", "ring",
                    "--bytes", v.get(0), "--accelerators", v.get(1), "--link-bandwidth", v.get(2), "--link-latency",
                    v.get(3)));
            case "chart", "merge" -> {
                Path results = dir.resolve("res");
                Files.createDirectories(results);
                String csv = "network,batch,accelerators,topology,hardware,strategy,stepTimeSeconds\n"
                        + "Lenet-c," + v.get(0) + ",2,htree,hmc-rs,dp," + v.get(1) + "\n";
                Files.writeString(results.resolve("results.csv"), mutate(csv, 4, v.hashCode() & 0xffff, ""));
                Files.writeString(results.resolve("results.json"), "{\"points\": " + v.get(2));
                a.add(results.toString());
                if (d.command().equals("merge")) {
                    a.addAll(List.of("--out", dir.resolve("merged").toString()));
                }
            }
            default -> a.add(v.get(0).isBlank() ? "--help" : v.get(0));
        }
        return a.toArray(new String[0]);
    }
}
