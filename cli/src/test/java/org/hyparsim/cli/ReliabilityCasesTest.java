package org.hyparsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.nio.file.attribute.FileTime;
import java.util.Locale;
import java.util.stream.Stream;
import org.hyparsim.core.Limits;
import org.hyparsim.scenarios.sweep.OutputLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The cases of issue 33, before -> after, over the command line. Before: what the issue saw;
 * after: the exit status and the message each gives now.
 */
class ReliabilityCasesTest {
    @TempDir
    static Path dir;

    private static final String[] COLLECTIVE = {"collective", "--op", "all-reduce", "--topology", "ring", "--algorithm",
        "ring"};

    private static String[] collective(String... more) {
        List<String> a = new ArrayList<>(List.of(COLLECTIVE));
        a.addAll(List.of(more));
        return a.toArray(new String[0]);
    }

    private static String file(String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f.toString();
    }

    /** Each case: name (what it was before), the command line, the exit status now and what stderr says. */
    static Stream<Arguments> refusals() throws Exception {
        return Stream.of(
            Arguments.of("tag !!int accepted -> refused", new String[] {"run",
                file("tag.yaml", "network: Lenet-c\nbatch: !!int \"4\"\n")}, "a YAML tag (!!int) is not read"),
            Arguments.of("tag !!java.io.File accepted -> refused", new String[] {"run",
                file("tag2.yaml", "network: !!java.io.File Lenet-c\n")}, "a YAML tag (!!java.io.File) is not read"),
            Arguments.of("batch: ~ took the default -> refused as batch: is", new String[] {"run",
                file("null1.yaml", "network: Lenet-c\nbatch: ~\n")}, "batch: no value (null, ~ or nothing after the colon)"),
            Arguments.of("batch: (nothing) -> the same message", new String[] {"run",
                file("null2.yaml", "network: Lenet-c\nbatch:\n")}, "batch: no value (null, ~ or nothing after the colon)"),
            Arguments.of("out_hw 100 from in_hw 8, k 3 ran with 266x compute -> refused with both values",
                new String[] {"run", file("shape.yaml", "network:\n  layers:\n    - {name: c, type: conv, in_ch: 3, in_hw: 8,"
                    + " k: 3, out_ch: 4, out_hw: 100}\n    - {name: f, type: fc, in_ch: 144, out_ch: 2}\n")},
                "out_hw: declared 100, but in_hw 8, k 3, stride 1 and pad 0 give 6"),
            Arguments.of("AccPar out_fmap 100 ran -> refused", new String[] {"run", file("accpar.yaml", "network: "
                + file("bad.txt", "num_layers 1\nc CONV\nin_ch 3\nin_fmap_h 8\nin_fmap_w 8\nkernel 3\nout_ch 4\n"
                + "out_fmap_h 100\nout_fmap_w 100\npool 1\n") + "\n")}, "more than any stride and padding make"),
            Arguments.of("accelerators: 0 said 'to 9223372036854775807' -> the real bound", new String[] {"run",
                file("acc0.yaml", "network: Lenet-c\naccelerators: 0\n")},
                "accelerators must be a power of two from 1 to 65536, got 0"),
            Arguments.of("--out '' wrote into the working directory -> refused", new String[] {"run",
                file("ok.yaml", "network: Lenet-c\naccelerators: 2\n"), "--out", ""}, "--out: an empty directory name"),
            Arguments.of("--out '  ' -> refused", new String[] {"sweep", file("sw.yaml",
                "network: Lenet-c\nsweep: {batch: [2]}\n"), "--out", "  "}, "--out: an empty directory name"),
            Arguments.of("collective --bytes 2^62: engine error -> refused", collective("--bytes", "4611686018427387904",
                "--accelerators", "4"), "--bytes: must be a positive number of bytes: a whole number from 1 to 1099511627776"),
            Arguments.of("collective 1e12 bytes at 0.0001 GB/s: engine error -> refused", collective("--bytes", "1e12",
                "--accelerators", "4", "--link-bandwidth", "0.0001"), "--link-bandwidth: must be a number from 0.001"),
            Arguments.of("collective 1e12 bytes at 0.001 GB/s -> refused by time", collective("--bytes", "1e12",
                "--accelerators", "8", "--link-bandwidth", "0.001"), "--bytes: the collective could take up to "),
            Arguments.of("collective 65536 switch direct: NegativeArraySizeException -> refused", new String[] {
                "collective", "--op", "all-to-all", "--topology", "switch", "--algorithm", "direct", "--bytes", "1024",
                "--accelerators", "65536"}, "--accelerators: 65536 accelerators exchanging directly make 4294901760 transfers"),
            Arguments.of("collective --bytes 1.5 accepted -> refused", collective("--bytes", "1.5", "--accelerators", "4"),
                "--bytes: must be a positive number of bytes: a whole number"),
            Arguments.of("nesting too deep named Jackson's StreamReadConstraints -> our limit's property", new String[] {
                "run", file("deep.yaml", "network: Lenet-c\nbatch: " + "[".repeat(70) + "]".repeat(70) + "\n")},
                "batch: nested more than 64 deep (system property hypar-sim.maxNestingDepth)"),
            Arguments.of("merge of a truncated results.json printed Jackson's source description -> our words",
                new String[] {"merge", truncatedResults(), "--out", dir.resolve("merged").toString()},
                "results.json: unreadable: the text ends too early"),
            Arguments.of("idealMacsPerSecond: 0 on hmc-rs accepted -> refused by the README's range", new String[] {"run",
                file("ideal0.yaml", "network: Lenet-c\nhardware: {profile: hmc-rs, idealMacsPerSecond: 0}\n")},
                "hardware.idealMacsPerSecond: must be a number from 1000000 to 1.0E18 MAC/s, got 0.0"),
            Arguments.of("idealMacsPerSecond: 5 on hmc-rs accepted -> refused", new String[] {"run",
                file("ideal5.yaml", "network: Lenet-c\nhardware: {profile: hmc-rs, idealMacsPerSecond: 5}\n")},
                "hardware.idealMacsPerSecond: must be a number from 1000000 to 1.0E18 MAC/s, got 5.0"),
            Arguments.of("clockMHz: 0 on the ideal profile (unused there) -> refused alike", new String[] {"run",
                file("clock0.yaml", "network: Lenet-c\nhardware: {profile: paper, clockMHz: 0}\n")},
                "hardware.clockMHz: must be a number from 1 to 100000 MHz, got 0.0"),
            Arguments.of("collective on one accelerator printed NaN% -> refused", collective("--bytes", "1024",
                "--accelerators", "1"), "--accelerators: a collective needs at least 2 accelerators"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void eachCaseIsRefusedWithOneMessage(String name, String[] args, String expected) {
        Cli r = Cli.run(args);
        assertEquals(2, r.status(), r.err());
        assertTrue(r.err().contains(expected), r.err());
        assertFalse(r.err().contains("\tat ") || r.err().contains("Exception"), r.err());
    }

    private static String truncatedResults() throws Exception {
        Path res = dir.resolve("truncated");
        Files.createDirectories(res);
        Files.writeString(res.resolve("results.json"), "{\"fingerprint\": {\"files\": [{\"path\": \"s.yaml\", ");
        return res.toString();
    }

    @Test
    void everyNetworksPartitionMapIsDrawnUnderANameOfItsOwn() throws Exception {
        // before: at most 4 partition maps a sweep, without a word, and names differing by case overwrote each other;
        // after: five networks named net, Net, nEt, neT, NET: five maps, five file names
        List<String> files = new ArrayList<>();
        for (String n : List.of("net", "Net", "nEt", "neT", "NET")) {
            files.add(file(n + "-file.yaml", "name: " + n + "\nlayers:\n  - {name: c, type: conv, in_ch: 3, in_hw: 8, "
                    + "k: 3, pad: 1, out_ch: 4, pool: 2}\n  - {name: f, type: fc, in_ch: 64, out_ch: 10}\n"));
        }
        Path out = dir.resolve("five");
        Cli s = Cli.run("sweep", file("five.yaml", "accelerators: 2\nstrategies: [dp, hypar]\nsweep: {network: ["
                + String.join(", ", files) + "]}\n"), "--out", out.toString());
        assertEquals(0, s.status(), s.err());
        List<String> maps;
        try (Stream<Path> all = Files.list(out)) {
            maps = all.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("partition-") && n.endsWith(".svg"))
                    .map(n -> n.toLowerCase(Locale.ROOT)).distinct().toList();
        }
        assertEquals(5, maps.size(), maps.toString());
    }

    @Test
    void anAliasRunsTheNetworkItStandsFor() throws Exception {
        // before: Lenet-c (the anchor's name); after: Cifar-c (the anchor's value)
        Cli r = Cli.run("run", file("alias.yaml", "description: &Lenet-c Cifar-c\nnetwork: *Lenet-c\naccelerators: 2\n"
                + "strategies: [dp]\n"));
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().startsWith("Cifar-c"), r.out());
        // before: refused with got "b"; after: two points of batch 2 and one of 4
        Cli s = Cli.run("sweep", file("aliases.yaml", "network: Lenet-c\naccelerators: 2\nstrategies: [dp]\n"
                + "sweep: {batch: [&b 2, *b, 4]}\n"), "--out", dir.resolve("alias-out").toString());
        assertEquals(0, s.status(), s.err());
        assertTrue(s.out().startsWith("3 of 3 points run; 0 failed"), s.out());
    }

    @Test
    void limitPropertiesAreParsedAsOptionsAre() {
        for (String[] c : new String[][] {{"maxLayers", "10", "from 675 to"}, {"maxLayers", "abc", "got 'abc'"},
            {"maxLayers", "-1", "got -1"}, {"maxLayers", "0", "got 0"}, {"maxFileBytes", "0", "got 0"}}) {
            String key = Limits.property(c[0]);
            System.setProperty(key, c[1]);
            try {
                Cli r = Cli.run("networks");
                assertEquals(2, r.status(), r.err());
                assertTrue(r.err().startsWith("hypar-sim: system property " + key + ": expected a whole number"), r.err());
                assertTrue(r.err().contains(c[2]), r.err());
                assertEquals(1, r.err().strip().lines().count(), r.err());
            } finally {
                System.clearProperty(key);
            }
        }
    }

    @Test
    void aRefusedInputCreatesNoOutputDirectory() throws Exception {
        Path out = dir.resolve("never/made");
        Cli r = Cli.run("sweep", file("bad-sweep.yaml", "network: Nope\nsweep: {batch: [2]}\n"), "--out", out.toString());
        assertEquals(2, r.status(), r.err());
        assertFalse(Files.exists(dir.resolve("never")), "a refused input made its --out");
        Cli run = Cli.run("run", file("bad-run.yaml", "network: Nope\n"), "--out", out.toString());
        assertEquals(2, run.status(), run.err());
        assertFalse(Files.exists(dir.resolve("never")), "a refused input made its --out");
    }

    @Test
    void aRunIntoASweepsDirectoryIsRefusedUnlessForced() throws Exception {
        Path out = dir.resolve("mixed");
        Cli s = Cli.run("sweep", file("mix.yaml", "network: Lenet-c\naccelerators: 2\nstrategies: [dp]\n"
                + "sweep: {batch: [2]}\n"), "--out", out.toString());
        assertEquals(0, s.status(), s.err());
        String run = file("mix-run.yaml", "network: Lenet-c\naccelerators: 2\nstrategies: [dp]\n");
        Cli r = Cli.run("run", run, "--out", out.toString());
        assertEquals(2, r.status(), r.err());
        assertTrue(r.err().contains("holds a sweep's results (results.csv); a run's would mix with them"), r.err());
        assertFalse(Files.exists(out.resolve("runs.json")));
        assertEquals(0, Cli.run("run", run, "--out", out.toString(), "--force").status());
        assertFalse(Files.exists(out.resolve(OutputLock.FILE)), "the lock is released");
    }

    @Test
    void aLockOfALiveProcessRefusesAndOneOfADeadProcessIsTakenOver() throws Exception {
        Path out = dir.resolve("locked");
        Files.createDirectories(out);
        String scenario = file("lk.yaml", "network: Lenet-c\naccelerators: 2\nstrategies: [dp]\nsweep: {batch: [2]}\n");
        long me = ProcessHandle.current().pid();
        String host = java.net.InetAddress.getLocalHost().getHostName();
        Files.writeString(out.resolve(OutputLock.FILE), me + " " + host + " sweep\n");
        Cli held = Cli.run("sweep", scenario, "--out", out.toString());
        assertEquals(2, held.status(), held.err());
        assertTrue(held.err().contains("is in use by hypar-sim sweep (pid " + me + " on " + host + ")"), held.err());
        Files.writeString(out.resolve(OutputLock.FILE), "2147483646 " + host + " sweep\n");
        Cli stale = Cli.run("sweep", scenario, "--out", out.toString());
        assertEquals(0, stale.status(), stale.err());
        assertFalse(Files.exists(out.resolve(OutputLock.FILE)));
    }

    @Test
    void aBlankLockLeftLongAgoIsTakenOver() throws Exception {
        Path out = dir.resolve("blank");
        Files.createDirectories(out);
        String scenario = file("bl.yaml", "network: Lenet-c\naccelerators: 2\nstrategies: [dp]\nsweep: {batch: [2]}\n");
        Path lock = out.resolve(OutputLock.FILE);
        // made by a command that died before it wrote its pid: blank, and older than a live one's first write
        Files.writeString(lock, "");
        Files.setLastModifiedTime(lock, FileTime.fromMillis(System.currentTimeMillis() - 60_000));
        Cli taken = Cli.run("sweep", scenario, "--out", out.toString());
        assertEquals(0, taken.status(), taken.err());
        assertFalse(Files.exists(lock), "the lock is released");
    }

    @Test
    void chartRefusesABrokenResultsTableWithOneLineNamingRowAndColumn() throws Exception {
        Path out = dir.resolve("chart");
        Cli s = Cli.run("sweep", file("ch.yaml", "network: Lenet-c\naccelerators: 2\nstrategies: [dp]\n"
                + "sweep: {batch: [2, 4]}\n"), "--out", out.toString());
        assertEquals(0, s.status(), s.err());
        String csv = Files.readString(out.resolve("results.csv"));
        List<String> lines = csv.lines().toList();
        List<String> header = List.of(lines.get(0).split(","));
        // before: NullPointerException; after: the missing column named
        Files.writeString(out.resolve("results.csv"), dropColumn(lines, header.indexOf("hardware")));
        assertChartRefused(out, "results.csv: hardware: missing column");
        // before: an empty chart, exit 0; after: refused
        Files.writeString(out.resolve("results.csv"), dropColumn(lines, header.indexOf("energyJoules")));
        assertChartRefused(out, "results.csv: energyJoules: missing column");
        Files.writeString(out.resolve("results.csv"), dropColumn(lines, header.indexOf("plan")));
        assertChartRefused(out, "results.csv: plan: missing column");
        // before: the group silently left out; after: the row and column named
        for (String bad : new String[] {"NaN", "-1", "Infinity"}) {
            Files.writeString(out.resolve("results.csv"), setCell(lines, 2, header.indexOf("stepTimeSeconds"), bad));
            assertChartRefused(out, "results.csv: row 3, column stepTimeSeconds: '" + bad + "' is not a finite number");
        }
        // before: "(through reference chain ...)"; after: the names known
        Files.writeString(out.resolve("results.csv"), setCell(lines, 1, header.indexOf("strategy"), "hyparr"));
        assertChartRefused(out, "results.csv: row 2, column strategy: 'hyparr' is not one of");
        Files.writeString(out.resolve("results.csv"), csv);
        assertEquals(0, Cli.run("chart", out.toString()).status());
    }

    private static void assertChartRefused(Path out, String expected) {
        Cli r = Cli.run("chart", out.toString());
        assertEquals(2, r.status(), r.err());
        assertTrue(r.err().contains(expected), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertFalse(r.err().contains("reference chain") || r.err().contains("Exception"), r.err());
    }

    private static String dropColumn(List<String> lines, int column) {
        StringBuilder sb = new StringBuilder();
        for (String line : lines) {
            List<String> cells = new ArrayList<>(List.of(line.split(",", -1)));
            cells.remove(column);
            sb.append(String.join(",", cells)).append('\n');
        }
        return sb.toString();
    }

    private static String setCell(List<String> lines, int row, int column, String value) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            List<String> cells = new ArrayList<>(List.of(lines.get(i).split(",", -1)));
            if (i == row) {
                cells.set(column, value);
            }
            sb.append(String.join(",", cells)).append('\n');
        }
        return sb.toString();
    }

