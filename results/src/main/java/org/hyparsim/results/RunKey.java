package org.hyparsim.results;

import org.hyparsim.core.step.Schedule;
import org.hyparsim.noc.LinkModel;
import org.hyparsim.noc.TopologyKind;
import org.hyparsim.partition.planner.StrategyKind;

/**
 * What a run was asked: the network, the batch, the array and how it is joined, the hardware
 * (its display label), the schedule, the link model and the strategy.
 *
 * @param hardware the hardware's display label: the profile's name and its overrides
 */
public record RunKey(String network, int batch, int accelerators, TopologyKind topology, String hardware,
        Schedule schedule, LinkModel linkModel, StrategyKind strategy) {
}
