package org.hyparsim.partition;

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
}
