package org.hyparsim.core;

/** The project's one 64-bit mixer, for hashing ints and longs into tables and summaries. */
public final class Hashes {
    private Hashes() {
    }

    /** A 64-bit finaliser (SplitMix64's): every input bit moves about half the output bits. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A 64-bit hash of a pair of ints (an accelerator and a slot, say). */
    public static long mix(int a, int b) {
        return mix(((long) a << 32 | b & 0xffffffffL) + 0x9E3779B97F4A7C15L);
    }
}
