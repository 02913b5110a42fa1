package org.hyparsim.noc;

import java.util.List;

/** How the accelerators are joined: the directed links, and a deterministic route for every pair. */
public interface Topology {
    /** Which topology this is. */
    TopologyKind kind();

    /** The name used in scenarios: htree, torus, mesh, ring, switch, bus. */
    default String name() {
        return kind().label();
    }

    int accelerators();

    List<Link> links();

    /** The links, in order, that a message from src to dst crosses (src != dst). */
    int[] route(int src, int dst);
}
