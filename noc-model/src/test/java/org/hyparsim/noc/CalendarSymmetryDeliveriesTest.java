package org.hyparsim.noc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.hyparsim.core.kind.LinkModel;
import org.hyparsim.core.kind.TopologyKind;
import org.junit.jupiter.api.Test;

/**
 * Calendar links on the quotient of a topology's regular symmetry against the whole array, to the
 * picosecond: every accelerator a sends, at one instant, the image of accelerator 0's message under
 * the group's element that takes 0 to a; the whole replay delivers every copy at one time, and the
 * representative's message, replayed alone on the quotient, at that time.
 */
class CalendarSymmetryDeliveriesTest {
    private static final double PACKET = 65536;

    /**
     * hmc-rs's links (30 GB/s, 4.6 ns, packets of 64 KiB). 393,223 B are 7 packets, 13,107,433 ps a link; on
     * the 16 H tree's links into the root 8 copies of accelerator a's message to a ^ 15 take turns, each
     * through after 7 x 8 - 3.5 of the 8 x 7 packets' turns. The whole replay adds its 8 messages' packets one
     * by one, the quotient multiplies its one by 8: the sums differ in their last bit, on either side of a
     * half picosecond. Likewise the other sizes (found by a scan of sizes, about 1 in 100 of them).
     */
    @Test
    void copiesTakingTurnsAreThroughWhenTheRepresentativeIs() {
        LinkProfile hmc = new LinkProfile(30, 4.6, List.of(), 30, PACKET, 0);
        for (long[] c : new long[][] {{16, 15, 393_223}, {16, 15, 402_791}, {16, 15, 407_776}, {64, 63, 1_976_057}}) {
            Topology t = Topologies.create(TopologyKind.HTREE, (int) c[0], hmc);
            assertAlike(t, LinkModel.CALENDAR_TURNS, (int) c[1], c[2], "H tree " + c[0] + ", " + c[2] + " B");
        }
    }

    /**
     * Links without latency: a message whose link was idle reaches its next link at the instant it reached
     * this one, so the copies that meet on a link at one instant are known only once the links before it
     * have been reserved at that instant. First come, first served on the ring of 16 (its rotations leave
     * no link two copies): each accelerator a sends 64 KiB to a + 5; calendar-turns on the H tree of 16,
     * a to a ^ 3.
     */
    @Test
    void withoutLatencyTheCopiesThatMeetOnALinkAtOneInstantAreServedAlike() {
        LinkProfile instant = new LinkProfile(30, 0, List.of(), 30, PACKET, 0);
        assertAlike(Topologies.create(TopologyKind.RING, 16, instant), LinkModel.CALENDAR, 5, 65_536, "ring, calendar");
        assertAlike(Topologies.create(TopologyKind.HTREE, 16, instant), LinkModel.CALENDAR_TURNS, 3, 262_144,
                "H tree, calendar-turns");
    }

    /**
     * Packets in chunks on the quotient of the ring of 16's rotations (no link two copies): each accelerator a
     * sends 1 MB to a + 5, cut into chunks of the step's scale (the links told of every message: each ring link
     * carries five, 167 us at 30 GB/s; 1/2500 of it is 2 KB, so packets of the profile's 4 KiB).
     */
    @Test
    void packetsInChunksOnTheQuotientDeliverWhenTheWholeRingDoes() {
        LinkProfile small = new LinkProfile(30, 4.6, List.of(), 30, 4096, 0);
        Topology ring = Topologies.create(TopologyKind.RING, 16, small);
        assertAlike(ring, LinkModel.PACKET_CHUNKS, 5, 1e6, "ring, packet-chunks", small, 0);
    }

    /** The whole replay's deliveries all at the representative's, on the quotient of the regular symmetry. */
    private static void assertAlike(Topology t, LinkModel model, int to, double bytes, String what) {
        assertAlike(t, model, to, bytes, what, new LinkProfile(30, 0, List.of(), 30, PACKET, 0), -1);
    }

    /**
     * As above, on {@code profile}'s links, told of the step first where {@code computeSeconds} is not
     * negative ({@link Deliveries}).
     */
    private static void assertAlike(Topology t, LinkModel model, int to, double bytes, String what,
            LinkProfile profile, double computeSeconds) {
        Symmetry sym = t.symmetry();
        int n = t.accelerators();
        int[][] pairs = new int[n][];
        for (int a = 0; a < n; a++) {
            for (int x = 0; x < n; x++) {
                if (sym.toOrigin().applyAsInt(a, x) == to) {
                    pairs[a] = new int[] {a, x};
                }
            }
        }
        double[] sizes = new double[n];
        Arrays.fill(sizes, bytes);
        long[] whole = Deliveries.deliver(Topologies.interconnect(model, t, profile), pairs, sizes, new long[n],
                computeSeconds);
        long[] representative = Deliveries.deliver(new SymmetricInterconnect(t, sym, model, profile.packetBytes(),
                profile.arbitration()), new int[][] {{0, to}}, new double[] {bytes}, new long[1], computeSeconds);
        assertEquals(true, representative[0] > 0, what + ": delivered");
        for (int a = 0; a < n; a++) {
            assertEquals(representative[0], whole[a], what + ": accelerator " + a + "'s message");
        }
    }

    /**
     * First come, first served links stagger copies of a message that meet on a link, so a quotient where a link
     * stands for several copies (the 16 H tree's regular symmetry) is refused for calendars as for packets in
     * chunks, and for packets in chunks under round robin on any quotient (their ports merge there).
     */
    @Test
    void aQuotientFirstComeFirstServedLinksCannotReplayExactlyIsRefused() {
        LinkProfile hmc = new LinkProfile(30, 4.6, List.of(), 30, PACKET, 0);
        Topology tree = Topologies.create(TopologyKind.HTREE, 16, hmc);
        for (LinkModel m : List.of(LinkModel.CALENDAR, LinkModel.PACKET_CHUNKS)) {
            assertThrows(IllegalArgumentException.class,
                    () -> new SymmetricInterconnect(tree, tree.symmetry(), m, PACKET, Arbitration.FIFO), m.label());
        }
        new SymmetricInterconnect(tree, tree.symmetry(), LinkModel.CALENDAR_TURNS, PACKET, Arbitration.FIFO);
        Topology ring = Topologies.create(TopologyKind.RING, 16, hmc);
        new SymmetricInterconnect(ring, ring.symmetry(), LinkModel.PACKET_CHUNKS, PACKET, Arbitration.FIFO);
        assertThrows(IllegalArgumentException.class, () -> new SymmetricInterconnect(ring, ring.symmetry(),
                LinkModel.PACKET_CHUNKS, PACKET, Arbitration.ROUND_ROBIN));
    }
}
