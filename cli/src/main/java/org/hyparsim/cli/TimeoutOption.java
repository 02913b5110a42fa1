package org.hyparsim.cli;

import org.hyparsim.core.InputException;

/** The --timeout value of run and sweep, checked in one place. */
final class TimeoutOption {
    /** The largest timeout accepted, in seconds (about 31 years). */
    static final double MAX_SECONDS = 1e9;

    private TimeoutOption() {
    }

    /** Refuses a timeout that is not a positive number of seconds below {@link #MAX_SECONDS}; null is none. */
    static void check(Double seconds) {
        if (seconds != null && !(seconds > 0 && seconds < MAX_SECONDS)) {
            throw new InputException("command line", "--timeout", "must be a positive number of seconds below "
                    + (long) MAX_SECONDS + ", got " + seconds);
        }
    }
}
