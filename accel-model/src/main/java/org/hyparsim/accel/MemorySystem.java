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
 */
public record MemorySystem(double bufferKiBPerEngine, int vaults, double vaultBandwidthGBps, double memoryLatencyNs,
        double bytesPerElement, boolean dramOverlapsCompute) {
}
