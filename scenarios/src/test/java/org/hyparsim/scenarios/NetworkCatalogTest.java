package org.hyparsim.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hyparsim.core.InputException;
import org.hyparsim.core.workload.LayerType;
import org.hyparsim.core.workload.Network;
import org.hyparsim.input.networks.NetworkCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetworkCatalogTest {
    @TempDir
    Path dir;

    @Test
    void theTenPaperNetworksAndAlexNetStandardAreBuiltIn() {
        assertEquals(List.of("SFC", "SCONV", "Lenet-c", "Cifar-c", "AlexNet", "VGG-A", "VGG-B", "VGG-C", "VGG-D",
                "VGG-E", "AlexNet-standard", "Eyeriss-AlexNet-conv", "Eyeriss-VGG-16-conv", "AccPar-AlexNet", "AccPar-VGG-11",
                "ResNet-18", "ResNet-34", "ResNet-50", "AccPar-ResNet-18", "AccPar-ResNet-34", "AccPar-ResNet-50",
                "GPT-2", "GPT-3-175B", "BERT-base", "BERT-large", "GPT-test"),
                List.copyOf(NetworkCatalog.builtIn().keySet()));
        assertEquals(10, NetworkCatalog.paperNetworks().size());
        // each definition's stated weight count is checked on load; two spot checks
        assertEquals(132_851_392L, NetworkCatalog.builtIn().get("VGG-A").weights());
        assertEquals(61_090_496L, NetworkCatalog.builtIn().get("AlexNet-standard").weights());
        // Eyeriss's reference networks: AlexNet's conv layers with three in two groups (666 M MACs per image, as the
        // chip's paper counts them), VGG-16's 13 conv layers (15.3 G)
        assertEquals(665_784_864L, NetworkCatalog.builtIn().get("Eyeriss-AlexNet-conv").forwardMacsPerSample());
        assertEquals(15_346_630_656L, NetworkCatalog.builtIn().get("Eyeriss-VGG-16-conv").forwardMacsPerSample());
        assertTrue(NetworkCatalog.builtIn().get("SCONV").description().startsWith("PLACEHOLDER"));
    }

    @Test
    void theLimitsLeastValuesHoldEveryBuiltIn() {
        // a limit may not be set below what a built-in network needs: the floors must cover them all
        long layers = 0;
        long dimension = 0;
        for (Network n : NetworkCatalog.builtIn().values()) {
            layers = Math.max(layers, n.size());
            for (org.hyparsim.core.workload.Layer l : n.layers()) {
                dimension = Math.max(dimension, Math.max(l.inChannels(), l.outChannels()));
            }
        }
        assertTrue(layers <= org.hyparsim.core.Limits.Limit.MAX_LAYERS.minimum(), "layers " + layers);
        assertTrue(dimension <= org.hyparsim.core.Limits.Limit.MAX_LAYER_DIMENSION.minimum(), "dimension " + dimension);
        assertEquals(layers, org.hyparsim.core.Limits.Limit.MAX_LAYERS.minimum(), "the floor is the largest built-in");
    }

    @Test
    void lenetShapesAndMacs() {
        Network lenet = NetworkCatalog.resolve("lenet-c", null, "t", "n");
        assertEquals(4, lenet.size());
        // conv1: 24 x 24 x 20 outputs x (1 x 5 x 5) = 288,000 MACs per sample
        assertEquals(288_000L, lenet.layer(0).forwardMacsPerSample());
        assertEquals(LayerType.LINEAR, lenet.layer(2).type());
        assertEquals(800, lenet.layer(2).inChannels());
    }

    @Test
    void readsAccParTextFormat() {
        Network alex = NetworkCatalog.readFile(Path.of("src/test/resources/accpar/Alexnet.txt"));
        assertEquals(8, alex.size());
        assertEquals("Alexnet", alex.name());
        assertEquals(9216, alex.layer(5).inChannels());
        assertEquals(27, alex.layer(1).pooledHeight());
        Network vgg = NetworkCatalog.readFile(Path.of("src/test/resources/accpar/Vgg11.txt"));
        assertEquals(11, vgg.size());
    }

    @Test
    void readsOurJsonAndYamlFormat() throws Exception {
        Path yaml = dir.resolve("tiny.yaml");
        Files.writeString(yaml, """
                name: tiny
                layers:
                  - {name: c1, type: conv, in_ch: 3, in_hw: 32, k: 3, pad: 1, out_ch: 16, pool: 2}
                  - {name: f1, type: fc, in_ch: 4096, out_ch: 10}
                """);
        Network n = NetworkCatalog.readFile(yaml);
        assertEquals(32, n.layer(0).outHeight());
        assertEquals(16, n.layer(0).pooledHeight());
        assertEquals(3 * 16 * 9 + 4096 * 10, n.weights());
    }

    @Test
    void aNetworkThatDoesNotChainIsRefusedNamingTheLayer() throws Exception {
        Path json = dir.resolve("broken.json");
        Files.writeString(json, """
                {"layers": [
                  {"name": "c1", "type": "conv", "in_ch": 3, "in_hw": 32, "k": 3, "pad": 1, "out_ch": 16, "pool": 2},
                  {"name": "f1", "type": "fc", "in_ch": 4000, "out_ch": 10}]}
                """);
        InputException e = assertThrows(InputException.class, () -> NetworkCatalog.readFile(json));
        assertTrue(e.getMessage().contains(json.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("layers[1].in_ch"), e.getMessage());
        assertTrue(e.getMessage().contains("layer f1 does not chain"), e.getMessage());
    }

    @Test
    void unknownFieldsAndWrongTypesNameTheFieldPath() throws Exception {
        Path json = dir.resolve("typo.json");
        Files.writeString(json, "{\"layers\": [{\"name\": \"f\", \"type\": \"fc\", \"in_ch\": 3, \"out_chan\": 4}]}");
        InputException e = assertThrows(InputException.class, () -> NetworkCatalog.readFile(json));
        assertTrue(e.getMessage().contains("layers[0].out_chan: unknown field 'out_chan'"), e.getMessage());
        Files.writeString(json, "{\"layers\": [{\"name\": \"f\", \"type\": \"fc\", \"in_ch\": \"three\", \"out_ch\": 4}]}");
        e = assertThrows(InputException.class, () -> NetworkCatalog.readFile(json));
        assertTrue(e.getMessage().contains("layers[0].in_ch: cannot read 'three' as an integer"), e.getMessage());
    }

    @Test
    void malformedAccParFileNamesTheLine() throws Exception {
        Path txt = dir.resolve("bad.txt");
        Files.writeString(txt, "num_layers 1\nfc1 FC\nin_ch 10\nout_ch ten\n");
        InputException e = assertThrows(InputException.class, () -> NetworkCatalog.readFile(txt));
        assertEquals(txt + ": line 4: out_ch: 'ten' is not an integer", e.getMessage());
    }

    @Test
    void publishedResNetsHaveTorchvisionsWeights() {
        // torchvision's documented parameter counts (resnet18/34/50) less the fc bias (1000) and batch norm
        // (2 per channel after every convolution, projections included)
        java.util.Map<String, Long> torchvision = java.util.Map.of("ResNet-18", 11_689_512L, "ResNet-34", 21_797_672L,
                "ResNet-50", 25_557_032L);
        torchvision.forEach((name, params) -> {
            Network n = NetworkCatalog.builtIn().get(name);
            long bn = 0;
            for (org.hyparsim.core.workload.Layer l : n.layers()) {
                bn += l.type() == org.hyparsim.core.workload.LayerType.CONV ? 2L * l.outChannels() : 0;
            }
            for (org.hyparsim.core.workload.Shortcut s : n.shortcuts()) {
                bn += s.projectionLayer().map(p -> 2L * p.outChannels()).orElse(0L);
            }
            assertEquals(params - 1000 - bn, n.weights(), name);
            assertTrue(n.residual(), name);
        });
        // the published forward MACs (He et al. 2016, Table 1: 1.8, 3.6 and 3.8 x 10^9 FLOPs, counted as MACs)
        assertEquals(1.8e9, NetworkCatalog.builtIn().get("ResNet-18").forwardMacsPerSample(), 0.05e9);
        assertEquals(3.6e9, NetworkCatalog.builtIn().get("ResNet-34").forwardMacsPerSample(), 0.1e9);
        assertEquals(3.8e9, NetworkCatalog.builtIn().get("ResNet-50").forwardMacsPerSample(), 0.1e9);
        // AccPar's generated ResNets: its layer counts and names, shortcuts where its planner assumes them
        Network r50 = NetworkCatalog.builtIn().get("AccPar-ResNet-50");
        assertEquals(50, r50.size());
        assertEquals(java.util.List.of("cv1", "cv22", "cv23", "cv24"), r50.layerNames().subList(0, 4));
        assertEquals(16, r50.shortcuts().size());
        assertEquals(3, r50.shortcuts().get(0).destination() - r50.shortcuts().get(0).from());
        assertTrue(!r50.note().isEmpty());
    }
}
