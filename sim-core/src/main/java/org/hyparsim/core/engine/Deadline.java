package org.hyparsim.core.engine;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A wall-clock limit on the work of one thread: a timer thread marks the deadline expired at
 * its time, and the work checks the mark (a volatile read) at every engine event and in the
 * loops of planning and graph building, so the limit holds whatever one event costs.
 */
public final class Deadline {
    private static final ThreadLocal<Deadline> CURRENT = new ThreadLocal<>();
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "hypar-sim-deadline");
        t.setDaemon(true);
        return t;
    });

    private final double seconds;
    private final long endNanos;
    private volatile boolean expired;
    /** Whether a check has read the clock: the first does, so a limit shorter than the timer's wake-up still holds. */
    private boolean clockRead;

    private Deadline(double seconds) {
        this.seconds = seconds;
        this.endNanos = System.nanoTime() + Math.round(seconds * 1e9);
    }

    /** Runs the task with a limit of {@code seconds} of wall-clock time on this thread. */
    public static <T> T within(double seconds, Supplier<T> task) {
        if (!(seconds > 0)) {
            throw new IllegalArgumentException("a deadline is a positive number of seconds");
        }
        Deadline previous = CURRENT.get();
        Deadline d = new Deadline(seconds);
        ScheduledFuture<?> alarm = TIMER.schedule(() -> {
            d.expired = true;
        }, Math.round(seconds * 1e9), TimeUnit.NANOSECONDS);
        CURRENT.set(d);
        try {
            return task.get();
        } finally {
            alarm.cancel(false);
            CURRENT.set(previous);
        }
    }

    /**
     * The task, to run on another thread under this thread's deadline: work split over threads
     * keeps the one limit it was given.
     */
    public static <T> Supplier<T> carried(Supplier<T> task) {
        Deadline d = CURRENT.get();
        return () -> {
            Deadline previous = CURRENT.get();
            CURRENT.set(d);
            try {
                return task.get();
            } finally {
                CURRENT.set(previous);
            }
        };
    }

    /** The deadline of this thread's work, or null. */
    static Deadline current() {
        return CURRENT.get();
    }

    /** Throws when this thread's deadline has passed (or the thread was interrupted). */
    public static void check() {
        Deadline d = CURRENT.get();
        if (d != null) {
            d.checkNow("");
        }
    }

    void checkNow(String where) {
        if (!clockRead) {
            clockRead = true;
            if (System.nanoTime() - endNanos >= 0) {
                expired = true;
            }
        }
        if (expired || Thread.currentThread().isInterrupted()) {
            throw new SimulationTimeoutException("timed out after " + seconds + " s" + where
                    + " (the limit is set with --timeout)");
        }
    }

    boolean expired() {
        return expired || Thread.currentThread().isInterrupted();
    }
}
