package org.hyparsim.noc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.hyparsim.core.engine.SimEngine;
import org.hyparsim.core.kind.LinkModel;

/**
 * Calendar interconnect: every link keeps a calendar of the intervals it is reserved for. The
 * messages sent in one instant (each message's share on each of its equal-cost routes) reserve,
 * once every other action of that instant has run, hop by hop in the order they reach the links,
 * the idle time of each link from the moment they may use it, filling its gaps in order (a message
 * may be cut around reservations made before, as its packets would use an idle link between
 * others'); a message is delivered when its tail has crossed its last link plus that link's
 * latency. Nothing already reserved is moved again.
 *
 * <p>Where the replay says beforehand what the step asks of the links ({@link #expectStep},
 * {@link #expectTransfer}), first come, first served calendars send each message's share on a
 * route in chunks (each holds its first link for 1/{@link LinkModel#CHUNKS_PER_STEP} of a
 * lower bound on the step's time ({@link StepScale}), or for a packet where that is longer; a share's
 * last chunk is what is left), each chunk once the one before has left the first link: messages that meet on a
 * link then take turns by chunks on every link of their routes, as their packets would, where whole
 * messages would queue a small one behind a large one reserved before it. One engine event per chunk
 * after a share's first and one per message delivered.
 *
 * <p>Per hop the timing is the packet model's ({@link PacketInterconnect}) with the message as one
 * packet: its head reaches link k+1 a latency after it started on link k, its tail a latency after
 * it was through there, and it is placed on link k+1 no earlier than its head arrives and late
 * enough that it is not through before its tail has arrived; a link's duration for the message is
 * its bytes over that link's own bandwidth, rounded once to the picosecond. So on an idle path a
 * message takes the sum of the latencies plus its size over the slowest link, as at packet level.
 *
 * <p>Messages whose heads reach one link at one instant are served one after the other, first come
 * first served as packet level's links are, ties in a fixed order ({@link #ordered}). A replay by
 * symmetry gives the whole replay's figures where no link carries two copies of a message (every
 * link's stabiliser trivial); where one does, the copies would be staggered one after the other.
 * With {@code turns} (the {@code calendar-turns} link model), messages of one rank that reach a link
 * at one instant take turns by packets and are through together ({@link #through}): copies of a
 * message stay alike, and a replay by symmetry gives the whole replay's figures under any group.
 */
public final class CalendarInterconnect extends RoutedInterconnect {
    private final int[] copies;
    private final boolean turns;
    private final double packetBytes;
    private SimEngine engine;
    private LinkCalendars calendars;
    /** The pieces of the reservation being made (one at a time). */
    private final LinkCalendars.Pieces pieces = new LinkCalendars.Pieces();
    /**
     * Per link its bandwidth in bytes/s at [2 link] and its latency in ps at [2 link + 1] (whole ps,
     * exact as a double): read on every hop, so side by side and apart from the links' records.
     */
    private double[] hopParams;
    private LinkTally tally;
    private List<Part> batch;
    private long sequence;
    /** The step's time scale, which sets the chunks ({@link #expectStep}, {@link #expectTransfer}). */
    private StepScale scale;

    /**
     * @param packetBytes the packets messages of one rank take turns in, with {@code turns}
     * @param turns whether messages of one rank reaching a link at one instant take turns (else one after the other)
     */
    public CalendarInterconnect(Topology topology, double packetBytes, boolean turns) {
        this(topology, packetBytes, turns, null);
    }

    /**
     * Links of which each stands for {@code copies[link]} links of a symmetric array whose copies of a
     * message all cross it (null: one each); more than one only where the copies take turns (the quotient
     * checks it: {@link SymmetricInterconnect}).
     */
    CalendarInterconnect(Topology topology, double packetBytes, boolean turns, int[] copies) {
        super(topology);
        this.packetBytes = packetBytes(packetBytes);
        this.turns = turns;
        this.copies = copies;
    }

    @Override
    public void attach(SimEngine engine) {
        this.engine = engine;
        calendars = new LinkCalendars(links.length);
        hopParams = new double[2 * links.length];
        for (int i = 0; i < links.length; i++) {
            hopParams[2 * i] = links[i].bandwidthBytesPerSecond();
            hopParams[2 * i + 1] = links[i].latencyPs();
        }
        tally = new LinkTally(links.length);
        batch = new ArrayList<>();
        scale = new StepScale(links);
    }

