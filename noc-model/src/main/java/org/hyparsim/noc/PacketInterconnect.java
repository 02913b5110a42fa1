package org.hyparsim.noc;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.hyparsim.core.engine.SimEngine;
import org.hyparsim.core.step.Interconnect;

/**
 * Packet-level interconnect: a message is cut into packets of at most {@code packetBytes}; each
 * link serves one packet at a time, so concurrent messages contend: first come first served, or
 * round robin among the link's input ports ({@link Arbitration}).
 * Packets cut through: a packet may start on the next link once its head has crossed the
 * previous one (its latency), but never finishes there before its tail has arrived. A
 * message offers its packets to its first link one at a time, so messages that share a link
 * interleave packet by packet.
 *
 * <p>On an idle path of equal bandwidths a message takes exactly the sum of the link latencies
 * plus its size over the bandwidth (rounded once to the picosecond): packet times are
 * differences of the message's cumulative rounded times.
 *
 * <p>With chunks (the {@code packet-chunks} link model) a message's packets are sized from the
 * step's time scale ({@link StepScale}); first come, first served links then serve the packets that
 * reach them at one instant in a fixed order ({@link #TIE}), once everything else of the instant
 * has run, and the heads' arrivals wait in a heap of their own ({@link Arrivals}), the engine woken
 * once per instant at which heads arrive. Without chunks (the reference, {@code packet}) every
 * arrival is an engine event and a tie goes in the engine's order of events.
 */
public final class PacketInterconnect extends RoutedInterconnect {
    private final double packetBytes;
    private final Arbitration arbitration;
    /** Whether packets are chunks of the step's time scale ({@link StepScale}), at least {@link #packetBytes}. */
    private final boolean chunks;

    private SimEngine engine;
    private long[] busyUntil;
    private LinkTally tally;
    /** Per link, its input ports' waiting packets (round robin only; made as a link first queues). */
    private Ports[] ports;
    /** The step's time scale, with {@link #chunks}. */
    private StepScale scale;
    /** With chunks, first come, first served: the packets whose heads reach a link this instant ({@link #serveInstant}). */
    private List<Waiting> instant;
    /** The list {@link #instant} was last, kept empty to take its place at the next instant (no list made per instant). */
    private List<Waiting> spare;
    /** With chunks: the packets whose heads will reach a link, by when ({@link #wake}). */
    private Arrivals arrivals;
    private long sent;

    /** First come first served on every link ({@link Arbitration#DEFAULT}). */
    public PacketInterconnect(Topology topology, double packetBytes) {
        this(topology, packetBytes, Arbitration.DEFAULT);
    }

    public PacketInterconnect(Topology topology, double packetBytes, Arbitration arbitration) {
        this(topology, packetBytes, arbitration, false);
    }

    /**
     * @param chunks whether a message's packets are chunks that hold its first link for
     *        1/{@link org.hyparsim.core.kind.LinkModel#CHUNKS_PER_STEP} of the step's lower bound
     *        ({@link StepScale}; the {@code packet-chunks} link model), or {@code packetBytes} where
     *        that is more; whole messages where the replay told nothing
     */
    public PacketInterconnect(Topology topology, double packetBytes, Arbitration arbitration, boolean chunks) {
        super(topology);
        if (arbitration == null) {
            throw new IllegalArgumentException("an arbitration is required");
        }
        this.packetBytes = packetBytes(packetBytes);
        this.arbitration = arbitration;
        this.chunks = chunks;
    }

    @Override
    public void attach(SimEngine engine) {
        this.engine = engine;
        busyUntil = new long[links.length];
        tally = new LinkTally(links.length);
        ports = arbitration == Arbitration.ROUND_ROBIN ? new Ports[links.length] : null;
        scale = chunks ? new StepScale(links) : null;
        instant = new ArrayList<>();
        spare = new ArrayList<>();
        arrivals = chunks ? new Arrivals() : null;
        sent = 0;
    }

    @Override
    public void expectStep(double seconds, int steps) {
        requireAttached(engine);
        if (chunks) {
            scale.step(seconds, steps);
        }
    }

    @Override
    public void expectTransfer(int src, int dst, double bytes) {
        requireAttached(engine);
        if (chunks) {
            scale.transfer(routes(src, dst), bytes);
        }
    }

    @Override
    public void send(int src, int dst, double bytes, Runnable onDelivered) {
        requireAttached(engine);
        int[][] rs = routes(src, dst);
        Runnable done = whenAll(rs.length, onDelivered);
        double share = bytes / rs.length;
        for (int[] r : rs) {
            double size = chunks ? scale.chunkBytes(r[0], packetBytes, share) : packetBytes;
            inject(new Message(r, share, size, sent++, done));
        }
    }

    /**
     * Offers the message's next packet to its first link now; the packet after it is offered
     * when this one has left that link. Packets of messages sharing a first link so interleave
     * (round robin), and only the packets in flight are pending events.
     */
    private void inject(Message m) {
        arrive(m, m.nextPacket++, 0, engine.now());
    }

