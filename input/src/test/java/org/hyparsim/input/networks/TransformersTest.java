package org.hyparsim.input.networks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.hyparsim.core.kind.Parallelism;
import org.hyparsim.core.workload.Layer;
import org.hyparsim.core.workload.Network;
import org.hyparsim.partition.Accounting;
import org.hyparsim.partition.CommunicationCost;
import org.hyparsim.partition.CommunicationModel;
import org.hyparsim.partition.Plan;
import org.hyparsim.partition.planner.LayerwisePlanner;
import org.junit.jupiter.api.Test;

/** The built-in transformers: their counts, and the planner finding Megatron-LM's layout where it pays. */
class TransformersTest {
    private static Network net(String name) {
        return NetworkCatalog.builtIn().get(name);
    }

    /** Narayanan et al. (SC 2021): 72 B s l h^2 (1 + s/(6h) + V/(12 l h)) FLOPs per step, as MACs per sample. */
    private static double narayanan(int l, double h, double s, double v) {
        return 36 * s * l * h * h * (1 + s / (6 * h) + v / (12 * l * h));
    }

    private static double gptParameters(int l, double h, double s, double v) {
        return l * (12 * h * h + 13 * h) + (v + s) * h + 2 * h;
    }

    @Test
    void parameterAndMacCountsMatchThePublishedConfigurations() {
        Network gpt2 = net("GPT-2");
        Network gpt3 = net("GPT-3-175B");
        assertEquals(1_557_611_200L, gpt2.weights());
        assertEquals(gptParameters(48, 1600, 1024, 50257), gpt2.weights(), 0.005 * gpt2.weights());
        assertEquals(174.6e9, gpt3.weights(), 0.005 * 174.6e9);
        assertEquals(gptParameters(96, 12288, 2048, 50257), gpt3.weights(), 0.005 * gpt3.weights());
        assertEquals(335e6, net("BERT-large").weights(), 0.005 * 335e6);
        double m2 = narayanan(48, 1600, 1024, 50257);
        double m3 = narayanan(96, 12288, 2048, 50257);
        System.out.printf("GPT-2 trainingMacsPerSample %d, Narayanan et al. %.6g%n", gpt2.trainingMacsPerSample(), m2);
        System.out.printf("GPT-3-175B trainingMacsPerSample %d, Narayanan et al. %.6g%n", gpt3.trainingMacsPerSample(), m3);
        assertEquals(m2, gpt2.trainingMacsPerSample(), 0.001 * m2);
        assertEquals(m3, gpt3.trainingMacsPerSample(), 0.001 * m3);
    }

    @Test
    void layersAreNamedAsTheIssueGivesThem() {
        Network g = net("GPT-test");
        assertEquals(List.of("embed", "b0.ln1", "b0.qkv", "b0.attn", "b0.proj", "b0.ln2", "b0.fc1", "b0.fc2", "b1.ln1",
                "b1.qkv", "b1.attn", "b1.proj", "b1.ln2", "b1.fc1", "b1.fc2", "lnf", "logits"), g.layerNames());
        Network bert = net("BERT-base");
        assertEquals(List.of("embed", "embed.ln", "b0.qkv", "b0.attn", "b0.proj", "b0.ln1", "b0.fc1", "b0.fc2", "b0.ln2"),
                bert.layerNames().subList(0, 9));
        assertEquals("logits", bert.layer(bert.size() - 1).name());
        assertTrue(g.layer(g.size() - 1).tied());
    }

    private static Plan accpar(Network n, int batch) {
        return LayerwisePlanner.accpar().plan(new CommunicationModel(n, Accounting.hypar(batch)), 1);
    }

    private static void assertBlockLayout(Network n, Plan p, int block, Parallelism column, Parallelism row) {
        String b = "b" + block + ".";
        List<String> names = n.layerNames();
        assertEquals(column, p.choice(1, names.indexOf(b + "qkv")), b + "qkv");
        assertEquals(column, p.choice(1, names.indexOf(b + "fc1")), b + "fc1");
        assertEquals(row, p.choice(1, names.indexOf(b + "proj")), b + "proj");
        assertEquals(row, p.choice(1, names.indexOf(b + "fc2")), b + "fc2");
    }

