package org.hyparsim.partition.collective;

import org.hyparsim.core.kind.CollectiveAlgorithm;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.hyparsim.core.step.Fabric;
import org.hyparsim.core.step.Task;
import org.hyparsim.core.step.TrainingStep;
import org.hyparsim.core.step.TransferKind;
import org.junit.jupiter.api.Test;

/** Collectives expanded into transfers: the bytes each algorithm sends, and that every transfer waits for its data. */
class CollectivesTest {
    static final List<CollectiveAlgorithm> ALGORITHMS = List.of(CollectiveAlgorithm.HIERARCHICAL, CollectiveAlgorithm.RING,
            CollectiveAlgorithm.RING_BIDIR, CollectiveAlgorithm.HALVING_DOUBLING, CollectiveAlgorithm.DIRECT);

    /** One collective over all 2^levels accelerators, nothing before it. */
    static TrainingStep step(CollectiveOp op, CollectiveAlgorithm a, int levels, double bytes, Fabric fabric) {
        int n = 1 << levels;
        TrainingStep.Builder b = new TrainingStep.Builder(n, 1, List.of("x"));
        new Collectives(a, fabric, levels).expand(b, 0, 0, TransferKind.GRADIENT_SUM, op, n - 1, bytes, null);
        return b.build();
    }

    static double[] sent(TrainingStep s) {
        double[] out = new double[s.accelerators()];
        for (Task t : s.tasks()) {
            out[t.accelerator()] += t.bytes();
        }
        return out;
    }

    @Test
    void everyAlgorithmSendsTheBoundsBytes() {
        double s = 1 << 20;
        for (int levels : new int[] {1, 3, 4}) {
            int n = 1 << levels;
            for (CollectiveAlgorithm a : ALGORITHMS) {
                for (CollectiveOp op : CollectiveOp.values()) {
                    double factor = op == CollectiveOp.ALL_REDUCE ? 2 : 1;
                    double[] out = sent(step(op, a, levels, s, null));
                    for (int m = 0; m < n; m++) {
                        assertEquals(factor * (n - 1) / n * s, out[m], 1e-6, a + " " + op + " on " + n + ", A" + m);
                    }
                }
            }
        }
    }

    @Test
    void aSendWaitsForThePartialSumsItCarries() {
        // ring all-reduce on 4: member m's send in round k > 0 depends on the send into m of round k - 1
        TrainingStep s = step(CollectiveOp.ALL_REDUCE, CollectiveAlgorithm.RING, 2, 4096, null);
        assertEquals(2 * 4 * 3, s.size());
        for (Task t : s.tasks()) {
            int round = t.id() / 4;
            int[] preds = s.predecessors(t.id());
            if (round == 0) {
                assertEquals(0, preds.length, "round 0 needs only the member's own data");
            } else {
                assertEquals(1, preds.length);
                Task p = s.task(preds[0]);
                assertEquals(round - 1, p.id() / 4);
                assertEquals(t.accelerator(), p.peer(), "the previous send goes into this one's sender");
            }
        }
    }

    @Test
    void theHierarchicalExchangeSendsThePapersAmountPerLevel() {
        // 16 accelerators: the reduce-scatter starts at level 4 (a <-> a+1, S/2 each way) and climbs to level 1
        // (S/16); the all-gather comes back. Per accelerator, level h sends S / 2^(H-h+1) in each phase.
        double s = 1600;
        TrainingStep step = step(CollectiveOp.ALL_REDUCE, CollectiveAlgorithm.HIERARCHICAL, 4, s, null);
        double[] perLevel = new double[5];
        for (Task t : step.tasks()) {
            if (t.accelerator() == 5) {
                perLevel[t.level()] += t.bytes();
                assertEquals(5 ^ (1 << (4 - t.level())), t.peer(), "level h pairs a with a +- 2^(H-h)");
            }
        }
        for (int h = 1; h <= 4; h++) {
            assertEquals(2 * s / (1 << (4 - h + 1)), perLevel[h], 1e-9, "level " + h);
        }
        // the first round is level 4, the first all-gather round level 1
        assertEquals(4, step.task(0).level());
        assertEquals(1, step.task(4 * 16).level());
    }

