package org.hyparsim.noc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.hyparsim.core.kind.LinkModel;
import org.junit.jupiter.api.Test;

/** Calendar links: each message reserves the earliest gap of each link of its route, checked against hand calculations. */
class CalendarInterconnectTest {
    /** 1 GB/s, no latency: a byte takes 1000 ps on a link. */
    private static final LinkParams GIGABYTE = LinkParams.of(1, 0);
    /** 1 GB/s, 100 ns per link. */
    private static final LinkParams SLOW_WIRE = LinkParams.of(1, 100);

    /** Packets of 1000 B: a 1000 B message is one packet, and takes 1 us on a link alone. */
    private static final double PACKET = 1000;

    private static long[] deliver(Topology t, int[][] pairs, double[] bytes) {
        return Deliveries.deliver(new CalendarInterconnect(t, PACKET, false), pairs, bytes);
    }

    @Test
    void twoMessagesSharingALinkAreServedInTheOrderTheyReachIt() {
        // a ring of 8 at 1 GB/s, 100 ns per link. m0: A1 -> A2, m1: A0 -> A2 (over A1), 1000 B each, sent at 0.
        // m0 reaches 1->2 at 0: [0, 1 us), delivered 1.1 us. m1's head reaches 1->2 at 0.1 us, after m0: it waits,
        // [1, 2 us), delivered 2.1 us. Sent the other way round, the same: the order they reach the link decides.
        Topology ring = GridTopology.ring(8, SLOW_WIRE);
        long[] expected = {1_100_000, 2_100_000};
        assertArrayEquals(expected, deliver(ring, new int[][] {{1, 2}, {0, 2}}, new double[] {1000, 1000}));
        long[] reversed = deliver(ring, new int[][] {{0, 2}, {1, 2}}, new double[] {1000, 1000});
        assertArrayEquals(expected, new long[] {reversed[1], reversed[0]});
    }

    @Test
    void messagesReachingALinkAtOneInstantGoOneAfterTheOtherInAFixedOrder() {
        // A switch of 4, 1 GB/s, no latency: A0 -> A3 1000 B and A1 -> A3 3000 B, sent at 0. Each crosses its own up
        // port and cuts through: both reach switch -> A3 at 0, have crossed as many links and have routes as long:
        // the smaller goes first, [0, 1 us), the other after it, to 4 us, whatever order they were sent in
        Topology sw = new SwitchTopology(4, GIGABYTE);
        assertArrayEquals(new long[] {1_000_000, 4_000_000},
                deliver(sw, new int[][] {{0, 3}, {1, 3}}, new double[] {1000, 3000}));
        assertArrayEquals(new long[] {4_000_000, 1_000_000},
                deliver(sw, new int[][] {{1, 3}, {0, 3}}, new double[] {3000, 1000}));
        // alike in all that: the first sent goes first, as packet level serves a tie in the order of its events
        assertArrayEquals(new long[] {1_000_000, 2_000_000},
                deliver(sw, new int[][] {{1, 3}, {0, 3}}, new double[] {1000, 1000}));
        // a message that has crossed more links goes before one that starts there: A0 -> A2 on a ring of 8 reaches
        // 1->2 at 0.1 us; A1 -> A2 sent then has crossed none and waits for it
        long[] t = Deliveries.deliver(new CalendarInterconnect(GridTopology.ring(8, SLOW_WIRE), PACKET, false),
                new int[][] {{0, 2}, {1, 2}}, new double[] {1000, 1000}, new long[] {0, 100_000});
        assertArrayEquals(new long[] {1_200_000, 2_200_000}, t);
    }

