package org.hyparsim.core.step;

import java.util.Locale;

/** How the replay orders compute and communication. */
public enum Schedule implements org.hyparsim.core.Named {
    /** A task starts when its inputs are ready and its resource is free: communication hides behind compute. */
    OVERLAP,
    /** The paper's: per step all compute, then all communication, then the weight update; nothing overlapped. */
    SERIAL;

    @Override
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static java.util.Optional<Schedule> fromName(String name) {
        return org.hyparsim.core.Named.fromName(Schedule.class, name);
    }

    public static java.util.List<String> names() {
        return org.hyparsim.core.Named.names(Schedule.class);
    }
}
