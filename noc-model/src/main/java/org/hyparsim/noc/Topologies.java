package org.hyparsim.noc;

import java.util.ArrayList;
import java.util.List;

/** The topologies by name. */
public final class Topologies {
    public static final List<String> NAMES = List.of("htree", "torus", "mesh", "ring", "switch", "bus");

    private Topologies() {
    }

    /**
     * @param link every point-to-point link (torus, mesh, ring, switch ports, and H-tree levels not given)
     * @param htreeLevels per H-tree level, level 1 first; missing levels use {@code link}
     * @param bus the shared channel of the bus
     * @return null for an unknown name
     */
    public static Topology create(String name, int accelerators, LinkParams link, List<LinkParams> htreeLevels,
            LinkParams bus) {
        return switch (name) {
            case "htree" -> {
                int depth = Integer.numberOfTrailingZeros(accelerators);
                List<LinkParams> levels = new ArrayList<>();
                for (int h = 0; h < depth; h++) {
                    levels.add(h < htreeLevels.size() ? htreeLevels.get(h) : link);
                }
                yield new HTreeTopology(accelerators, levels);
            }
            case "torus" -> GridTopology.torus(accelerators, link);
            case "mesh" -> GridTopology.mesh(accelerators, link);
            case "ring" -> GridTopology.ring(accelerators, link);
            case "switch" -> new SwitchTopology(accelerators, link);
            case "bus" -> new BusTopology(accelerators, bus);
            default -> null;
        };
    }
}
