package org.hyparsim.cli;

import static org.hyparsim.cli.InputsAndFailuresTest.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hyparsim.scenarios.Scenarios;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Heterogeneous arrays, uneven plans and the timed strategy on the command line, and their bad input. */
class TimedCommandsTest {
    @TempDir
    Path dir;

    private static final String MIXED = "hardware: [{profile: hmc-rs, count: 2}, {profile: hmc-rs, clockMHz: 250, count: 2}]\n";

    private static void assertOneMessage(Cli r, String expected) {
        assertRefused(r, expected);
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }

    private Cli run(String name, String yaml) throws Exception {
        return Cli.run("run", Scenarios.write(dir, name, yaml).toString());
    }

    @Test
    void aMixedArrayRunsAnUnevenPlanAndReportsItsGroups() throws Exception {
        Files.writeString(dir.resolve("p.json"), "{\"plan\": [[\"dp\",\"dp\",\"dp\",\"dp\"], [\"dp\",\"dp\",\"dp\",\"dp\"]], "
                + "\"ratios\": [[0.66,0.66,0.6,0.6], [0.5,0.5,0.5,0.5]]}");
        Cli r = Cli.run("run", Scenarios.write(dir, "m.yaml", "network: Lenet-c\naccelerators: 4\n" + MIXED
                + "strategies: [file, timed]\nplan: p.json\nplanBudget: 6\n").toString(), "--format", "json");
        assertEquals(0, r.status(), r.err());
        JsonNode runs = new ObjectMapper().readTree(r.out()).get("runs");
        assertEquals(0.66, runs.get(0).get("ratios").get(0).get(0).asDouble());
        assertEquals(2, runs.get(0).get("groups").size());
        assertEquals("hmc-rs+clockMHz=250", runs.get(0).get("groups").get(1).get("hardware").asText());
        assertTrue(runs.get(1).get("stepTimeSeconds").asDouble() > 0);
    }

    @Test
    void badRatiosGroupsAndBudgetsAreOneMessage() throws Exception {
        Files.writeString(dir.resolve("r.json"), "{\"plan\": [[\"dp\",\"dp\",\"dp\",\"dp\"]], \"ratios\": [[0.5,1.5,0.5,0.5]]}");
        assertOneMessage(run("r.yaml", "network: Lenet-c\naccelerators: 2\nstrategies: [file]\nplan: r.json\n"),
                "ratios[0][1]: a ratio is the first half's share, strictly between 0 and 1, got 1.5");
        assertOneMessage(run("c.yaml", "network: Lenet-c\naccelerators: 8\n" + MIXED),
                "hardware: the groups' counts add up to 4 accelerators; the array has 8");
        // groups of 1 and 3: level 1's halves (A0-A1, A2-A3) mix them, so it cannot split unevenly
        Files.writeString(dir.resolve("u.json"), "{\"plan\": [[\"dp\",\"dp\",\"dp\",\"dp\"], [\"dp\",\"dp\",\"dp\",\"dp\"]], "
                + "\"ratios\": [[0.6,0.6,0.6,0.6], [0.5,0.5,0.5,0.5]]}");
        assertOneMessage(run("u.yaml", "network: Lenet-c\naccelerators: 4\nhardware: [{profile: hmc-rs, count: 1}, "
                + "{profile: hmc-rs, clockMHz: 250, count: 3}]\nstrategies: [file]\nplan: u.json\n"),
                "plan: level 1 splits the layers unevenly but its halves mix hardware groups");
        assertOneMessage(run("b.yaml", "network: Lenet-c\naccelerators: 4\nstrategies: [timed]\nplanBudget: 3\n"),
                "planBudget: must be a whole number of replays from 6");
        assertOneMessage(run("l.yaml", "network: Lenet-c\naccelerators: 4\nhardware: [{profile: hmc-rs, count: 2}, "
                + "{profile: hmc-rs, linkBandwidthGBps: 1, count: 2}]\n"), "hardware[1]: a group may differ from the first "
                + "in compute");
        assertOneMessage(Cli.run("plan", "--network", "Lenet-c", "--accelerators", "4", "--strategy", "timed"),
                "--strategy: timed plans by simulated time on an array");
    }
}