    @Test
    void aFailedPointSaysWhyAsItFailsAndResumeRetriesExactlyTheFailedPoints() throws Exception {
        Path out = dir.resolve("failing");
        String scenario = file("fail.yaml", "network: Lenet-c\naccelerators: 2\nstrategies: [dp]\nsweep: {batch: [2, 4]}\n");
        Cli failed = Cli.run("sweep", scenario, "--out", out.toString(), "--timeout", "1e-9", "--threads", "1");
        assertEquals(1, failed.status(), failed.err());
        assertTrue(failed.err().contains("point 0 {batch=2} failed: "), failed.err());
        assertTrue(failed.err().contains("point 1 {batch=4} failed: "), failed.err());
        assertTrue(failed.err().contains("run again with --resume to retry exactly them"), failed.err());
        assertTrue(Files.exists(out.resolve(org.hyparsim.scenarios.sweep.SweepJournal.FILE)), "the journal is kept");
        Cli resumed = Cli.run("sweep", scenario, "--out", out.toString(), "--resume");
        assertEquals(0, resumed.status(), resumed.err());
        assertTrue(resumed.err().contains("resuming: 0 of 2 points already done, 2 to run"), resumed.err());
        assertFalse(Files.exists(out.resolve(org.hyparsim.scenarios.sweep.SweepJournal.FILE)));
    }
}
