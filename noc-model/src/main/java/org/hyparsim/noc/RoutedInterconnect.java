package org.hyparsim.noc;

import java.util.HashMap;
import java.util.Map;
import org.hyparsim.core.step.Interconnect;

/** What the link models share: a topology's links and its routes, each computed once. */
abstract class RoutedInterconnect implements Interconnect {
    protected final Topology topology;
    protected final Link[] links;
    private final Map<Long, int[]> routes = new HashMap<>();

    RoutedInterconnect(Topology topology) {
        if (topology == null) {
            throw new IllegalArgumentException("a topology is required");
        }
        this.topology = topology;
        this.links = topology.links().toArray(new Link[0]);
    }

    public Topology topology() {
        return topology;
    }

    /** The links from src to dst, in order. */
    protected int[] route(int src, int dst) {
        return routes.computeIfAbsent(((long) src << 32) | dst, k -> topology.route(src, dst));
    }

    @Override
    public int hops(int src, int dst) {
        return route(src, dst).length;
    }
}
