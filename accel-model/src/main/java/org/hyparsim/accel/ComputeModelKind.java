package org.hyparsim.accel;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** How an accelerator's compute is modelled. */
public enum ComputeModelKind implements org.hyparsim.core.Named {
    /** A mapping model of the row-stationary PE array, with its buffer and HMC memory. */
    ROW_STATIONARY,
    /** A fixed MAC rate, no memory stalls, no weight-update cost (the paper's model). */
    IDEAL;

    /** The name in profile files: row-stationary, ideal. */
    @Override
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static java.util.Optional<ComputeModelKind> fromName(String name) {
        return org.hyparsim.core.Named.fromName(ComputeModelKind.class, name);
    }

    public static java.util.List<String> names() {
        return org.hyparsim.core.Named.names(ComputeModelKind.class);
    }
}
