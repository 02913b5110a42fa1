package org.hyparsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanCommandTest {
    @TempDir
    Path dir;

    private static void assertBadInput(Cli r, String expected) {
        assertEquals(2, r.status(), r.err());
        assertTrue(r.err().contains(expected), r.err());
        assertEquals("", r.out());
        assertTrue(!r.err().contains("\tat "), "no stack trace: " + r.err());
    }

    @Test
    void jsonOutputIsOneObjectWithThePlanAndAmounts() throws Exception {
        Cli r = Cli.run("plan", "--network", "VGG-A", "--accelerators", "16", "--strategy", "dp", "--format", "json");
        assertEquals(0, r.status(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals("VGG-A", j.get("network").asText());
        assertEquals(256, j.get("batch").asInt());
        assertEquals(16, j.get("accelerators").asInt());
        assertEquals(4, j.get("levels").asInt());
        assertEquals("dp", j.get("strategy").asText());
        assertEquals(11, j.get("layers").size());
        assertEquals(4, j.get("plan").size());
        assertEquals("dp", j.get("plan").get(3).get(10).asText());
        assertEquals(4, j.get("levelBytes").size());
        double total = j.get("communicationBytes").asDouble();
        assertEquals(15.94e9, total, 0.005e9);
        assertEquals(total, j.get("intraLayerBytes").asDouble() + j.get("interLayerBytes").asDouble(), 1);
        double sum = 0;
        for (JsonNode v : j.get("levelBytes")) {
            sum += v.asDouble();
        }
        assertEquals(total, sum, 1);
        // level h has 2^(h-1) groups, each exchanging the whole gradient
        assertEquals(8 * j.get("levelBytes").get(0).asDouble(), j.get("levelBytes").get(3).asDouble(), 1);
    }

    @Test
    void textOutputIsAGridAndTotals() {
        Cli r = Cli.run("plan", "--network", "SFC", "--accelerators", "16");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("H4"), r.out());
        assertTrue(r.out().contains("total"), r.out());
        assertTrue(r.out().contains("MP"), r.out());
    }

    @Test
    void aPlanPrintedAsJsonIsAValidPlanFile() throws Exception {
        Cli hypar = Cli.run("plan", "--network", "AlexNet", "--accelerators", "8", "--format", "json");
        Path file = dir.resolve("plan.json");
        Files.writeString(file, hypar.out());
        Cli replay = Cli.run("plan", "--network", "AlexNet", "--accelerators", "8", "--strategy", "file",
                "--plan-file", file.toString(), "--format", "json");
        assertEquals(0, replay.status(), replay.err());
        ObjectMapper m = new ObjectMapper();
        assertEquals(m.readTree(hypar.out()).get("communicationBytes"), m.readTree(replay.out()).get("communicationBytes"));
        assertEquals(m.readTree(hypar.out()).get("plan"), m.readTree(replay.out()).get("plan"));
    }

    @Test
    void oneAcceleratorMeansNoCommunication() throws Exception {
        Cli r = Cli.run("plan", "--network", "VGG-E", "--accelerators", "1", "--format", "json");
        assertEquals(0, r.status(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals(0, j.get("levels").asInt());
        assertEquals(0.0, j.get("communicationBytes").asDouble());
    }

    @Test
    void accparAccountingOnAccParFile() throws Exception {
        Cli r = Cli.run("plan", "--network", "../scenarios/src/test/resources/accpar/Alexnet.txt", "--accelerators", "2",
                "--strategy", "dp", "--accounting", "accpar", "--format", "json");
        assertEquals(0, r.status(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        // one level, all dp: the weight gradient once, in elements
        long weights = 3 * 96 * 121 + 96 * 256 * 25 + 256 * 384 * 9 + 384 * 384 * 9 + 384 * 256 * 9
                + 9216L * 4096 + 4096L * 4096 + 4096L * 1000;
        assertEquals(weights, j.get("communicationBytes").asDouble(), 1e-6);
        assertEquals("elements", j.get("unit").asText());
    }

    @Test
    void unknownNetworkIsBadInput() {
        assertBadInput(Cli.run("plan", "--network", "ResNet-152", "--accelerators", "16"),
                "--network: 'ResNet-152' is neither a built-in network");
    }

    @Test
    void twelveAcceleratorsIsBadInput() {
        assertBadInput(Cli.run("plan", "--network", "VGG-A", "--accelerators", "12"),
                "--accelerators: accelerators must be a power of two from 1 to 65536, got 12");
    }

    @Test
    void batchZeroIsBadInput() {
        assertBadInput(Cli.run("plan", "--network", "VGG-A", "--accelerators", "16", "--batch", "0"),
                "--batch: batch must be a whole number from 1");
    }

    @Test
    void malformedNetworkFileIsBadInput() throws Exception {
        Path f = dir.resolve("net.json");
        Files.writeString(f, "{\"layers\": [ {\"name\": \"a\", ");
        assertBadInput(Cli.run("plan", "--network", f.toString(), "--accelerators", "4"), f.toString() + ": layers[0] (line 1, column ");
    }

    @Test
    void nonNumericOptionIsBadInput() {
        Cli r = Cli.run("plan", "--network", "VGG-A", "--accelerators", "many");
        assertEquals(2, r.status());
        assertTrue(r.err().contains("--accelerators"), r.err());
    }

    @Test
    void exhaustiveAboveTheLimitIsBadInput() {
        assertBadInput(Cli.run("plan", "--network", "VGG-E", "--accelerators", "16", "--strategy", "exhaustive"),
                "2^76 plans");
    }

    @Test
    void networksListsTheBuiltIns() {
        Cli r = Cli.run("networks");
        assertEquals(0, r.status());
        assertTrue(r.out().contains("VGG-E"));
        assertTrue(r.out().contains("143,652,544"));
        assertTrue(r.out().contains("AlexNet-standard"));
    }

    @Test
    void aLongNetworkIsPrintedARowPerLayer() {
        // GPT-2's 339 layers across would make lines thousands of characters wide: a row per layer, the levels across
        Cli r = Cli.run("plan", "--network", "GPT-2", "--accelerators", "4", "--strategy", "dp");
        assertEquals(0, r.status(), r.err());
        String[] lines = r.out().split("\n");
        assertTrue(r.out().contains("\nlayer") && r.out().contains("\nb0.qkv"), r.out());
        for (String line : lines) {
            assertTrue(line.length() < 120, "a line of " + line.length() + " characters: " + line);
        }
        assertTrue(r.out().lines().filter(l -> l.startsWith("b47.fc2")).anyMatch(l -> l.matches("b47\\.fc2\\s+dp\\s+dp")),
                r.out());
    }
}
