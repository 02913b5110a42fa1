package org.hyparsim.accel;

import org.hyparsim.core.step.MemoryModel;

/**
 * HMC memory: the vaults serve a task's traffic in parallel, at vaults x vault bandwidth, after
 * one access latency.
 */
public final class HmcMemoryModel implements MemoryModel {
    private final double bytesPerSecond;
    private final long latencyPs;

    public HmcMemoryModel(int vaults, double vaultBandwidthGBps, double latencyNs) {
        if (vaults < 1 || !(vaultBandwidthGBps > 0) || !(latencyNs >= 0)) {
            throw new IllegalArgumentException("an HMC has at least one vault, positive bandwidth and latency not negative");
        }
        this.bytesPerSecond = vaults * vaultBandwidthGBps * 1e9;
        this.latencyPs = Math.round(latencyNs * 1000);
    }

    @Override
    public long transferPs(double bytes) {
        return Math.round(bytes / bytesPerSecond * 1e12) + latencyPs;
    }
}
