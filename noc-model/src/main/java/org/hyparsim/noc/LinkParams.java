package org.hyparsim.noc;

/** Bandwidth (bytes per second, per direction) and latency (ps) of a link. */
public record LinkParams(double bandwidthBytesPerSecond, long latencyPs) {
    public static LinkParams of(double gigabytesPerSecond, double latencyNs) {
        return new LinkParams(gigabytesPerSecond * 1e9, Math.round(latencyNs * 1000));
    }
}
