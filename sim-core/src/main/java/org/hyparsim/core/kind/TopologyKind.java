package org.hyparsim.core.kind;

import java.util.List;
import org.hyparsim.core.Named;
import java.util.Locale;
import java.util.Optional;

/** The topologies that join an array. */
public enum TopologyKind implements Named {
    /** The paper's H tree: a binary tree with the accelerators at its leaves. */
    HTREE,
    /** A 2D torus. */
    TORUS,
    /** A 2D mesh. */
    MESH,
    /** A bidirectional ring. */
    RING,
    /** One switch with a port per accelerator. */
    SWITCH,
    /** One shared channel carrying all traffic. */
    BUS;

    /** The name in scenarios and results. */
    @Override
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<TopologyKind> fromName(String name) {
        return Named.fromName(TopologyKind.class, name);
    }

    public static List<String> names() {
        return Named.names(TopologyKind.class);
    }
}
