package org.hyparsim.partition;

import org.hyparsim.core.kind.Parallelism;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.hyparsim.core.workload.Layer;
import org.hyparsim.core.workload.Network;
import org.junit.jupiter.api.Test;

/** Tables 1 and 2 of the paper on hand-computed cases. */
class CommunicationModelTest {
    /** conv 4 -> 8 channels, 3x3 kernel on 10x10, pooled to 5x5; then fc 200 -> 10. */
    static Network small() {
        return Network.of("small", "", List.of(
                Layer.conv("conv", 4, 10, 8, 3, 1, 1).withPool(2, 2),
                Layer.fc("fc", 8 * 5 * 5, 10)), "test");
    }

    private final CommunicationModel model = new CommunicationModel(small(), Accounting.hypar(16));

    @Test
    void table1DataParallelExchangesTheWeightGradient() {
        // A(dW) = C_in x C_out x k x k = 4 x 8 x 9 = 288 elements; both directions, 4 bytes
        assertEquals(288, model.intraElements(0, Parallelism.DP, new Split(0, 0, 0)));
        assertEquals(2 * 4 * 288, model.intraBytes(0, Parallelism.DP, new Split(0, 0, 0)));
        // kernel split by two mp levels above: C_in / 4
        assertEquals(72, model.intraElements(0, Parallelism.DP, new Split(3, 2, 0)));
    }

    @Test
    void table1ModelParallelExchangesThePooledOutput() {
        // A(F_{l+1}) = B x C_out x H' x W' = 16 x 8 x 5 x 5 = 3200 elements
        assertEquals(3200, model.intraElements(0, Parallelism.MP, new Split(0, 0, 0)));
        assertEquals(25600, model.intraBytes(0, Parallelism.MP, new Split(0, 0, 0)));
        // batch split by one dp level above; mp levels above do not shrink the output
        assertEquals(1600, model.intraElements(0, Parallelism.MP, new Split(1, 3, 0)));
    }

    @Test
    void elementCountsAreRealNumbersNeverRounded() {
        // a batch of 16 split 7 times is 0.125 samples per group
        assertEquals(0.125 * 200, model.intraElements(0, Parallelism.MP, new Split(7, 0, 0)));
        assertEquals(0.125 * 10, model.intraElements(1, Parallelism.MP, new Split(7, 0, 0)));
    }

    @Test
    void table2InterLayerAmounts() {
        double x = 16 * 200; // the fc layer's input, B x 200
        assertEquals(0, model.interElements(0, Parallelism.DP, Parallelism.DP, new Split(0, 0, 0)));
        assertEquals(0.25 * x + 0.25 * x, model.interElements(0, Parallelism.DP, Parallelism.MP, new Split(0, 0, 0)));
        assertEquals(0.5 * x, model.interElements(0, Parallelism.MP, Parallelism.MP, new Split(0, 0, 0)));
        assertEquals(0.5 * x, model.interElements(0, Parallelism.MP, Parallelism.DP, new Split(0, 0, 0)));
        // counted once, 4 bytes per element
        assertEquals(4 * 0.5 * x, model.interBytes(0, Parallelism.MP, Parallelism.DP, new Split(0, 0, 0)));
        // X is partitioned as the consumer layer is: its batch by 2 dp, its channels by 2 mp above
        assertEquals(0.5 * (16 / 4.0) * (200 / 4.0), model.interElements(0, Parallelism.MP, Parallelism.MP, new Split(2, 2, 0)));
    }

    @Test
    void shapesShrinkLevelByLevel() {
        // level 1: conv dp, fc mp; level 2: conv mp, fc mp
        Plan plan = new Plan(2, List.of(List.of(Parallelism.DP, Parallelism.MP), List.of(Parallelism.MP, Parallelism.MP)));
        CommunicationCost cost = model.evaluate(plan);
        // level 1, one group: conv dp 2*4*288, fc mp 2*4*(16*10), inter dp->mp 4*0.5*(16*200)
        double level1 = 2 * 4 * 288 + 2 * 4 * 160 + 4 * 0.5 * 3200;
        assertEquals(level1, cost.levelBytes(1), 1e-9);
        // level 2, two groups: conv mp on batch 8: 2*4*(8*8*25); fc mp with its channels halved
        // (mp above) but not its batch: 2*4*(16*10); inter mp->mp X = 16 * 100
        double level2group = 2 * 4 * (8 * 8 * 25) + 2 * 4 * (16 * 10) + 4 * 0.5 * (16 * 100);
        assertEquals(2 * level2group, cost.levelBytes(2), 1e-9);
        assertEquals(level1 + 2 * level2group, cost.totalBytes(), 1e-9);
        assertEquals(cost.intraLayerBytes() + cost.interLayerBytes(), cost.totalBytes(), 1e-9);
    }

