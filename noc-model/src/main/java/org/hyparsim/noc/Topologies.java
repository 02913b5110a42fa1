package org.hyparsim.noc;

import java.util.ArrayList;
import java.util.List;
import org.hyparsim.core.kind.LinkModel;
import org.hyparsim.core.kind.TopologyKind;
import org.hyparsim.core.step.Interconnect;

/** The topologies and link models of the closed sets that name them. */
public final class Topologies {
    private Topologies() {
    }

    /** The topology of this kind joining {@code accelerators} with the given links. */
    public static Topology create(TopologyKind kind, int accelerators, LinkProfile links) {
        return switch (kind) {
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

    /** An interconnect of this link model over the topology. */
    public static Interconnect interconnect(LinkModel model, Topology topology, LinkProfile links) {
        return switch (model) {
            case PACKET -> new PacketInterconnect(topology, links.packetBytes(), links.arbitration());
            case FLOW -> new FlowInterconnect(topology);
            case PACKET_CHUNKS -> new PacketInterconnect(topology, links.packetBytes(), links.arbitration(), true);
            case CALENDAR -> new CalendarInterconnect(topology, links.packetBytes(), false);
            case CALENDAR_TURNS -> new CalendarInterconnect(topology, links.packetBytes(), true);
        };
    }
}
