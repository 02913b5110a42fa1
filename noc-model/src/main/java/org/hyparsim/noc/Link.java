package org.hyparsim.noc;

/** A directed link: it serves one packet at a time, first come first served. */
public record Link(int id, String name, double bandwidthBytesPerSecond, long latencyPs) {
    public Link {
        if (!(bandwidthBytesPerSecond > 0) || Double.isInfinite(bandwidthBytesPerSecond) || latencyPs < 0) {
            throw new IllegalArgumentException("link " + name + ": bandwidth must be positive and latency not negative");
        }
    }
}
