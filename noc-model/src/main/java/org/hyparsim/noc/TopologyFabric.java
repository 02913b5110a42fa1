package org.hyparsim.noc;

import org.hyparsim.core.step.Fabric;

/**
 * A topology as the collectives see it: its dimensions, and the cost of a round of messages from
 * its routes (each message's bytes split over its equal-cost routes; the most loaded link sets
 * the bandwidth term, the longest path the latency term). Contention between rounds is left to
 * the replay.
 */
public final class TopologyFabric implements Fabric {
    private final Topology topology;
    private final Link[] links;
    private final RouteCache routes;

    public TopologyFabric(Topology topology) {
        if (topology == null) {
            throw new IllegalArgumentException("a topology is required");
        }
        this.topology = topology;
        this.links = topology.links().toArray(new Link[0]);
        this.routes = new RouteCache(topology);
    }

    @Override
    public int[] dimensionBits() {
        return topology.dimensionBits();
    }

    @Override
    public RoundCost round(int[][] pairs) {
        double[] load = new double[links.length];
        double latencyPs = 0;
        for (int[] p : pairs) {
            int[][] rs = routes.routes(p[0], p[1]);
            for (int[] r : rs) {
                long lat = 0;
                for (int l : r) {
                    load[l] += 1.0 / rs.length;
                    lat += links[l].latencyPs();
                }
                latencyPs = Math.max(latencyPs, lat);
            }
        }
        double perByte = 0;
        for (int l = 0; l < links.length; l++) {
            if (load[l] > 0) {
                perByte = Math.max(perByte, load[l] / links[l].bandwidthBytesPerSecond());
            }
        }
        return new RoundCost(latencyPs * 1e-12, perByte);
    }
}
