package org.hyparsim.core.step;

/**
 * What a compute task costs on an accelerator: its duration (compute and memory overlapped),
 * the parts of it, and the counts that energy is computed from, level by level of the memory
 * hierarchy.
 *
 * @param durationPs the task's time on the accelerator, ps
 * @param computePs the compute array's time alone, ps
 * @param macs multiply-accumulates performed
 * @param onChip accesses below the memory: register files, array network, global buffer
 * @param dramBytes memory (HMC vault or DRAM) traffic, bytes
 * @param mapping how the task was mapped onto the PE array ({@link Mapping#NONE} where it is not modelled)
 */
public record ComputeCost(long durationPs, long computePs, double macs, OnChip onChip, double dramBytes,
        Mapping mapping) {
    public ComputeCost {
        if (durationPs < computePs || computePs < 0) {
            throw new IllegalArgumentException("duration " + durationPs + " must cover compute " + computePs);
        }
    }

    /** A cost with no mapping recorded. */
    public ComputeCost(long durationPs, long computePs, double macs, OnChip onChip, double dramBytes) {
        this(durationPs, computePs, macs, onChip, dramBytes, Mapping.NONE);
    }

    /**
     * The mapping a task ran under.
     *
     * @param label the mapping's parameters as its model writes them (m/n/e/p/q/r/t for row stationary)
     * @param activePes PEs it occupies
     * @param passes processing passes
     * @param ties other mappings as good by every measure its model ranks them on (0 where unique or not modelled)
     * @param gatedMacs MACs with a zero operand, which the array clock-gates (they take their cycle
     *        but spend no MAC energy)
     */
    public record Mapping(String label, int activePes, double passes, int ties, double gatedMacs) {
        /** No mapping modelled. */
        public static final Mapping NONE = new Mapping("", 0, 0, 0, 0);
    }

    /**
     * On-chip data movement of a task.
     *
     * @param registerFileAccesses reads and writes of the PEs' register files (words)
     * @param arrayNetworkAccesses words moved over the PE array's network (deliveries to PEs, partial sums between them)
     * @param globalBufferBytes bytes read from and written to the global buffer
     */
    public record OnChip(double registerFileAccesses, double arrayNetworkAccesses, double globalBufferBytes) {
        /** No on-chip movement modelled (the ideal compute model). */
        public static final OnChip NONE = new OnChip(0, 0, 0);
    }

    /** A task that costs nothing but time. */
    public static ComputeCost timeOnly(long durationPs, double macs) {
        return new ComputeCost(durationPs, durationPs, macs, OnChip.NONE, 0);
    }

    /** Time the compute array waits for memory, ps. */
    public long memoryStallPs() {
        return durationPs - computePs;
    }

    /** Bytes of global-buffer traffic. */
    public double sramBytes() {
        return onChip.globalBufferBytes();
    }
}