    /** A packet's head reaches link {@code hop} of its route at time {@code t} (now). */
    private void arrive(Message m, int packet, int hop, long t) {
        int link = m.route[hop];
        if (ports == null && chunks) {
            if (instant.isEmpty()) {
                engine.scheduleLate(t, this::serveInstant);
            }
            instant.add(new Waiting(m, packet, hop));
            return;
        }
        if (ports == null) {
            serve(m, packet, hop, Math.max(t, busyUntil[link]));
            return;
        }
        if (ports[link] == null) {
            ports[link] = new Ports();
        }
        ports[link].add(hop == 0 ? -1 : m.route[hop - 1], new Waiting(m, packet, hop));
        if (busyUntil[link] <= t) {
            arbitrate(link);
        } else {
            arm(link);
        }
    }

    /**
     * The packet crosses link {@code hop} of its route from {@code start}: its head reaches the next
     * link after the latency (cut through), but not so early that it would finish there before its
     * tail has arrived; the last hop's last packet delivers the message.
     */
    private void serve(Message m, int packet, int hop, long start) {
        int link = m.route[hop];
        long dur = duration(m, packet, link);
        busyUntil[link] = start + dur;
        tally.add(link, m.size(packet), dur);
        long lat = links[link].latencyPs();
        if (hop == m.route.length - 1) {
            if (packet == m.packets - 1) {
                engine.scheduleAt(start + dur + lat, m.onDelivered);
            }
        } else {
            long next = start + lat + Math.max(0, dur - duration(m, packet, m.route[hop + 1]));
            if (chunks) {
                expect(next, m, packet, hop + 1);
            } else {
                engine.scheduleAt(next, () -> arrive(m, packet, hop + 1, next));
            }
        }
        if (hop == 0 && m.nextPacket < m.packets) {
            if (chunks) {
                expect(start + dur, m, m.nextPacket++, 0);
            } else {
                engine.scheduleAt(start + dur, () -> inject(m));
            }
        }
    }

    /**
     * Packets in chunks: a packet's head will reach link {@code hop} of its route at {@code t}. Kept in
     * {@link #arrivals}, with one engine event per instant at which heads arrive (not one per packet and
     * hop); each instant's arrivals join the packets sent in it, served once it has run ({@link #serveInstant}).
     */
    private void expect(long t, Message m, int packet, int hop) {
        arrivals.add(t, m, packet, hop);
        wakeBy(t);
    }

    /**
     * Asks the engine for a wake-up at {@code t} where none pending is due by then. The wake-ups pending form a
     * stack, the earliest on top: one is added only when earlier than every other, and they run in time order.
     */
    private void wakeBy(long t) {
        if (arrivals.wakes == 0 || t < arrivals.wakeAt[arrivals.wakes - 1]) {
            arrivals.pushWake(t);
            engine.scheduleAt(t, this::wake);
        }
    }

    /**
     * The earliest wake-up the arrivals asked for ({@link #wakeBy}): the packets due now reach their links, and
     * the next wake-up is asked for where none is due by the next arrival.
     */
    private void wake() {
        long now = engine.now();
        arrivals.popWake();
        while (arrivals.size > 0 && arrivals.firstTime() <= now) {
            arrive(arrivals.firstMessage(), arrivals.firstPacket(), arrivals.firstHop(), now);
            arrivals.poll();
        }
        if (arrivals.size > 0) {
            wakeBy(arrivals.firstTime());
        }
    }

    /**
     * Packets in chunks, first come, first served: the packets whose heads reached links in this instant,
     * served once everything else of the instant has run, in a fixed order ({@link #TIE}) rather than the
     * order of the engine's events, which no symmetry keeps: a replay by symmetry is then the whole one's.
     */
    private void serveInstant() {
        List<Waiting> ws = instant;
        instant = spare;
        if (ws.size() > 1) {
            ws.sort(TIE);
        }
        long now = engine.now();
        for (Waiting w : ws) {
            serve(w.message(), w.packet(), w.hop(), Math.max(now, busyUntil[w.message().route[w.hop()]]));
        }
        ws.clear();
        spare = ws;
    }

    /**
     * Packets whose heads reach a link at one instant, as calendars order such a tie: by {@link ArrivalRank} (those
     * that have crossed more links first, then the shorter route, then the smaller packet), then the message sent
     * first.
     */
    private static final Comparator<Waiting> TIE = ArrivalRank.<Waiting>of(Waiting::hop, w -> w.message().route.length,
            w -> w.message().size(w.packet())).thenComparingLong(w -> w.message().id);

    /** Round robin: the free link serves the next port's head packet, and wakes when it frees if more wait. */
    private void arbitrate(int link) {
        Ports p = ports[link];
        Waiting w = p.next();
        serve(w.message(), w.packet(), w.hop(), engine.now());
        if (p.waiting > 0) {
            arm(link);
        }
    }

    /** Round robin: the link looks at its ports again when it frees (once, however many wait). */
    private void arm(int link) {
        Ports p = ports[link];
        if (!p.armed) {
            p.armed = true;
            engine.scheduleAt(busyUntil[link], () -> wake(link));
        }
    }

