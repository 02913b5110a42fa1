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

    public static java.util.Optional<Schedule> fromName(String s) {
        return java.util.Arrays.stream(values()).filter(v -> v.label().equals(s)).findFirst();
    }

    public static java.util.List<String> names() {
        return java.util.Arrays.stream(values()).map(Schedule::label).toList();
    }
}
