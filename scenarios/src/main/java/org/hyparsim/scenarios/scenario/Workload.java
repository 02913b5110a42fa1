package org.hyparsim.scenarios.scenario;

import org.hyparsim.core.workload.Network;

/** What is trained: the network, the samples per step and how many steps are replayed back to back. */
public record Workload(Network network, int batch, int iterations) {
}
