package org.hyparsim.core.step;

/**
 * What the system layer (collectives) knows of the network it runs on: the array's dimensions
 * and the cost of a round of messages sent at once. Implemented by the interconnect model.
 */
public interface Fabric {
    /**
     * The array's dimensions as bits of the accelerator index, lowest first (a torus of 2^c
     * columns and 2^r rows: {c, r}; any other topology: one dimension of all the bits).
     */
    int[] dimensionBits();

    /**
     * The cost of sending one message between each given pair at once on an idle network: the
     * longest path latency (seconds) and the seconds per byte of each message on the most loaded
     * link. A round of messages of b bytes takes about {@code latencySeconds + secondsPerByte x b}.
     *
     * @param pairs {src, dst} accelerator pairs
     */
    RoundCost round(int[][] pairs);

    /** The latency and bandwidth terms of a round. */
    record RoundCost(double latencySeconds, double secondsPerByte) {
        public double seconds(double bytes) {
            return latencySeconds + secondsPerByte * bytes;
        }
    }
}
