package org.hyparsim.scenarios.scenario;

import org.hyparsim.noc.LinkModel;
import org.hyparsim.noc.TopologyKind;

/** The array: how many accelerators, how they are joined, how links are modelled and the hardware. */
public record ArrayConfig(int accelerators, TopologyKind topology, LinkModel linkModel, Hardware hardware) {

    /** H, for 2^H accelerators. */
    public int levels() {
        return Integer.numberOfTrailingZeros(accelerators);
    }
}
