package org.hyparsim.accel;

/**
 * An accelerator's memory: the on-chip global buffer and the HMC vaults under it.
 *
 * @param bufferKiBPerEngine on-chip global buffer per engine
 * @param vaults HMC vaults
 * @param vaultBandwidthGBps bandwidth of one vault (1e9 bytes/s)
 * @param memoryLatencyNs latency of a memory access, added once per task
 * @param bytesPerElement bytes per tensor element in memory
 * @param dramOverlapsCompute whether the array computes while memory is read or written (double
 *        buffering), or stops for it (the Eyeriss chip)
 * @param activationZeroFraction the fraction of zeros in the activations a ReLU produced, which the
 *        off-chip interface run-length codes ({@link #RLC_WORDS_PER_NONZERO} words per nonzero); 0 where
 *        nothing is compressed
 */
public record MemorySystem(double bufferKiBPerEngine, int vaults, double vaultBandwidthGBps, double memoryLatencyNs,
        double bytesPerElement, boolean dramOverlapsCompute, double activationZeroFraction) {
    /**
     * Eyeriss's run-length code (Chen et al., JSSC 2017): a 64-bit word holds three pairs of a
     * 5-bit run of zeros and a 16-bit value (and a last-word bit), so each nonzero costs 64 / 3
     * bits: 4 / 3 of a 16-bit word (runs longer than 31 zeros, which need a pair of their own,
     * are not counted).
     */
    public static final double RLC_WORDS_PER_NONZERO = 4.0 / 3;

    /** DRAM words per word of an activation a ReLU produced. */
    public double activationWordsFactor() {
        return activationZeroFraction > 0 ? (1 - activationZeroFraction) * RLC_WORDS_PER_NONZERO : 1;
    }
}
