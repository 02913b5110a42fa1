package org.hyparsim.noc;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.hyparsim.core.Named;

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

    /** This topology joining {@code accelerators} with the given links. */
    public Topology create(int accelerators, LinkProfile links) {
        return switch (this) {
            case HTREE -> {
                List<LinkParams> levels = new ArrayList<>();
                for (int h = 1; h <= Integer.numberOfTrailingZeros(accelerators); h++) {
                    levels.add(links.htreeLevel(h));
                }
                yield new HTreeTopology(accelerators, levels);
            }
            case TORUS -> GridTopology.torus(accelerators, links.link());
            case MESH -> GridTopology.mesh(accelerators, links.link());
            case RING -> GridTopology.ring(accelerators, links.link());
            case SWITCH -> new SwitchTopology(accelerators, links.link());
            case BUS -> new BusTopology(accelerators, links.bus());
        };
    }
}