    @Test
    void withTurnsMessagesOfOneRankReachingALinkAtOneInstantAreThroughTogether() {
        // calendar-turns, a switch of 4 at 1 GB/s, no latency, packets of 1000 B. A0 -> A3 and A1 -> A3, 4000 B each
        // (4 packets), sent at 0, alike in hops, route and size: on switch->A3 they take turns by packets. Each is
        // through after its own 4 packets, the other's 3 of the turns before its last, and half of the other's last
        // (no order favours either): 4 + 3 + 0.5 = 7.5 us, both. The link is reserved for both whole, [0, 8 us): a
        // third message, A2 -> A3 1000 B sent at 1 ns, waits for it, delivered 9 us.
        Topology sw = new SwitchTopology(4, GIGABYTE);
        long[] t = Deliveries.deliver(new CalendarInterconnect(sw, PACKET, true), new int[][] {{0, 3}, {1, 3}, {2, 3}},
                new double[] {4000, 4000, 1000}, new long[] {0, 0, 1000});
        assertArrayEquals(new long[] {7_500_000, 7_500_000, 9_000_000}, t);
        // of another rank (a smaller message) they are served one after the other, the smaller first, as without turns:
        // 1000 B [0, 1 us), then 4000 B [1, 5 us)
        assertArrayEquals(new long[] {5_000_000, 1_000_000}, Deliveries.deliver(new CalendarInterconnect(sw, PACKET,
                true), new int[][] {{0, 3}, {1, 3}}, new double[] {4000, 1000}));
    }

    @Test
    void threeMessagesSharingLinksWorkedByHand() {
        // f1: A0 -> A3 1000 B, f2: A1 -> A3 1000 B, f3: A0 -> A1 3000 B, sent in that order at 0; a switch of 4 at
        // 1 GB/s, no latency.
        // A0->sw: f1 and f3 reach it at 0; the smaller first: f1 [0, 1 us), f3 [1, 4 us). A1->sw: f2 [0, 1 us).
        // switch->A3: the heads of f1 and f2 reach it at 0 (cut through), alike in hops, route and size: the first
        // sent first, f1 [0, 1 us), f2 [1, 2 us). switch->A1: f3's head is there at 1 us: [1, 4 us).
        Topology sw = new SwitchTopology(4, GIGABYTE);
        long[] t = deliver(sw, new int[][] {{0, 3}, {1, 3}, {0, 1}}, new double[] {1000, 1000, 3000});
        assertArrayEquals(new long[] {1_000_000, 2_000_000, 4_000_000}, t);
    }

    @Test
    void aChainThroughACongestedLinkWaitsThereAndLeavesTheGapsBeforeItToLaterMessages() {
        // a ring of 8 at 1 GB/s, 100 ns per link.
        // m0: A1 -> A2, 2000 B at 0: link 1->2 [0, 2 us), delivered 2.1 us.
        // m1: A0 -> A3, 1000 B at 0, over 0->1, 1->2, 2->3: 0->1 [0, 1 us); its head reaches 1->2 at 0.1 us but the
        //     link is reserved until 2 us: [2, 3 us); its head reaches 2->3 at 2.1 us: [2.1, 3.1 us); delivered 3.2 us.
        // m2: A2 -> A3, 500 B at 1 ns: 2->3 is free until 2.1 us, a gap that holds it: [0.001, 0.501 us), 0.601 us.
        // m3: A2 -> A3, 2000 B at 2 ns: it fills the gap left, [0.501, 2.1 us), and the rest after m1, [3.1, 3.501 us),
        //     as packets would use the idle link: delivered 3.601 us.
        Topology ring = GridTopology.ring(8, SLOW_WIRE);
        assertEquals(3, ring.route(0, 3).length);
        long[] t = Deliveries.deliver(new CalendarInterconnect(ring, PACKET, false), new int[][] {{1, 2}, {0, 3}, {2, 3}, {2, 3}},
                new double[] {2000, 1000, 500, 2000}, new long[] {0, 0, 1000, 2000});
        assertArrayEquals(new long[] {2_100_000, 3_200_000, 601_000, 3_601_000}, t);
    }

