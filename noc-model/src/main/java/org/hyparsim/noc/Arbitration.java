package org.hyparsim.noc;

import java.util.List;
import java.util.Optional;
import org.hyparsim.core.Named;

/**
 * How a link of the packet model chooses the next packet among those waiting at its input ports
 * (a port per link that feeds it, and one for its node's own messages).
 */
public enum Arbitration implements Named {
    /** First come first served: packets cross in the order their heads reached the link. */
    FIFO("fifo"),
    /**
     * Round robin among the input ports: when the link frees, it serves the head packet of the next
     * port, after the one it served last, that has a packet waiting (ports in the order they first
     * sent to the link); each port's own packets in their order of arrival.
     */
    ROUND_ROBIN("round-robin");

    /** Where a profile or scenario names none: first come first served. */
    public static final Arbitration DEFAULT = FIFO;

    private final String label;

    Arbitration(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    public static Optional<Arbitration> fromName(String name) {
        return Named.fromName(Arbitration.class, name);
    }

    public static List<String> names() {
        return Named.names(Arbitration.class);
    }
}
