package org.hyparsim.noc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.hyparsim.core.engine.SimEngine;
import org.hyparsim.core.kind.LinkModel;
import org.junit.jupiter.api.Test;

class PacketInterconnectTest {
    /** 30 GB/s, 4.6 ns per link; 64 KiB packets. */
    private static final LinkParams LINK = LinkParams.of(30, 4.6);

    /** Sends each message at time 0 and returns the delivery times, ps. */
    private static long[] deliver(Topology t, double packetBytes, int[][] pairs, double[] bytes) {
        return Deliveries.deliver(new PacketInterconnect(t, packetBytes), pairs, bytes);
    }

    @Test
    void aMessageOnAnIdlePathTakesLatencyPlusSizeOverBandwidthExactly() {
        // one link: 1 MB (not a multiple of the packet size) at 30 GB/s: 33,333,333.33 ps -> 33,333,333 ps
        Topology ring = GridTopology.ring(2, LINK);
        long[] t = deliver(ring, 65536, new int[][] {{0, 1}}, new double[] {1e6});
        assertEquals(4600 + Math.round(1e6 / 30e9 * 1e12), t[0]);
        // four hops up and down an H tree of 4: 4 x 4.6 ns + size / bandwidth
        Topology tree = new HTreeTopology(4, List.of(LINK, LINK));
        assertEquals(4, tree.route(0, 3).length);
        t = deliver(tree, 4096, new int[][] {{0, 3}}, new double[] {123_456.5});
        assertEquals(4 * 4600 + Math.round(123_456.5 / 30e9 * 1e12), t[0]);
        // a torus path of 2 hops with packets smaller than the message
        Topology torus = GridTopology.torus(16, LINK);
        assertEquals(1, torus.routes(0, 5).length);
        assertEquals(2, torus.route(0, 5).length);
        t = deliver(torus, 1000, new int[][] {{0, 5}}, new double[] {50_000});
        assertEquals(2 * 4600 + Math.round(50_000 / 30e9 * 1e12), t[0]);
    }

    @Test
    void halfWayRoundARingTheMessageSplitsOverBothDirections() {
        // 0 -> 2 on a ring of 4: two routes of 2 hops that share no link, each carrying half
        Topology ring = GridTopology.ring(4, LINK);
        assertEquals(2, ring.routes(0, 2).length);
        long[] t = deliver(ring, 65536, new int[][] {{0, 2}}, new double[] {1e6});
        assertEquals(2 * 4600 + Math.round(0.5e6 / 30e9 * 1e12), t[0]);
        // on a 4 x 4 torus, 0 -> 10 ties in both dimensions: four routes
        assertEquals(4, GridTopology.torus(16, LINK).routes(0, 10).length);
    }

    @Test
    void twoMessagesSharingALinkTakeAsLongAsBothSerialised() {
        // on a bus every message shares the one channel
        Topology bus = new BusTopology(4, LINK);
        long[] t = deliver(bus, 65536, new int[][] {{0, 1}, {2, 3}}, new double[] {3e6, 3e6});
        long both = Math.round(6e6 / 30e9 * 1e12);
        assertEquals(4600 + both, Math.max(t[0], t[1]), 2);
        // packets interleave on the shared channel: both messages take about twice as long as alone
        long alone = 4600 + Math.round(3e6 / 30e9 * 1e12);
        assertTrue(Math.min(t[0], t[1]) > 1.9 * (alone - 4600));
        // on a switch, two senders to one receiver share its down port
        Topology sw = new SwitchTopology(4, LINK);
        t = deliver(sw, 65536, new int[][] {{0, 3}, {1, 3}}, new double[] {3e6, 3e6});
        assertEquals(2 * 4600 + both, Math.max(t[0], t[1]), 2);
        // and disjoint pairs do not contend
        t = deliver(sw, 65536, new int[][] {{0, 1}, {2, 3}}, new double[] {3e6, 3e6});
        assertEquals(t[0], t[1]);
        assertEquals(2 * 4600 + Math.round(3e6 / 30e9 * 1e12), t[0]);
    }

    @Test
    void hTreeRoutesThroughTheLowestCommonAncestor() {
        HTreeTopology tree = new HTreeTopology(16, List.of(LINK, LINK, LINK, LINK));
        // level-4 pairs (A0, A1) share a parent: 2 hops; level-1 pairs (A0, A8) cross the root: 8 hops
        assertEquals(2, tree.route(0, 1).length);
        assertEquals(4, tree.route(0, 2).length);
        assertEquals(8, tree.route(0, 8).length);
        assertEquals(8, tree.route(7, 15).length);
        assertEquals(2 * 15 * 2, tree.links().size());
    }

    @Test
    void dimensionOrderRoutingOnTorusAndMesh() {
        GridTopology torus = GridTopology.torus(16, LINK); // 4 x 4
        GridTopology mesh = GridTopology.mesh(16, LINK);
        // from (0,0) to (0,3): one hop west round the torus, three hops east on the mesh
        assertEquals(1, torus.route(0, 3).length);
        assertEquals(3, mesh.route(0, 3).length);
        // row first, then column
        List<String> names = new ArrayList<>();
        for (int l : mesh.route(0, 5)) {
            names.add(mesh.links().get(l).name());
        }
        assertEquals(List.of("A0->A1", "A1->A5"), names);
        assertEquals(64, torus.links().size());
        assertEquals(48, mesh.links().size());
        assertArrayEquals(new int[] {0}, new BusTopology(8, LINK).route(3, 5));
    }

