package org.hyparsim.partition;

import org.hyparsim.core.kind.Parallelism;
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

/** Optimality of the layer-wise dynamic programs against brute force, on random small networks. */
class HyParPlannerProperties {

    /** Each level's row costs no more than the best of all k^L rows given the levels above. */
    private static void assertEachLevelOptimal(CommunicationModel m, Plan plan, List<Parallelism> types) {
        int n = m.layers();
        long rows = (long) Math.pow(types.size(), n);
        for (int h = 1; h <= plan.levels(); h++) {
            Split[] above = plan.splitsAbove(h - 1);
            double chosen = m.groupBytes(plan.rows().get(h - 1), above);
            double best = Double.POSITIVE_INFINITY;
            for (long i = 0; i < rows; i++) {
                best = Math.min(best, m.groupBytes(Plan.rowFromIndex(i, n, types), above));
            }
            assertTrue(chosen <= best * (1 + 1e-12) + 1e-9, "level " + h + ": " + chosen + " > best " + best);
        }
    }

    @Property(tries = 200, seed = "2020021901")
    void accparEachLevelIsOptimalOverThreeTypes(@ForAll("networks") Network net,
            @ForAll @IntRange(min = 1, max = 3) int levels, @ForAll @IntRange(min = 1, max = 512) int batch,
            @ForAll boolean elementCounts) {
        CommunicationModel m = new CommunicationModel(net, elementCounts ? Accounting.accpar(batch) : Accounting.hypar(batch));
        assertEachLevelOptimal(m, LayerwisePlanner.accpar().plan(m, levels), Parallelism.THREE_TYPES);
    }

    @Property(tries = 200, seed = "2020021902")
    void exactPlannersAreOptimalWithShortcuts(@ForAll("residualNetworks") Network net,
            @ForAll @IntRange(min = 1, max = 3) int levels, @ForAll @IntRange(min = 1, max = 512) int batch,
            @ForAll boolean threeTypes, @ForAll boolean elementCounts) {
        CommunicationModel m = new CommunicationModel(net, elementCounts ? Accounting.accpar(batch) : Accounting.hypar(batch));
        LayerwisePlanner p = (threeTypes ? LayerwisePlanner.accpar() : LayerwisePlanner.hypar()).exact();
        assertEachLevelOptimal(m, p.plan(m, levels), p.types());
    }

    @Property(tries = 60, seed = "2020021903")
    void exhaustiveOverThreeTypesIsNeverWorseThanAccPar(@ForAll("residualNetworks") Network net,
            @ForAll @IntRange(min = 1, max = 2) int levels) {
        CommunicationModel m = new CommunicationModel(net, Accounting.hypar(64));
        double accpar = m.evaluate(LayerwisePlanner.accpar().plan(m, levels)).totalBytes();
        double exhaustive = m.evaluate(new ExhaustivePlanner(3).plan(m, levels)).totalBytes();
        assertTrue(exhaustive <= accpar * (1 + 1e-12) + 1e-9);
        if (levels == 1) {
            assertEquals(exhaustive, accpar, 1e-12 * exhaustive + 1e-9);
        }
    }

    /** A random chain with 1 to 3 random shortcuts (identity or projection), taken as a reference network. */
    @Provide
    Arbitrary<Network> residualNetworks() {
        Arbitrary<List<Integer>> ends = Arbitraries.integers().between(0, 1000).list().ofSize(6);
        Arbitrary<List<Boolean>> projections = Arbitraries.of(true, false).list().ofSize(3);
        Arbitrary<Integer> count = Arbitraries.integers().between(1, 3);
        return Combinators.combine(networks().filter(n -> n.size() >= 2), ends, projections, count).as((net, e, pr, c) -> {
            List<org.hyparsim.core.workload.Shortcut> shortcuts = new ArrayList<>();
            int n = net.size();
            for (int i = 0; i < c; i++) {
                int from = e.get(2 * i) % (n - 1);
                int to = from + e.get(2 * i + 1) % (n - 1 - from);
                Layer f = net.layer(from);
                Layer t = net.layer(to);
                shortcuts.add(pr.get(i) ? new org.hyparsim.core.workload.Shortcut(from, to,
                        org.hyparsim.core.workload.Shortcut.projectionBetween(f, t))
                        : org.hyparsim.core.workload.Shortcut.identity(from, to));
            }
            return Network.reference("residual", "", net.layers(), shortcuts, "random", "generated");
        });
    }

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
