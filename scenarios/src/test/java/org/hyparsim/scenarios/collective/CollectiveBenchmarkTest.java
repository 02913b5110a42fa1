package org.hyparsim.scenarios.collective;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hyparsim.core.kind.LinkModel;
import org.hyparsim.noc.LinkProfile;
import org.hyparsim.core.kind.TopologyKind;
import org.hyparsim.core.kind.CollectiveAlgorithm;
import org.hyparsim.partition.collective.CollectiveOp;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Collectives against figures nobody here wrote: ASTRA-sim's (analytical backend, ring algorithm,
 * links 30e9 B/s and 500 ns, ../shared/reference/collectives.md) and the bounds worked by hand
 * there. Each within 1%, at packet and at flow level.
 */
class CollectiveBenchmarkTest {
    /** Links of 30e9 bytes/s and 500 ns per hop, 64 KiB packets, as in the ASTRA-sim runs. */
    static final LinkProfile LINKS = new LinkProfile(30, 500, java.util.List.of(), 30, 65536, 0);
    static final double BW = 30e9;
    static final double A = 500e-9;

    static double simulated(CollectiveOp op, double bytes, int n, TopologyKind t, CollectiveAlgorithm a, LinkModel m) {
        return CollectiveBenchmark.run(new CollectiveBenchmark.Case(op, bytes, n, t, a, LINKS, m)).simulatedSeconds();
    }

    @ParameterizedTest(name = "ring all-reduce of {0} B over {1} on a {2}, {4} links: ASTRA-sim {3} ms")
    @CsvSource({
        "1048576, 16, ring, 0.0806, packet", "1048576, 16, ring, 0.0806, flow",
        "67108864, 16, ring, 4.2095, packet", "67108864, 16, ring, 4.2095, flow",
        "574610176, 16, ring, 35.930, packet", "574610176, 16, ring, 35.930, flow",
        "1048576, 16, torus, 0.0715, packet", "1048576, 16, torus, 0.0715, flow",
        "67108864, 16, torus, 4.2005, packet", "67108864, 16, torus, 4.2005, flow",
        "574610176, 16, torus, 35.921, packet", "574610176, 16, torus, 35.921, flow",
        "1048576, 16, switch, 0.0956, packet", "1048576, 16, switch, 0.0956, flow",
        "67108864, 16, switch, 4.2245, packet", "67108864, 16, switch, 4.2245, flow",
        "574610176, 16, switch, 35.945, packet", "574610176, 16, switch, 35.945, flow",
        "574610176, 1024, ring, 39.293, packet", "574610176, 1024, ring, 39.293, flow"})
    void ringAllReduceAgreesWithAstraSim(double bytes, int n, String topology, double astraMs, String model) {
        double s = simulated(CollectiveOp.ALL_REDUCE, bytes, n, TopologyKind.fromName(topology).orElseThrow(),
                CollectiveAlgorithm.RING, LinkModel.fromName(model).orElseThrow());
        assertEquals(astraMs, s * 1e3, 0.01 * astraMs);
    }

    @ParameterizedTest(name = "{0} links")
    @CsvSource({"packet", "flow"})
    void otherAlgorithmsAgreeWithTheirBounds(String model) {
        LinkModel m = LinkModel.fromName(model).orElseThrow();
        double s = 574_610_176;
        int n = 16;
        // ring-bidir on a 16-ring: half the bandwidth term, the same latency term
        double bidir = 2.0 * (n - 1) / n * s / (2 * BW) + 2 * (n - 1) * A;
        assertEquals(bidir, simulated(CollectiveOp.ALL_REDUCE, s, n, TopologyKind.RING, CollectiveAlgorithm.RING_BIDIR, m),
                0.01 * bidir);
        // halving-doubling on a switch: 2 log2 N rounds, each crossing two links
        double hd = 2.0 * (n - 1) / n * s / BW + 2 * 4 * 2 * A;
        assertEquals(hd, simulated(CollectiveOp.ALL_REDUCE, s, n, TopologyKind.SWITCH,
                CollectiveAlgorithm.HALVING_DOUBLING, m), 0.01 * hd);
        // halving-doubling on a 16-ring, nearest partner first: per phase S/2 over 1 hop, S/4 with 2 messages per
        // link, S/8 with 4, S/16 half-way round both ways (4 per link): 1.75 S/BW; latency 1 + 2 + 4 + 8 hops
        double hdRing = 2 * 1.75 * s / BW + 2 * 15 * A;
        double hdRingSimulated = simulated(CollectiveOp.ALL_REDUCE, s, n, TopologyKind.RING,
                CollectiveAlgorithm.HALVING_DOUBLING, m);
        assertEquals(hdRing, hdRingSimulated, 0.01 * hdRing);
        assertTrue(hdRingSimulated < 0.070, "at most 70 ms: " + hdRingSimulated);
        // ring reduce-scatter and all-gather on a 16-ring: (N-1)/N x S/BW + (N-1) x latency
        double half = (n - 1.0) / n * s / BW + (n - 1) * A;
        for (CollectiveOp op : new CollectiveOp[] {CollectiveOp.REDUCE_SCATTER, CollectiveOp.ALL_GATHER}) {
            assertEquals(half, simulated(op, s, n, TopologyKind.RING, CollectiveAlgorithm.RING, m), 0.01 * half,
                    op.label());
        }
    }
}
