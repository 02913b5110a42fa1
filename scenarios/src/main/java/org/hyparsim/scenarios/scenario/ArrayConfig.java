package org.hyparsim.scenarios.scenario;

import org.hyparsim.noc.LinkModel;
import org.hyparsim.noc.TopologyKind;
import org.hyparsim.partition.collective.CollectiveAlgorithm;

/**
 * The array: how many accelerators, how they are joined, how links are modelled, the hardware,
 * and the algorithm collectives run with.
 */
public record ArrayConfig(int accelerators, TopologyKind topology, LinkModel linkModel, Hardware hardware,
        CollectiveAlgorithm collective) {

    /** H, for 2^H accelerators. */
    public int levels() {
        return Integer.numberOfTrailingZeros(accelerators);
    }
}
