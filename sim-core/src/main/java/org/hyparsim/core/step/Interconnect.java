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

    /**
     * What the replay will ask of the network, told after {@link #attach} and before any send: the
     * longest an accelerator computes in all, the training steps replayed, and then each transfer of
     * the step ({@link #expectTransfer}). Links that cut messages to the step's time scale use it
     * ({@link org.hyparsim.core.kind.LinkModel#CALENDAR}); the others ignore it.
     */
    default void expectStep(double computeSeconds, int iterations) {
    }

    /** One transfer the replay will send (after {@link #expectStep}); ignored by default. */
    default void expectTransfer(int src, int dst, double bytes) {
    }

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
