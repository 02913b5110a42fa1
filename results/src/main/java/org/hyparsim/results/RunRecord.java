package org.hyparsim.results;

import java.util.List;
import org.hyparsim.core.step.StepResult;

/**
 * One replayed run: what was asked, the plan it ran, the planner's byte count and everything
 * the replay measured. Writers turn it into a {@link RunRow} (the summary) and per-layer and
 * per-link rows.
 */
public record RunRecord(RunKey key, PlanGrid plan, double plannerBytes, StepResult result, List<GroupResult> groups,
        Memory memory) {

    public RunRecord {
        groups = List.copyOf(groups);
    }

    /** A run whose memory footprint is not reported. */
    public RunRecord(RunKey key, PlanGrid plan, double plannerBytes, StepResult result, List<GroupResult> groups) {
        this(key, plan, plannerBytes, result, groups, null);
    }

    /** The run with its plan's memory footprint. */
    public RunRecord withMemory(Memory m) {
        return new RunRecord(key, plan, plannerBytes, result, groups, m);
    }

    /**
     * The plan's memory footprint: the largest accelerator's bytes, each accelerator's capacity,
     * whether the one fits the other, and whether the scenario required plans to fit.
     */
    public record Memory(double peakMemoryBytes, long capacityBytes, boolean fits, boolean required) {
    }

    /** A run on a uniform array. */
    public RunRecord(RunKey key, PlanGrid plan, double plannerBytes, StepResult result) {
        this(key, plan, plannerBytes, result, List.of());
    }

    /**
     * One hardware group of a heterogeneous array: its accelerators (from {@code first}, {@code
     * count} of them), the busiest one's compute and memory-stall seconds, and its busy share of
     * the step (utilisation).
     */
    public record GroupResult(String hardware, int first, int count, double computeSeconds, double memoryStallSeconds,
            double utilisation) {
        /** Compute and stall together: when the group's busiest accelerator is done with the step's work. */
        public double busySeconds() {
            return computeSeconds + memoryStallSeconds;
        }
    }
}
