package org.hyparsim.core.engine;

/** A run took longer than the wall-clock time allowed to it (see {@link SimEngine#withDeadline}). */
public final class SimulationTimeoutException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SimulationTimeoutException(String message) {
        super(message);
    }
}
