package org.hyparsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** {@code networks}: the built-ins with parameters and training MACs, and one network described. */
class NetworksCommandTest {
    @Test
    void jsonListsEachNetworksParametersAndTrainingMacs() throws Exception {
        Cli r = Cli.run("networks", "--format", "json");
        assertEquals(0, r.status(), r.err());
        JsonNode all = new ObjectMapper().readTree(r.out());
        JsonNode gpt2 = null;
        for (JsonNode n : all) {
            if (n.get("name").asText().equals("GPT-2")) {
                gpt2 = n;
            }
        }
        assertEquals(339, gpt2.get("layers").asInt());
        assertEquals(1_557_611_200L, gpt2.get("parameters").asLong());
        assertEquals(5_260_055_347_200L, gpt2.get("trainingMacsPerSample").asLong());
    }

    @Test
    void describeListsTheLayers() throws Exception {
        Cli r = Cli.run("networks", "--describe", "GPT-test", "--format", "json");
        assertEquals(0, r.status(), r.err());
        JsonNode layers = new ObjectMapper().readTree(r.out()).get("layers");
        assertEquals(17, layers.size());
        assertEquals("b0.attn", layers.get(3).get("name").asText());
        assertEquals("attention", layers.get(3).get("kind").asText());
        // 3 x 2 s^2 h: forward, then the error twice the forward; no weights
        assertEquals(3L * 2 * 64 * 64 * 128, layers.get(3).get("macs").asLong());
        assertEquals(0, layers.get(3).get("weights").asLong());
        Cli text = Cli.run("networks", "--describe", "GPT-test");
        assertTrue(text.out().contains("b1.fc2"), text.out());
    }

    @Test
    void anUnknownNetworkIsBadInput() {
        Cli r = Cli.run("networks", "--describe", "no-such-net");
        assertEquals(2, r.status());
        assertTrue(r.err().contains("--describe"), r.err());
    }
}
