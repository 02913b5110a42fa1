package org.hyparsim.partition.collective;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.hyparsim.core.Named;

/** The collective operations of the system layer. S is the whole buffer per accelerator. */
public enum CollectiveOp implements Named {
    /** Every member ends with the sum of every member's S bytes. */
    ALL_REDUCE,
    /** Every member ends with its 1/n share of the sum. */
    REDUCE_SCATTER,
    /** Every member starts with S/n and ends with all n shares, S bytes. */
    ALL_GATHER,
    /** Every member sends a distinct S/n to each other member. */
    ALL_TO_ALL;

    @Override
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<CollectiveOp> fromName(String name) {
        return Named.fromName(CollectiveOp.class, name);
    }

    public static List<String> names() {
        return Named.names(CollectiveOp.class);
    }
}
