package org.hyparsim.noc;

import java.util.ArrayList;
import java.util.List;
import org.hyparsim.core.engine.SimEngine;
import org.hyparsim.core.step.Interconnect;

/**
 * Packet-level interconnect: a message is cut into packets of at most {@code packetBytes}; each
 * link serves one packet at a time, first come first served, so concurrent messages contend.
 * Packets cut through: a packet may start on the next link once its head has crossed the
 * previous one (its latency), but never finishes there before its tail has arrived. A
 * message offers its packets to its first link one at a time, so messages that share a link
 * interleave packet by packet.
 *
 * <p>On an idle path of equal bandwidths a message takes exactly the sum of the link latencies
 * plus its size over the bandwidth (rounded once to the picosecond): packet times are
 * differences of the message's cumulative rounded times.
 */
public final class PacketInterconnect extends RoutedInterconnect {
    private final double packetBytes;

    private SimEngine engine;
    private long[] busyUntil;
    private double[] linkBytes;
    private long[] linkBusy;
    private long[] linkPackets;

    public PacketInterconnect(Topology topology, double packetBytes) {
        super(topology);
        if (!(packetBytes > 0) || Double.isInfinite(packetBytes)) {
            throw new IllegalArgumentException("packet size must be positive");
        }
        this.packetBytes = packetBytes;
    }

    @Override
    public void attach(SimEngine engine) {
        this.engine = engine;
        busyUntil = new long[links.length];
        linkBytes = new double[links.length];
        linkBusy = new long[links.length];
        linkPackets = new long[links.length];
    }

    @Override
    public void send(int src, int dst, double bytes, Runnable onDelivered) {
        if (engine == null) {
            throw new IllegalStateException("attach the interconnect to an engine first");
        }
        int[][] rs = routes(src, dst);
        Runnable done = whenAll(rs.length, onDelivered);
        double share = bytes / rs.length;
        for (int[] r : rs) {
            inject(new Message(r, share, (int) Math.ceil(share / packetBytes), done));
        }
    }

    /**
     * Offers the message's next packet to its first link now; the packet after it is offered
     * when this one has left that link. Packets of messages sharing a first link so interleave
     * (round robin), and only the packets in flight are pending events.
     */
    private void inject(Message m) {
        int packet = m.nextPacket++;
        arrive(m, packet, 0, engine.now());
        if (m.nextPacket < m.packets) {
            engine.scheduleAt(busyUntil[m.route[0]], () -> inject(m));
        }
    }

    /** A packet's head reaches link {@code hop} of its route at time {@code t} (now). */
    private void arrive(Message m, int packet, int hop, long t) {
        int link = m.route[hop];
        long dur = duration(m, packet, link);
        long start = Math.max(t, busyUntil[link]);
        busyUntil[link] = start + dur;
        linkBusy[link] += dur;
        linkBytes[link] += m.size(packet, packetBytes);
        linkPackets[link]++;
        long lat = links[link].latencyPs();
        if (hop == m.route.length - 1) {
            if (packet == m.packets - 1) {
                engine.scheduleAt(start + dur + lat, m.onDelivered);
            }
            return;
        }
        long next = start + lat + Math.max(0, dur - duration(m, packet, m.route[hop + 1]));
        engine.scheduleAt(next, () -> arrive(m, packet, hop + 1, next));
    }

    /** Packet time on a link: the difference of the message's cumulative rounded times. */
    private long duration(Message m, int packet, int link) {
        double bw = links[link].bandwidthBytesPerSecond();
        double before = Math.min(m.bytes, packet * packetBytes);
        double after = Math.min(m.bytes, (packet + 1) * packetBytes);
        return Math.round(after * 1e12 / bw) - Math.round(before * 1e12 / bw);
    }

    @Override
    public List<LinkUsage> linkUsage() {
        List<LinkUsage> out = new ArrayList<>(links.length);
        for (Link l : links) {
            int i = l.id();
            out.add(new LinkUsage(l.name(), l.bandwidthBytesPerSecond(), linkBytes == null ? 0 : linkBytes[i],
                    linkBusy == null ? 0 : linkBusy[i], linkPackets == null ? 0 : linkPackets[i]));
        }
        return out;
    }

    private static final class Message {
        final int[] route;
        final double bytes;
        final int packets;
        final Runnable onDelivered;
        int nextPacket;

        Message(int[] route, double bytes, int packets, Runnable onDelivered) {
            this.route = route;
            this.bytes = bytes;
            this.packets = Math.max(1, packets);
            this.onDelivered = onDelivered;
        }

        double size(int packet, double packetBytes) {
            return Math.min(bytes, (packet + 1) * packetBytes) - packet * packetBytes;
        }
    }
}
