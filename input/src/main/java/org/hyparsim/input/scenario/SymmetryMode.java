package org.hyparsim.input.scenario;

import java.util.List;
import java.util.Optional;
import org.hyparsim.core.Named;
import java.util.Locale;

/**
 * Whether a replay may simulate one representative accelerator per orbit of a symmetric array
 * (scenario key {@code symmetry}). {@code auto} does so where it is exact: flow-level links, a
 * uniform array, and a task graph mapped onto itself (checked task by task) by the topology's
 * regular symmetry (ring, torus, switch, H tree: one representative) or else by a group of its
 * XOR automorphisms (those and the mesh: one per orbit); anything else runs in full. Packet-level
 * links always run in full: packets that reach a link at the same instant are served in the
 * order they were scheduled, which no symmetry preserves.
 */
public enum SymmetryMode implements Named {
    AUTO,
    OFF;

    /** Where a scenario names none: symmetry where it is exact. */
    public static final SymmetryMode DEFAULT = AUTO;

    @Override
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<SymmetryMode> fromName(String name) {
        return Named.fromName(SymmetryMode.class, name);
    }

    public static List<String> names() {
        return Named.names(SymmetryMode.class);
    }
}
