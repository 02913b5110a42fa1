package org.hyparsim.results;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.hyparsim.core.step.RunPhase;
import org.hyparsim.core.step.Schedule;
import org.hyparsim.core.kind.LinkModel;
import org.hyparsim.core.kind.TopologyKind;
import org.hyparsim.core.kind.CollectiveAlgorithm;
import org.hyparsim.core.kind.StrategyKind;

/** What a run was asked: the network, the batch, the array, the schedule, training or inference, and the strategy. */
public record RunKey(String network, int batch, @JsonUnwrapped Array array, Schedule schedule, RunPhase phase,
        StrategyKind strategy) {

    /**
     * The array: its size, how it is joined, the hardware (its display label: the profile's name
     * and its overrides), how links are modelled and the collective algorithm asked for.
     */
    public record Array(int accelerators, TopologyKind topology, String hardware, LinkModel linkModel,
            CollectiveAlgorithm collective) {
    }

    public int accelerators() {
        return array.accelerators();
    }

    public TopologyKind topology() {
        return array.topology();
    }

    public String hardware() {
        return array.hardware();
    }

    public LinkModel linkModel() {
        return array.linkModel();
    }

    public CollectiveAlgorithm collective() {
        return array.collective();
    }
}
