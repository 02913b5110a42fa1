package org.hyparsim.core.step;

/**
 * One layer's share of a replayed step (the first step when several were replayed).
 *
 * @param work its MACs and DRAM bytes, and its compute and memory-stall time averaged over accelerators
 * @param bytes its transfers: intra-layer (partial-sum and gradient sums) and inter-layer (redistribution)
 * @param forwardEndSeconds when its last forward task finished
 * @param backwardEndSeconds when its last gradient or error task finished
 * @param energy its energy by {@link EnergyComponent} (its tasks' and its transfers'; static energy
 *        belongs to the step)
 * @param mapped how its compute was mapped, and what follows from the mapping
 */
public record LayerResult(String layer, Work work, Bytes bytes, double forwardEndSeconds, double backwardEndSeconds,
        Energy energy, Mapped mapped) {

    /**
     * The layer's compute as mapped onto the PE array, per accelerator (means over accelerators).
     *
     * @param mapping the forward phase's mapping, as its model writes it (m/n/e/p/q/r/t); empty where none
     * @param activePes the PEs the forward phase's mapping occupies
     * @param passes processing passes of all its phases
     * @param processingSeconds its compute time with memory traffic overlapped (the Eyeriss chip's
     *        "processing latency")
     * @param globalBufferBytes global-buffer traffic, over the array
     * @param powerWatts its on-chip energy (MACs, register files, array network, global buffer) per
     *        accelerator over its time, plus static power
     * @param mappingTies other mappings of its forward phase as good as the one taken, by every measure
     *        the search ranks them on
     */
    public record Mapped(String mapping, int activePes, double passes, double processingSeconds,
            double globalBufferBytes, double powerWatts, int mappingTies) {
    }

    /** The layer's time per accelerator under the profile's overlap rule (its compute tasks' durations). */
    public double latencySeconds() {
        return work.computeSeconds();
    }

    /** MACs, DRAM bytes, and the compute task time (forward, error, gradient, update) and its memory stall, per accelerator. */
    public record Work(double macs, double dramBytes, double computeSeconds, double memoryStallSeconds) {
    }

    /** Intra-layer and inter-layer transfer bytes (forward and backward). */
    public record Bytes(double intraLayerBytes, double interLayerBytes) {
    }

    public double macs() {
        return work.macs();
    }

    public double dramBytes() {
        return work.dramBytes();
    }

    public double computeSeconds() {
        return work.computeSeconds();
    }

    public double memoryStallSeconds() {
        return work.memoryStallSeconds();
    }

    public double intraLayerBytes() {
        return bytes.intraLayerBytes();
    }

    public double interLayerBytes() {
        return bytes.interLayerBytes();
    }
}
