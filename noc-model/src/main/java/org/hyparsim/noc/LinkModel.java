package org.hyparsim.noc;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.hyparsim.core.step.Interconnect;

/** How links carry messages. */
public enum LinkModel implements org.hyparsim.core.Named {
    /** Every packet on every link, one at a time per link (FIFO): contention is real. */
    PACKET,
    /** A message is one flow; flows sharing links share them max-min fairly. */
    FLOW;

    /** The name in scenarios and results. */
    @Override
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static java.util.Optional<LinkModel> fromName(String name) {
        return org.hyparsim.core.Named.fromName(LinkModel.class, name);
    }

    public static java.util.List<String> names() {
        return org.hyparsim.core.Named.names(LinkModel.class);
    }

    /** An interconnect of this model over the topology. */
    public Interconnect create(Topology topology, LinkProfile links) {
        return switch (this) {
            case PACKET -> new PacketInterconnect(topology, links.packetBytes());
            case FLOW -> new FlowInterconnect(topology);
        };
    }
}
