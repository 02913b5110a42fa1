package org.hyparsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.hyparsim.core.workload.Network;
import org.hyparsim.input.networks.NetworkCatalog;
import org.junit.jupiter.api.Test;

/** {@code networks --describe} over built-ins and ONNX models, and the ONNX refusals at the command line. */
class NetworksDescribeTest {
    private static final Path MODELS = Path.of("..", "input", "src", "test", "resources", "onnx");

    private static JsonNode describe(String nameOrFile) throws Exception {
        Cli c = Cli.run("networks", "--describe", nameOrFile, "--format", "json");
        assertEquals(0, c.status(), c.err());
        return new ObjectMapper().readTree(c.out());
    }

    @Test
    void onnxResNet18DescribesAsTheBuiltIn() throws Exception {
        JsonNode onnx = describe(MODELS.resolve("resnet18.onnx").toString());
        JsonNode builtIn = describe("ResNet-18");
        Network n = NetworkCatalog.builtIn().get("ResNet-18");
        assertEquals(n.weights(), onnx.get("totals").get("weights").asLong());
        assertEquals(n.trainingMacsPerSample(), onnx.get("totals").get("macs").asLong());
        assertEquals(n.forwardMacsPerSample(), onnx.get("totals").get("forwardMacs").asLong());
        assertEquals(builtIn.get("layers"), onnx.get("layers"));
        long sum = 0;
        for (JsonNode l : onnx.get("layers")) {
            sum += l.get("weights").asLong();
        }
        for (JsonNode s : onnx.get("shortcuts")) {
            sum += s.get("projection").isNull() ? 0 : s.get("projection").get("weights").asLong();
        }
        assertEquals(n.weights(), sum, "per-layer weights add up to the total");
    }

    @Test
    void textNamesEveryLayer() {
        Cli c = Cli.run("networks", "--describe", "AlexNet-standard");
        assertEquals(0, c.status(), c.err());
        assertTrue(c.out().contains("fc3") && c.out().contains("61,090,496 parameters"), c.out());
    }

    @Test
    void badModelsExit2WithOneMessage() {
        for (String bad : new String[] {"bad-unsupported-op", "bad-dynamic-dims", "bad-truncated", "bad-not-onnx"}) {
            Cli c = Cli.run("networks", "--describe", MODELS.resolve(bad + ".onnx").toString());
            assertEquals(2, c.status(), bad);
            assertEquals(1, c.err().strip().lines().count(), c.err());
            assertTrue(c.err().startsWith("hypar-sim: ") && c.err().contains(bad + ".onnx"), c.err());
        }
    }
}
