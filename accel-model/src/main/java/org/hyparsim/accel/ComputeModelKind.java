package org.hyparsim.accel;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** How an accelerator's compute is modelled. */
public enum ComputeModelKind {
    /** A mapping model of the row-stationary PE array, with its buffer and HMC memory. */
    ROW_STATIONARY,
    /** A fixed MAC rate, no memory stalls, no weight-update cost (the paper's model). */
    IDEAL;

    /** The name in profile files: row-stationary, ideal. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<ComputeModelKind> fromName(String name) {
        return Arrays.stream(values()).filter(k -> k.label().equals(name)).findFirst();
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(ComputeModelKind::label).toList();
    }
}
