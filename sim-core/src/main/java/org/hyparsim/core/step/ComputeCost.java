package org.hyparsim.core.step;

/**
 * What a compute task costs on an accelerator: its duration (compute and memory overlapped),
 * the parts of it, and the counts that energy is computed from.
 *
 * @param durationPs the task's time on the accelerator, ps
 * @param computePs the compute array's time alone, ps
 * @param macs multiply-accumulates performed
 * @param sramBytes on-chip buffer traffic, bytes
 * @param dramBytes memory (HMC vault) traffic, bytes
 */
public record ComputeCost(long durationPs, long computePs, double macs, double sramBytes, double dramBytes) {
    public ComputeCost {
        if (durationPs < computePs || computePs < 0) {
            throw new IllegalArgumentException("duration " + durationPs + " must cover compute " + computePs);
        }
    }

    /** Time the compute array waits for memory, ps. */
    public long memoryStallPs() {
        return durationPs - computePs;
    }
}
