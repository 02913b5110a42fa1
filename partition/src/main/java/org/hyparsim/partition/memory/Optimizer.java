package org.hyparsim.partition.memory;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.hyparsim.core.Named;

/**
 * The optimizer whose state each accelerator keeps per parameter of its weight shard: none for
 * plain SGD, one value (the velocity) for momentum, two (the first and second moments) for Adam.
 * The state is fp32 under both precisions ({@link Precision}).
 */
public enum Optimizer implements Named {
    /** Plain SGD: no state. */
    SGD(0),
    /** SGD with momentum: one fp32 value per parameter. */
    MOMENTUM(1),
    /** Adam: two fp32 values per parameter (Kingma and Ba, ICLR 2015). */
    ADAM(2);

    private final int stateValues;

    Optimizer(int stateValues) {
        this.stateValues = stateValues;
    }

    /** fp32 values of optimizer state per parameter. */
    public int stateValues() {
        return stateValues;
    }

    @Override
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Optimizer> fromName(String name) {
        return Named.fromName(Optimizer.class, name);
    }

    public static List<String> names() {
        return Named.names(Optimizer.class);
    }
}
