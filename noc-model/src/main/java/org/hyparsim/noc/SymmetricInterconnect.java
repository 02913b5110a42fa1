package org.hyparsim.noc;

import org.hyparsim.core.kind.LinkModel;
import org.hyparsim.core.kind.TopologyKind;
import java.util.ArrayList;
import java.util.List;
import org.hyparsim.core.engine.SimEngine;
import org.hyparsim.core.step.Interconnect;
import org.hyparsim.core.step.RepresentativeBuilder;
import org.hyparsim.core.step.SymmetricStep;

/**
 * Flow-level links for a replay of one representative accelerator per orbit of a symmetric array
 * (see {@link RepresentativeBuilder} and
 * {@link SymmetricStep}): only representatives send, and each of their
 * flows stands for its orbit, one flow per element of the group, all at the same rate by symmetry
 * (max-min rates are unique, so symmetric). A link's class (its orbit) is served by its least
 * link, and a flow's route crosses class representatives: a link whose stabiliser has s elements
 * carries s flows of the orbit for every hop of the representative flow in its class, so the
 * representative link gets 1/s of the bandwidth. Link usage is derived back: every link of a
 * class carries s times its representative's bytes.
 *
 * <p>Calendar links ({@link CalendarInterconnect}) use the same quotient at the links' own
 * bandwidths, each class representative standing for its stabiliser's s copies of every message
 * that crosses it: copies reach the link at one instant and take turns, as in the whole replay of
 * {@code calendar-turns}; first come, first served calendars only where every s is 1 ({@link #exact}),
 * and packets in chunks (first come, first served) likewise; packets in chunks under round robin not at all
 * ({@link #replays}).
 */
public final class SymmetricInterconnect implements Interconnect {
    private final Link[] links;
    private final int[] classOf;
    private final int[] stabiliser;
    private final RoutedInterconnect flows;

    /** Flow-level links on the quotient. */
    public SymmetricInterconnect(Topology topology, Symmetry symmetry) {
        this(topology, symmetry, LinkModel.FLOW, 0, Arbitration.DEFAULT);
    }

    /**
     * Links of {@code model} on the quotient: flows, calendars or packets in chunks (packets are
     * replayed whole).
     *
     * @param packetBytes the packets of calendar links and the least chunk of packets in chunks (unused by flows)
     * @param arbitration how the links of packets in chunks choose among their input ports
     */
    public SymmetricInterconnect(Topology topology, Symmetry symmetry, LinkModel model, double packetBytes,
            Arbitration arbitration) {
        if (!replays(model, arbitration)) {
            throw new IllegalArgumentException(model.label() + " links under " + arbitration.label()
                    + " arbitration are replayed whole, not by symmetry");
        }
        this.links = topology.links().toArray(new Link[0]);
        this.classOf = symmetry.linkClasses();
        int n = symmetry.order();
        int[] orbit = new int[links.length];
        for (int c : classOf) {
            orbit[c]++;
        }
        stabiliser = new int[links.length];
        List<Link> quotient = new ArrayList<>(links.length);
        for (Link l : links) {
            int c = classOf[l.id()];
            if (n % orbit[c] != 0) {
                throw new IllegalArgumentException("link " + l.name() + ": an orbit of " + orbit[c]
                        + " links under a group of " + n + " elements: not a group's orbit");
            }
            stabiliser[l.id()] = n / orbit[c];
            quotient.add(c == l.id() && model == LinkModel.FLOW ? new Link(l.id(), l.name(), l.bandwidthBytesPerSecond() / stabiliser[l.id()],
                    l.latencyPs()) : l);
        }
        Quotient q = new Quotient(topology, List.copyOf(quotient), classOf);
        if (!model.replaysExactlyUnderAnyGroup() && !exact(symmetry)) {
            throw new IllegalArgumentException(model.label() + " links, first come, first served, stagger copies of a"
                    + " message: a link of the quotient may stand for one copy only");
        }
        this.flows = model.calendars() ? new CalendarInterconnect(q, packetBytes, model == LinkModel.CALENDAR_TURNS, stabiliser)
                : model == LinkModel.PACKET_CHUNKS ? new PacketInterconnect(q, packetBytes, arbitration, true)
                : new FlowInterconnect(q);
    }

    /**
     * Whether links of {@code model} that choose among their input ports by {@code arbitration} may be replayed by
     * symmetry ({@link LinkModel#replaysBySymmetry}): packets in chunks only first come, first served. Round robin
     * keeps a port per link that feeds a link, and the links of one orbit are one on the quotient, so ports the whole
     * replay keeps apart merge (Lenet-c mp over the 128 H tree, hierarchical: 4.4% off the whole replay).
     */
    public static boolean replays(LinkModel model, Arbitration arbitration) {
        return model.replaysBySymmetry() && (model != LinkModel.PACKET_CHUNKS || arbitration == Arbitration.FIFO);
    }

    /**
     * Whether no link carries two copies of a representative's message under the symmetry (every
     * link's orbit is as large as the group): then calendar links replayed on the quotient give the
     * whole replay's figures.
     */
    public static boolean exact(Symmetry symmetry) {
        int[] classOf = symmetry.linkClasses();
        int[] orbit = new int[classOf.length];
        for (int c : classOf) {
            orbit[c]++;
        }
        for (int c : classOf) {
            if (orbit[c] != symmetry.order()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void attach(SimEngine engine) {
        flows.attach(engine);
    }

    @Override
    public void expectStep(double computeSeconds, int iterations) {
        flows.expectStep(computeSeconds, iterations);
    }

    @Override
    public void expectTransfer(int src, int dst, double bytes) {
        flows.expectTransfer(src, dst, bytes);
    }

    @Override
    public void send(int src, int dst, double bytes, Runnable onDelivered) {
        flows.send(src, dst, bytes, onDelivered);
    }

    @Override
    public int hops(int src, int dst) {
        return flows.hops(src, dst);
    }

    @Override
    public List<LinkUsage> linkUsage() {
        List<LinkUsage> q = flows.linkUsage();
        List<LinkUsage> out = new ArrayList<>(links.length);
        for (Link l : links) {
            LinkUsage rep = q.get(classOf[l.id()]);
            int s = stabiliser[l.id()];
            double bytes = rep.bytes() * s;
            out.add(new LinkUsage(l.name(), l.bandwidthBytesPerSecond(), bytes,
                    Math.round(bytes * 1e12 / l.bandwidthBytesPerSecond()), rep.packets() * s));
        }
        return out;
    }

    /** The topology as the representative's flows see it: routes over class representatives. */
    private static final class Quotient implements Topology {
        private final Topology full;
        private final List<Link> links;
        private final int[] classOf;

        Quotient(Topology full, List<Link> links, int[] classOf) {
            this.full = full;
            this.links = links;
            this.classOf = classOf;
        }

        @Override
        public TopologyKind kind() {
            return full.kind();
        }

        @Override
        public int accelerators() {
            return full.accelerators();
        }

        @Override
        public List<Link> links() {
            return links;
        }

        @Override
        public int[] route(int src, int dst) {
            return routes(src, dst)[0];
        }

        @Override
        public int[][] routes(int src, int dst) {
            int[][] rs = full.routes(src, dst);
            int[][] out = new int[rs.length][];
            for (int i = 0; i < rs.length; i++) {
                out[i] = new int[rs[i].length];
                for (int j = 0; j < rs[i].length; j++) {
                    out[i][j] = classOf[rs[i][j]];
                }
            }
            return out;
        }

        @Override
        public int[] dimensionBits() {
            return full.dimensionBits();
        }
    }
}
