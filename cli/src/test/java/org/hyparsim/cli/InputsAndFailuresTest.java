package org.hyparsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hyparsim.scenarios.Scenarios;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sweeps that cannot mix inputs, numbers that cannot overflow, every failure a message: one test
 * per case, with hostile and careless input as a user would give it.
 */
class InputsAndFailuresTest {
    @TempDir
    Path dir;

    static void assertRefused(Cli r, String expected) {
        assertEquals(2, r.status(), r.out() + r.err());
        assertTrue(r.err().contains(expected), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
    }

    Cli run(String name, String yaml) throws Exception {
        return Cli.run("run", Scenarios.write(dir, name, yaml).toString());
    }

    static final String NET = "{\"name\": \"tiny\", \"layers\": [{\"name\": \"f1\", \"type\": \"fc\", \"in_ch\": 64, "
            + "\"out_ch\": 32}, {\"name\": \"f2\", \"type\": \"fc\", \"in_ch\": 32, \"out_ch\": %d}]}";

    @Test
    void resumeAfterAReferencedFileChangedIsRefusedNamingIt() throws Exception {
        Files.writeString(dir.resolve("net.json"), String.format(NET, 10));
        Path s = Scenarios.write(dir, "s.yaml", "network: net.json\nstrategies: [dp]\nsweep:\n  accelerators: [2, 4]\n");
        Path out = dir.resolve("o");
        // a journal as an interrupted sweep leaves it
        Files.createDirectories(out);
        Files.writeString(out.resolve(org.hyparsim.scenarios.sweep.SweepJournal.FILE), new ObjectMapper()
                .writeValueAsString(org.hyparsim.scenarios.sweep.SweepJournal.header(
                        org.hyparsim.input.scenario.Sweep.read(s).fingerprint(), null, 2)) + "\n");
        Files.writeString(dir.resolve("net.json"), String.format(NET, 12));
        Cli r = Cli.run("sweep", s.toString(), "--out", out.toString(), "--resume");
        assertRefused(r, "the inputs changed since the journal was written");
        assertTrue(r.err().contains("net.json changed"), r.err());
    }

    @Test
    void mergingShardsOfDifferentInputsIsRefused() throws Exception {
        Path a = Scenarios.write(dir, "a.yaml", "network: Lenet-c\nhardware: hmc-rs\nstrategies: [dp]\n"
                + "sweep:\n  accelerators: [2, 4]\n");
        Path b = Scenarios.write(dir, "b.yaml", "network: Lenet-c\nhardware: paper\nstrategies: [dp]\n"
                + "sweep:\n  accelerators: [2, 4]\n");
        assertEquals(0, Cli.run("sweep", a.toString(), "--out", dir.resolve("s1").toString(), "--shard", "1/2").status());
        assertEquals(0, Cli.run("sweep", b.toString(), "--out", dir.resolve("s2").toString(), "--shard", "2/2").status());
        Cli r = Cli.run("merge", dir.resolve("s1").toString(), dir.resolve("s2").toString(), "--out",
                dir.resolve("m").toString());
        assertRefused(r, "comes from other inputs than");
        assertTrue(r.err().contains("a.yaml") && r.err().contains("b.yaml"), r.err());
    }

    @Test
    void extremeNumbersAreRefusedAtTheReader() throws Exception {
        assertRefused(run("m.yaml", "network: Lenet-c\nhardware: {profile: hmc-rs, memoryLatencyNs: 1e17}\n"),
                "hardware.memoryLatencyNs: must be a number from 0 to 1000000 ns");
        assertRefused(run("b.yaml", "network: Lenet-c\nhardware: {profile: hmc-rs, linkBandwidthGBps: 1e308}\n"),
                "hardware.linkBandwidthGBps: must be a number from");
        assertRefused(run("l.yaml", "network: Lenet-c\ntopology: {name: ring, linkLatencyNs: 1e308}\n"),
                "topology.linkLatencyNs: must be a number from 0 to 1000000 ns");
        assertRefused(run("e.yaml", "network: Lenet-c\nhardware: {profile: hmc-rs, macPj: 1e308}\n"),
                "hardware.macPj: must be a number from 0 to 1000000 pJ");
        assertRefused(run("w.yaml", "network: Lenet-c\nhardware: {profile: hmc-rs, engines: 2.5}\n"),
                "hardware.engines: must be a whole number, got 2.5");
        assertRefused(run("t.yaml", "network: Lenet-c\naccelerators: 4\n"
                + "topology: {name: htree, levelBandwidthGBps: [1, 2, 3, 4, 5]}\n"),
                "topology.levelBandwidthGBps: 5 level bandwidths for an H tree of 2 levels");
        Files.writeString(dir.resolve("big-kernel.txt"), "num_layers 1\nc1 CONV\nin_ch 3\nin_fmap_h 224\n"
                + "in_fmap_w 224\nkernel 999\nout_ch 8\nout_fmap_h 1\nout_fmap_w 1\npool 1\n");
        assertRefused(run("k.yaml", "network: big-kernel.txt\n"), "a kernel of 999 does not fit the padded input");
        // a step that would not fit the engine's clock: a 1 MHz array on a huge batch
        assertRefused(run("c.yaml", "network: VGG-E\nbatch: 1048576\naccelerators: 1\n"
                + "hardware: {profile: hmc-rs, clockMHz: 1, engines: 1, peRows: 1, peCols: 1}\n"),
                "of simulated time (compute");
    }

    @Test
    void duplicateKeysAreRefusedInJsonAsInYaml() throws Exception {
        Cli r = Cli.run("run", Scenarios.write(dir, "d.json",
                "{\"network\": \"Lenet-c\", \"network\": \"SFC\", \"accelerators\": 2}").toString());
        assertRefused(r, "duplicate field 'network'");
        Files.writeString(dir.resolve("net.json"), "{\"name\": \"n\", \"name\": \"m\", \"layers\": []}");
        assertRefused(run("n.yaml", "network: net.json\n"), "duplicate field 'name'");
        Files.writeString(dir.resolve("p.json"), "{\"plan\": [[\"dp\"]], \"plan\": [[\"mp\"]]}");
        assertRefused(run("p.yaml", "network: Lenet-c\naccelerators: 2\nstrategies: [file]\nplan: p.json\n"),
                "duplicate field 'plan'");
    }

    @Test
    void onlyRegularFilesAreRead() throws Exception {
        Cli zero = run("z.yaml", "network: /dev/zero\n");
        assertRefused(zero, "not a regular file");
        Path fifo = dir.resolve("fifo.json");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        if (mk.waitFor() == 0) {
            assertRefused(run("f.yaml", "network: fifo.json\n"), "not a regular file");
        }
    }

    @Test
    void anAccParFileWithAByteOrderMarkIsRead() throws Exception {
        Files.writeString(dir.resolve("bom.txt"), "\uFEFFnum_layers 1\nfc1 FC\nin_ch 64\nout_ch 10\n");
        Cli r = Cli.run("plan", "--network", dir.resolve("bom.txt").toString(), "--accelerators", "2");
        assertEquals(0, r.status(), r.err());
    }

    @Test
    void aPlanFileForAnotherNetworkOrArrayIsRefused() throws Exception {
        Cli plan = Cli.run("plan", "--network", "Lenet-c", "--accelerators", "4", "--format", "json");
        Files.writeString(dir.resolve("plan.json"), plan.out());
        assertEquals(0, run("ok.yaml", "network: Lenet-c\naccelerators: 4\nstrategies: [file]\nplan: plan.json\n")
                .status());
        assertRefused(run("a.yaml", "network: Lenet-c\naccelerators: 8\nstrategies: [file]\nplan: plan.json\n"),
                "accelerators: the plan is for 4 accelerators, not 8");
        assertRefused(run("n.yaml", "network: Cifar-c\naccelerators: 4\nstrategies: [file]\nplan: plan.json\n"),
                "network: the plan is for network Lenet-c, not Cifar-c");
    }

    @Test
    void aWrongOutIsRefusedBeforeAnyComputation() throws Exception {
        Path file = Files.writeString(dir.resolve("taken"), "x");
        assertRefused(Cli.run("reproduce", "--quick", "--out", file.toString()), "--out: '" + file + "' is a file");
        Path s = Scenarios.write(dir, "s.yaml", "network: Lenet-c\naccelerators: 2\n");
        assertRefused(Cli.run("run", s.toString(), "--out", "/proc/hypar-sim-test"), "--out: cannot write into");
    }

    @Test
    void aTruncatedResultsTableIsAMessage() throws Exception {
        Path s = Scenarios.write(dir, "s.yaml", "network: Lenet-c\nstrategies: [dp]\nsweep:\n  accelerators: [2, 4]\n");
        Path out = dir.resolve("o");
        assertEquals(0, Cli.run("sweep", s.toString(), "--out", out.toString()).status());
        String csv = Files.readString(out.resolve("results.csv"));
        Files.writeString(out.resolve("results.csv"), csv.substring(0, csv.length() / 2));
        assertRefused(Cli.run("chart", out.toString()), "results.csv: not a complete results table");
    }

    @Test
    void aSmallerSweepIntoAUsedDirectoryLeavesNoStaleCharts() throws Exception {
        Path out = dir.resolve("o");
        Path two = Scenarios.write(dir, "two.yaml", "network: Lenet-c\nstrategies: [dp, hypar]\n"
                + "sweep:\n  accelerators: [2, 4]\n");
        assertEquals(0, Cli.run("sweep", two.toString(), "--out", out.toString()).status());
        assertTrue(Files.exists(out.resolve("scalability.png")));
        Path one = Scenarios.write(dir, "one.yaml", "network: Cifar-c\naccelerators: 2\nstrategies: [dp]\n"
                + "sweep:\n  batch: [64]\n");
        assertEquals(0, Cli.run("sweep", one.toString(), "--out", out.toString()).status());
        assertFalse(Files.exists(out.resolve("scalability.png")), "the first sweep's scalability chart is gone");
        assertFalse(Files.exists(out.resolve("partition-Lenet-c.png")), "and its partition map");
    }

    @Test
    void theTimeoutMessageNamesItsRange() {
        assertRefused(Cli.run("run", "x.yaml", "--timeout", "1e9"), "--timeout: must be a positive number of seconds below");
    }

    @Test
    void concurrentTransfersOfAnAcceleratorGetTracksOfTheirOwn() throws Exception {
        Path s = Scenarios.write(dir, "s.yaml", "network: Lenet-c\naccelerators: 8\nstrategies: [dp]\n"
                + "collective: direct\n");
        Path out = dir.resolve("o");
        assertEquals(0, Cli.run("run", s.toString(), "--out", out.toString()).status());
        JsonNode trace = new ObjectMapper().readTree(out.resolve("trace.json").toFile());
        Map<String, List<double[]>> byTrack = new HashMap<>();
        for (JsonNode e : trace.get("traceEvents")) {
            if (e.get("ph").asText().equals("X")) {
                byTrack.computeIfAbsent(e.get("pid").asInt() + "/" + e.get("tid").asInt(), k -> new ArrayList<>())
                        .add(new double[] {e.get("ts").asDouble(), e.get("ts").asDouble() + e.get("dur").asDouble()});
            }
        }
        int tracks = 0;
        for (List<double[]> slices : byTrack.values()) {
            slices.sort((x, y) -> Double.compare(x[0], y[0]));
            for (int i = 1; i < slices.size(); i++) {
                assertTrue(slices.get(i)[0] >= slices.get(i - 1)[1] - 1e-9, "slices on one track overlap");
            }
            tracks++;
        }
        assertTrue(tracks > 16, "direct sends several transfers at once: more tracks than compute and one send each");
    }

    @Test
    void outOfMemoryIsAMessageWithTheRemedy() throws Exception {
        Path s = Scenarios.write(dir, "big.yaml", "network: VGG-E\naccelerators: 1024\ntopology: ring\nstrategies: [hypar]\n");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx64m",
                "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"), HyparSimCommand.class.getName(),
                "run", s.toString()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertEquals(1, p.waitFor(), output);
        assertTrue(output.contains("out of memory: the Java heap is limited to"), output);
        assertTrue(output.contains("HYPAR_SIM_JAVA_OPTS=-Xmx"), output);
        assertFalse(output.contains("\tat "), output);
    }

    @Test
    void theTimeoutHoldsWhateverAnEventCosts() throws Exception {
        // thousands of accelerators on one shared bus: planning, graph building and events all slow
        Path s = Scenarios.write(dir, "slow.yaml", "network: VGG-A\naccelerators: 4096\ntopology: bus\n"
                + "strategies: [mp]\n");
        long t0 = System.nanoTime();
        Cli r = Cli.run("run", s.toString(), "--timeout", "1");
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertEquals(1, r.status(), r.err());
        assertTrue(r.err().contains("timed out after 1.0 s"), r.err());
        assertTrue(seconds < 1 + 5, "stopped " + seconds + " s after start");
    }
}
