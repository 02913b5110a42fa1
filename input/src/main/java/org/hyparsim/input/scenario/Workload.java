package org.hyparsim.input.scenario;

import org.hyparsim.core.step.RunPhase;
import org.hyparsim.core.workload.Network;

/**
 * What is run: the network, the samples per step, how many steps are replayed back to back, and
 * whether they are training steps or inference.
 */
public record Workload(Network network, int batch, int iterations, RunPhase phase) {

    /** Training steps. */
    public Workload(Network network, int batch, int iterations) {
        this(network, batch, iterations, RunPhase.TRAINING);
    }
}
