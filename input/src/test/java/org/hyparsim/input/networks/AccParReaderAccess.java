package org.hyparsim.input.networks;

/** The package-private check of AccPar's sizes, for tests in other packages. */
public final class AccParReaderAccess {
    private AccParReaderAccess() {
    }

    public static String unreachable(int in, int kernel, int out, int pool) {
        return AccParReader.unreachable(in, kernel, out, pool);
    }
}
