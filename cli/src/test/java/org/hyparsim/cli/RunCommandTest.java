package org.hyparsim.cli;

import org.hyparsim.core.Limits;
import org.hyparsim.scenarios.Scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {
    @TempDir
    Path dir;

    @Test
    void theMinimalScenarioWorksAsWritten() throws Exception {
        Path f = Scenarios.write(dir, "min.yaml", """
                network: Lenet-c      # built-in name
                batch: 256
                accelerators: 16
                topology: htree       # htree | torus | mesh | ring | switch | bus
                hardware: hmc-rs      # profile name, or {profile: hmc-rs, <overrides>}
                schedule: overlap     # overlap | serial
                strategies: [dp, mp, trick, hypar]
                """);
        Cli r = Cli.run("run", f.toString(), "--format", "json", "--out", dir.resolve("out").toString());
        assertEquals(0, r.status(), r.err());
        JsonNode runs = new ObjectMapper().readTree(r.out()).get("runs");
        assertEquals(4, runs.size());
        for (JsonNode run : runs) {
            for (String field : List.of("network", "batch", "accelerators", "topology", "hardware", "schedule", "strategy",
                    "stepTimeSeconds", "computeSeconds", "exposedCommunicationSeconds", "communicationBytes", "linkBytes",
                    "dramBytes", "macs", "energyJoules", "energy", "events", "layers")) {
                assertTrue(run.has(field), field);
            }
            for (String c : List.of("mac", "registerFile", "arrayNetwork", "globalBuffer", "dram", "link", "static")) {
                assertTrue(run.get("energy").has(c), c);
            }
            assertEquals(4, run.get("layers").size());
        }
        for (String file : List.of("runs.json", "summary.csv", "layers.csv", "links.csv", "trace.json")) {
            assertTrue(Files.size(dir.resolve("out").resolve(file)) > 0, file);
        }
        JsonNode trace = new ObjectMapper().readTree(dir.resolve("out/trace.json").toFile());
        assertTrue(trace.get("traceEvents").size() > 100);
        assertEquals(5, Files.readAllLines(dir.resolve("out/summary.csv")).size());
        try (var files = Files.list(dir.resolve("out"))) {
            assertFalse(files.anyMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary file left");
        }
    }

    /**
     * A trace past its limit (lowered here to 200 slices a run) keeps whole accelerators from 0, as
     * many as fit, and says which: labelled "traced: accelerators 0-k of 8", thread names for those only.
     */
    @Test
    void aTraceKeepsTheAcceleratorsThatFitItsLimit() throws Exception {
        Path f = Scenarios.write(dir, "tr.yaml", "network: Lenet-c\naccelerators: 8\nsymmetry: off\nstrategies: [dp]\n");
        String key = org.hyparsim.core.Limits.property("maxTraceEvents");
        System.setProperty(key, "200");
        try {
            assertEquals(0, Cli.run("run", f.toString(), "--out", dir.resolve("tr").toString()).status());
        } finally {
            System.clearProperty(key);
        }
        JsonNode trace = new ObjectMapper().readTree(dir.resolve("tr/trace.json").toFile());
        int slices = 0;
        String label = null;
        java.util.Set<Integer> named = new java.util.TreeSet<>();
        for (JsonNode e : trace.get("traceEvents")) {
            String ph = e.get("ph").asText();
            if (ph.equals("X")) {
                slices++;
            } else if (e.get("name").asText().equals("process_labels")) {
                label = e.get("args").get("labels").asText();
            } else if (e.get("name").asText().equals("thread_name")) {
                String n = e.get("args").get("name").asText();
                named.add(Integer.parseInt(n.substring(1, n.indexOf(' '))));
            }
        }
        int most = named.stream().mapToInt(Integer::intValue).max().orElse(-1);
        assertTrue(slices > 0 && slices <= 200, slices + " slices");
        assertTrue(most >= 1 && most < 7, "accelerators 0.." + most);
        assertEquals("traced: accelerators " + (most == 0 ? "0" : "0-" + most) + " of 8", label);
    }

    @Test
    void textOutputIsATable() throws Exception {
        Path f = Scenarios.write(dir, "t.yaml", "network: SCONV\naccelerators: 4\n");
        Cli r = Cli.run("run", f.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("step time"), r.out());
        assertTrue(r.out().contains("hypar"), r.out());
    }

    private void assertBadScenario(String yaml, String expected) throws Exception {
        Path f = Scenarios.write(dir, "bad.yaml", yaml);
        Cli r = Cli.run("run", f.toString());
        assertEquals(2, r.status(), r.err());
        assertTrue(r.err().contains(f.toString()), r.err());
        assertTrue(r.err().contains(expected), r.err());
        assertEquals("", r.out());
    }

    @Test
    void badScenariosAreRefusedNamingTheFileFieldAndReason() throws Exception {
        assertBadScenario("network: VGG-A\nbandwith: 3\n", "bandwith: unknown field 'bandwith'");
        assertBadScenario("network: VGG-A\naccelerators: sixteen\n", "accelerators: wrong type: expected a whole number");
        assertBadScenario("network: nets/missing.json\n", "network: 'nets/missing.json' is neither a built-in network");
        assertBadScenario("network: VGG-A\naccelerators: 12\n", "accelerators: accelerators must be a power of two");
        assertBadScenario("network: VGG-A\nbatch: 0\n", "batch: must be from 1 to");
        assertBadScenario("network: VGG-A\ntopology: hypercube\n", "topology: 'hypercube' is not one of");
        assertBadScenario("network: VGG-A\nhardware: {profile: hmc-rs, bandwith: 3}\n", "hardware.bandwith: unknown hardware field");
        assertBadScenario("network: VGG-A\nhardware: {profile: hmc-rs, linkBandwidthGBps: -1}\n",
                "hardware.linkBandwidthGBps: must be a number from 0.001 to");
        assertBadScenario("network: VGG-A\nstrategies: [dp, fastest]\n", "strategies[1]: unknown strategy 'fastest'");
    }

    @Test
    void errorsInAReferencedHardwareFileNameThatFile() throws Exception {
        Path hw = Scenarios.write(dir, "hw.yaml", "profile: hmc-rs\nbandwith: 3\n");
        Cli r = Cli.run("run", Scenarios.write(dir, "a.yaml", "network: VGG-A\nhardware: hw.yaml\n").toString());
        assertEquals(2, r.status(), r.err());
        assertTrue(r.err().contains(hw + ": bandwith: unknown hardware field 'bandwith'"), r.err());
        Path topo = Scenarios.write(dir, "topo.yaml", "name: torus\nlinkBandwidthGBps: -2\n");
        r = Cli.run("run", Scenarios.write(dir, "b.yaml", "network: VGG-A\ntopology: topo.yaml\n").toString());
        assertEquals(2, r.status(), r.err());
        assertTrue(r.err().contains(topo + ": linkBandwidthGBps: must be a number from 0.001 to"), r.err());
    }

    @Test
    void allProblemsAreReportedAtOnce() throws Exception {
        Path f = Scenarios.write(dir, "two.yaml", "network: VGG-A\nbatch: 0\ntopology: hypercube\n");
        Cli r = Cli.run("run", f.toString());
        assertEquals(2, r.status());
        assertTrue(r.err().contains("2 problems"), r.err());
    }

    @Test
    void hardwareOverridesApply() throws Exception {
        Path slow = Scenarios.write(dir, "slow.yaml", "network: AlexNet\naccelerators: 8\ntopology: bus\nstrategies: [dp]\n"
                + "hardware: {profile: hmc-rs, busBandwidthGBps: 1}\n");
        Path fast = Scenarios.write(dir, "fast.yaml", "network: AlexNet\naccelerators: 8\ntopology: bus\nstrategies: [dp]\n");
        ObjectMapper m = new ObjectMapper();
        JsonNode s = m.readTree(Cli.run("run", slow.toString(), "--format", "json").out()).get("runs").get(0);
        JsonNode q = m.readTree(Cli.run("run", fast.toString(), "--format", "json").out()).get("runs").get(0);
        assertEquals("hmc-rs+busBandwidthGBps=1", s.get("hardware").asText());
        assertTrue(s.get("stepTimeSeconds").asDouble() > q.get("stepTimeSeconds").asDouble());
    }

    @Test
    void networkFilesAreResolvedAgainstTheScenario() throws Exception {
        Files.createDirectories(dir.resolve("nets"));
        Files.writeString(dir.resolve("nets/tiny.yaml"), "layers:\n  - {name: f1, type: fc, in_ch: 64, out_ch: 64}\n"
                + "  - {name: f2, type: fc, in_ch: 64, out_ch: 10}\n");
        Path f = Scenarios.write(dir, "s.yaml", "network: nets/tiny.yaml\naccelerators: 4\n");
        Cli r = Cli.run("run", f.toString(), "--format", "json");
        assertEquals(0, r.status(), r.err());
        assertEquals("tiny", new ObjectMapper().readTree(r.out()).get("runs").get(0).get("network").asText());
    }

    @Test
    void theSameScenarioTwiceGivesIdenticalJson() throws Exception {
        Path f = Scenarios.write(dir, "vgg.yaml", "network: VGG-A\naccelerators: 8\ntopology: torus\n");
        Cli a = Cli.run("run", f.toString(), "--format", "json");
        Cli b = Cli.run("run", f.toString(), "--format", "json");
        assertEquals(0, a.status(), a.err());
        assertEquals(a.out(), b.out());
        assertTrue(a.out().contains("\"stepTimeSeconds\""));
    }

    /** Strategies run at once give what they give one after another, the timed plan among them. */
    @Test
    void strategiesOnSeveralThreadsGiveWhatTheyGiveOnOne() throws Exception {
        Path f = Scenarios.write(dir, "par.yaml", "network: AlexNet\naccelerators: 16\ntopology: torus\n"
                + "strategies: [dp, mp, trick, hypar, accpar, timed]\n");
        Cli one = Cli.run("run", f.toString(), "--format", "json", "--threads", "1");
        Cli four = Cli.run("run", f.toString(), "--format", "json", "--threads", "4");
        assertEquals(0, one.status(), one.err());
        assertEquals(0, four.status(), four.err());
        assertEquals(one.out(), four.out());
        assertEquals(6, new ObjectMapper().readTree(four.out()).get("runs").size());
        Cli none = Cli.run("run", f.toString(), "--threads", "0");
        assertEquals(2, none.status());
        assertTrue(none.err().contains("--threads") && none.err().contains("must be from 1 to 1024"), none.err());
    }

    @Test
    void energyComesByLevelOfTheMemoryHierarchyAndSumsToTheTotal() throws Exception {
        Path f = Scenarios.write(dir, "inf.yaml", "network: Lenet-c\naccelerators: 2\nphase: inference\nstrategies: [mp]\n");
        Cli r = Cli.run("run", f.toString(), "--format", "json");
        assertEquals(0, r.status(), r.err());
        com.fasterxml.jackson.databind.JsonNode run = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out())
                .get("runs").get(0);
        double sum = 0;
        for (String key : List.of("mac", "registerFile", "arrayNetwork", "globalBuffer", "dram", "link", "static")) {
            assertTrue(run.get("energy").has(key), key);
            sum += run.get("energy").get(key).asDouble();
        }
        assertEquals(run.get("energyJoules").asDouble(), sum, 1e-9 * sum);
        assertEquals("inference", run.get("phase").asText());
        // inference performs the forward MACs only: 256 samples x Lenet-c's forward MACs per sample
        double forward = 256.0 * org.hyparsim.input.networks.NetworkCatalog.builtIn().get("Lenet-c").forwardMacsPerSample();
        assertEquals(forward, run.get("macs").asDouble(), 1e-6 * forward);
        assertTrue(run.get("layers").get(0).has("energyRegisterFileJoules"), "per layer too");
    }

    @Test
    void aLongRunShowsItsProgress() throws Exception {
        // VGG-E mp at packet level (named: flows would be quick) replays millions of events: more than a second
        Path f = Scenarios.write(dir, "long.yaml", "network: VGG-E\nlinkModel: packet\nstrategies: [mp]\n");
        Cli r = Cli.run("run", f.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.err().contains("run: mp, simulated "), r.err());
        assertTrue(r.err().contains(" events"), r.err());
    }

    /** Where auto's rings are withdrawn (the share limit lowered), the text and the JSON say so for that run only. */
    @Test
    void aWithdrawalOfAutosRingsIsSaidInTextAndJson() throws Exception {
        Path f = Scenarios.write(dir, "rings.yaml", "network: VGG-A\nbatch: 256\naccelerators: 64\ntopology: torus\n"
                + "hardware: hmc-rs\nlinkModel: calendar\nstrategies: [dp, hypar]\n");
        String property = Limits.property("maxRingShareTasks");
        System.setProperty(property, "1");
        try {
            Cli text = Cli.run("run", f.toString());
            assertEquals(0, text.status(), text.err());
            assertTrue(text.out().contains("hypar: auto's rings withdrawn"), text.out());
            assertFalse(text.out().contains("dp: auto's rings withdrawn"), text.out());
            Cli json = Cli.run("run", f.toString(), "--format", "json");
            JsonNode runs = new ObjectMapper().readTree(json.out()).get("runs");
            assertFalse(runs.get(0).has("notes"), "dp: one accelerator for all, nothing withdrawn");
            assertTrue(runs.get(1).get("notes").get(0).asText().startsWith("auto's rings withdrawn"), runs.get(1).toString());
        } finally {
            System.clearProperty(property);
        }
    }
}