    @Test
    void accparFindsMegatronAtBatchOneAndDataParallelismAtSixtyFour() {
        Network n = net("GPT-3-175B");
        Plan p = accpar(n, 1);
        for (int i = 0; i < 96; i++) {
            assertBlockLayout(n, p, i, Parallelism.MP_OUT, Parallelism.MP);
        }
        // a block's accounted bytes: its layers' sums, its transitions (into the next block's ln1), its two shortcuts
        CommunicationModel model = new CommunicationModel(n, Accounting.hypar(1));
        CommunicationCost cost = model.evaluate(p);
        int first = n.layerNames().indexOf("b40.ln1");
        double block = 0;
        for (int l = first; l < first + 7; l++) {
            block += cost.intra(1, l) + cost.inter(1, l);
        }
        block += model.shortcutBytes(n.shortcuts().get(80), Parallelism.MP, Parallelism.MP, p.splitsAbove(0)[first + 3])
                + model.shortcutBytes(n.shortcuts().get(81), Parallelism.MP, Parallelism.MP, p.splitsAbove(0)[first + 6]);
        // by hand: qkv (mp-out) sums its input error, proj (mp) its output, fc1 (mp-out) its input error, fc2 (mp) its
        // output: four all-reduces of B s h values; HyPar's accounting counts an exchange twice (both halves send)
        // at 4 bytes a value; every transition and shortcut of the layout moves nothing
        double bsh = 1.0 * 2048 * 12288;
        assertEquals(4 * 2 * 4 * bsh, block, 0);
        Plan big = accpar(n, 64);
        for (int i = 0; i < 96; i++) {
            assertBlockLayout(n, big, i, Parallelism.DP, Parallelism.DP);
        }
    }

    /**
     * The flips by hand, per block at one level (2 accelerators), HyPar's accounting (4 bytes a
     * value, intra-layer amounts twice, inter-layer once), X = B s h values. Each sub-block runs
     * Megatron's pair (M) or dp (D). M: two sums of X, 2 x 2 x 4 X = 16 X bytes. D: the gradients,
     * 2 x 4 x (4 h^2 + 4 h) for attention (qkv, proj), 2 x 4 x (8 h^2 + 5 h) for the MLP (fc1, fc2).
     * Between sub-blocks, M -> D moves the error back whole (half of X each way: 0.5 x 4 X = 2 X),
     * D -> M the feature map (2 X); a D sub-block after an M one also sends its shortcut's error
     * back whole (2 X). All-M costs 32 X a block, all-D 8 (12 h^2 + 9 h) = 96 h^2 + 72 h bytes: the
     * flip is at B* = (96 h^2 + 72 h) / (32 s h). A mixed block (one sub-block D between Ms) costs 22 X
     * plus the D sub-block's gradients; it beats all-M only above (32 h + 32) / (10 s) (attention D)
     * or (64 h + 40) / (10 s) (MLP D), and all-D only below (64 h + 40) / (22 s) or (32 h + 32) /
     * (22 s): for GPT-3 no batch does both, so both sub-blocks flip together at B*.
     */
    @Test
    void theSubBlocksFlipWhereTheHandDerivationSays() {
        double h = 12288;
        double s = 2048;
        double flip = (96 * h * h + 72 * h) / (32 * s * h);
        double attentionAlone = (32 * h + 32) / (10 * s);
        double mlpAlone = (64 * h + 40) / (10 * s);
        assertTrue(attentionAlone > (64 * h + 40) / (22 * s) && mlpAlone > (32 * h + 32) / (22 * s),
                "a mixed block never wins");
        int lastMegatron = (int) Math.floor(flip);
        assertEquals(18, lastMegatron);
        Network n = net("GPT-3-175B");
        Plan below = accpar(n, lastMegatron);
        Plan above = accpar(n, lastMegatron + 1);
        // the interior blocks (the ends add the embedding's and the logits' own amounts)
        for (int i = 8; i < 88; i++) {
            assertBlockLayout(n, below, i, Parallelism.MP_OUT, Parallelism.MP);
            assertBlockLayout(n, above, i, Parallelism.DP, Parallelism.DP);
        }
        System.out.printf("GPT-3-175B at 2 accelerators: Megatron up to B = %d, dp from %d (hand: B* = %.4f; "
                + "attention alone would flip at %.2f, the MLP at %.2f)%n", lastMegatron, lastMegatron + 1, flip,
                attentionAlone, mlpAlone);
    }

    @Test
    void weightlessLayersTakeTheirProducersType() {
        Network n = net("GPT-test");
        Plan p = accpar(n, 1);
        for (int l = 1; l < n.size(); l++) {
            Layer layer = n.layer(l);
            if (layer.keepsInputLayout()) {
                assertEquals(p.choice(1, l - 1), p.choice(1, l), layer.name());
            }
        }
    }
}
