package org.hyparsim.noc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The route cache gives every pair the topology's own routes, each computed once, whatever order pairs are asked in. */
class RouteCacheTest {
    @Test
    void everyPairGetsTheTopologysRoutesOnce() {
        LinkParams link = LinkParams.of(30, 4.6);
        for (Topology t : List.of(GridTopology.torus(64, link), GridTopology.ring(16, link),
                new HTreeTopology(32, Collections.nCopies(5, link)))) {
            RouteCache cache = new RouteCache(t);
            int n = t.accelerators();
            int[][][][] first = new int[n][n][][];
            // destinations in a scrambled order, so that the tables grow and probe past collisions
            for (int src = 0; src < n; src++) {
                for (int k = 0; k < n; k++) {
                    int dst = (k * 37 + src) % n;
                    first[src][dst] = cache.routes(src, dst);
                    assertArrayEquals(t.routes(src, dst), first[src][dst], t.kind() + " " + src + " -> " + dst);
                }
            }
            for (int src = 0; src < n; src++) {
                for (int dst = 0; dst < n; dst++) {
                    assertSame(first[src][dst], cache.routes(src, dst), "computed once: " + src + " -> " + dst);
                }
            }
        }
    }
}
