package org.hyparsim.noc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.hyparsim.core.kind.TopologyKind;
import org.junit.jupiter.api.Test;

/**
 * Two input ports contending for one output link, worked by hand. A0 and A1 each send four
 * packets of 1000 B to A2 through a switch: A0's link in runs at 2 GB/s (a packet in 0.5 us),
 * A1's and the switch's link out at 1 GB/s (a packet in d = 1 us); no latency. The link out
 * receives A0's packets at 0, 0.5, 1 and 1.5 us (each head arrives as it starts on the faster
 * link in, and would finish no earlier than its tail), A1's at 0, 1, 2 and 3 us.
 */
class PacketArbitrationTest {
    private static final long D = 1_000_000; // ps: 1000 B at 1 GB/s

    /** A0 -> switch (2 GB/s), A1 -> switch and switch -> A2 (1 GB/s); A0 and A1 route through the switch to A2. */
    private static final Topology FUNNEL = new Topology() {
        private final List<Link> links = List.of(new Link(0, "A0->switch", 2e9, 0), new Link(1, "A1->switch", 1e9, 0),
                new Link(2, "switch->A2", 1e9, 0));

        @Override
        public TopologyKind kind() {
            return TopologyKind.SWITCH;
        }

        @Override
        public int accelerators() {
            return 3;
        }

        @Override
        public List<Link> links() {
            return links;
        }

        @Override
        public int[] route(int src, int dst) {
            return new int[] {src, 2};
        }
    };

    private static long[] deliver(Arbitration a) {
        return Deliveries.deliver(new PacketInterconnect(FUNNEL, 1000, a), new int[][] {{0, 2}, {1, 2}},
                new double[] {4000, 4000});
    }

    @Test
    void firstComeFirstServedLetsTheFasterPortsBacklogGoFirst() {
        // by head arrival: A0p0 (0), A1p0 (0), A0p1 (0.5), A1p1 and A0p2 (1; A1's offered first),
        // A0p3 (1.5), A1p2 (2), A1p3 (3): on the link out A0 A1 A0 A1 A0 A0 A1 A1, one d each
        // A0's last packet leaves the link out at 6d, A1's at 8d
        assertArrayEquals(new long[] {6 * D, 8 * D}, deliver(Arbitration.FIFO));
    }

    @Test
    void roundRobinAlternatesThePortsWhileBothWait() {
        // A0p0 finds the link idle at 0 and crosses; from then on both ports have a packet waiting
        // each time the link frees, so they alternate: A0 A1 A0 A1 A0 A1 A0 A1. A0 done at 7d, A1 at 8d
        assertArrayEquals(new long[] {7 * D, 8 * D}, deliver(Arbitration.ROUND_ROBIN));
    }

    @Test
    void withOnePortTheArbitrationsAgree() {
        // a single sender: nothing to choose, and an idle path takes size over bandwidth plus latency exactly
        Topology ring = GridTopology.ring(4, LinkParams.of(30, 4.6));
        for (Arbitration a : Arbitration.values()) {
            long[] t = Deliveries.deliver(new PacketInterconnect(ring, 4096, a), new int[][] {{0, 1}}, new double[] {1e6});
            assertEquals(4600 + Math.round(1e6 / 30e9 * 1e12), t[0]);
        }
    }

    @Test
    void theBusyTimeIsTheSameWhicheverOrder() {
        // both arbitrations move the same packets over the same links
        for (Arbitration a : Arbitration.values()) {
            PacketInterconnect net = new PacketInterconnect(FUNNEL, 1000, a);
            Deliveries.deliver(net, new int[][] {{0, 2}, {1, 2}}, new double[] {4000, 4000});
            assertEquals(8 * D, net.linkUsage().get(2).busyPs());
            assertEquals(8, net.linkUsage().get(2).packets());
        }
    }
}
