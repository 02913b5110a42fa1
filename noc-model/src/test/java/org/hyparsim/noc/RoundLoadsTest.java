package org.hyparsim.noc;

import org.hyparsim.core.kind.TopologyKind;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A grid counts a round's link loads by runs along its lines, an H tree by sums over subtrees,
 * instead of walking each route: the loads and the longest latency are exactly those of routing
 * every pair (the definition), on tori, meshes and rings of every shape met (one or two rows or
 * columns, ties half-way round) and on H trees with a latency per level.
 */
class RoundLoadsTest {
    private static final LinkParams PARAMS = LinkParams.of(30, 500);

    private static List<Topology> topologies() {
        List<Topology> out = new ArrayList<>();
        for (int n : new int[] {2, 4, 8, 16, 32, 64, 256}) {
            out.add(GridTopology.torus(n, PARAMS));
            out.add(GridTopology.mesh(n, PARAMS));
            out.add(GridTopology.ring(n, PARAMS));
        }
        out.add(new GridTopology(TopologyKind.TORUS, 2, 8, true, PARAMS));
        out.add(new GridTopology(TopologyKind.TORUS, 8, 2, true, PARAMS));
        out.add(new GridTopology(TopologyKind.TORUS, 3, 5, true, PARAMS));
        out.add(new GridTopology(TopologyKind.MESH, 3, 5, false, PARAMS));
        for (int n : new int[] {2, 4, 16, 64, 256}) {
            List<LinkParams> levels = new ArrayList<>();
            for (int h = 0; h < Integer.numberOfTrailingZeros(n); h++) {
                levels.add(LinkParams.of(30 << h, 100 + 37 * h)); // a latency of its own per level
            }
            out.add(new HTreeTopology(n, levels));
        }
        return out;
    }

    private static void assertSame(Topology t, int[][] pairs, String what) {
        int links = t.links().size();
        double[] fast = new double[links];
        double[] routed = new double[links];
        long fastLatency = t.addRoundLoads(pairs, fast);
        long routedLatency = Topology.routedRoundLoads(t, pairs, routed);
        assertArrayEquals(routed, fast, 0.0, what);
        assertEquals(routedLatency, fastLatency, what);
    }

    @Test
    void everyPairAndRandomRoundsLoadTheLinksAsTheirRoutes() {
        Random rnd = new Random(7);
        for (Topology t : topologies()) {
            int n = t.accelerators();
            String name = t.kind() + " of " + n + " (" + t.links().size() + " links)";
            if (n <= 64) {
                List<int[]> all = new ArrayList<>();
                for (int s = 0; s < n; s++) {
                    for (int d = 0; d < n; d++) {
                        if (s != d) {
                            all.add(new int[] {s, d});
                            assertSame(t, new int[][] {{s, d}}, name + ", " + s + " -> " + d);
                        }
                    }
                }
                assertSame(t, all.toArray(new int[0][]), name + ", every pair");
            }
            for (int round = 0; round < 20; round++) {
                int[][] pairs = new int[1 + rnd.nextInt(3 * n)][];
                for (int i = 0; i < pairs.length; i++) {
                    int s = rnd.nextInt(n);
                    int d = (s + 1 + rnd.nextInt(Math.max(1, n - 1))) % n;
                    pairs[i] = new int[] {s, d == s ? (s + 1) % n : d};
                }
                if (n > 1) {
                    assertSame(t, pairs, name + ", random round " + round);
                }
            }
        }
    }

    @Test
    void aRingRoundLoadsEachLinkOnce() {
        GridTopology t = GridTopology.ring(16, PARAMS);
        int[][] pairs = new int[16][];
        for (int a = 0; a < 16; a++) {
            pairs[a] = new int[] {a, (a + 1) % 16};
        }
        double[] load = new double[t.links().size()];
        long latency = t.addRoundLoads(pairs, load);
        assertEquals(500_000, latency);
        assertEquals(16, java.util.Arrays.stream(load).filter(x -> x == 1.0).count());
        assertTrue(java.util.Arrays.stream(load).allMatch(x -> x == 0 || x == 1.0));
    }
}