    @Test
    void allDataParallelExchangesWholeGradientsAtEveryLevel() {
        Plan plan = Plan.uniform(2, 4, Parallelism.DP);
        CommunicationCost cost = model.evaluate(plan);
        double w = small().weights();
        assertEquals((1 + 2 + 4 + 8) * 2 * 4 * w, cost.totalBytes(), 1e-9);
        assertEquals(0, cost.interLayerBytes());
    }

    @Test
    void oneAcceleratorHasNoLevelsAndNoCommunication() {
        Plan plan = Plan.uniform(2, 0, Parallelism.DP);
        assertEquals(0, model.evaluate(plan).totalBytes());
        assertEquals(0, ArrayHierarchy.levels(1));
    }

    @Test
    void accparAccountingCountsElementsOnce() {
        CommunicationModel accpar = new CommunicationModel(small(), Accounting.accpar(16));
        assertEquals(288, accpar.intraBytes(0, Parallelism.DP, new Split(0, 0, 0)));
        assertEquals(0.5 * 3200, accpar.interBytes(0, Parallelism.MP, Parallelism.MP, new Split(0, 0, 0)));
    }

    @Test
    void accountingParametersScaleTheAmounts() {
        Accounting a = Accounting.hypar(16).withBytesPerElement(2).withIntraMultiplicity(1).withInterMultiplicity(3);
        CommunicationModel m = new CommunicationModel(small(), a);
        assertEquals(2 * 288, m.intraBytes(0, Parallelism.DP, new Split(0, 0, 0)));
        assertEquals(3 * 2 * 0.5 * 3200, m.interBytes(0, Parallelism.MP, Parallelism.DP, new Split(0, 0, 0)));
    }

    @Test
    void typeThreeExchangesTheInputErrorAndShrinksByOutputChannels() {
        // A(E_l) = B x C_in x H x W = 16 x 4 x 10 x 10 = 6400; the batch by one dp level, channels by one mp level
        assertEquals(6400, model.intraElements(0, Parallelism.MP_OUT, Split.NONE));
        assertEquals(6400 / 4.0, model.intraElements(0, Parallelism.MP_OUT, new Split(1, 1, 3)));
        assertEquals(2 * 4 * 6400, model.intraBytes(0, Parallelism.MP_OUT, Split.NONE));
        // mp-out above splits the output channels: dW and mp's output shrink, the input does not
        assertEquals(288 / 2.0, model.intraElements(0, Parallelism.DP, new Split(0, 0, 1)));
        assertEquals(3200 / 4.0, model.intraElements(0, Parallelism.MP, new Split(0, 0, 2)));
        // inference: no backward error sums
        assertEquals(0, model.inference().intraElements(0, Parallelism.MP_OUT, Split.NONE));
    }