    @Override
    public void expectStep(double seconds, int steps) {
        requireAttached(engine);
        scale.step(seconds, steps);
    }

    @Override
    public void expectTransfer(int src, int dst, double bytes) {
        requireAttached(engine);
        if (!turns) {
            scale.transfer(routes(src, dst), bytes);
        }
    }

    @Override
    public void send(int src, int dst, double bytes, Runnable onDelivered) {
        requireAttached(engine);
        int[][] rs = routes(src, dst);
        Message m = new Message(rs.length, engine.now(), onDelivered);
        double share = bytes / rs.length;
        for (int[] r : rs) {
            // with turns, messages whole (copies of one rank take turns by packets instead)
            double most = turns ? share : scale.chunkBytes(r[0], packetBytes, share);
            if (share <= most) {
                queue(new Part(r, 0, share, m, engine.now(), sequence++, null)); // whole: no stream to keep
            } else {
                new Stream(r, share, most, m).next();
            }
        }
    }

    /** Adds a part to this instant's batch, reserved once every other action of the instant has run. */
    private void queue(Part p) {
        if (batch.isEmpty()) {
            engine.scheduleLate(engine.now(), this::reserveBatch);
        }
        batch.add(p);
    }

    /**
     * A message's share on one route, sent in chunks of at most {@code most} bytes: each chunk once the
     * one before has left the route's first link, so that messages sharing links take turns by chunks
     * on every link of their routes, as their packets would.
     */
    private final class Stream {
        private final int[] route;
        private final double bytes;
        private final double most;
        private final Message message;
        /**
         * Every chunk's place in a tie (at a link, and in the queue of parts): the order the shares were
         * sent in, as whole messages', not the order of the engine's events that send later chunks (which
         * follows the links' numbering where chunks leave their first links at one instant).
         */
        private final long id = sequence++;
        private double sent;

        Stream(int[] route, double bytes, double most, Message message) {
            this.route = route;
            this.bytes = bytes;
            this.most = most;
            this.message = message;
        }

        /** Sends the next chunk now: the rest, where no more than a chunk is left. */
        void next() {
            double rest = bytes - sent;
            boolean last = rest <= most;
            double size = last ? rest : most;
            if (!last) {
                message.left++;
            }
            queue(new Part(route, sent, size, message, engine.now(), id, last ? null : this));
            sent += size;
        }
    }

    /**
     * Reserves this instant's messages hop by hop in the order they reach the links, ties together.
     * A message that starts on an idle link without latency reaches its next link at the instant it
     * reached this one, known only once this one is reserved: it comes in that instant's next wave,
     * after the wave it came from, so that every group is whole when it is reserved and does not
     * depend on the links' numbering (with latency every message of an instant is in its first wave).
     */
    private void reserveBatch() {
        long now = engine.now();
        PartQueue reaching = new PartQueue(batch.size());
        for (Part p : batch) {
            reaching.add(p);
        }
        batch = new ArrayList<>();
        List<Part> group = new ArrayList<>();
        while (!reaching.isEmpty()) {
            long head = reaching.peekHead();
            int wave = reaching.peekWave();
            int link = reaching.peekLink();
            group.clear();
            group.add(reaching.poll());
            while (!reaching.isEmpty() && reaching.peekHead() == head && reaching.peekWave() == wave
                    && reaching.peekLink() == link) {
                group.add(reaching.poll());
            }
            reserve(group, now);
            for (Part p : group) {
                if (p.hop == 0 && p.more != null) {
                    engine.scheduleAt(p.spanEnd, p.more::next);
                }
                if (p.hop == p.route.length - 1) {
                    p.message.arrived(p.spanEnd + latencyPs(p.link()), engine);
                } else {
                    p.advance(this);
                    p.wave = p.head == head ? wave + 1 : 0;
                    reaching.add(p);
                }
            }
        }
    }

