package org.hyparsim.paper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.hyparsim.core.kind.Parallelism;
import org.hyparsim.core.kind.StrategyKind;
import org.hyparsim.core.kind.TopologyKind;
import org.hyparsim.core.workload.Network;
import org.hyparsim.input.scenario.BuiltInProfile;
import org.hyparsim.input.scenario.Hardware;
import org.hyparsim.input.scenario.HardwareReader;
import org.hyparsim.input.scenario.Sweep;
import org.hyparsim.partition.memory.MemorySettings;
import org.hyparsim.results.report.Table;
import org.hyparsim.scenarios.sweep.SweepRunner;
import org.junit.jupiter.api.Test;

/**
 * The transformer section on GPT-test (seconds): Megatron's layout where the hand derivation puts
 * it, the table's figures taken from the runs, dp's footprint split into its parts by hand, and
 * the partition map's text.
 */
class TransformerSectionTest {
    private static final Hardware HMC = HardwareReader.builtIn(BuiltInProfile.HMC_RS);
    private static final SweepRunner.Listener QUIET = (done, total, failed) -> { };

    private static TransformerScope scope(int batch) {
        return new TransformerScope(true, List.of(new TransformerScope.Net("GPT-test", batch, "a test")),
                List.of(2, 4), List.of(TopologyKind.HTREE), TransformerScope.STRATEGIES, TransformerScope.MEMORY,
                TransformerScope.COLLECTIVE, List.of());
    }

    @Test
    void accparChoosesMegatronAtBatchOneAndDpAtSixtyFour() {
        // GPT-test: h = 128, s = 64; one level's blocks flip at B* = (3h + 2.25) / s = 6.04 (TransformersTest)
        for (int batch : new int[] {1, 64}) {
            List<TransformerRuns.Outcome> runs = TransformerRuns.collect(scope(batch), HMC, 2, QUIET);
            TransformerSection.Result r = TransformerSection.build(scope(batch), runs, HMC.capacity().bytes());
            String accpar = r.layout().rows().stream().filter(row -> row.get(1).equals("2")
                    && row.get(3).equals("accpar")).findFirst().orElseThrow().get(4);
            assertTrue(accpar.contains(batch == 1 ? "b0-1:omom" : "all d"), batch + ": " + accpar);
        }
    }

    @Test
    void theTableTakesEachRunsFigures() {
        List<TransformerRuns.Outcome> runs = TransformerRuns.collect(scope(8), HMC, 1, QUIET);
        TransformerSection.Result r = TransformerSection.build(scope(8), runs, HMC.capacity().bytes());
        assertEquals(2 * TransformerScope.STRATEGIES.size(), r.table().rows().size());
        assertTrue(r.refused().rows().isEmpty());
        for (int i = 0; i < runs.size(); i++) {
            TransformerRuns.Outcome o = runs.get(i);
            List<String> row = r.table().rows().get(i);
            assertTrue(o.replayed());
            // the accounted bytes are the replay's
            assertEquals(o.run().result().communicationBytes(), o.plannerBytes(), 1e-9 * Math.max(1, o.plannerBytes()));
            assertEquals(Table.num(o.plannerBytes() / 1e9), row.get(7));
            assertEquals(o.memory().fits() ? "yes" : "no", row.get(10));
            if (o.strategy() == StrategyKind.DP) {
                assertEquals("1", row.get(6));
            }
        }
    }

    @Test
    void dpsFootprintIsItsModelStateAndActivationsPerSequence() {
        Network gpt2 = Scope.network("GPT-2");
        MemorySettings m = TransformerScope.MEMORY;
        double[] f = TransformerSection.dpFootprint(gpt2, m);
        // dp holds every parameter: 1,557,611,200 at 16 bytes (Adam, mixed precision)
        assertEquals(16.0 * 1_557_611_200L, f[0], 1e-6 * f[0]);
        assertTrue(f[1] > 0);
    }

    @Test
    void thePartitionMapRunsEqualBlocksTogether() {
        Network gpt2 = Scope.network("GPT-2");
        List<Parallelism> megatron = new ArrayList<>();
        for (int l = 0; l < gpt2.size(); l++) {
            String name = gpt2.layer(l).name();
            megatron.add(name.endsWith(".qkv") || name.endsWith(".fc1") ? Parallelism.MP_OUT
                    : name.endsWith(".proj") || name.endsWith(".fc2") ? Parallelism.MP : Parallelism.DP);
        }
        List<Parallelism> changed = new ArrayList<>(megatron);
        for (int l = 0; l < gpt2.size(); l++) {
            if (gpt2.layer(l).name().equals("b7.fc2")) {
                changed.set(l, Parallelism.DP);
            }
        }
        List<List<Parallelism>> rows = List.of(megatron, changed,
                Collections.nCopies(gpt2.size(), Parallelism.DP));
        assertEquals("qkv, proj, fc1, fc2", PartitionMap.blockLegend(gpt2));
        assertEquals("embed:d b0-47:omom logits:d", PartitionMap.level(gpt2, rows, 1));
        assertEquals("embed:d b0-6:omom b7:omod b8-47:omom logits:d", PartitionMap.level(gpt2, rows, 2));
        assertEquals("all d", PartitionMap.level(gpt2, rows, 3));
        assertFalse(PartitionMap.levels(gpt2, rows).isEmpty());
    }

    @Test
    void theSuiteNamesItsBatchesAndTheirSources() {
        for (TransformerScope.Net n : TransformerScope.FULL.networks()) {
            assertTrue(n.batch() > 0 && !n.batchSource().isBlank(), n.name());
            assertEquals(n.name(), Scope.network(n.name()).name());
        }
        assertTrue(TransformerScope.FULL.sizes().contains(16) && TransformerScope.FULL.sizes().contains(1024));
        // the listener's points are the cases (one per network, size and topology)
        List<Sweep.Point> seen = new ArrayList<>();
        TransformerRuns.collect(scope(8), HMC, 1, new SweepRunner.Listener() {
            @Override
            public void pointDone(int done, int total, boolean failed) {
            }

            @Override
            public void starting(List<Sweep.Point> order, int threads) {
                seen.addAll(order);
            }
        });
        assertEquals(2, seen.size());
    }
}
