package org.hyparsim.noc;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.hyparsim.core.step.Interconnect;

/** How links carry messages. */
public enum LinkModel {
    /** Every packet on every link, one at a time per link (FIFO): contention is real. */
    PACKET,
    /** A message is one flow; flows sharing links share them max-min fairly. */
    FLOW;

    /** The name in scenarios and results. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<LinkModel> fromName(String name) {
        return Arrays.stream(values()).filter(k -> k.label().equals(name)).findFirst();
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(LinkModel::label).toList();
    }

    /** An interconnect of this model over the topology. */
    public Interconnect create(Topology topology, LinkProfile links) {
        return switch (this) {
            case PACKET -> new PacketInterconnect(topology, links.packetBytes());
            case FLOW -> new FlowInterconnect(topology);
        };
    }
}
