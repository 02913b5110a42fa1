package org.hyparsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** export-chakra, and run of a scenario whose workload is the exported trace. */
class ChakraCommandsTest {
    private static final String ARRAY = "accelerators: 16\ntopology: {name: ring, linkBandwidthGBps: 30, "
            + "linkLatencyNs: 500}\ncollective: ring\nlinkModel: flow\nschedule: serial\n";

    @TempDir
    Path dir;

    @Test
    void exportThenRunTheTrace() throws Exception {
        Path scenario = dir.resolve("vgg.yaml");
        Files.writeString(scenario, "network: VGG-E\nbatch: 64\nstrategies: [dp]\n" + ARRAY);
        Cli export = Cli.run("export-chakra", scenario.toString(), "--strategy", "dp", "--out", dir.resolve("et").toString());
        assertEquals(0, export.status(), export.err());
        assertTrue(Files.exists(dir.resolve("et/vgg.15.et")) && Files.exists(dir.resolve("et/groups.json"))
                && Files.exists(dir.resolve("et/network.yml")) && Files.exists(dir.resolve("et/system.json")));
        Path replay = dir.resolve("replay.yaml");
        Files.writeString(replay, "workload: {chakra: et/vgg, groups: et/groups.json}\n" + ARRAY);
        Cli run = Cli.run("run", replay.toString(), "--format", "json");
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("\"stepTimeSeconds\""), run.out());
    }

    @Test
    void aTraceScenarioWithANetworkIsRefused() throws Exception {
        Path replay = dir.resolve("bad.yaml");
        Files.writeString(replay, "workload: {chakra: et/vgg}\nnetwork: VGG-E\n" + ARRAY);
        Cli run = Cli.run("run", replay.toString());
        assertEquals(2, run.status());
        assertTrue(run.err().contains("network: a scenario that replays a Chakra trace has no network"), run.err());
        Path missing = dir.resolve("missing.yaml");
        Files.writeString(missing, "workload: {chakra: nowhere/x}\n" + ARRAY);
        Cli none = Cli.run("run", missing.toString());
        assertEquals(2, none.status());
        assertTrue(none.err().contains("rank 0: missing"), none.err());
    }
}
