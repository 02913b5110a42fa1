package org.hyparsim.noc;

import java.util.List;
import org.hyparsim.core.kind.TopologyKind;

/** A topology whose links have other bandwidths ({@link LinkScaling}): the same routes, latencies and symmetries. */
final class ScaledTopology implements Topology {
    private final Topology base;
    private final List<Link> links;

    ScaledTopology(Topology base, List<Link> links) {
        this.base = base;
        this.links = links;
    }

    @Override
    public TopologyKind kind() {
        return base.kind();
    }

    @Override
    public String name() {
        return base.name();
    }

    @Override
    public int accelerators() {
        return base.accelerators();
    }

    @Override
    public List<Link> links() {
        return links;
    }

    @Override
    public int[] route(int src, int dst) {
        return base.route(src, dst);
    }

    @Override
    public int[][] routes(int src, int dst) {
        return base.routes(src, dst);
    }

    /** The base's loads (they count messages, not bandwidth) and latencies (unscaled). */
    @Override
    public long addRoundLoads(int[][] pairs, double[] load) {
        return base.addRoundLoads(pairs, load);
    }

    @Override
    public int[] dimensionBits() {
        return base.dimensionBits();
    }

    @Override
    public Symmetry symmetry() {
        return base.symmetry();
    }

    @Override
    public int[] xorAutomorphisms() {
        return base.xorAutomorphisms();
    }

    @Override
    public Symmetry xorSymmetry(int[] masks) {
        return base.xorSymmetry(masks);
    }
}
