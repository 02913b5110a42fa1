package org.hyparsim.partition.memory;

/**
 * What the footprint of training depends on besides the plan: the optimizer, the precision,
 * which activations are recomputed, and whether plans must fit.
 */
public record MemorySettings(Optimizer optimizer, Precision precision, Recompute recompute, FitPolicy fit) {
    /** The defaults (the paper's training): SGD in fp32, every activation kept, the fit reported. */
    public static final MemorySettings DEFAULT = new MemorySettings(Optimizer.SGD, Precision.FP32, Recompute.NONE,
            FitPolicy.REPORTED);

    public MemorySettings {
        if (optimizer == null || precision == null || recompute == null || fit == null) {
            throw new IllegalArgumentException("optimizer, precision, recompute and fit are required");
        }
    }

    /**
     * Bytes per parameter of the weight shard: the weight and its gradient in the precision's
     * format, the fp32 master copy under mixed precision, the optimizer's fp32 state. fp32: sgd 8,
     * momentum 12, adam 16; mixed: 2 + 2 + 4 = 8, 12, 16 (ZeRO's 16 for mixed-precision Adam).
     */
    public int bytesPerParameter() {
        return 2 * precision.weightBytes() + precision.masterBytes() + 4 * optimizer.stateValues();
    }
}