    /**
     * The parts whose heads reach one link at one instant share one reservation of their summed
     * durations, placed at the first gap that holds it from their heads' arrival, but late enough that
     * none is through before its tail has arrived.
     */
    private void reserve(List<Part> group, long now) {
        int link = group.get(0).link();
        int n = copies == null ? 1 : copies[link];
        int size = group.size();
        if (size == 1 && n == 1) {
            // one message alone on the link from this instant (the common case): no order to settle
            Part p = group.get(0);
            long d = duration(p, link);
            tally.add(link, p.bytes, d);
            calendars.fill(link, Math.max(p.head, p.tail - d), d, now, pieces);
            p.reserved(pieces.at[0], pieces.when(d));
            return;
        }
        long[] d = new long[size];
        long total = 0;
        for (int i = 0; i < size; i++) {
            Part p = group.get(i);
            d[i] = duration(p, link);
            total += n * d[i];
            tally.add(link, p.bytes, d[i]);
        }
        long[] begins = new long[size];
        long[] through = ordered(group, d, n, begins);
        long earliest = group.get(0).head;
        for (int i = 0; i < size; i++) {
            earliest = Math.max(earliest, group.get(i).tail - through[i]);
        }
        calendars.fill(link, earliest, total, now, pieces);
        for (int i = 0; i < size; i++) {
            group.get(i).reserved(pieces.when(begins[i]), pieces.when(through[i]));
        }
    }

    /**
     * When each of a group whose heads reach a link at one instant is through, after the start, one
     * after the other: first those that have crossed more links, then those with the shorter route,
     * then the smaller, then the first sent (as packet level serves a tie in the engine's order of
     * events; a chunk as its share: chunks of one share never meet). With {@code turns}, messages of
     * one rank take turns ({@link #through}) and are through together, each standing for its link's
     * {@code n} copies where the link is a quotient's. Each one's start after the group's, where it
     * begins, goes to {@code begins}.
     */
    private long[] ordered(List<Part> group, long[] d, int n, long[] begins) {
        int size = d.length;
        Integer[] order = new Integer[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> RANK_ID.compare(group.get(a), group.get(b)));
        long[] out = new long[size];
        long offset = 0;
        for (int from = 0; from < size;) {
            int to = from + 1;
            while (turns && to < size && RANK.compare(group.get(order[from]), group.get(order[to])) == 0) {
                to++;
            }
            // one rank on one link: as many bytes, as long on it, each
            long each = d[order[from]];
            long t = to - from == 1 && n == 1 ? each : through(group.get(order[from]).bytes, each, (long) (to - from) * n);
            for (int k = from; k < to; k++) {
                begins[order[k]] = offset;
                out[order[k]] = offset + t;
            }
            offset += (long) (to - from) * n * each;
            from = to;
        }
        return out;
    }

    /** The rank of a message among those reaching a link at one instant ({@link #ordered}). */
    private static final Comparator<Part> RANK = ArrivalRank.of(p -> p.hop, p -> p.route.length, p -> p.bytes);
    private static final Comparator<Part> RANK_ID = RANK.thenComparingLong(p -> p.id);

    /**
     * When each of {@code count} messages of {@code bytes} that share a link from one instant, {@code d}
     * ps each on it, is through, after the start: the link serves their packets in turns, one packet of
     * each message that has one left per turn, in an order no message is favoured in, so a message is
     * through after its own packets, every other's packets of the turns before its last, and on average
     * half of the others' packets of that turn: count x packets - (count - 1) / 2 packets' time. A
     * function of the count alone, so that a quotient's message standing for n copies is through when
     * the n copies of the whole replay are (a sum of their packets, taken one by one, may round apart
     * from the product by the picosecond).
     */
    private long through(double bytes, long d, long count) {
        long packets = Math.max(1, (long) Math.ceil(bytes / packetBytes));
        return Math.round((double) d / packets * (count * packets - (count - 1) / 2.0));
    }

    /**
     * A part's time on a link: its bytes over the link's bandwidth, rounded to the picosecond where its
     * message's share ends and where it starts, so that the chunks of a share add up to the share's time.
     */
    private long duration(Part p, int link) {
        double bw = hopParams[2 * link];
        return Math.round((p.before + p.bytes) * 1e12 / bw) - Math.round(p.before * 1e12 / bw);
    }

    private long latencyPs(int link) {
        return (long) hopParams[2 * link + 1];
    }

    @Override
    public List<LinkUsage> linkUsage() {
        return LinkTally.usage(links, tally);
    }

    /** A message: delivered once each of its routes' parts has arrived, at the latest of them. */
    private static final class Message {
        private final Runnable onDelivered;
        private int left;
        private long delivered;

        Message(int parts, long now, Runnable onDelivered) {
            this.left = parts;
            this.delivered = now;
            this.onDelivered = onDelivered;
        }

