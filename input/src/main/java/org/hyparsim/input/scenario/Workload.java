package org.hyparsim.input.scenario;

import org.hyparsim.core.step.RunPhase;
import org.hyparsim.core.workload.Network;
import org.hyparsim.partition.memory.MemorySettings;

/**
 * What is run: the network, the samples per step, how many steps are replayed back to back, and
 * whether they are training steps or inference.
 */
public record Workload(Network network, int batch, int iterations, RunPhase phase, MemorySettings memory) {

    /** Training steps. */
    public Workload(Network network, int batch, int iterations) {
        this(network, batch, iterations, RunPhase.TRAINING);
    }

    /** Steps of a phase without memory settings of their own. */
    public Workload(Network network, int batch, int iterations, RunPhase phase) {
        this(network, batch, iterations, phase, null);
    }

    /**
     * The settings of the memory footprint: the scenario's, or the defaults
     * ({@link MemorySettings#DEFAULT}) where it states none.
     */
    public MemorySettings memorySettings() {
        return memory == null ? MemorySettings.DEFAULT : memory;
    }

    /**
     * True when the scenario states a memory setting (optimizer, precision, recompute or fit): its
     * results then report each plan's footprint (a scenario without them writes what it wrote before).
     */
    public boolean reportsMemory() {
        return memory != null;
    }
}
