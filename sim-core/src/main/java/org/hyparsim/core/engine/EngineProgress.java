package org.hyparsim.core.engine;

/**
 * Progress of the engine runs on one thread, for a command that wants to show it: told the
 * simulated time and the events so far, at most about once a second of wall time.
 */
@FunctionalInterface
public interface EngineProgress {
    /** How often the engine looks at the wall clock, in events. */
    int EVERY_EVENTS = 1 << 16;

    void at(long simulatedPs, long events);

    /** The listener of this thread's engine runs, or null. */
    ThreadLocal<EngineProgress> CURRENT = new ThreadLocal<>();
}
