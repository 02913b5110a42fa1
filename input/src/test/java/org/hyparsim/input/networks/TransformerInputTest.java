package org.hyparsim.input.networks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hyparsim.core.InputException;
import org.hyparsim.core.workload.LayerType;
import org.hyparsim.core.workload.Network;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Transformer layers in the network format: read, chained, and refused with the field named. */
class TransformerInputTest {
    @TempDir
    Path dir;

    private static final String EMBED = "{\"name\": \"embed\", \"type\": \"embedding\", \"vocabulary\": 100, \"hidden\": 8,"
            + " \"sequence\": 4}";

    private Network read(String layers) throws IOException {
        Path f = dir.resolve("t.json");
        Files.writeString(f, "{\"name\": \"t\", \"layers\": [" + layers + "]}");
        return NetworkCatalog.readFile(f);
    }

    private InputException refused(String layers) {
        return assertThrows(InputException.class, () -> read(layers));
    }

    @Test
    void aSmallBlockReads() throws IOException {
        Network n = read(EMBED + ", {\"name\": \"qkv\", \"type\": \"linear\", \"in\": 8, \"out\": 24, \"tokens\": 4, "
                + "\"bias\": true}, {\"name\": \"attn\", \"type\": \"attention\", \"heads\": 2, \"headDim\": 4, "
                + "\"sequence\": 4}, {\"name\": \"ln\", \"type\": \"layernorm\", \"in\": 8, \"tokens\": 4}, "
                + "{\"name\": \"logits\", \"type\": \"linear\", \"in\": 8, \"out\": 100, \"tokens\": 4, \"tied\": \"embed\"}");
        assertEquals(LayerType.ATTENTION, n.layer(2).type());
        // embed 100 x 8 (no position rows); qkv 8 x 24 + 24; ln a gain and a bias per feature; logits tied
        assertEquals(100 * 8 + 8 * 24 + 24 + 16, n.weights());
        // training MACs: qkv 3 x 4 x 8 x 24, attention 3 x 2 x 4 x 4 x 8 (forward 2 s^2 h, error twice it), logits 3 x 4 x 8 x 100
        assertEquals(3 * 4 * 8 * 24 + 3 * 2 * 4 * 4 * 8 + 3 * 4 * 8 * 100, n.trainingMacsPerSample());
    }

    @Test
    void aLinearWhoseInDoesNotMatchItsProducerIsRefusedNamingIn() {
        InputException e = refused(EMBED + ", {\"name\": \"fc\", \"type\": \"linear\", \"in\": 9, \"out\": 8, \"tokens\": 4}");
        assertEquals(1, e.problems().size(), e.getMessage());
        assertEquals("layers[1].in", e.problems().get(0).path());
    }

    @Test
    void headsTimesHeadDimNotTheHiddenSizeIsRefusedNamingHeadDim() {
        InputException e = refused(EMBED + ", {\"name\": \"qkv\", \"type\": \"linear\", \"in\": 8, \"out\": 24, \"tokens\": 4},"
                + " {\"name\": \"attn\", \"type\": \"attention\", \"heads\": 2, \"headDim\": 3, \"sequence\": 4}");
        assertEquals(1, e.problems().size(), e.getMessage());
        assertEquals("layers[2].headDim", e.problems().get(0).path());
        assertTrue(e.getMessage().contains("heads x headDim"), e.getMessage());
    }

    @Test
    void aSequenceOfZeroIsRefusedNamingSequence() {
        InputException e = refused("{\"name\": \"embed\", \"type\": \"embedding\", \"vocabulary\": 100, \"hidden\": 8,"
                + " \"sequence\": 0}");
        assertEquals(1, e.problems().size(), e.getMessage());
        assertEquals("layers[0].sequence", e.problems().get(0).path());
    }

    @Test
    void aKeyOfAnotherKindIsRefused() {
        InputException e = refused("{\"name\": \"ln\", \"type\": \"layernorm\", \"in\": 8, \"heads\": 2}");
        assertEquals("layers[0].heads", e.problems().get(0).path());
    }
}