    @Test
    void packetsInChunksArePacketsOfTheStepsTimeScale() {
        // A switch of 6, 1 GB/s, no latency. Big: A0 -> A3, 10,000 B at 0; small: A1 -> A3, 500 B at 1 us.
        Topology sw = new SwitchTopology(6, LinkParams.of(1, 0));
        int[][] pairs = {{0, 3}, {1, 3}};
        double[] bytes = {10_000, 500};
        long[] sent = {0, 1_000_000};
        // Told nothing of the step: whole messages. Big holds switch->A3 [0, 10 us); small reaches it at 1 us and
        // waits, [10, 10.5 us).
        assertArrayEquals(new long[] {10_000_000, 10_500_000},
                Deliveries.deliver(new PacketInterconnect(sw, 100, Arbitration.FIFO, true), pairs, bytes, sent));
        // The step's time scale 2.5 ms (an accelerator computes that long): chunks of 2.5 ms / 2500 = 1 us, 1000 B.
        // Packet k of big holds A0's link [k, k + 1 us) and cuts through to switch->A3 at k us. At 1 us packet 1 and
        // small reach it together; small was sent first (its send was scheduled before the run), so it goes first:
        // [1, 1.5 us), delivered at 1.5 us. Packet 1 [1.5, 2.5 us); packet k >= 2 reaches the link at k us, busy
        // to k + 0.5: [k + 0.5, k + 1.5 us); the last, packet 9, through at 10.5 us.
        double scale = LinkModel.CHUNKS_PER_STEP * 1e-6;
        long[] chunked = {10_500_000, 1_500_000};
        assertArrayEquals(chunked, Deliveries.deliver(new PacketInterconnect(sw, 100, Arbitration.FIFO, true), pairs,
                bytes, sent, scale));
        // packet level with packets of 1000 B, told nothing, is the same
        assertArrayEquals(chunked, Deliveries.deliver(new PacketInterconnect(sw, 1000), pairs, bytes, sent));
        // chunks are never smaller than the profile's packet: a scale of 0.25 ms (100 B chunks) with 1000 B packets
        assertArrayEquals(chunked, Deliveries.deliver(new PacketInterconnect(sw, 1000, Arbitration.FIFO, true), pairs,
                bytes, sent, scale / 10));
        // plain packet level ignores what it is told: its 100 B packets take turns, small's five with big's
        long[] fine = Deliveries.deliver(new PacketInterconnect(sw, 100), pairs, bytes, sent);
        assertArrayEquals(fine, Deliveries.deliver(new PacketInterconnect(sw, 100), pairs, bytes, sent, scale));
        assertTrue(fine[1] > chunked[1], "small takes turns with big's packets: " + fine[1]);
    }

    /**
     * The step's scale is set at the first send: what the links are told after it, of the step or of a transfer,
     * is refused rather than ignored (the chunks would not follow it).
     */
    @Test
    void whatTheStepAsksIsToldBeforeTheFirstSend() {
        PacketInterconnect links = new PacketInterconnect(new SwitchTopology(4, LINK), 1000, Arbitration.FIFO, true);
        SimEngine[] e = new SimEngine[1];
        e[0] = new SimEngine("told-late", () -> e[0].scheduleAt(0, () -> {
            links.send(0, 1, 1e6, () -> { });
            assertThrows(IllegalStateException.class, () -> links.expectStep(1e-3, 1));
            assertThrows(IllegalStateException.class, () -> links.expectTransfer(0, 1, 1e6));
        }));
        assertThrows(IllegalStateException.class, () -> links.expectStep(1e-3, 1), "before attach");
        links.attach(e[0]);
        links.expectStep(1e-3, 1);
        links.expectTransfer(0, 1, 1e6);
        e[0].run();
    }

    /**
     * Packets in chunks over links without latency: a chunk's head reaches the next link at the instant it was
     * served on this one, an arrival asked for from within the instant's serving; an empty message crosses at
     * once. A ring of 8 at 1 GB/s, chunks of 1000 B (a scale of 2.5 ms): 3000 B from 0 to 3 over three links in
     * 3 us, as on an idle path; 0 B from 0 to 3 at 0 and from 4 to 7 at 1 us, delivered as sent.
     */
    @Test
    void packetsInChunksCrossLinksWithoutLatencyAndEmptyMessagesAtOnce() {
        Topology ring = GridTopology.ring(8, LinkParams.of(1, 0));
        int[][] pairs = {{0, 3}, {0, 3}, {4, 7}};
        long[] t = Deliveries.deliver(new PacketInterconnect(ring, 100, Arbitration.FIFO, true), pairs,
                new double[] {3000, 0, 0}, new long[] {0, 0, 1_000_000}, LinkModel.CHUNKS_PER_STEP * 1e-6);
        assertArrayEquals(new long[] {3_000_000, 0, 1_000_000}, t);
    }
}
