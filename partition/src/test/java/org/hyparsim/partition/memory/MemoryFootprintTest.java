package org.hyparsim.partition.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.hyparsim.core.kind.Parallelism;
import org.hyparsim.core.workload.Layer;
import org.hyparsim.core.workload.LayerType;
import org.hyparsim.core.workload.Network;
import org.hyparsim.core.workload.Shortcut;
import org.hyparsim.partition.Plan;
import org.junit.jupiter.api.Test;

/**
 * GPT-test's footprint derived by hand (h = 128, 4 heads, s = 64, V = 512, 2 pre-LN blocks, tied
 * logits without a bias), under dp and under Megatron's layout at 2 and 4 accelerators.
 *
 * <p>Parameters: embed (512 + 64) x 128 = 73,728; per block ln1 256, qkv 128 x 384 + 384 =
 * 49,536, proj 16,512, ln2 256, fc1 66,048, fc2 65,664 (198,272); lnf 256; logits none of its
 * own: 470,528 = l(12h^2 + 13h) + (V + s)h + 2h.
 *
 * <p>Megatron's layout at n accelerators (every level: embed mp by the vocabulary, qkv and fc1
 * mp-out, proj, fc2 mp, logits mp-out, the weightless layers their producer's type): embed
 * 65,536/n + 8,192; five layernorms 1,280 whole; qkv 49,536/n; proj 16,384/n + 128 (the bias
 * whole); fc1 66,048/n; fc2 65,536/n + 128: 460,544/n + 9,984 parameters.
 *
 * <p>Activations per sample, everything kept: embed its 64 ids; per block ln1, qkv, proj, ln2,
 * fc1 8,192 each, attn 3 x 8,192 + 4 x 64 x 64 = 40,960, fc2 32,768 (114,688); lnf 8,192; logits
 * 8,192 in and 32,768 out: 278,592. Under Megatron's layout the heads split attention and proj's
 * input, fc2's input and the logits' output: 81,984 + 196,608/n.
 *
 * <p>Full recomputation: checkpoints at embed (64) and each block's ln1 and ln2 (4 x 8,192):
 * 32,832; the largest segment is the last (b1.ln2 to the logits): fc1 8,192 + fc2 32,768 + lnf
 * 8,192 + logits 8,192 + 32,768 = 90,112 under dp; 24,576 + 65,536/n under Megatron's layout
 * (larger than a block's attention segment, 8,192 + 49,152/n, for n = 2 and 4).
 */
class MemoryFootprintTest {
    private static final int BATCH = 8;

    /** GPT-test as the catalog builds it (Transformers, family gpt). */
    static Network gptTest() {
        int h = 128;
        int s = 64;
        List<Layer> layers = new ArrayList<>();
        List<Shortcut> shortcuts = new ArrayList<>();
        layers.add(Layer.embedding("embed", 512, h, s, s));
        for (int i = 0; i < 2; i++) {
            String b = "b" + i + ".";
            int first = layers.size();
            layers.add(Layer.tokenwise(b + "ln1", LayerType.LAYERNORM, h, s));
            layers.add(Layer.linear(b + "qkv", h, 3 * h, s, true));
            layers.add(Layer.attention(b + "attn", 4, h / 4, s));
            layers.add(Layer.linear(b + "proj", h, h, s, true));
            shortcuts.add(Shortcut.identity(first, layers.size() - 1));
            int mlp = layers.size();
            layers.add(Layer.tokenwise(b + "ln2", LayerType.LAYERNORM, h, s));
            layers.add(Layer.linear(b + "fc1", h, 4 * h, s, true));
            layers.add(Layer.linear(b + "fc2", 4 * h, h, s, true));
            shortcuts.add(Shortcut.identity(mlp, layers.size() - 1));
        }
        layers.add(Layer.tokenwise("lnf", LayerType.LAYERNORM, h, s));
        layers.add(Layer.linear("logits", h, 512, s, false).tiedTo("embed"));
        return Network.of("GPT-test", "test", layers, shortcuts, "test");
    }

