package org.hyparsim.noc;

import java.util.List;

/** What the point-to-point topologies share: a kind, the accelerator count and a table of links. */
abstract class TableTopology implements Topology {
    protected final LinkTable table = new LinkTable();
    private final TopologyKind kind;
    private final int accelerators;

    TableTopology(TopologyKind kind, int accelerators) {
        this.kind = kind;
        this.accelerators = accelerators;
    }

    @Override
    public TopologyKind kind() {
        return kind;
    }

    @Override
    public int accelerators() {
        return accelerators;
    }

    @Override
    public List<Link> links() {
        return table.links();
    }
}
