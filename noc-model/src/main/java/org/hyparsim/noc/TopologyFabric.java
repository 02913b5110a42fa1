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
        double[] load = new double[links.length];
        // routed afresh (a cache of every pair's routes outgrows the heap on large arrays), or counted
        // faster where the topology can
        double latencyPs = topology.addRoundLoads(pairs, load);
        double perByte = 0;
        for (int l = 0; l < links.length; l++) {
            if (load[l] > 0) {
                perByte = Math.max(perByte, load[l] / links[l].bandwidthBytesPerSecond());
            }
        }
        return new RoundCost(latencyPs * 1e-12, perByte);
    }
}
