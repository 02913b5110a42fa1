package org.hyparsim.scenarios.collective;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hyparsim.core.kind.CollectiveAlgorithm;
import org.hyparsim.core.kind.LinkModel;
import org.hyparsim.core.kind.TopologyKind;
import org.hyparsim.noc.Link;
import org.hyparsim.noc.LinkProfile;
import org.hyparsim.noc.Topologies;
import org.hyparsim.noc.Topology;
import org.hyparsim.partition.collective.CollectiveOp;
import org.junit.jupiter.api.Test;

/**
 * The lower bound: its hand-worked terms against the topologies as built, never beaten by any
 * algorithm on any topology, size or link model, and met where an algorithm is optimal.
 */
class LowerBoundTest {
    /** 30e9 bytes/s and 500 ns per link, 64 KiB packets (the ASTRA-sim runs). */
    static final LinkProfile LINKS = CollectiveBenchmarkTest.LINKS;
    /** An H tree thinner towards the root (level 1 at 10, 2 at 20, 3 and below at 30e9 bytes/s), a slower bus. */
    static final LinkProfile UNEVEN = new LinkProfile(30, 500, List.of(10.0, 20.0), 7.5, 65536, 0);
    /** Slow links: 10 us per hop. */
    static final LinkProfile SLOW = new LinkProfile(30, 10_000, List.of(), 30, 65536, 0);

    static CollectiveBenchmark.Result run(CollectiveOp op, double bytes, int n, TopologyKind t, CollectiveAlgorithm a,
            LinkProfile links, LinkModel m) {
        return CollectiveBenchmark.run(new CollectiveBenchmark.Case(op, bytes, n, t, a, links, m));
    }

    @Test
    void theHandWorkedTermsAreTheTopologysAsBuilt() {
        for (LinkProfile links : List.of(LINKS, UNEVEN)) {
            for (TopologyKind kind : TopologyKind.values()) {
                for (int n = 2; n <= 64; n *= 2) {
                    Topology t = Topologies.create(kind, n, links);
                    List<Link> all = t.links();
                    // every message leaves on the first link of one of its routes: those links are the ports
                    Set<Integer> ports = new HashSet<>();
                    long diameterPs = 0;
                    for (int s = 0; s < n; s++) {
                        for (int d = 0; d < n; d++) {
                            if (s == d) {
                                continue;
                            }
                            for (int[] r : t.routes(s, d)) {
                                ports.add(r[0]);
                                long ps = 0;
                                for (int l : r) {
                                    ps += all.get(l).latencyPs();
                                }
                                diameterPs = Math.max(diameterPs, ps);
                            }
                        }
                    }
                    double capacity = 0;
                    for (int l : ports) {
                        capacity += all.get(l).bandwidthBytesPerSecond();
                    }
                    LowerBound.Shape shape = LowerBound.shape(kind, n, links);
                    String what = kind.label() + " of " + n;
                    assertEquals(capacity, shape.injectionCapacity(), 1e-6 * capacity, what);
                    assertEquals(diameterPs * 1e-12, shape.diameterSeconds(), 1e-15, what);
                }
            }
        }
    }

    @Test
    void workedByHand() {
        double s = 574_610_176;
        double bw = 30e9;
        // 16-ring, all-reduce: two ports each, 2 x 15 S over 32 links
        assertEquals(15.0 / 16 * s / bw, LowerBound.of(CollectiveOp.ALL_REDUCE, s, 16, TopologyKind.RING, LINKS).seconds(),
                1e-12);
        // 16-ring, all-to-all: 8 x 8 / 16 S across the bisection's two links each way
        assertEquals(4 * s / (2 * bw), LowerBound.of(CollectiveOp.ALL_TO_ALL, s, 16, TopologyKind.RING, LINKS).seconds(),
                1e-12);
        // 4 x 4 torus, all-reduce: four ports each
        assertEquals(2 * 15 * s / (16 * 4 * bw), LowerBound.of(CollectiveOp.ALL_REDUCE, s, 16, TopologyKind.TORUS, LINKS)
                .seconds(), 1e-12);
        // switch: one port each
        assertEquals(2 * 15.0 / 16 * s / bw, LowerBound.of(CollectiveOp.ALL_REDUCE, s, 16, TopologyKind.SWITCH, LINKS)
                .seconds(), 1e-12);
        // uneven H tree of 16, all-reduce: S through the root's 10e9 bytes/s beats 2 x 15/16 S at the leaves' 30e9
        LowerBound tree = LowerBound.of(CollectiveOp.ALL_REDUCE, s, 16, TopologyKind.HTREE, UNEVEN);
        assertEquals(s / 10e9, tree.seconds(), 1e-12);
        assertEquals("a subtree's link at level 1", tree.limit());
        // bus: every byte of 2 x 15 S on the one channel
        assertEquals(2 * 15 * s / 7.5e9, LowerBound.of(CollectiveOp.ALL_REDUCE, s, 16, TopologyKind.BUS, UNEVEN).seconds(),
                1e-9);
        // tiny messages on slow links: the farthest pair, 8 hops on a 16-ring
        LowerBound tiny = LowerBound.of(CollectiveOp.ALL_GATHER, 16, 16, TopologyKind.RING, SLOW);
        assertEquals(8 * 10e-6, tiny.seconds(), 1e-15);
        assertEquals("latency of the farthest pair", tiny.limit());
    }

