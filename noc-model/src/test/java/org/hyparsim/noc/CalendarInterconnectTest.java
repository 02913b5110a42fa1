package org.hyparsim.noc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Calendar links: each message reserves the earliest gap of each link of its route, checked against hand calculations. */
class CalendarInterconnectTest {
    /** 1 GB/s, no latency: a byte takes 1000 ps on a link. */
    private static final LinkParams GIGABYTE = LinkParams.of(1, 0);
    /** 1 GB/s, 100 ns per link. */
    private static final LinkParams SLOW_WIRE = LinkParams.of(1, 100);

    private static long[] deliver(Topology t, int[][] pairs, double[] bytes) {
        return Deliveries.deliver(new CalendarInterconnect(t), pairs, bytes);
    }

    @Test
    void twoMessagesSharingALinkAreServedOneAfterTheOtherInTheOrderSent() {
        // A switch of 4: A0 -> A3 and A1 -> A3, 1000 B each, both sent at 0. Each has its own up port; they meet on
        // switch -> A3, which serves the first sent over [0, 1 us) and the second over [1, 2 us)
        Topology sw = new SwitchTopology(4, GIGABYTE);
        assertArrayEquals(new long[] {1_000_000, 2_000_000},
                deliver(sw, new int[][] {{0, 3}, {1, 3}}, new double[] {1000, 1000}));
        // sent the other way round, the other goes first: simultaneous arrivals are served in the order sent
        assertArrayEquals(new long[] {1_000_000, 2_000_000},
                deliver(sw, new int[][] {{1, 3}, {0, 3}}, new double[] {1000, 1000}));
    }

    @Test
    void threeMessagesSharingLinksWorkedByHand() {
        // f1: A0 -> A3 1000 B, f2: A1 -> A3 1000 B, f3: A0 -> A1 3000 B, sent in that order at 0.
        // f1: A0->sw [0, 1), sw->A3 [0, 1): 1 us. f2: A1->sw [0, 1), sw->A3 busy until 1: [1, 2): 2 us.
        // f3: A0->sw busy until 1: [1, 4); sw->A1 cut through from 1: [1, 4): 4 us.
        Topology sw = new SwitchTopology(4, GIGABYTE);
        long[] t = deliver(sw, new int[][] {{0, 3}, {1, 3}, {0, 1}}, new double[] {1000, 1000, 3000});
        assertArrayEquals(new long[] {1_000_000, 2_000_000, 4_000_000}, t);
    }

    @Test
    void aChainThroughACongestedLinkWaitsThereAndLeavesTheGapsBeforeItToLaterMessages() {
        // a ring of 8 at 1 GB/s, 100 ns per link. Sent at 0 in this order:
        // m0: A1 -> A2, 2000 B: link 1->2 [0, 2 us), delivered 2.1 us.
        // m1: A0 -> A3, 1000 B, over 0->1, 1->2, 2->3: 0->1 [0, 1 us); its head reaches 1->2 at 0.1 us but the link
        //     is reserved until 2 us: [2, 3 us); its head reaches 2->3 at 2.1 us: [2.1, 3.1 us); delivered 3.2 us.
        // m2: A2 -> A3, 500 B: 2->3 is free before 2.1 us, a gap that holds it: [0, 0.5 us), delivered 0.6 us.
        // m3: A2 -> A3, 2000 B: the gap left, [0.5, 2.1 us), is too short; after m1: [3.1, 5.1 us), delivered 5.2 us.
        Topology ring = GridTopology.ring(8, SLOW_WIRE);
        assertEquals(3, ring.route(0, 3).length);
        long[] t = deliver(ring, new int[][] {{1, 2}, {0, 3}, {2, 3}, {2, 3}}, new double[] {2000, 1000, 500, 2000});
        assertArrayEquals(new long[] {2_100_000, 3_200_000, 600_000, 5_200_000}, t);
    }

    @Test
    void theHeadCutsThroughButTheTailNeverOvertakesItself() {
        // an H tree of 4: level 1 (under the root) at 1 GB/s, level 2 at 4 GB/s; 100 ns per link.
        // A0 -> A2 crosses level 2 up (fast), level 1 up and down (slow), level 2 down (fast): 4000 B take 1 us on a
        // fast link and 4 us on a slow one. Fast -> slow: the slow link starts when the head arrives (0.1 us);
        // slow -> slow: 0.2 us; slow -> fast: the fast link may start only 3 us after its head arrives, so that it
        // ends as the tail arrives. Delivered at 4 latencies + 4 us, as at packet level.
        Topology tree = new HTreeTopology(4, List.of(SLOW_WIRE, LinkParams.of(4, 100)));
        assertEquals(4, tree.route(0, 2).length);
        long[] cal = deliver(tree, new int[][] {{0, 2}}, new double[] {4000});
        assertEquals(4 * 100_000 + 4_000_000, cal[0]);
        long[] packet = Deliveries.deliver(new PacketInterconnect(tree, 1024), new int[][] {{0, 2}}, new double[] {4000});
        assertArrayEquals(packet, cal);
    }

    @Test
    void aMessageOnAnIdlePathTakesLatencyPlusSizeOverBandwidthExactly() {
        LinkParams link = LinkParams.of(30, 4.6);
        Topology torus = GridTopology.torus(16, link);
        long[] t = deliver(torus, new int[][] {{0, 5}}, new double[] {50_000});
        assertEquals(2 * 4600 + Math.round(50_000 / 30e9 * 1e12), t[0]);
        // half-way round a ring of 4: two routes, half the bytes each
        t = deliver(GridTopology.ring(4, link), new int[][] {{0, 2}}, new double[] {1e6});
        assertEquals(2 * 4600 + Math.round(0.5e6 / 30e9 * 1e12), t[0]);
    }

    @Test
    void aCalendarFillsTheFirstGapThatHoldsAReservationAndMergesWhatTouches() {
        Calendar c = new Calendar();
        assertEquals(10, c.reserve(10, 5, 0)); // [10, 15)
        assertEquals(0, c.reserve(0, 10, 0)); // [0, 10), touching: one interval [0, 15)
        assertEquals(1, c.intervals());
        assertEquals(20, c.reserve(20, 5, 0)); // [20, 25)
        assertEquals(25, c.reserve(16, 6, 0)); // the gap [15, 20) is too short: after [20, 25)
        assertEquals(15, c.reserve(12, 4, 0)); // [15, 19) fits
        assertEquals(2, c.intervals()); // [0, 19), [20, 31)
        assertEquals(31, c.reserve(19, 3, 19)); // what ended by 19 is forgotten; [19, 20) is too short
        assertEquals(1, c.intervals());
        assertEquals(7, c.reserve(7, 0, 19)); // no bytes, no time on the link
    }
}