    @Test
    void messagesTakeTurnsByChunksOfTheStepsTimeScale() {
        // A switch of 6, 1 GB/s, no latency, packets of 1000 B. Big: A0 -> A3, 10,000 B at 0; small: A1 -> A3, 500 B
        // at 1 us. Whole (the links told nothing of the step): big holds switch->A3 [0, 10 us); small reaches it at
        // 1 us and waits, [10, 10.5 us).
        Topology sw = new SwitchTopology(6, GIGABYTE);
        int[][] pairs = {{0, 3}, {1, 3}};
        double[] bytes = {10_000, 500};
        long[] sent = {0, 1_000_000};
        assertArrayEquals(new long[] {10_000_000, 10_500_000},
                Deliveries.deliver(new CalendarInterconnect(sw, PACKET, false), pairs, bytes, sent));
        // The step's time scale 2.5 ms (an accelerator computes that long): chunks of 2.5 ms / 2500 = 1 us, 1000 B.
        // Chunk k of big holds A0's link [k, k + 1 us), each sent as the one before leaves it. At 1 us chunk 1 and
        // small reach switch->A3 together, alike but in size: the smaller first, [1, 1.5 us), so small is delivered
        // at 1.5 us; chunk 1 [1.5, 2.5 us); chunk k >= 2 reaches the link at k us, busy to k + 0.5: [k + 0.5,
        // k + 1.5 us); the last, chunk 9, through at 10.5 us.
        double scale = LinkModel.CHUNKS_PER_STEP * 1e-6;
        long[] turns = {10_500_000, 1_500_000};
        assertArrayEquals(turns, Deliveries.deliver(new CalendarInterconnect(sw, PACKET, false), pairs, bytes, sent,
                scale));
        // the same scale from the links alone: a message A4 -> A5 of 2.5 MB holds its two links 2.5 ms, apart from the
        // others'; its chunks are through one after the other, at 2.5 ms
        long[] withThird = Deliveries.deliver(new CalendarInterconnect(sw, PACKET, false), new int[][] {{0, 3}, {1, 3},
                {4, 5}}, new double[] {10_000, 500, scale * 1e9}, new long[] {0, 1_000_000, 0}, 0);
        assertArrayEquals(new long[] {turns[0], turns[1], 2_500_000_000L}, withThird);
        // chunks are never smaller than a packet: a scale of 0.25 ms (0.1 us chunks, 100 B) still takes 1000 B turns
        assertArrayEquals(turns, Deliveries.deliver(new CalendarInterconnect(sw, PACKET, false), pairs, bytes, sent,
                scale / 10));
        // calendar-turns keeps messages whole
        assertArrayEquals(new long[] {10_000_000, 10_500_000},
                Deliveries.deliver(new CalendarInterconnect(sw, PACKET, true), pairs, bytes, sent, scale));
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
        long[] packet = Deliveries.deliver(new PacketInterconnect(tree, PACKET), new int[][] {{0, 2}}, new double[] {4000});
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
    void aCalendarFillsItsGapsInOrderAndMergesWhatTouches() {
        LinkCalendars c = new LinkCalendars(2);
        assertArrayEquals(new long[] {10, 15}, c.fill(1, 10, 5, 0));
        assertArrayEquals(new long[] {0, 10}, c.fill(1, 0, 10, 0)); // touching: one interval [0, 15)
        assertEquals(1, c.intervals(1));
        assertArrayEquals(new long[] {20, 25}, c.fill(1, 20, 5, 0));
        // cut around [20, 25): [16, 20) and [25, 27)
        assertArrayEquals(new long[] {16, 20, 25, 27}, c.fill(1, 16, 6, 0));
        assertEquals(2, c.intervals(1)); // [0, 15), [16, 27)
        // what ended by 15 is forgotten; [15, 16) is filled first
        assertArrayEquals(new long[] {15, 16, 27, 29}, c.fill(1, 15, 3, 15));
        assertEquals(1, c.intervals(1)); // [15, 29)
        assertArrayEquals(new long[] {7, 7}, c.fill(1, 7, 0, 15)); // no bytes, no time on the link
    }
}
