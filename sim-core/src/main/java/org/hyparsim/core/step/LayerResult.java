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
 */
public record LayerResult(String layer, Work work, Bytes bytes, double forwardEndSeconds, double backwardEndSeconds,
        Energy energy) {

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
