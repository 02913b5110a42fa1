package org.hyparsim.noc;

import org.hyparsim.core.kind.TopologyKind;
import java.util.List;

/** One channel shared by all traffic: every message crosses the same link, one packet at a time. */
public final class BusTopology implements Topology {
    private final int accelerators;
    private final List<Link> links;

    public BusTopology(int accelerators, LinkParams params) {
        this.accelerators = accelerators;
        this.links = List.of(new Link(0, TopologyKind.BUS.label(), params.bandwidthBytesPerSecond(), params.latencyPs()));
    }

    @Override
    public TopologyKind kind() {
        return TopologyKind.BUS;
    }

    @Override
    public int accelerators() {
        return accelerators;
    }

    @Override
    public List<Link> links() {
        return links;
    }

    @Override
    public int[] route(int src, int dst) {
        return new int[] {0};
    }
}
