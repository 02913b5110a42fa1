package org.hyparsim.core.kind;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.hyparsim.core.Named;

/** How a collective is expanded into transfers (../shared/reference/collectives.md has the bounds). */
public enum CollectiveAlgorithm implements Named {
    /**
     * The paper's pairing made causal: a reduce-scatter from the lowest level (a <-> a+1, S/2
     * each way) up to the highest, then an all-gather back down; per level exactly the paper's amount.
     */
    HIERARCHICAL,
    /** One-directional ring (a ring per dimension of a torus, as ASTRA-sim's [Ring, Ring]). */
    RING,
    /** Two half-size rings in opposite directions. */
    RING_BIDIR,
    /** Recursive halving reduce-scatter (partners in the topology's order, nearest first), then recursive doubling all-gather. */
    HALVING_DOUBLING,
    /** Every member sends every other its shard directly: a reduce-scatter round, then an all-gather round. */
    DIRECT,
    /** Per collective, the algorithm with the least estimated time on the scenario's topology. */
    AUTO;

    @Override
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<CollectiveAlgorithm> fromName(String name) {
        return Named.fromName(CollectiveAlgorithm.class, name);
    }

    public static List<String> names() {
        return Named.names(CollectiveAlgorithm.class);
    }
}
