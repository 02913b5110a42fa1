package org.hyparsim.noc;

import java.util.ArrayList;
import java.util.List;

/**
 * Per-link bandwidth factors for one replay, drawn once the replay's symmetry is known: a replay
 * that stands one accelerator for its orbit needs every link of a link orbit scaled alike, so
 * that the scaled array keeps the symmetry the replay relies on and equals the whole replay of
 * the same scaled links.
 */
@FunctionalInterface
public interface LinkScaling {
    /** No scaling: every link at its bandwidth. */
    LinkScaling NONE = (topology, orbits) -> null;

    /**
     * Each link's bandwidth factor by link id, equal on every orbit of {@code orbits}' links (null:
     * the replay is whole, each link its own), or null for none.
     */
    double[] factors(Topology topology, Symmetry orbits);

    /** These factors, whatever the replay's symmetry (the caller keeps them equal on its orbits). */
    static LinkScaling fixed(double[] factors) {
        double[] f = factors.clone();
        return (topology, orbits) -> f;
    }

    /** The topology with each link's bandwidth times its factor; the topology itself where there are none. */
    static Topology apply(LinkScaling scaling, Topology topology, Symmetry orbits) {
        double[] f = scaling.factors(topology, orbits);
        if (f == null) {
            return topology;
        }
        List<Link> links = topology.links();
        if (f.length != links.size()) {
            throw new IllegalArgumentException(f.length + " factors for " + links.size() + " links");
        }
        List<Link> scaled = new ArrayList<>(links.size());
        for (Link l : links) {
            scaled.add(new Link(l.id(), l.name(), l.bandwidthBytesPerSecond() * f[l.id()], l.latencyPs()));
        }
        return new ScaledTopology(topology, List.copyOf(scaled));
    }
}
