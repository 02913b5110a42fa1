package org.hyparsim.noc;

import org.hyparsim.core.kind.LinkModel;

/**
 * One training step's time scale, as the replay tells it before it runs (the longest an
 * accelerator computes, and every transfer): a lower bound on the step's time, the longer of that
 * compute and the most the step's transfers hold any one link; and from it the time a chunk of a
 * message holds its first link, 1/{@link LinkModel#CHUNKS_PER_STEP} of the bound. Links that cut
 * messages into chunks (first come, first served calendars, packets in chunks) share it.
 */
final class StepScale {
    private final Link[] links;
    /** Per link, the time the step's transfers will hold it, s; null once the chunk is set. */
    private double[] expected;
    private double computeSeconds;
    private int iterations = 1;
    /** A chunk's time on a message's first link, ps (0: nothing was expected), once set; -1 before. */
    private long chunkPs = -1;

    StepScale(Link[] links) {
        this.links = links;
        this.expected = new double[links.length];
    }

    /** The longest an accelerator computes over the replay, and how many training steps it runs. */
    void step(double seconds, int steps) {
        requireUnset();
        computeSeconds = seconds;
        iterations = Math.max(1, steps);
    }

    /** A transfer of {@code bytes} split evenly over {@code routes}. */
    void transfer(int[][] routes, double bytes) {
        requireUnset();
        for (int[] r : routes) {
            for (int link : r) {
                expected[link] += bytes / routes.length / links[link].bandwidthBytesPerSecond();
            }
        }
    }

    /** Refuses what the step asks once the chunk is set (at the first send): the chunks would not follow it. */
    private void requireUnset() {
        if (expected == null) {
            throw new IllegalStateException("what the step asks of the links is told after attach and before the first"
                    + " send");
        }
    }

    /**
     * The time a chunk holds a message's first link: 1/{@link LinkModel#CHUNKS_PER_STEP} of the step's
     * lower bound, at least a picosecond; 0 where nothing was expected (messages whole). Set at the
     * first call, after which no transfer may be told.
     */
    long chunkPs() {
        if (chunkPs < 0) {
            double busiest = 0;
            for (double e : expected) {
                busiest = Math.max(busiest, e);
            }
            double bound = Math.max(computeSeconds, busiest) / iterations;
            chunkPs = !(bound > 0) ? 0 : Math.max(1, Math.round(bound * 1e12 / LinkModel.CHUNKS_PER_STEP));
            expected = null;
        }
        return chunkPs;
    }

    /**
     * The most bytes of one chunk on a route whose first link is {@code firstLink}: what that link
     * carries in {@link #chunkPs}, or {@code packetBytes} where that is more; {@code whole} where nothing
     * was expected.
     */
    double chunkBytes(int firstLink, double packetBytes, double whole) {
        long chunk = chunkPs();
        return chunk == 0 ? whole : Math.max(packetBytes, chunk * 1e-12 * links[firstLink].bandwidthBytesPerSecond());
    }
}