    /** Megatron's layout at every one of {@code levels} levels. */
    static Plan megatron(Network n, int levels) {
        List<Parallelism> row = new ArrayList<>();
        for (Layer l : n.layers()) {
            String name = l.name();
            row.add(name.equals("embed") || name.endsWith("proj") || name.endsWith("fc2") ? Parallelism.MP
                    : name.endsWith("qkv") || name.endsWith("fc1") || name.equals("logits") ? Parallelism.MP_OUT
                    : row.isEmpty() ? Parallelism.MP : row.get(row.size() - 1));
        }
        return new Plan(n.size(), Collections.nCopies(levels, row));
    }

    @Test
    void gptTestHasTheParametersOfItsConfiguration() {
        Network n = gptTest();
        assertEquals(17, n.size());
        MemorySettings one = new MemorySettings(Optimizer.SGD, Precision.FP32, Recompute.NONE, FitPolicy.REPORTED);
        Plan single = Plan.uniform(n.size(), 0, Parallelism.DP);
        assertEquals(470_528.0 * 8, MemoryFootprint.of(single, n, 1, one, 0).modelStateBytes());
        assertEquals(278_592.0 * 4, MemoryFootprint.of(single, n, 1, one, 0).activationBytes());
    }

    @Test
    void bytesPerParameterAsStated() {
        int[][] expected = {{8, 12, 16}, {8, 12, 16}};
        for (Precision p : Precision.values()) {
            for (Optimizer o : Optimizer.values()) {
                assertEquals(expected[p.ordinal()][o.ordinal()],
                        new MemorySettings(o, p, Recompute.NONE, FitPolicy.REPORTED).bytesPerParameter(), p + " " + o);
            }
        }
    }

    @Test
    void footprintUnderDpAndMegatronAtTwoAndFourAccelerators() {
        Network n = gptTest();
        for (int levels = 1; levels <= 2; levels++) {
            double acc = 1 << levels;
            for (Precision p : Precision.values()) {
                for (Optimizer o : Optimizer.values()) {
                    for (Recompute r : Recompute.values()) {
                        MemorySettings s = new MemorySettings(o, p, r, FitPolicy.REPORTED);
                        double bpp = s.bytesPerParameter();
                        double ab = p.activationBytes();
                        boolean full = r == Recompute.FULL;
                        double dp = 470_528 * bpp + (full ? 122_944 : 278_592) * (BATCH / acc) * ab;
                        double mg = (460_544 / acc + 9_984) * bpp
                                + (full ? 57_408 + 65_536 / acc : 81_984 + 196_608 / acc) * BATCH * ab;
                        String what = acc + " " + s;
                        assertEquals(dp, MemoryFootprint.peakBytes(Plan.uniform(n.size(), levels, Parallelism.DP), n,
                                BATCH, s), 1e-6, "dp " + what);
                        assertEquals(mg, MemoryFootprint.peakBytes(megatron(n, levels), n, BATCH, s), 1e-6,
                                "megatron " + what);
                    }
                }
            }
        }
    }

    @Test
    void fitsJustAboveAndJustBelowTheCapacity() {
        Network n = gptTest();
        MemorySettings s = new MemorySettings(Optimizer.ADAM, Precision.MIXED, Recompute.FULL, FitPolicy.REQUIRED);
        double peak = MemoryFootprint.peakBytes(megatron(n, 1), n, BATCH, s);
        // (460,544 / 2 + 9,984) x 16 + (57,408 + 32,768) x 8 x 2 = 3,844,096 + 1,442,816
        assertEquals(5_286_912.0, peak);
        assertTrue(MemoryFootprint.fits(peak, 5_286_912L));
        assertTrue(MemoryFootprint.fits(peak, 5_286_913L));
        assertFalse(MemoryFootprint.fits(peak, 5_286_911L));
    }

    @Test
    void unevenSplitsTakeTheLargestAccelerator() {
        Network n = gptTest();
        Plan even = Plan.uniform(n.size(), 1, Parallelism.DP);
        Plan uneven = even.withRatios(List.of(Collections.nCopies(n.size(), 0.75)));
        MemorySettings s = MemorySettings.DEFAULT;
        double first = MemoryFootprint.of(uneven, n, BATCH, s, 0).totalBytes();
        double second = MemoryFootprint.of(uneven, n, BATCH, s, 1).totalBytes();
        assertTrue(first > second);
        assertEquals(first, MemoryFootprint.peakBytes(uneven, n, BATCH, s));
        assertEquals(470_528.0 * 8 + 278_592.0 * 6 * 4, first);
    }
}
