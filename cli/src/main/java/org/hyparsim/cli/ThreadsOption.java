package org.hyparsim.cli;

import org.hyparsim.core.InputException;

/** The --threads value of run, sweep and reproduce, checked in one place. */
final class ThreadsOption {
    /** The most threads accepted. */
    static final int MAX = 1024;

    private ThreadsOption() {
    }

    /** The threads to use: the option's value, or {@code byDefault} without one; refused outside 1 to {@link #MAX}. */
    static int resolve(Integer threads, int byDefault) {
        int t = threads == null ? byDefault : threads;
        if (t < 1 || t > MAX) {
            throw new InputException("command line", "--threads", "must be from 1 to " + MAX + ", got " + t);
        }
        return t;
    }
}
