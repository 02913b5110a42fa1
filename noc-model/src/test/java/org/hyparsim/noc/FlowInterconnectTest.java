package org.hyparsim.noc;

import org.hyparsim.core.kind.LinkModel;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Flow-level links: max-min fair rates, re-rated as flows start and end, checked against hand calculations. */
class FlowInterconnectTest {
    /** 1 GB/s, no latency: a byte takes 1000 ps alone on a link. */
    private static final LinkParams GIGABYTE = LinkParams.of(1, 0);

    /** Sends each message at time 0 and returns the delivery times, ps. */
    private static long[] deliver(Topology t, int[][] pairs, double[] bytes) {
        return Deliveries.deliver(new FlowInterconnect(t), pairs, bytes);
    }

    @Test
    void theDefaultIsFlowsUpTo64AcceleratorsPacketsInChunksUpTo512AndCalendarsAbove() {
        assertEquals(LinkModel.FLOW, LinkModel.defaultFor(1));
        assertEquals(LinkModel.FLOW, LinkModel.defaultFor(64));
        assertEquals(LinkModel.PACKET_CHUNKS, LinkModel.defaultFor(128));
        assertEquals(LinkModel.PACKET_CHUNKS, LinkModel.defaultFor(512));
        assertEquals(LinkModel.CALENDAR, LinkModel.defaultFor(1024));
        assertEquals(LinkModel.CALENDAR, LinkModel.defaultFor(65536));
        assertEquals("flow up to 64 accelerators, packet-chunks up to 512, calendar above (calendar-turns where"
                + " packet-chunks or calendar have no exact share under the task limit)", LinkModel.DEFAULT_RULE);
    }

    @Test
    void aFlowAloneTakesLatencyPlusSizeOverBandwidth() {
        Topology ring = GridTopology.ring(2, LinkParams.of(30, 4.6));
        long[] t = deliver(ring, new int[][] {{0, 1}}, new double[] {1e6});
        assertEquals(4600 + Math.round(1e6 / 30e9 * 1e12), t[0], 2); // rates and times rounded to the picosecond
    }

    @Test
    void maxMinFairSharingWorkedByHand() {
        // A switch of 4 at 1 GB/s per port. f1, f2, f3: A0, A1, A2 -> A3, 1000 B each; f4: A0 -> A1, 3000 B.
        // Progressive filling: switch->A3 carries f1..f3 and saturates first at B/3 each; A0->switch then
        // leaves 2B/3 for f4 (A1's port is otherwise idle).
        // At 3000 ns f1..f3 have sent 1000 B and end; f4 has sent 2000 B. Alone, it sends its last
        // 1000 B at B: it ends at 4000 ns.
        Topology sw = new SwitchTopology(4, GIGABYTE);
        long[] t = deliver(sw, new int[][] {{0, 3}, {1, 3}, {2, 3}, {0, 1}}, new double[] {1000, 1000, 1000, 3000});
        assertEquals(3_000_000, t[0], 2);
        assertEquals(3_000_000, t[1], 2);
        assertEquals(3_000_000, t[2], 2);
        assertEquals(4_000_000, t[3], 2);
    }

    @Test
    void flowsOnDisjointPathsDoNotSlowEachOther() {
        // A0 -> A1 and A2 -> A3 share no port: each runs at the full 1 GB/s
        Topology sw = new SwitchTopology(4, GIGABYTE);
        long[] t = deliver(sw, new int[][] {{0, 1}, {2, 3}}, new double[] {1000, 1000});
        assertEquals(1_000_000, t[0], 2);
        assertEquals(1_000_000, t[1], 2);
    }

    @Test
    void flowsOfASymmetricPatternGetOneRateAndArriveTogether() {
        // Every accelerator of a 64-ring sends to the one half-way round (index XOR 32), half each way:
        // every link of each direction carries 32 half messages, so each half runs at B/32 and every message
        // arrives after 32 hops' latency plus 32 x (its bytes / 2) / B, all in the same picosecond: the links
        // tied at the least share are frozen together at that one share.
        Topology ring = GridTopology.ring(64, LinkParams.of(1, 0.5));
        int[][] pairs = new int[64][];
        double[] bytes = new double[64];
        for (int a = 0; a < 64; a++) {
            pairs[a] = new int[] {a, a ^ 32};
            bytes[a] = 3333.3;
        }
        long[] t = deliver(ring, pairs, bytes);
        for (int a = 0; a < 64; a++) {
            assertEquals(t[0], t[a], "message " + a);
        }
        assertEquals(32 * 500 + 3333.3 / 2 * 32 * 1000, t[0], 2);
    }
}
