package org.hyparsim.core.kind;

import java.util.Locale;
import java.util.Optional;

/** The topologies that join an array. */
public enum TopologyKind implements org.hyparsim.core.Named {
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

    public static java.util.Optional<TopologyKind> fromName(String name) {
        return org.hyparsim.core.Named.fromName(TopologyKind.class, name);
    }

    public static java.util.List<String> names() {
        return org.hyparsim.core.Named.names(TopologyKind.class);
    }
}
