package org.hyparsim.input.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import org.hyparsim.core.InputException;
import org.hyparsim.core.workload.Layer;
import org.hyparsim.core.workload.LayerType;
import org.hyparsim.core.workload.Network;
import org.hyparsim.input.networks.NetworkCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The committed ONNX models (made by src/test/onnx/make_models.py) read into our networks. */
class OnnxModelReaderTest {

    static Path model(String name) {
        try {
            return Path.of(OnnxModelReaderTest.class.getResource("/onnx/" + name + ".onnx").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertSameNetwork(Network builtIn, Network read) {
        assertEquals(builtIn.layers(), read.layers(), "layers and their shapes");
        assertEquals(builtIn.shortcuts(), read.shortcuts(), "shortcuts and their projections");
        assertEquals(builtIn.weights(), read.weights());
        assertEquals(builtIn.forwardMacsPerSample(), read.forwardMacsPerSample());
    }

    @Test
    void resNet18ReadsAsTheBuiltIn() {
        Network read = NetworkCatalog.readFile(model("resnet18"));
        assertSameNetwork(NetworkCatalog.builtIn().get("ResNet-18"), read);
        assertEquals(18, read.size());
        assertEquals(8, read.shortcuts().size());
        assertEquals(3, read.shortcuts().stream().filter(s -> s.projection() != null).count());
    }

    @Test
    void alexNetReadsAsTheStandardBuiltIn() {
        Network read = NetworkCatalog.readFile(model("alexnet"));
        assertSameNetwork(NetworkCatalog.builtIn().get("AlexNet-standard"), read);
        assertEquals(61_090_496L, read.weights());
    }

    @Test
    void smallCnnWithAResidualAdd() {
        Network n = OnnxModelReader.read(model("small-cnn"));
        assertEquals(java.util.List.of("conv1", "conv2", "conv3", "conv4", "fc"), n.layerNames());
        assertEquals(1, n.shortcuts().size());
        assertEquals(1, n.shortcuts().get(0).from());
        assertEquals(2, n.shortcuts().get(0).to());
        Layer conv3 = n.layer(2);
        assertEquals(new Layer.Shape(8, 8, 8), conv3.pooled(), "MaxPool after the add folds into conv3");
        Layer conv4 = n.layer(3);
        assertEquals(new Layer.Shape(16, 1, 1), conv4.pooled(), "GlobalAveragePool folds into conv4");
        assertEquals(LayerType.LINEAR, n.layer(4).type());
        assertEquals(16, n.layer(4).inChannels());
        assertEquals(3L * 8 * 9 + 2 * 8 * 8 * 9 + 8 * 16 * 9 + 16 * 10, n.weights());
    }

    /**
     * The BERT-style block (BERT-base's sizes: hidden 768, 12 heads, FFN 3072, but a sequence of
     * 128) equals one block of the built-in BERT-base (sequence 512) in kinds, features, heads,
     * weights and shortcuts; its tokens are 128 where the built-in's are 512, so, by hand, its
     * linear layers' MACs are a quarter and its attention's a sixteenth of the built-in's (s^2). By
     * name only: Q, K and V are three linears on one input, read as one projection of three times
     * the width (the built-in's qkv); softmax, scaling and GeLU fold as in the built-in; the layer
     * norms are written out (ReduceMean, Sub, Pow, ReduceMean, Add, Sqrt, Div).
     */
    @Test
    void bertBlockEqualsABlockOfTheBuiltInBert() {
        Network n = OnnxModelReader.read(model("bert-block"));
        Network bert = NetworkCatalog.builtIn().get("BERT-base");
        int first = bert.layerNames().indexOf("b0.qkv");
        assertEquals(java.util.List.of("q_proj+k_proj+v_proj", "context", "out_proj", "ln1.div", "ffn1", "ffn2",
                "ln2.div"), n.layerNames());
        for (int i = 0; i < n.layers().size(); i++) {
            Layer ours = n.layer(i);
            Layer theirs = bert.layer(first + i);
            String what = theirs.name();
            assertEquals(theirs.type(), ours.type(), what);
            assertEquals(theirs.inChannels(), ours.inChannels(), what);
            assertEquals(theirs.outChannels(), ours.outChannels(), what);
            assertEquals(theirs.heads(), ours.heads(), what);
            assertEquals(theirs.weights(), ours.weights(), what);
            assertEquals(theirs.extras().bias(), ours.extras().bias(), what);
            assertEquals(512, theirs.tokens(), what);
            assertEquals(128, ours.tokens(), what);
            long scale = ours.type() == LayerType.ATTENTION ? 16 : 4;
            assertEquals(theirs.forwardMacsPerSample(), scale * ours.forwardMacsPerSample(), what);
        }
        assertEquals(Layer.attention("context", 12, 64, 128), n.layer(1));
        assertEquals(Layer.linear("ffn1", 768, 3072, 128, true), n.layer(4));
        assertEquals(Layer.tokenwise("ln2.div", LayerType.LAYERNORM, 768, 128), n.layer(6));
        assertEquals(2, n.shortcuts().size());
        for (int s = 0; s < 2; s++) {
            assertEquals(bert.shortcuts().get(s).from() - first, n.shortcuts().get(s).from());
            assertEquals(bert.shortcuts().get(s).to() - first, n.shortcuts().get(s).to());
            assertEquals(null, n.shortcuts().get(s).projection());
        }
        assertEquals(12L * 768 * 768 + 13 * 768, n.weights(), "one block: 12 h^2 + 13 h");
    }

    @ParameterizedTest
    @CsvSource({
        "bad-unsupported-op, graph.node[3] 'lpnorm': op LpNormalization: not supported",
        "bad-dynamic-dims, dimension 2 is dynamic ('H')",
        "bad-truncated, not an ONNX model, or a truncated one",
        "bad-not-onnx, not an ONNX model"})
    void badModelsGiveOneMessage(String name, String expected) {
        InputException e = assertThrows(InputException.class, () -> NetworkCatalog.readFile(model(name)));
        assertEquals(1, e.problems().size(), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(e.getMessage().startsWith(model(name).toString()), e.getMessage());
    }
}