        void arrived(long at, SimEngine engine) {
            delivered = Math.max(delivered, at);
            if (--left == 0) {
                engine.scheduleAt(delivered, onDelivered);
            }
        }
    }

    /** A message's share on one route, as it is reserved hop by hop; ordered by when its head reaches its next link. */
    private static final class Part {
        final int[] route;
        /** The bytes of its message's share on the route sent before it (chunks before it). */
        final double before;
        final double bytes;
        final Message message;
        /** Its share's place in a tie: the order the shares were sent in (its chunks share it). */
        final long id;
        /** The share's chunks still to send once this one has left the first link; null where it is the last. */
        final Stream more;
        int hop;
        /** The link of {@link #hop} (kept: the queue of parts compares it often). */
        int link;
        /** Which wave of its instant reaches that link: 0, or one more than the one it came from without latency. */
        int wave;
        /** When the head and the tail reach the link of {@link #hop}, ps. */
        long head;
        long tail;
        long spanStart;
        long spanEnd;

        Part(int[] route, double before, double bytes, Message message, long now, long id, Stream more) {
            this.route = route;
            this.before = before;
            this.bytes = bytes;
            this.more = more;
            this.message = message;
            this.head = now;
            this.tail = now;
            this.id = id;
            this.link = route[0];
        }

        int link() {
            return link;
        }

        /** On the link from {@code start}, through at {@code through}. */
        void reserved(long start, long through) {
            spanStart = start;
            spanEnd = through;
        }

        /** On to the next hop: the head reaches it a latency after it started here, the tail a latency after it left. */
        void advance(CalendarInterconnect net) {
            long lat = net.latencyPs(link);
            hop++;
            link = route[hop];
            head = spanStart + lat;
            tail = spanEnd + lat;
        }

    }

    /**
     * The parts of an instant's batch by when their heads reach their next link, then by wave, then
     * by link, then in the order they were sent: a binary heap whose keys sit in arrays beside it, so
     * that sifting reads them from a few cache lines rather than from each part. The link and the wave
     * share one long (wave high, link low).
     */
    private static final class PartQueue {
        private Part[] parts;
        private long[] heads;
        private long[] places;
        private long[] ids;
        private int size;

        PartQueue(int capacity) {
            int n = Math.max(16, capacity);
            parts = new Part[n];
            heads = new long[n];
            places = new long[n];
            ids = new long[n];
        }

        boolean isEmpty() {
            return size == 0;
        }

        long peekHead() {
            return heads[0];
        }

        int peekWave() {
            return (int) (places[0] >>> 32);
        }

        int peekLink() {
            return (int) places[0];
        }

        void add(Part p) {
            if (size == parts.length) {
                int n = 2 * size;
                parts = Arrays.copyOf(parts, n);
                heads = Arrays.copyOf(heads, n);
                places = Arrays.copyOf(places, n);
                ids = Arrays.copyOf(ids, n);
            }
            int i = size++;
            long place = (long) p.wave << 32 | p.link;
            while (i > 0) {
                int up = (i - 1) >>> 1;
                if (!less(p.head, place, p.id, heads[up], places[up], ids[up])) {
                    break;
                }
                put(i, parts[up], heads[up], places[up], ids[up]);
                i = up;
            }
            put(i, p, p.head, place, p.id);
        }

        Part poll() {
            Part out = parts[0];
            int last = --size;
            Part p = parts[last];
            long h = heads[last];
            long l = places[last];
            long id = ids[last];
            parts[last] = null;
            if (last == 0) {
                return out;
            }
            int i = 0;
            while (2 * i + 1 < size) {
                int c = 2 * i + 1;
                if (c + 1 < size && less(heads[c + 1], places[c + 1], ids[c + 1], heads[c], places[c], ids[c])) {
                    c++;
                }
                if (!less(heads[c], places[c], ids[c], h, l, id)) {
                    break;
                }
                put(i, parts[c], heads[c], places[c], ids[c]);
                i = c;
            }
            put(i, p, h, l, id);
            return out;
        }

        private static boolean less(long h1, long l1, long i1, long h2, long l2, long i2) {
            return h1 != h2 ? h1 < h2 : l1 != l2 ? l1 < l2 : i1 < i2;
        }

        private void put(int i, Part p, long head, long place, long id) {
            parts[i] = p;
            heads[i] = head;
            places[i] = place;
            ids[i] = id;
        }
    }
}
