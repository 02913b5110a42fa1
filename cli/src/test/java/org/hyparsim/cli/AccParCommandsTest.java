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

/** The third partition type and residual networks on the command line: strategies, plans, and bad input. */
class AccParCommandsTest {
    @TempDir
    Path dir;

    private static final String LAYERS = "[{\"name\": \"a\", \"type\": \"conv\", \"in_ch\": 8, \"in_hw\": 8, \"k\": 3, "
            + "\"pad\": 1, \"out_ch\": 8}, {\"name\": \"b\", \"type\": \"conv\", \"in_ch\": 8, \"in_hw\": 8, \"k\": 3, "
            + "\"pad\": 1, \"out_ch\": %d}, {\"name\": \"fc\", \"type\": \"fc\", \"in_ch\": %d, \"out_ch\": 10}]";

    private Path network(String name, int bOut, String shortcuts) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, "{\"name\": \"res\", \"layers\": " + String.format(LAYERS, bOut, bOut * 64)
                + ", \"shortcuts\": " + shortcuts + "}");
        return f;
    }

    private static void assertOneMessage(Cli r, String expected) {
        assertRefused(r, expected);
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }

    @Test
    void planWithAccParAndTheExhaustiveSearchOverThreeTypes() throws Exception {
        ObjectMapper json = new ObjectMapper();
        Cli accpar = Cli.run("plan", "--network", "Lenet-c", "--accelerators", "4", "--strategy", "accpar", "--format", "json");
        assertEquals(0, accpar.status(), accpar.err());
        JsonNode a = json.readTree(accpar.out());
        assertEquals("accpar", a.get("strategy").asText());
        Cli hypar = Cli.run("plan", "--network", "Lenet-c", "--accelerators", "4", "--format", "json");
        Cli all = Cli.run("plan", "--network", "Lenet-c", "--accelerators", "4", "--strategy", "exhaustive",
                "--partition-types", "3", "--format", "json");
        assertEquals(0, all.status(), all.err());
        double exhaustive = json.readTree(all.out()).get("communicationBytes").asDouble();
        double three = a.get("communicationBytes").asDouble();
        double two = json.readTree(hypar.out()).get("communicationBytes").asDouble();
        // 3^8 plans: the search is never worse than the greedy three-type planner, which never loses to hypar
        assertTrue(exhaustive <= three * (1 + 1e-12) && three <= two * (1 + 1e-12), exhaustive + " " + three + " " + two);
        // the plan JSON is a plan file, mp-out included, for strategy file
        Files.writeString(dir.resolve("plan.json"), accpar.out());
        Path s = Scenarios.write(dir, "s.yaml", "network: Lenet-c\naccelerators: 4\nstrategies: [file, accpar]\n"
                + "plan: plan.json\n");
        Cli run = Cli.run("run", s.toString(), "--format", "json");
        assertEquals(0, run.status(), run.err());
        JsonNode runs = json.readTree(run.out()).get("runs");
        assertEquals(runs.get(0).get("communicationBytes").asDouble(), runs.get(1).get("communicationBytes").asDouble(),
                1e-6 * runs.get(1).get("communicationBytes").asDouble());
    }

    @Test
    void aResidualNetworkFileIsReadAndPlanned() throws Exception {
        Path ok = network("ok.json", 8, "[{\"from\": \"a\", \"to\": \"b\"}]");
        Cli r = Cli.run("plan", "--network", ok.toString(), "--accelerators", "4", "--strategy", "accpar");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("1 shortcut(s)"), r.out());
        Path proj = network("proj.json", 16, "[{\"from\": \"a\", \"to\": \"b\", \"projection\": true}]");
        assertEquals(0, Cli.run("plan", "--network", proj.toString(), "--accelerators", "4").status());
    }

    @Test
    void badShortcutsAndPlansAreOneMessage() throws Exception {
        assertOneMessage(Cli.run("plan", "--network", network("m.json", 8, "[{\"from\": \"x\", \"to\": \"b\"}]").toString(),
                "--accelerators", "2"), "shortcuts[0].from: no layer named 'x'");
        assertOneMessage(Cli.run("plan", "--network", network("l.json", 8, "[{\"from\": \"b\", \"to\": \"a\"}]").toString(),
                "--accelerators", "2"), "shortcuts[0]: runs from layer b back to an earlier layer a");
        assertOneMessage(Cli.run("plan", "--network", network("s.json", 16, "[{\"from\": \"a\", \"to\": \"b\"}]").toString(),
                "--accelerators", "2"), "shortcuts[0]: shapes do not add");
        assertOneMessage(Cli.run("plan", "--network", network("e.json", 8, "[{\"from\": \"a\", \"to\": \"fc\"}]").toString(),
                "--accelerators", "2"), "shortcuts[0]: shapes do not add");
        Files.writeString(dir.resolve("p.json"), "{\"strategy\": \"hypar\", \"plan\": [[\"dp\", \"mp-out\", \"mp\", \"dp\"]]}");
        assertOneMessage(Cli.run("plan", "--network", "Lenet-c", "--accelerators", "2", "--strategy", "file",
                "--plan-file", dir.resolve("p.json").toString()), "plan[0][1]: mp-out is AccPar's third partition type");
        assertOneMessage(Cli.run("plan", "--network", "Lenet-c", "--accelerators", "2", "--strategy", "exhaustive",
                "--partition-types", "4"), "--partition-types: must be 2");
        assertOneMessage(Cli.run("run", Scenarios.write(dir, "pt.yaml", "network: Lenet-c\naccelerators: 2\n"
                + "strategies: [exhaustive]\npartitionTypes: 5\n").toString()), "partitionTypes: must be 2");
    }
}
