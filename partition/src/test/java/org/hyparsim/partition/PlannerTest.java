package org.hyparsim.partition;

import org.hyparsim.core.kind.Parallelism;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.hyparsim.core.workload.Layer;
import org.hyparsim.core.workload.Network;
import org.hyparsim.partition.planner.ExhaustivePlanner;
import org.hyparsim.partition.planner.FilePlanner;
import org.hyparsim.partition.planner.LayerwisePlanner;
import org.hyparsim.partition.planner.OneWeirdTrickPlanner;
import org.hyparsim.partition.planner.Strategy;
import org.hyparsim.core.kind.StrategyKind;
import org.junit.jupiter.api.Test;

class PlannerTest {
    private static final Parallelism DP = Parallelism.DP;
    private static final Parallelism MP = Parallelism.MP;

    @Test
    void trickSplitsConvByBatchAndFcByKernel() {
        CommunicationModel m = new CommunicationModel(CommunicationModelTest.small(), Accounting.hypar(256));
        Plan p = new OneWeirdTrickPlanner().plan(m, 3);
        for (int h = 1; h <= 3; h++) {
            assertEquals(DP, p.choice(h, 0));
            assertEquals(MP, p.choice(h, 1));
        }
    }

    @Test
    void hyparPicksModelParallelForAHugeFcAndDataParallelForASmallConv() {
        // fc 4096 -> 4096 at batch 8: A(dW) = 16.7M elements, A(F) = 32768: mp wins
        Network n = Network.of("n", "", List.of(Layer.conv("c", 3, 8, 4, 3, 1, 1), Layer.fc("f", 256, 4096),
                Layer.fc("g", 4096, 4096)), "t");
        Plan p = LayerwisePlanner.hypar().plan(new CommunicationModel(n, Accounting.hypar(8)), 1);
        assertEquals(List.of(DP, MP, MP), p.rows().get(0));
    }

    @Test
    void tiesGoToDataParallelism() {
        // one fc layer 16 -> 4 at batch 16: A(dW) = 64 = A(F) = 16 x 4
        Network n = Network.of("n", "", List.of(Layer.fc("f", 16, 4)), "t");
        CommunicationModel m = new CommunicationModel(n, Accounting.hypar(16));
        assertEquals(m.intraBytes(0, DP, new Split(0, 0, 0)), m.intraBytes(0, MP, new Split(0, 0, 0)));
        assertEquals(List.of(DP), LayerwisePlanner.hypar().plan(m, 1).rows().get(0));
        assertEquals(List.of(DP), new ExhaustivePlanner().plan(m, 1).rows().get(0));
    }

    @Test
    void exhaustiveRefusesMoreThan2To24Plans() {
        Layer[] layers = new Layer[13];
        for (int i = 0; i < layers.length; i++) {
            layers[i] = Layer.fc("f" + i, 8, 8);
        }
        CommunicationModel m = new CommunicationModel(Network.of("n", "", List.of(layers), "t"), Accounting.hypar(8));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ExhaustivePlanner().plan(m, 2));
        assertTrue(e.getMessage().contains("2^26"), e.getMessage());
    }

    @Test
    void filePlanMustFitTheNetworkAndArray() {
        CommunicationModel m = new CommunicationModel(CommunicationModelTest.small(), Accounting.hypar(256));
        Plan two = Plan.uniform(2, 2, MP);
        assertEquals(two, new FilePlanner(two).plan(m, 2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new FilePlanner(two).plan(m, 3));
        assertTrue(e.getMessage().startsWith("the plan has 2 levels, the array needs 3"), e.getMessage());
    }

    @Test
    void strategiesByName() {
        assertTrue(StrategyKind.fromName("fastest").isEmpty());
        for (StrategyKind k : StrategyKind.values()) {
            assertEquals(k, StrategyKind.fromName(k.label()).orElseThrow());
        }
        assertEquals(List.of("dp", "mp", "trick", "hypar", "accpar", "exhaustive", "timed"), StrategyKind.plannerNames());
        assertEquals("hypar", new Strategy.Named(StrategyKind.HYPAR).planner().name());
        assertThrows(IllegalArgumentException.class, () -> new Strategy.Named(StrategyKind.FILE));
    }

    @Test
    void acceleratorCountsArePowersOfTwoUpTo65536() {
        assertEquals(4, ArrayHierarchy.levels(16));
        assertEquals(16, ArrayHierarchy.levels(65536));
        for (long bad : new long[] {0, 12, 131072, -4}) {
            assertThrows(IllegalArgumentException.class, () -> ArrayHierarchy.levels(bad));
        }
    }
}