    private void wake(int link) {
        Ports p = ports[link];
        p.armed = false;
        if (p.waiting == 0) {
            return;
        }
        if (busyUntil[link] <= engine.now()) {
            arbitrate(link);
        } else {
            arm(link); // a packet that arrived as the link freed took it first
        }
    }

    /** Packet time on a link: the difference of the message's cumulative rounded times. */
    private long duration(Message m, int packet, int link) {
        double bw = links[link].bandwidthBytesPerSecond();
        double before = Math.min(m.bytes, packet * m.packetBytes);
        double after = Math.min(m.bytes, (packet + 1) * m.packetBytes);
        return Math.round(after * 1e12 / bw) - Math.round(before * 1e12 / bw);
    }

    @Override
    public List<LinkUsage> linkUsage() {
        return LinkTally.usage(links, tally);
    }

    /** A packet waiting at a link's input port. */
    private record Waiting(Message message, int packet, int hop) {
    }

    /**
     * A link's input ports (the link each came from, -1 for the node's own messages), in the order
     * they first sent to it, each with its packets waiting in order of arrival.
     */
    private static final class Ports {
        private int[] from = new int[2];
        @SuppressWarnings("unchecked")
        private ArrayDeque<Waiting>[] queues = new ArrayDeque[2];
        private int count;
        private int last = -1;
        int waiting;
        boolean armed;

        void add(int fromLink, Waiting w) {
            int i = 0;
            while (i < count && from[i] != fromLink) {
                i++;
            }
            if (i == count) {
                if (count == from.length) {
                    from = Arrays.copyOf(from, 2 * count);
                    queues = Arrays.copyOf(queues, 2 * count);
                }
                from[count] = fromLink;
                queues[count++] = new ArrayDeque<>();
            }
            queues[i].add(w);
            waiting++;
        }

        /** The head packet of the first port after the one served last that has one waiting. */
        Waiting next() {
            for (int k = 1; k <= count; k++) {
                int i = (last + k) % count;
                if (!queues[i].isEmpty()) {
                    last = i;
                    waiting--;
                    return queues[i].poll();
                }
            }
            throw new IllegalStateException("no packet waiting");
        }
    }

    private static final class Message {
        final int[] route;
        final double bytes;
        /** Its packets' size (the last: what is left). */
        final double packetBytes;
        final int packets;
        final Runnable onDelivered;
        /** The order it was sent in (ties among packets in chunks). */
        final long id;
        int nextPacket;

        Message(int[] route, double bytes, double packetBytes, long id, Runnable onDelivered) {
            this.id = id;
            this.route = route;
            this.bytes = bytes;
            this.packetBytes = packetBytes;
            this.packets = Math.max(1, (int) Math.ceil(bytes / packetBytes));
            this.onDelivered = onDelivered;
        }

        double size(int packet) {
            return Math.min(bytes, (packet + 1) * packetBytes) - packet * packetBytes;
        }
    }

    /**
     * Packets whose heads will reach a link: a binary heap by time whose keys and fields sit in arrays, and
     * the stack of wake-ups asked of the engine (earliest on top). Ties in time come out in any order: the
     * instant's packets are ordered when served ({@link #TIE}).
     */
    private static final class Arrivals {
        private long[] time = new long[64];
        private Message[] message = new Message[64];
        /** The packet (high half) and the hop (low half) of each arrival. */
        private long[] place = new long[64];
        int size;
        long[] wakeAt = new long[16];
        int wakes;

        void add(long t, Message m, int p, int h) {
            if (size == time.length) {
                time = Arrays.copyOf(time, 2 * size);
                message = Arrays.copyOf(message, 2 * size);
                place = Arrays.copyOf(place, 2 * size);
            }
            int i = size++;
            while (i > 0 && time[(i - 1) >>> 1] > t) {
                int up = (i - 1) >>> 1;
                put(i, time[up], message[up], place[up]);
                i = up;
            }
            put(i, t, m, (long) p << 32 | h);
        }

        long firstTime() {
            return time[0];
        }

        Message firstMessage() {
            return message[0];
        }

        int firstPacket() {
            return (int) (place[0] >>> 32);
        }

        int firstHop() {
            return (int) place[0];
        }

        void poll() {
            int last = --size;
            long t = time[last];
            Message m = message[last];
            long pl = place[last];
            message[last] = null;
            if (last == 0) {
                return;
            }
            int i = 0;
            while (2 * i + 1 < size) {
                int c = 2 * i + 1;
                if (c + 1 < size && time[c + 1] < time[c]) {
                    c++;
                }
                if (time[c] >= t) {
                    break;
                }
                put(i, time[c], message[c], place[c]);
                i = c;
            }
            put(i, t, m, pl);
        }

        private void put(int i, long t, Message m, long pl) {
            time[i] = t;
            message[i] = m;
            place[i] = pl;
        }

        void pushWake(long t) {
            if (wakes == wakeAt.length) {
                wakeAt = Arrays.copyOf(wakeAt, 2 * wakes);
            }
            wakeAt[wakes++] = t;
        }

        void popWake() {
            wakes--;
        }
    }
}
