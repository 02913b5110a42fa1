package org.hyparsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code hypar-sim collective}: its JSON fields and its refusals. */
class CollectiveCommandTest {
    static final List<String> RING_1MIB = List.of("collective", "--op", "all-reduce", "--bytes", "1048576",
            "--accelerators", "16", "--topology", "ring", "--algorithm", "ring", "--link-bandwidth", "30",
            "--link-latency", "500");

    private static void assertBadInput(Cli r, String expected) {
        assertEquals(2, r.status(), r.err());
        assertTrue(r.err().contains(expected), r.err());
        assertEquals("", r.out());
        assertTrue(!r.err().contains("\tat "), "no stack trace: " + r.err());
    }

    private static String[] with(List<String> args, String option, String value) {
        List<String> out = new java.util.ArrayList<>(args);
        int i = out.indexOf(option);
        out.set(i + 1, value);
        return out.toArray(new String[0]);
    }

    @Test
    void jsonNamesEveryFigure() throws Exception {
        List<String> args = new java.util.ArrayList<>(RING_1MIB);
        args.addAll(List.of("--format", "json"));
        Cli r = Cli.run(args.toArray(new String[0]));
        assertEquals(0, r.status(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        for (String field : List.of("op", "algorithm", "accelerators", "topology", "bytes", "simulatedSeconds",
                "idealSeconds", "lowerBoundSeconds", "lowerBoundLimit", "injectedBytes", "linkBytes", "events", "wallSeconds")) {
            assertTrue(j.has(field), field + " in " + r.out());
        }
        assertEquals("ring", j.get("algorithm").asText());
        // 2 (N-1)/N x S/BW + 2 (N-1) x latency = 65.536 us + 15 us
        assertEquals(80.536e-6, j.get("simulatedSeconds").asDouble(), 1e-9);
        assertEquals(2 * 15 * 1048576.0, j.get("injectedBytes").asDouble(), 1e-3);
        assertEquals(80.536e-6, j.get("idealSeconds").asDouble(), 1e-9);
        // no algorithm beats 2 x 15 S over the ring's 32 ports: 15/16 x S/BW = 32.768 us
        assertEquals(32.768e-6, j.get("lowerBoundSeconds").asDouble(), 1e-12);
        assertEquals("the injection ports", j.get("lowerBoundLimit").asText());
        assertTrue(!j.has("boundSeconds"), r.out());
    }

    /**
     * Where the default's first come, first served links (packets in chunks at 128 accelerators) leave no exact
     * share under the task limit (set to 100 here, as 65536 accelerators meet the real one), the command says that
     * calendar-turns links replayed it, in text and JSON; with the limit as it is, it says nothing; calendars
     * named with --link-model are refused there.
     */
    @Test
    void calendarTurnsInPlaceOfCalendarsIsSaid() throws Exception {
        List<String> args = List.of("collective", "--op", "all-reduce", "--bytes", "1e6", "--accelerators", "128",
                "--topology", "htree", "--algorithm", "hierarchical");
        Cli plain = Cli.run(args.toArray(new String[0]));
        assertEquals(0, plain.status(), plain.err());
        assertTrue(!plain.out().contains("note:"), plain.out());
        String property = org.hyparsim.core.Limits.property("maxTasks");
        System.setProperty(property, "100");
        try {
            Cli text = Cli.run(args.toArray(new String[0]));
            assertEquals(0, text.status(), text.err());
            assertTrue(text.out().contains("note: links: calendar-turns"), text.out());
            List<String> json = new java.util.ArrayList<>(args);
            json.addAll(List.of("--format", "json"));
            Cli j = Cli.run(json.toArray(new String[0]));
            assertEquals(0, j.status(), j.err());
            JsonNode notes = new ObjectMapper().readTree(j.out()).get("notes");
            assertEquals(1, notes.size(), j.out());
            assertTrue(notes.get(0).asText().startsWith("links: calendar-turns"), j.out());
            List<String> named = new java.util.ArrayList<>(args);
            named.addAll(List.of("--link-model", "calendar"));
            assertBadInput(Cli.run(named.toArray(new String[0])), "linkModel: calendar links replay this step exactly");
        } finally {
            System.clearProperty(property);
        }
    }

    @Test
    void autoSaysWhatItChose() {
        Cli r = Cli.run(with(RING_1MIB, "--algorithm", "auto"));
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("auto: "), r.out());
    }

    @Test
    void badInputIsRefusedWithOneMessage() {
        assertBadInput(Cli.run(with(RING_1MIB, "--algorithm", "tree")), "--algorithm: 'tree' is not one of");
        assertBadInput(Cli.run(with(RING_1MIB, "--op", "broadcast")), "--op: 'broadcast' is not one of");
        assertBadInput(Cli.run(with(RING_1MIB, "--bytes", "0")), "--bytes: must be a positive number of bytes");
        assertBadInput(Cli.run(with(RING_1MIB, "--bytes", "-5")), "--bytes: must be a positive number of bytes");
        assertBadInput(Cli.run(with(RING_1MIB, "--bytes", "lots")), "--bytes: 'lots' is not a number");
        assertBadInput(Cli.run(with(RING_1MIB, "--bytes", "NaN")), "--bytes: must be a positive number");
        assertBadInput(Cli.run(with(RING_1MIB, "--accelerators", "12")), "accelerators must be a power of two");
        assertBadInput(Cli.run(with(RING_1MIB, "--topology", "star")), "--topology: 'star' is not one of");
    }

    @Test
    void aScenarioNamesItsCollective(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path bad = org.hyparsim.scenarios.Scenarios.write(dir, "bad.yaml",
                "network: Lenet-c\naccelerators: 4\ncollective: tree\n");
        assertBadInput(Cli.run("run", bad.toString()), "collective: 'tree' is not one of hierarchical, ring, ring-bidir");
        java.nio.file.Path good = org.hyparsim.scenarios.Scenarios.write(dir, "good.yaml",
                "network: Lenet-c\naccelerators: 4\ncollective: ring-bidir\nstrategies: [dp]\n");
        Cli r = Cli.run("run", good.toString(), "--format", "json");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("\"collective\" : \"ring-bidir\""), r.out());
    }
}
