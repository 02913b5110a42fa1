package org.hyparsim.noc;

import java.util.HashMap;
import java.util.Map;

/**
 * A topology's routes, each computed once, looked up by source then destination. (One map keyed
 * by the pair packed into a long hashed neighbours' pairs alike: Long's hash is src ^ dst.)
 */
final class RouteCache {
    private final Topology topology;
    private final Map<Integer, int[][]>[] bySource;

    @SuppressWarnings("unchecked")
    RouteCache(Topology topology) {
        this.topology = topology;
        this.bySource = new Map[topology.accelerators()];
    }

    /** The minimal routes from src to dst, each the links in order. */
    int[][] routes(int src, int dst) {
        Map<Integer, int[][]> m = bySource[src];
        if (m == null) {
            m = new HashMap<>();
            bySource[src] = m;
        }
        int[][] r = m.get(dst);
        if (r == null) {
            r = topology.routes(src, dst);
            m.put(dst, r);
        }
        return r;
    }
}
