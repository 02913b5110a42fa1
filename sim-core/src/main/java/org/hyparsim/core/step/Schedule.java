package org.hyparsim.core.step;

import java.util.Locale;

/** How the replay orders compute and communication. */
public enum Schedule {
    /** A task starts when its inputs are ready and its resource is free: communication hides behind compute. */
    OVERLAP,
    /** The paper's: per step all compute, then all communication, then the weight update; nothing overlapped. */
    SERIAL;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Schedule parse(String s) {
        if (s == null) {
            return null;
        }
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "overlap" -> OVERLAP;
            case "serial" -> SERIAL;
            default -> null;
        };
    }
}
