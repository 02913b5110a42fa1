package org.hyparsim.partition;

import org.hyparsim.core.InputException;

/** The hierarchy of an array of 2^H accelerators: H levels, level h has 2^(h-1) groups split in halves. */
public final class ArrayHierarchy {
    /** The default limit (see {@link org.hyparsim.core.Limits#maxAccelerators()}). */
    public static final int MAX_ACCELERATORS = 65536;

    private ArrayHierarchy() {
    }

    /** H for N = 2^H accelerators; refuses anything but a power of two from 1 to 65536. */
    public static int levels(long accelerators, String source, String path) {
        long max = Math.min(1L << 30, org.hyparsim.core.Limits.maxAccelerators());
        if (accelerators < 1 || accelerators > max || Long.bitCount(accelerators) != 1) {
            throw new InputException(source, path, "accelerators must be a power of two from 1 to "
                    + max + ", got " + accelerators);
        }
        return Long.numberOfTrailingZeros(accelerators);
    }
}
