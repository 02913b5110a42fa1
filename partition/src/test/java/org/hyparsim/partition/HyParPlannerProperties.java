package org.hyparsim.partition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.hyparsim.core.workload.Layer;
import org.hyparsim.core.workload.Network;
import org.hyparsim.partition.planner.ExhaustivePlanner;
import org.hyparsim.partition.planner.LayerwisePlanner;

/** Optimality of Algorithm 1 against brute force, on random small networks. */
class HyParPlannerProperties {

    @Property(tries = 300, seed = "1901020671")
    void eachLevelIsOptimalGivenTheLevelsAbove(@ForAll("networks") Network net,
            @ForAll @IntRange(min = 1, max = 3) int levels, @ForAll @IntRange(min = 1, max = 512) int batch) {
        CommunicationModel m = new CommunicationModel(net, Accounting.hypar(batch));
        Plan plan = LayerwisePlanner.hypar().plan(m, levels);
        for (int h = 1; h <= levels; h++) {
            Split[] above = plan.splitsAbove(h - 1);
            double chosen = m.groupBytes(plan.rows().get(h - 1), above);
            double best = Double.POSITIVE_INFINITY;
            int n = net.size();
            for (int mask = 0; mask < (1 << n); mask++) {
                List<Parallelism> row = new ArrayList<>();
                for (int l = 0; l < n; l++) {
                    row.add(((mask >> l) & 1) == 0 ? Parallelism.DP : Parallelism.MP);
                }
                best = Math.min(best, m.groupBytes(row, above));
            }
            assertTrue(chosen <= best * (1 + 1e-12), "level " + h + ": hypar " + chosen + " > best " + best);
        }
    }

    @Property(tries = 200, seed = "1901020671")
    void withOneLevelHyParEqualsExhaustive(@ForAll("networks") Network net, @ForAll @IntRange(min = 1, max = 512) int batch) {
        CommunicationModel m = new CommunicationModel(net, Accounting.hypar(batch));
        double hypar = m.evaluate(LayerwisePlanner.hypar().plan(m, 1)).totalBytes();
        double exhaustive = m.evaluate(new ExhaustivePlanner().plan(m, 1)).totalBytes();
        assertEquals(exhaustive, hypar, exhaustive * 1e-12);
    }

    @Property(tries = 100, seed = "1901020671")
    void exhaustiveIsNeverWorseThanHyPar(@ForAll("networks") Network net, @ForAll @IntRange(min = 1, max = 3) int levels) {
        CommunicationModel m = new CommunicationModel(net, Accounting.hypar(64));
        double hypar = m.evaluate(LayerwisePlanner.hypar().plan(m, levels)).totalBytes();
        double exhaustive = m.evaluate(new ExhaustivePlanner().plan(m, levels)).totalBytes();
        assertTrue(exhaustive <= hypar * (1 + 1e-12));
    }

    /** 2 to 6 layers: convs (with optional pooling) then fcs, chained. */
    @Provide
    Arbitrary<Network> networks() {
        Arbitrary<Integer> convs = Arbitraries.integers().between(0, 4);
        Arbitrary<Integer> total = Arbitraries.integers().between(2, 6);
        Arbitrary<List<Integer>> channels = Arbitraries.integers().between(1, 512).list().ofSize(7);
        Arbitrary<List<Integer>> kernels = Arbitraries.of(1, 3, 5).list().ofSize(6);
        Arbitrary<List<Boolean>> pools = Arbitraries.of(true, false).list().ofSize(6);
        Arbitrary<Integer> size = Arbitraries.of(8, 16, 32, 64);
        return Combinators.combine(convs, total, channels, kernels, pools, size).as((c, t, ch, k, pool, hw) -> {
            int nConv = Math.min(c, t);
            List<Layer> layers = new ArrayList<>();
            int inCh = ch.get(0);
            int in = hw;
            for (int i = 0; i < nConv; i++) {
                boolean p = pool.get(i) && in >= 2;
                Layer l = Layer.conv("conv" + i, inCh, in, ch.get(i + 1), k.get(i), 1, k.get(i) / 2).withPool(p ? 2 : 1, p ? 2 : 1);
                layers.add(l);
                inCh = l.outChannels();
                in = l.pooledHeight();
            }
            int width = nConv == 0 ? inCh : inCh * in * in;
            for (int i = nConv; i < t; i++) {
                Layer l = Layer.fc("fc" + i, width, ch.get(i + 1));
                layers.add(l);
                width = l.outChannels();
            }
            return Network.of("random", "", layers, "generated");
        });
    }
}
