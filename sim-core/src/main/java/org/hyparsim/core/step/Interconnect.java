package org.hyparsim.core.step;

import java.util.List;
import org.hyparsim.core.engine.SimEngine;

/**
 * The network joining the accelerators, for one replay: messages in, deliveries out, and the
 * link statistics afterwards. Implemented by the interconnect model.
 */
public interface Interconnect {
    /** Creates the network's state on an engine; called once per replay before any send. */
    void attach(SimEngine engine);

    /** Sends bytes from one accelerator to another, now; onDelivered runs when the last byte arrives. */
    void send(int src, int dst, double bytes, Runnable onDelivered);

    /** Links a message from src to dst crosses. */
    int hops(int src, int dst);

    /** Per link: what it carried and how long it was busy. */
    List<LinkUsage> linkUsage();

    /** One link's record. */
    record LinkUsage(String name, double bandwidthBytesPerSecond, double bytes, long busyPs, long packets) {
    }
}