    @Test
    void groupsAreTheAcceleratorsThatDifferOnlyInTheirLevels() {
        // 8 accelerators, levels 1 and 3 (index bits 2 and 0): groups {0,1,4,5} and {2,3,6,7}
        int mask = Collectives.mask(3, List.of(1, 3));
        assertEquals(0b101, mask);
        TrainingStep.Builder b = new TrainingStep.Builder(8, 1, List.of("x"));
        new Collectives(CollectiveAlgorithm.DIRECT, null, 3).expand(b, 0, 0, TransferKind.GRADIENT_SUM,
                CollectiveOp.ALL_REDUCE, mask, 100, null);
        for (Task t : b.build().tasks()) {
            assertEquals(0, (t.accelerator() ^ t.peer()) & 0b010, t.describe(List.of("x")));
        }
    }

    /** A ring of n at 1 byte/ps per link and 1 ps per hop: a round's cost from its longest path and busiest link. */
    static final class RingFabric implements Fabric {
        final int n;

        RingFabric(int n) {
            this.n = n;
        }

        @Override
        public int[] dimensionBits() {
            return new int[] {Integer.numberOfTrailingZeros(n)};
        }

        @Override
        public RoundCost round(int[][] pairs) {
            double[] load = new double[2 * n];
            int longest = 0;
            for (int[] p : pairs) {
                int fwd = Math.floorMod(p[1] - p[0], n);
                boolean clockwise = fwd <= n - fwd;
                int hops = clockwise ? fwd : n - fwd;
                longest = Math.max(longest, hops);
                for (int k = 0; k < hops; k++) {
                    int node = Math.floorMod(p[0] + (clockwise ? k : -k), n);
                    load[clockwise ? node : n + node]++;
                }
            }
            double most = 0;
            for (double l : load) {
                most = Math.max(most, l);
            }
            return new RoundCost(longest * 1e-12, most * 1e-12);
        }
    }

    @Test
    void autoTakesTheFastestEstimateForTheSize() {
        Collectives auto = new Collectives(CollectiveAlgorithm.AUTO, new RingFabric(16), 4);
        // large messages on a ring: both ring directions at once beat everything else
        assertEquals(CollectiveAlgorithm.RING_BIDIR, auto.choose(CollectiveOp.ALL_REDUCE, 15, 1e9));
        // tiny messages: latency dominates, and the hierarchical exchange has the fewest rounds between neighbours
        CollectiveAlgorithm small = auto.choose(CollectiveOp.ALL_REDUCE, 15, 1);
        assertTrue(small == CollectiveAlgorithm.HIERARCHICAL || small == CollectiveAlgorithm.DIRECT, small.toString());
        // without a fabric, auto keeps the paper's exchange
        assertEquals(CollectiveAlgorithm.HIERARCHICAL,
                new Collectives(CollectiveAlgorithm.AUTO, null, 4).choose(CollectiveOp.ALL_REDUCE, 15, 1e9));
    }
    @Test
    void halvingDoublingPairsTheNearestPartnerFirstOnARing() {
        Collectives hd = new Collectives(CollectiveAlgorithm.HALVING_DOUBLING, new RingFabric(16), 4);
        List<Rounds.Round> rs = hd.rounds(CollectiveOp.ALL_REDUCE, CollectiveAlgorithm.HALVING_DOUBLING, 15);
        assertEquals(8, rs.size());
        // reduce-scatter: partners at 1, 2, 4, 8 hops with S/2, S/4, S/8, S/16; the all-gather back
        int[] bits = {0, 1, 2, 3, 3, 2, 1, 0};
        double[] shares = {0.5, 0.25, 0.125, 0.0625, 0.0625, 0.125, 0.25, 0.5};
        for (int k = 0; k < 8; k++) {
            Rounds.Round r = rs.get(k);
            for (int i = 0; i < r.size(); i++) {
                assertEquals(1 << bits[k], r.from()[i] ^ r.to()[i], "round " + k);
                assertEquals(shares[k], r.fraction()[i], 0, "round " + k);
            }
        }
        // on the test ring (1 byte/ps per link): busiest link 1, 2, 4 and 8 messages (half-way round, one way)
        // per round, so 2 x (S/2 x 1 + S/4 x 2 + S/8 x 4 + S/16 x 8) = 4 S ps, where the farthest partner
        // first would take 2 x (S/2 x 8 + S/4 x 4 + S/8 x 2 + S/16) = 10.625 S ps; latency 2 x (1 + 2 + 4 + 8) ps
        double s = 1e6;
        assertEquals((4 * s + 30) * 1e-12, hd.seconds(CollectiveOp.ALL_REDUCE, 15, s), 1e-18);
    }

