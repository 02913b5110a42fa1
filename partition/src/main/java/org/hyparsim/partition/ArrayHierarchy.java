package org.hyparsim.partition;

import org.hyparsim.core.Limits;

/** The hierarchy of an array of 2^H accelerators: H levels, level h has 2^(h-1) groups split in halves. */
public final class ArrayHierarchy {
    private ArrayHierarchy() {
    }

    /** H for N = 2^H accelerators; refuses anything but a power of two from 1 to {@link Limits#maxAccelerators()}. */
    public static int levels(long accelerators) {
        String problem = problem(accelerators);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        return Long.numberOfTrailingZeros(accelerators);
    }

    /** Why an array of this size is refused, or null when it is accepted. */
    public static String problem(long accelerators) {
        long max = Math.min(1L << 30, Limits.maxAccelerators());
        if (accelerators < 1 || accelerators > max || Long.bitCount(accelerators) != 1) {
            return "accelerators must be a power of two from 1 to " + max + ", got " + accelerators;
        }
        return null;
    }
}