    @Test
    void accparsNineTransitions() {
        double x = 16 * 200;
        Parallelism[] t = {Parallelism.DP, Parallelism.MP, Parallelism.MP_OUT};
        // AccPar's table (src/accpar.cpp Com_Cost_Inter_Layer): rows the producer, columns the consumer
        double[][] factor = {{0, 0.5, 0.5}, {0.5, 0.5, 0}, {0.5, 0, 0.5}};
        double[][] forward = {{0, 0.5, 1}, {0, 0, 0}, {0.5, 0, 1}};
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < 3; b++) {
                assertEquals(factor[a][b] * x, model.interElements(0, t[a], t[b], Split.NONE), t[a] + "->" + t[b]);
                assertEquals(forward[a][b], CommunicationModel.forwardShare(t[a], t[b]), t[a] + "->" + t[b]);
                // mp-out above the consumer does not shrink its input
                assertEquals(factor[a][b] * x, model.interElements(0, t[a], t[b], new Split(0, 0, 2)));
            }
        }
    }

    @Test
    void shortcutAmountsFollowTheLayoutsOfTheirEnds() {
        // conv a: 8 -> 8 at 6x6 (pad 1), conv b: 8 -> 8, fc; an identity shortcut from a's input to b's output
        java.util.List<Layer> layers = List.of(Layer.conv("a", 8, 6, 8, 3, 1, 1), Layer.conv("b", 8, 6, 8, 3, 1, 1),
                Layer.fc("fc", 8 * 36, 10));
        Network net = Network.of("res", "", layers, List.of(org.hyparsim.core.workload.Shortcut.identity(0, 1)), "test");
        CommunicationModel m = new CommunicationModel(net, Accounting.hypar(4));
        org.hyparsim.core.workload.Shortcut s = net.shortcuts().get(0);
        double x = 4 * 8 * 36; // b's output, B x C x H x W
        // a split by batch, b by output channels: a quarter of F forward and of E backward, 4 bytes each
        CommunicationModel.ShortcutAmount dpOut = m.shortcutAmount(s, Parallelism.DP, Parallelism.MP_OUT, Split.NONE);
        assertEquals(4 * 0.25 * x, dpOut.forward());
        assertEquals(4 * 0.25 * x, dpOut.backward());
        assertEquals(4 * 0.5 * x, m.shortcutAmount(s, Parallelism.MP, Parallelism.DP, Split.NONE).forward()
                + m.shortcutAmount(s, Parallelism.MP, Parallelism.DP, Split.NONE).backward());
        // into mp's partial sums, or from a whole input, nothing moves
        for (Parallelism from : Parallelism.values()) {
            assertEquals(0, m.shortcutBytes(s, from, Parallelism.MP, Split.NONE));
            assertEquals(0, m.shortcutBytes(s, Parallelism.MP_OUT, from, Split.NONE));
        }
        // AccPar's rules: the inter-layer factor from a's type to fc's, on fc's input
        CommunicationModel acc = new CommunicationModel(net, Accounting.accpar(4));
        assertEquals(2, acc.shortcutEnd(s));
        assertEquals(0.5 * 4 * 288, acc.shortcutBytes(s, Parallelism.MP, Parallelism.MP, Split.NONE));
        assertEquals(0, acc.shortcutBytes(s, Parallelism.MP, Parallelism.MP_OUT, Split.NONE));
        // the plan's total carries the shortcut: mp, dp, dp at one level
        Plan p = new Plan(3, List.of(List.of(Parallelism.MP, Parallelism.DP, Parallelism.DP)));
        assertEquals(4 * 0.5 * x, m.evaluate(p).shortcutBytes());
    }

    @Test
    void unevenSplitsMoveWhatTheSharesMisalign() {
        double x = 16 * 200;
        // dp -> dp, the producer's first half holding 75% of the batch, the consumer's needing 50%: a quarter of F
        // forward and of E backward, so a quarter in Table 2's per-direction units
        assertEquals(0.25 * x, model.interElements(0, Parallelism.DP, Parallelism.DP, Split.NONE, 0.75, 0.5), 1e-9);
        assertEquals(0.5, CommunicationModel.forwardShare(Parallelism.DP, Parallelism.DP, 0.75, 0.5), 1e-12);
        // equal shares move nothing; any split to whole moves all of it, whatever the share
        assertEquals(0, model.interElements(0, Parallelism.DP, Parallelism.DP, Split.NONE, 0.7, 0.7));
        assertEquals(0.5 * x, model.interElements(0, Parallelism.DP, Parallelism.MP_OUT, Split.NONE, 0.8, 0.3), 1e-9);
        // dp -> mp: batch share 0.8 to channel share 0.6: F moves 0.6 x 0.2 + 0.8 x 0.4 = 0.44, E 0.8 x 0.4 + 0.6 x 0.2
        assertEquals(0.44 * x, model.interElements(0, Parallelism.DP, Parallelism.MP, Split.NONE, 0.8, 0.6), 1e-9);
        // a plan's shares per accelerator: level 1 gives the first half 0.75 of the batch, level 2 splits channels evenly
        Plan p = new Plan(2, List.of(List.of(Parallelism.DP, Parallelism.DP), List.of(Parallelism.MP, Parallelism.DP)),
                List.of(List.of(0.75, 0.75), List.of(0.5, 0.5)));
        assertEquals(0.75, p.shares(0, 0)[0]);
        assertEquals(0.5, p.shares(1, 0)[1]);
        assertEquals(0.25, p.shares(3, 0)[0]);
        assertEquals(0.125, p.shares(2, 1)[0]);
    }
}
