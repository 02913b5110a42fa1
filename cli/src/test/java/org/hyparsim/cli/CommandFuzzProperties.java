package org.hyparsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Every command fed random option values from edge classes (0, negative, NaN, infinities, huge,
 * fractional, empty, non-numeric, unicode) and files mutated from the examples (keys dropped,
 * values swapped between keys, types changed, aliases and tags added, files truncated), and the
 * new surfaces: {@code export-chakra}, {@code networks --describe} of built-ins and network files,
 * ONNX models mutated and truncated from the committed test models (described and run), and
 * Chakra traces our exporter wrote, mutated and truncated, replayed by a {@code workload: {chakra}}
 * scenario. No draw ends in an internal error or a stack trace; exit 1 only for the documented
 * failures (a timeout, out of memory, a failed sweep point); exit 2 with one message (a
 * multi-problem message: one heading, a problem a line) and no library class name.
 *
 * <p>The draws run in one child JVM with a small heap ({@value #CHILD_HEAP}; {@link FuzzChild}),
 * started once and fed a command line at a time, each under a wall-clock timeout of
 * {@value #DRAW_SECONDS} s (the child is killed and the draw fails past it; a new child takes the
 * next draw). One child rather than one a draw keeps the property within about 30 s.
 */
class CommandFuzzProperties {
    private static final List<String> EDGE = List.of("0", "-1", "NaN", "Infinity", "-Infinity", "1e400",
            "9223372036854775808", "4611686018427387904", "1.5", "", " ", "abc", "\u0663", "\u00e9\u00e8", "2", "4", "1024");
    static final String CHILD_HEAP = "-Xmx256m";
    static final int DRAW_SECONDS = 20;
    private static final Path MODELS = Path.of("..", "input", "src", "test", "resources", "onnx");
    private static final String ARRAY = "accelerators: 4\ntopology: {name: ring, linkBandwidthGBps: 30, "
            + "linkLatencyNs: 500}\ncollective: ring\nlinkModel: flow\nschedule: serial\n";
    private static final String NETWORK = "name: n\nlayers:\n  - {name: c, type: conv, in_ch: 3, in_hw: 8, k: 3, pad: 1, "
            + "out_ch: 4, pool: 2}\n  - {name: f, type: fc, in_ch: 64, out_ch: 10}\n";
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

    /**
     * A command line, built once the files it names are written: {@code file} a mutated scenario
     * (or network) text, {@code kind} and {@code at} the mutation of a binary file (ONNX, Chakra).
     */
    record Draw(String command, List<String> options, String file, int kind, int at) {
    }

    @Provide
    Arbitrary<Draw> draws() {
        Arbitrary<String> command = Arbitraries.of("plan", "run", "sweep", "collective", "chart", "merge", "networks",
                "export-chakra", "describe", "onnx", "chakra");
        Arbitrary<List<String>> values = Arbitraries.of(EDGE).list().ofSize(6);
        Arbitrary<String> base = Arbitraries.of(Stream.concat(SCENARIOS.stream(), Stream.of(NETWORK)).toList());
        Arbitrary<String> file = Combinators.combine(base, Arbitraries.integers().between(0, 9),
                Arbitraries.integers().between(0, 10_000), Arbitraries.of(INSERTS)).as(CommandFuzzProperties::mutate);
        return Combinators.combine(command, values, file, Arbitraries.integers().between(0, 5),
                Arbitraries.integers().between(0, 1_000_000)).as(Draw::new);
    }

    /** A binary file with one edit: cut, a byte flipped, a run of 0xff (huge lengths), bytes cut out, its tail doubled. */
    static byte[] mutate(byte[] b, int kind, int at) {
        if (b.length == 0) {
            return b;
        }
        int i = at % b.length;
        byte[] out = b.clone();
        switch (kind) {
            case 0 -> out = Arrays.copyOf(b, i);
            case 1 -> out[i] ^= (byte) (1 + at % 255);
            case 2 -> Arrays.fill(out, i, Math.min(b.length, i + 8), (byte) 0xff);
            case 3 -> {
                int end = Math.min(b.length, i + 1 + at % 16);
                out = new byte[b.length - (end - i)];
                System.arraycopy(b, 0, out, 0, i);
                System.arraycopy(b, end, out, i, b.length - end);
            }
            case 4 -> {
                out = Arrays.copyOf(b, b.length + b.length - i);
                System.arraycopy(b, i, out, b.length, b.length - i);
            }
            default -> out[i] = (byte) 0x80;
        }
        return out;
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

    @Property(tries = 400, seed = "330034")
    void everyCommandRefusesOrRunsAndNeverCrashes(@ForAll("draws") Draw d) throws Exception {
        Path dir = Files.createTempDirectory("hypar-fuzz-" + DRAW.incrementAndGet() + "-");
        String[] args = args(d, dir);
        Cli r = Child.run(args);
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

    @AfterContainer
    static void stopChild() {
        Child.stop();
    }

    /** The child JVM the draws run in, started on the first draw and again after one is killed. */
    static final class Child {
        private static final ExecutorService READER = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz-child-reader");
            t.setDaemon(true);
            return t;
        });
        private static Process process;
        private static PrintWriter in;
        private static BufferedReader out;

        private Child() {
        }

        static synchronized Cli run(String[] args) throws Exception {
            if (process == null || !process.isAlive()) {
                start();
            }
            StringBuilder line = new StringBuilder();
            for (String a : args) {
                line.append(line.length() == 0 ? "" : " ").append(FuzzChild.encode(a));
            }
            in.println(line);
            Future<String> answer = READER.submit(out::readLine);
            String got;
            try {
                got = answer.get(DRAW_SECONDS, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                stop();
                return fail("no answer within " + DRAW_SECONDS + " s: " + String.join(" ", args));
            }
            if (got == null) {
                stop();
                return fail("the child JVM ended on: " + String.join(" ", args));
            }
            String[] parts = got.split(" ", -1);
            assertEquals(3, parts.length, got);
            return new Cli(Integer.parseInt(parts[0]), FuzzChild.decode(parts[1]), FuzzChild.decode(parts[2]));
        }

        private static void start() throws IOException {
            List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), CHILD_HEAP,
                    "-cp", System.getProperty("java.class.path"), FuzzChild.class.getName());
            Path log = Files.createTempFile("hypar-fuzz-child-", ".log");
            process = new ProcessBuilder(cmd).redirectError(log.toFile()).start();
            in = new PrintWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8), true);
            out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        }

        static synchronized void stop() {
            if (process != null) {
                process.destroyForcibly();
                process = null;
            }
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
            case "chart", "merge" -> results(d, dir, a);
            case "export-chakra" -> {
                String strategy = List.of("dp", "hypar", "mp", v.get(0)).get(d.at() % 4);
                a.addAll(List.of(scenario.toString(), "--strategy", strategy, "--out", dir.resolve("et").toString()));
                if (d.kind() == 1) {
                    a.addAll(List.of("--collectives", d.at() % 2 == 0 ? "as-transfers" : v.get(1)));
                }
            }
            case "describe" -> {
                Path network = dir.resolve("n.yaml");
                Files.writeString(network, d.file());
                String named = List.of("Lenet-c", "ResNet-18", network.toString(), v.get(0)).get(d.at() % 4);
                return new String[] {"networks", "--describe", named, "--format", d.kind() % 2 == 0 ? "json" : "text"};
            }
            case "onnx" -> {
                return onnx(d, dir);
            }
            case "chakra" -> {
                return chakra(d, dir);
            }
            default -> a.add(v.get(0).isBlank() ? "--help" : v.get(0));
        }
        return a.toArray(new String[0]);
    }

    private static void results(Draw d, Path dir, List<String> a) throws IOException {
        List<String> v = d.options();
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

    /** A committed ONNX model, mutated, described or run. */
    private static String[] onnx(Draw d, Path dir) throws IOException {
        List<Path> models;
        try (Stream<Path> files = Files.list(MODELS)) {
            models = files.filter(f -> f.toString().endsWith(".onnx")).sorted().toList();
        }
        Path model = dir.resolve("m.onnx");
        Files.write(model, mutate(Files.readAllBytes(models.get(d.at() % models.size())), d.kind(), d.at() / 7));
        if ((d.at() / 3) % 2 == 0) {
            return new String[] {"networks", "--describe", model.toString(), "--format", "json"};
        }
        Path scenario = dir.resolve("onnx.yaml");
        Files.writeString(scenario, "network: m.onnx\nbatch: 2\naccelerators: 2\nstrategies: [dp]\n");
        return new String[] {"run", scenario.toString(), "--timeout", "5"};
    }

    /** A Chakra trace our exporter wrote, one of its files mutated, replayed by a workload: {chakra} scenario. */
    private static String[] chakra(Draw d, Path dir) throws IOException {
        Path et = dir.resolve("et");
        Files.createDirectories(et);
        List<Path> files;
        try (Stream<Path> all = Files.list(ChakraTemplate.DIR)) {
            files = all.filter(Files::isRegularFile).sorted().toList();
        }
        Path target = files.get(d.at() % files.size());
        for (Path f : files) {
            byte[] bytes = Files.readAllBytes(f);
            Files.write(et.resolve(f.getFileName()), f.equals(target) ? mutate(bytes, d.kind(), d.at() / 11) : bytes);
        }
        Path scenario = dir.resolve("trace.yaml");
        Files.writeString(scenario, "workload: {chakra: et/t, groups: et/groups.json}\n" + ARRAY);
        return new String[] {"run", scenario.toString(), "--timeout", "5", "--format", d.kind() % 2 == 0 ? "json" : "text"};
    }

    /** The trace every Chakra draw starts from: Lenet-c's data-parallel step on a ring of 4, exported once. */
    static final class ChakraTemplate {
        static final Path DIR;

        static {
            try {
                Path dir = Files.createTempDirectory("hypar-fuzz-chakra-");
                Path scenario = dir.resolve("t.yaml");
                Files.writeString(scenario, "network: Lenet-c\nbatch: 8\nstrategies: [dp]\n" + ARRAY);
                DIR = dir.resolve("et");
                Cli export = Cli.run("export-chakra", scenario.toString(), "--strategy", "dp", "--out", DIR.toString());
                if (export.status() != 0) {
                    throw new IllegalStateException(export.err());
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        private ChakraTemplate() {
        }
    }
}
