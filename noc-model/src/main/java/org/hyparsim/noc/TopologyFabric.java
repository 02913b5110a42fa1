package org.hyparsim.noc;

import java.util.HashMap;
import java.util.Map;
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
    private final Map<Long, int[][]> routes = new HashMap<>();

    public TopologyFabric(Topology topology) {
        if (topology == null) {
            throw new IllegalArgumentException("a topology is required");
        }
        this.topology = topology;
        this.links = topology.links().toArray(new Link[0]);
    }

    @Override
    public int[] dimensionBits() {
        return topology.dimensionBits();
    }

    @Override
    public RoundCost round(int[][] pairs) {
        Map<Integer, Double> load = new HashMap<>();
        double latencyPs = 0;
        for (int[] p : pairs) {
            int[][] rs = routes.computeIfAbsent(((long) p[0] << 32) | p[1], k -> topology.routes(p[0], p[1]));
            for (int[] r : rs) {
                long lat = 0;
                for (int l : r) {
                    load.merge(l, 1.0 / rs.length, Double::sum);
                    lat += links[l].latencyPs();
                }
                latencyPs = Math.max(latencyPs, lat);
            }
        }
        double perByte = 0;
        for (Map.Entry<Integer, Double> e : load.entrySet()) {
            perByte = Math.max(perByte, e.getValue() / links[e.getKey()].bandwidthBytesPerSecond());
        }
        return new RoundCost(latencyPs * 1e-12, perByte);
    }
}
