package org.hyparsim.partition;

import org.hyparsim.core.InputException;

/** The hierarchy of an array of 2^H accelerators: H levels, level h has 2^(h-1) groups split in halves. */
public final class ArrayHierarchy {
    public static final int MAX_ACCELERATORS = 65536;

    private ArrayHierarchy() {
    }

    /** H for N = 2^H accelerators; refuses anything but a power of two from 1 to 65536. */
    public static int levels(long accelerators, String source, String path) {
        if (accelerators < 1 || accelerators > MAX_ACCELERATORS || Long.bitCount(accelerators) != 1) {
            throw new InputException(source, path, "accelerators must be a power of two from 1 to "
                    + MAX_ACCELERATORS + ", got " + accelerators);
        }
        return Long.numberOfTrailingZeros(accelerators);
    }
}