    /**
     * A 4 x 4 grid's costs by the index bit a round crosses: bits 0 and 2 join neighbours (one
     * hop, one message per link), bits 1 and 3 partners two hops away (two per link).
     */
    static final class GridFabric implements Fabric {
        @Override
        public int[] dimensionBits() {
            return new int[] {2, 2};
        }

        @Override
        public RoundCost round(int[][] pairs) {
            double most = 0;
            for (int[] p : pairs) {
                int bit = Integer.numberOfTrailingZeros(p[0] ^ p[1]);
                most = Math.max(most, bit % 2 == 0 ? 1 : 2);
            }
            return new RoundCost(most * 1e-12, most * 1e-12);
        }
    }

    @Test
    void halvingDoublingTakesItsPartnerOrderFromTheTopology() {
        Collectives hd = new Collectives(CollectiveAlgorithm.HALVING_DOUBLING, new GridFabric(), 4);
        // neighbours first (bit 0, then bit 2: ties go to the lower bit), then the partners two hops away
        assertArrayEquals(new int[] {0, 2, 1, 3}, hd.partnerOrder(15));
        List<Rounds.Round> rs = hd.rounds(CollectiveOp.REDUCE_SCATTER, CollectiveAlgorithm.HALVING_DOUBLING, 15);
        assertEquals(4, rs.size());
        assertEquals(1 << 2, rs.get(1).from()[0] ^ rs.get(1).to()[0]);
        // a group of bits 1 and 3 (member bits 0 and 1): both two hops away, the lower first
        assertArrayEquals(new int[] {0, 1}, hd.partnerOrder(0b1010));
        // without a fabric: the index's lowest bit first, the hierarchical exchange's rounds
        Collectives plain = new Collectives(CollectiveAlgorithm.HALVING_DOUBLING, null, 4);
        List<Rounds.Round> a = plain.rounds(CollectiveOp.ALL_REDUCE, CollectiveAlgorithm.HALVING_DOUBLING, 15);
        List<Rounds.Round> b = plain.rounds(CollectiveOp.ALL_REDUCE, CollectiveAlgorithm.HIERARCHICAL, 15);
        for (int k = 0; k < a.size(); k++) {
            assertArrayEquals(b.get(k).to(), a.get(k).to());
            assertArrayEquals(b.get(k).fraction(), a.get(k).fraction());
        }
    }

    @Test
    void aPartnerOrderMustNameEachBitOnce() {
        assertThrows(IllegalArgumentException.class, () -> Rounds.of(
                CollectiveOp.ALL_REDUCE, CollectiveAlgorithm.HALVING_DOUBLING, new int[] {3}, new int[] {0, 0, 2}));
        assertThrows(IllegalArgumentException.class, () -> Rounds.of(
                CollectiveOp.ALL_REDUCE, CollectiveAlgorithm.HALVING_DOUBLING, new int[] {3}, new int[] {0, 1}));
    }

    @Test
    void autoOffersRingsWhileACollectivesTransfersStayWithinItsLimit() {
        // 4 x array x group transfers at most 2^22: groups of 256 up to 4096 accelerators (4 x 4096 x 256 = 2^22),
        // then 2^22 / (4 x 16384) = 64 and 2^22 / (4 x 65536) = 16 members
        assertEquals(256, Collectives.autoRingMaxMembers(1024));
        assertEquals(256, Collectives.autoRingMaxMembers(4096));
        assertEquals(128, Collectives.autoRingMaxMembers(8192));
        assertEquals(64, Collectives.autoRingMaxMembers(16384));
        assertEquals(16, Collectives.autoRingMaxMembers(65536));
    }

    @Test
    void withdrawnRingsAreNotChosenAgain() {
        Collectives auto = new Collectives(CollectiveAlgorithm.AUTO, new RingFabric(16), 4);
        assertFalse(auto.withdrawRings(), "nothing chosen yet: nothing to withdraw");
        assertFalse(auto.ringsWithdrawn());
        assertEquals(CollectiveAlgorithm.RING_BIDIR, auto.choose(CollectiveOp.ALL_REDUCE, 15, 1e9));
        assertTrue(auto.withdrawRings());
        assertTrue(auto.ringsWithdrawn());
        CollectiveAlgorithm after = auto.choose(CollectiveOp.ALL_REDUCE, 15, 1e9);
        assertNotEquals(CollectiveAlgorithm.RING, after);
        assertNotEquals(CollectiveAlgorithm.RING_BIDIR, after);
        assertFalse(auto.withdrawRings(), "no ring chosen since");
    }
}
