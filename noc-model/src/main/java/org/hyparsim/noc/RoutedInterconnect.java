package org.hyparsim.noc;

import org.hyparsim.core.step.Interconnect;

/** What the link models share: a topology's links and its routes, each computed once. */
abstract class RoutedInterconnect implements Interconnect {
    protected final Topology topology;
    protected final Link[] links;
    private final RouteCache routes;

    RoutedInterconnect(Topology topology) {
        if (topology == null) {
            throw new IllegalArgumentException("a topology is required");
        }
        this.topology = topology;
        this.links = topology.links().toArray(new Link[0]);
        this.routes = new RouteCache(topology);
    }

    public Topology topology() {
        return topology;
    }

    /** A packet size: positive and finite, else refused. */
    protected static double packetBytes(double bytes) {
        if (!(bytes > 0) || Double.isInfinite(bytes)) {
            throw new IllegalArgumentException("packet size must be positive");
        }
        return bytes;
    }

    /** Refuses a message sent before the interconnect was attached to an engine. */
    protected static void requireAttached(Object engine) {
        if (engine == null) {
            throw new IllegalStateException("attach the interconnect to an engine first");
        }
    }

    /** The minimal routes from src to dst that a message's bytes are split over, each the links in order. */
    protected int[][] routes(int src, int dst) {
        return routes.routes(src, dst);
    }

    @Override
    public int hops(int src, int dst) {
        return routes(src, dst)[0].length;
    }

    /** Runs {@code onDelivered} once {@code parts} calls of the returned runnable have been made. */
    protected static Runnable whenAll(int parts, Runnable onDelivered) {
        if (parts == 1) {
            return onDelivered;
        }
        int[] left = {parts};
        return () -> {
            if (--left[0] == 0) {
                onDelivered.run();
            }
        };
    }
}