    /** Every algorithm on every topology, op and size: the simulation never beats the bound. */
    @Test
    void noAlgorithmBeatsTheBound() {
        List<String> beaten = new ArrayList<>();
        int cases = 0;
        for (TopologyKind t : TopologyKind.values()) {
            for (CollectiveAlgorithm a : CollectiveAlgorithm.values()) {
                for (CollectiveOp op : CollectiveOp.values()) {
                    for (int n : new int[] {2, 8, 16}) {
                        for (double bytes : new double[] {4096, 1 << 20, 574_610_176}) {
                            for (LinkProfile links : List.of(LINKS, UNEVEN, SLOW)) {
                                LinkModel m = bytes <= 1 << 20 && n <= 8 ? LinkModel.PACKET : LinkModel.FLOW;
                                check(beaten, run(op, bytes, n, t, a, links, m));
                                cases++;
                            }
                        }
                    }
                }
            }
        }
        // the cases the one-port ideal got wrong: a ring on a 256 H tree, direct on a torus, 10 us links
        check(beaten, run(CollectiveOp.ALL_REDUCE, 574_610_176, 256, TopologyKind.HTREE, CollectiveAlgorithm.RING, LINKS,
                LinkModel.FLOW));
        check(beaten, run(CollectiveOp.ALL_REDUCE, 574_610_176, 16, TopologyKind.TORUS, CollectiveAlgorithm.DIRECT, LINKS,
                LinkModel.FLOW));
        check(beaten, run(CollectiveOp.ALL_REDUCE, 1 << 20, 64, TopologyKind.MESH, CollectiveAlgorithm.AUTO, SLOW,
                LinkModel.FLOW));
        assertTrue(beaten.isEmpty(), beaten.size() + " of " + cases + " beat the bound: " + String.join("; ", beaten));
    }

    private static void check(List<String> beaten, CollectiveBenchmark.Result r) {
        CollectiveBenchmark.Case c = r.asked();
        if (r.simulatedSeconds() < r.lowerBound().seconds() * (1 - 1e-9)) {
            beaten.add(String.format("%s of %.0f B, %d on %s, %s (%s), %s links at %s ns: %.6g s < %.6g s (%s)",
                    c.op().label(), c.bytes(), c.accelerators(), c.topology().label(), r.algorithm().label(),
                    c.algorithm().label(), c.linkModel().label(), c.links().linkLatencyNs(), r.simulatedSeconds(),
                    r.lowerBound().seconds(), r.lowerBound().limit()));
        }
    }

    /** Where an algorithm is optimal for the topology, it lands on the bound. */
    @Test
    void theBoundIsMetWhereAnAlgorithmIsOptimal() {
        double s = 574_610_176;
        for (LinkModel m : LinkModel.values()) {
            // ring all-reduce in both directions on a ring: both ports of every accelerator busy throughout
            assertTight(run(CollectiveOp.ALL_REDUCE, s, 16, TopologyKind.RING, CollectiveAlgorithm.RING_BIDIR, LINKS, m));
            // a ring on a switch: its one port busy throughout
            assertTight(run(CollectiveOp.ALL_REDUCE, s, 16, TopologyKind.SWITCH, CollectiveAlgorithm.RING, LINKS, m));
            // all-to-all, each pair directly, on a ring: the bisection's links busy throughout
            assertTight(run(CollectiveOp.ALL_TO_ALL, s, 16, TopologyKind.RING, CollectiveAlgorithm.DIRECT, LINKS, m));
        }
        // a one-way ring uses one of a ring's two ports: twice the bound
        CollectiveBenchmark.Result oneWay = run(CollectiveOp.ALL_REDUCE, s, 16, TopologyKind.RING, CollectiveAlgorithm.RING,
                LINKS, LinkModel.FLOW);
        assertEquals(2, oneWay.simulatedSeconds() / oneWay.lowerBound().seconds(), 0.01);
    }

    private static void assertTight(CollectiveBenchmark.Result r) {
        double over = r.simulatedSeconds() / r.lowerBound().seconds() - 1;
        assertTrue(over >= 0 && over < 0.01, r.asked() + ": " + over);
    }
}
