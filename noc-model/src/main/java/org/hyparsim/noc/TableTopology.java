package org.hyparsim.noc;

import java.util.List;

/** What the point-to-point topologies share: a name, the accelerator count and a table of links. */
abstract class TableTopology implements Topology {
    protected final LinkTable table = new LinkTable();
    private final String name;
    private final int accelerators;

    TableTopology(String name, int accelerators) {
        this.name = name;
        this.accelerators = accelerators;
    }

    @Override
    public String name() {
        return name;
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
