package org.hyparsim.results;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.hyparsim.core.step.StepResult;

/**
 * One replayed run: what was asked, the plan it ran, the planner's byte count and everything
 * the replay measured. Writers turn it into a {@link RunRow} (the summary) and per-layer and
 * per-link rows.
 *
 * @param spread the step times of the run's perturbed replays, or null where none were asked for
 */
public record RunRecord(RunKey key, PlanGrid plan, double plannerBytes, StepResult result, List<GroupResult> groups,
        Memory memory, Spread spread) {

    public RunRecord {
        groups = List.copyOf(groups);
    }

    /** A run whose memory footprint is not reported. */
    public RunRecord(RunKey key, PlanGrid plan, double plannerBytes, StepResult result, List<GroupResult> groups) {
        this(key, plan, plannerBytes, result, groups, null, null);
    }

    /** The run with its plan's memory footprint. */
    public RunRecord withMemory(Memory m) {
        return new RunRecord(key, plan, plannerBytes, result, groups, m, spread);
    }

    /** The run with the step times of its perturbed replays. */
    public RunRecord withSpread(Spread s) {
        return new RunRecord(key, plan, plannerBytes, result, groups, memory, s);
    }

    /**
     * The step times of replays with every link orbit's bandwidth scaled by a factor drawn from
     * [1 - range, 1 + range] (seeded), one per sample, in the samples' order.
     */
    public record Spread(double range, long seed, List<Double> stepTimesSeconds) {
        public Spread {
            stepTimesSeconds = List.copyOf(stepTimesSeconds);
            if (stepTimesSeconds.isEmpty()) {
                throw new IllegalArgumentException("a spread of no samples");
            }
        }

        public int samples() {
            return stepTimesSeconds.size();
        }

        /** The middle step time (the mean of the middle two for an even number of samples). */
        public double medianSeconds() {
            List<Double> sorted = new ArrayList<>(stepTimesSeconds);
            Collections.sort(sorted);
            int n = sorted.size();
            return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        }

        public double minSeconds() {
            return Collections.min(stepTimesSeconds);
        }

        public double maxSeconds() {
            return Collections.max(stepTimesSeconds);
        }
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
