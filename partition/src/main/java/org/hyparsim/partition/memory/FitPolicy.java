package org.hyparsim.partition.memory;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.hyparsim.core.Named;

/** Whether plans must fit in each accelerator's memory ({@code fit} in a scenario). */
public enum FitPolicy implements Named {
    /** The footprint is reported; a plan that does not fit gets a warning. */
    REPORTED,
    /** The timed planner chooses only plans that fit. */
    REQUIRED;

    @Override
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<FitPolicy> fromName(String name) {
        return Named.fromName(FitPolicy.class, name);
    }

    public static List<String> names() {
        return Named.names(FitPolicy.class);
    }
}
