package org.hyparsim.noc;

import java.util.ArrayList;
import java.util.List;
import org.hyparsim.core.engine.SimEngine;
import org.hyparsim.core.step.Interconnect;

/**
 * Flow-level interconnect: a message is one flow over its route (a share of it over each of
 * several equal-cost routes); flows that share links share their bandwidth max-min fairly
 * (progressive filling). A message is delivered when its last byte has been sent plus its
 * path's latency, so on an idle path it takes latency + size / bandwidth, as at packet level.
 *
 * <p>Flows on one route at once (a ring's chunks pipelined to the next member, several layers'
 * collectives between the same two accelerators) meet the same links, so max-min gives them one
 * rate: they are one <em>bundle</em>, rated as one with its flows counted on each link, and a
 * bundle keeps a clock of the bytes each of its flows has been sent since it opened, so a change
 * of its rate re-projects one completion, its first flow's (a flow ends when the clock reaches
 * what it had at the flow's start plus its bytes, so the flows of a bundle end in the order of
 * those targets).
 *
 * <p>The cost of a start or an end does not grow with unrelated traffic: only the bundles
 * connected to it through shared links (its component) are re-rated, since max-min rates of
 * flows that share no link, directly or through others, are independent; each component is
 * filled on its own. Within a component, a bundle slower than a floor keeps its rate, and only the
 * others connected to a start or an end through links are re-rated, over what the slower leave
 * of each link. The floor is the least of the ended flows' rates and, over each new flow's links,
 * of a lower bound of the level at which the link can saturate with the rates below it kept
 * (bandwidth over flows at the least, raised by counting the flows held below it by other links
 * at their rates): an ended flow's links are no bottleneck below its rate (it would have been
 * frozen there), and no new flow's link saturates below that bound, so progressive filling
 * freezes the same links at the same levels up to the floor with or without them. Starts and ends of one instant are
 * re-rated together, once, after every other action of that instant (one step of a collective
 * starts all its flows at once), and the messages of one instant with the same path latency are
 * delivered by one event. Projected completions are kept in one heap, and one engine event waits
 * for the earliest.
 *
 * <p>State lives in arrays indexed by slot (reused once a flow or a bundle ends), and each link
 * lists its bundles' slots in the order they opened: re-rating walks every bundle of a component
 * across its links, and dense arrays keep that walk in cache.
 */
public final class FlowInterconnect extends RoutedInterconnect {
    /** Relative difference under which two links' shares are one tie (rounding, not bandwidth). */
    static final double TIE = 1e-12;
    /**
     * The filling scans only the links whose share is within this factor of the least (the
     * candidates), until the least among them could be matched by another link; then all again.
     */
    private static final double SPREAD = 2;
    /** Steps of the iteration toward a new flow's links' saturation level ({@link #saturationBound}). */
    private static final int SATURATION_STEPS = 4;
    /** Relative margin below that level, so that rounding never puts the floor above it. */
    private static final double SATURATION_MARGIN = 1e-9;
    private SimEngine engine;
    /** Per link, the slots of its bundles in the order they opened, and how many; and how many flows it carries. */
    private int[][] onLink;
    private int[] onLinkCount;
    private int[] linkFlowCount;
    /** Projected completions of the rated bundles' first flows, earliest first (ties by flow id). */
    private BundleHeap byEnd;
    private long version;
    /** When the completion event in waiting (the one of {@link #version}) runs, ps; -1 when none waits. */
    private long waitingAt;
    private long nextId;
    private double[] linkBytes;
    private long[] linkFlows;
    /** Routes whose flows started or ended this instant, re-rated together once it is over. */
    private List<int[]> seeds;
    private boolean rerateScheduled;
    /** The routes of the flows that started this instant, and the least rate of those that ended in it. */
    private List<int[]> started;
    private double endedFloor = Double.POSITIVE_INFINITY;
    private Flows flows;
    private Bundles bundles;
    /** The open bundle of each route (routes are the route cache's arrays, one per pair and path). */
    private java.util.IdentityHashMap<int[], Integer> bundleOf;
    // scratch for the rate computation
    private double[] residual;
    private int[] unfrozen;
    /** Per link of the component being filled, residual over unfrozen as of its last change (read only while unfrozen > 0). */
    private double[] share;
    private long[] seen;
    private int[] compLinks;
    private int[] activeLinks;
    private int[] tiedLinks;
    private int[] candidateLinks;
    private int[] comp;
    private long mark;

    public FlowInterconnect(Topology topology) {
        super(topology);
    }

    @Override
    public void attach(SimEngine engine) {
        this.engine = engine;
        onLink = new int[links.length][];
        onLinkCount = new int[links.length];
        linkFlowCount = new int[links.length];
        for (int i = 0; i < links.length; i++) {
            onLink[i] = new int[4];
        }
        flows = new Flows();
        bundles = new Bundles();
        bundleOf = new java.util.IdentityHashMap<>();
        byEnd = new BundleHeap(bundles, flows);
        version = 0;
        waitingAt = -1;
        nextId = 0;
        linkBytes = new double[links.length];
        linkFlows = new long[links.length];
        seeds = new ArrayList<>();
        rerateScheduled = false;
        started = new ArrayList<>();
        endedFloor = Double.POSITIVE_INFINITY;
        residual = new double[links.length];
        unfrozen = new int[links.length];
        share = new double[links.length];
        seen = new long[links.length];
        compLinks = new int[links.length];
        activeLinks = new int[links.length];
        tiedLinks = new int[links.length];
        candidateLinks = new int[links.length];
        comp = new int[64];
        mark = 0;
    }

    @Override
    public void send(int src, int dst, double bytes, Runnable onDelivered) {
        if (engine == null) {
            throw new IllegalStateException("attach the interconnect to an engine first");
        }
        int[][] rs = routes(src, dst);
        Runnable done = whenAll(rs.length, onDelivered);
        long now = engine.now();
        for (int[] r : rs) {
            double part = bytes / rs.length;
            long latency = 0;
            for (int l : r) {
                latency += links[l].latencyPs();
                linkBytes[l] += part;
                linkFlows[l]++;
                linkFlowCount[l]++;
            }
            Integer open = bundleOf.get(r);
            int b;
            if (open == null) {
                b = bundles.open(r, now);
                bundleOf.put(r, b);
                for (int l : r) {
                    if (onLinkCount[l] == onLink[l].length) {
                        onLink[l] = java.util.Arrays.copyOf(onLink[l], onLinkCount[l] * 2);
                    }
                    onLink[l][onLinkCount[l]++] = b;
                }
            } else {
                b = open;
                bundles.advance(b, now);
            }
            int f = flows.open(nextId++, bundles.clock[b] + part, latency, done);
            bundles.add(b, f, flows);
            if (bundles.heapIndex[b] >= 0 && bundles.members[b][0] == f) {
                // a short flow came first: the bundle's projection is its first flow's, at the rate until re-rated
                project(b);
            }
            seeds.add(r);
            started.add(r);
        }
        rerateLate();
    }

    /** Re-rates this instant's seeds once every other action of the instant has run. */
    private void rerateLate() {
        if (!rerateScheduled) {
            rerateScheduled = true;
            engine.scheduleLate(engine.now(), this::rerate);
        }
    }

    /**
     * Re-rates the bundles connected to this instant's seeds, component by component, and
     * schedules the earliest completion. A bundle whose rate did not change keeps its projection.
     */
    private void rerate() {
        rerateScheduled = false;
        long now = engine.now();
        // bundles rated before, slower than every flow that ended and than a lower bound of the level at which each
        // new one's links can saturate, keep their rates; each link bounded once, however many new flows cross it
        double floor = endedFloor;
        mark++;
        for (int[] r : started) {
            for (int l : r) {
                if (seen[l] != mark) {
                    seen[l] = mark;
                    floor = Math.min(floor, saturationBound(l, floor));
                }
            }
        }
        started.clear();
        endedFloor = Double.POSITIVE_INFINITY;
        mark++;
        Bundles bu = bundles;
        for (int[] r : seeds) {
            for (int seed : r) {
                if (seen[seed] == mark) {
                    continue;
                }
                seen[seed] = mark;
                compLinks[0] = seed;
                int size = 1;
                int count = 0;
                // breadth first over the bundles at or above the floor: compLinks is the queue and the component;
                // each link's residual is its bandwidth less the rates kept below the floor
                for (int head = 0; head < size; head++) {
                    int link = compLinks[head];
                    double left = links[link].bandwidthBytesPerSecond() * 1e-12;
                    int above = 0;
                    int[] on = onLink[link];
                    for (int i = 0, n = onLinkCount[link]; i < n; i++) {
                        int b = on[i];
                        if (bu.rate[b] < floor && bu.rated[b]) {
                            left -= bu.rate[b] * bu.count[b];
                            continue;
                        }
                        above += bu.count[b];
                        if (bu.mark[b] == mark) {
                            continue;
                        }
                        bu.mark[b] = mark;
                        if (count == comp.length) {
                            comp = java.util.Arrays.copyOf(comp, count * 2);
                        }
                        comp[count++] = b;
                        bu.previousRate[b] = bu.rate[b];
                        bu.frozen[b] = false;
                        for (int m : bu.route[b]) {
                            if (seen[m] != mark) {
                                seen[m] = mark;
                                compLinks[size++] = m;
                            }
                        }
                    }
                    residual[link] = left;
                    unfrozen[link] = above;
                    share[link] = left / above;
                }
                if (count == 0) {
                    continue;
                }
                rates(count, size);
                for (int i = 0; i < count; i++) {
                    int b = comp[i];
                    if (bu.rated[b] && bu.rate[b] == bu.previousRate[b]) {
                        continue;
                    }
                    bu.clock[b] += bu.previousRate[b] * (now - bu.updatedPs[b]);
                    bu.updatedPs[b] = now;
                    bu.rated[b] = true;
                    project(b);
                }
            }
        }
        seeds.clear();
        schedule();
    }

    /**
     * A lower bound of the level at which link {@code l} can saturate in the filling after this
     * instant's starts, where the filling below {@code cap} is as before (the rates of rated bundles
     * below it kept): the least x with the link's bundles taking min(rate, x) per flow (x for every
     * flow of a bundle not yet rated) filling its bandwidth. From x = bandwidth / flows, each step
     * x' = (bandwidth - the rates below x) / (the flows at or above x) stays at or below that level
     * and rises toward it; a few steps, and the bound is taken a hair below (rounding).
     */
    private double saturationBound(int l, double cap) {
        double bandwidth = links[l].bandwidthBytesPerSecond() * 1e-12;
        double x = bandwidth / linkFlowCount[l];
        Bundles bu = bundles;
        int[] on = onLink[l];
        int n = onLinkCount[l];
        for (int step = 0; step < SATURATION_STEPS && x < cap; step++) {
            double below = 0;
            int above = 0;
            for (int i = 0; i < n; i++) {
                int b = on[i];
                if (bu.rated[b] && bu.rate[b] < x) {
                    below += bu.rate[b] * bu.count[b];
                } else {
                    above += bu.count[b];
                }
            }
            if (above == 0) {
                return cap; // every flow on it is held below x by other links: it cannot saturate below cap
            }
            double next = (bandwidth - below) / above;
            if (!(next > x)) {
                break;
            }
            x = next;
        }
        return x * (1 - SATURATION_MARGIN);
    }

    /** A bundle's projected completion (its first flow's) from its clock and rate as of its last update; placed in the heap. */
    private void project(int b) {
        Bundles bu = bundles;
        bu.endPs[b] = bu.updatedPs[b] + Math.max(0, flows.target[bu.members[b][0]] - bu.clock[b]) / bu.rate[b];
        byEnd.place(b);
    }

    /**
     * Makes sure a completion event runs at the earliest projected completion: the one waiting
     * is kept where it runs then or earlier (an early one finds nothing due and schedules again),
     * and superseded only by an earlier one.
     */
    private void schedule() {
        int first = byEnd.peek();
        if (first < 0) {
            return;
        }
        long at = Math.max(engine.now(), (long) Math.ceil(bundles.endPs[first] - 1e-6));
        if (waitingAt >= 0 && waitingAt <= at) {
            return;
        }
        long v = ++version;
        waitingAt = at;
        engine.scheduleAt(at, () -> complete(v));
    }

    private void complete(long v) {
        if (v != version) {
            return; // superseded by an earlier completion
        }
        waitingAt = -1;
        long now = engine.now();
        boolean ended = false;
        Bundles bu = bundles;
        List<Due> due = new ArrayList<>();
        for (int b = byEnd.peek(); b >= 0 && bu.endPs[b] <= now + 1e-6; b = byEnd.peek()) {
            int f = bu.members[b][0];
            int[] route = bu.route[b];
            for (int l : route) {
                linkFlowCount[l]--;
            }
            seeds.add(route);
            endedFloor = Math.min(endedFloor, bu.rate[b]);
            due.add(new Due(flows.id[f], flows.latency[f], flows.onDelivered[f]));
            bu.removeFirst(b);
            flows.close(f);
            if (bu.count[b] == 0) {
                byEnd.poll();
                for (int l : route) {
                    removeFromLink(l, b);
                }
                bundleOf.remove(route);
                bu.close(b);
            } else {
                // the next flow's completion, on the clock as it stands now
                bu.advance(b, now);
                project(b);
            }
            ended = true;
        }
        // delivered in the order they started, whatever the rounding of their projections within the picosecond
        due.sort(java.util.Comparator.comparingLong(Due::id));
        java.util.Map<Long, List<Runnable>> byLatency = new java.util.LinkedHashMap<>();
        for (Due d : due) {
            byLatency.computeIfAbsent(d.latency(), k -> new ArrayList<>()).add(d.onDelivered());
        }
        for (java.util.Map.Entry<Long, List<Runnable>> e : byLatency.entrySet()) {
            List<Runnable> delivered = e.getValue();
            engine.scheduleIn(e.getKey(), delivered.size() == 1 ? delivered.get(0) : () -> delivered.forEach(Runnable::run));
        }
        if (ended) {
            rerateLate();
        } else {
            schedule();
        }
    }

    /** A flow sent whole in this picosecond: its id, its path's latency and what runs on delivery. */
    private record Due(long id, long latency, Runnable onDelivered) {
    }

    /** Takes a bundle off a link's list, keeping the others in the order they opened. */
    private void removeFromLink(int l, int b) {
        int[] on = onLink[l];
        int n = onLinkCount[l];
        for (int i = 0; i < n; i++) {
            if (on[i] == b) {
                System.arraycopy(on, i + 1, on, i, n - i - 1);
                onLinkCount[l] = n - 1;
                return;
            }
        }
    }

    /**
     * Max-min fair rates (bytes per ps, per flow) of a component's bundles ({@code comp[0..count)},
     * unfrozen, over the links {@code compLinks[0..usedCount)}, each with its flows counted in
     * {@code unfrozen}) by progressive filling: the link whose residual
     * bandwidth per unfrozen flow is least freezes its flows at that share. A component holds every
     * bundle of its links, so the flows to freeze are the bottleneck's own.
     *
     * <p>A link's share never falls as flows freeze (losing k flows at the least share s leaves
     * (r - k s) / (u - k) >= r / u), so links tied at the least share are the next bottlenecks at
     * that same share, and all are frozen in one pass at that one share (frozen one at a time, a
     * tied link's share is recomputed after the others' flows leave it and can come out an ulp
     * off). Ties are taken within a relative {@link #TIE}, so shares equal but for rounding are one
     * tie too. Flows that a symmetry of the array maps onto each other so get one rate, and the
     * full replay keeps the symmetry exactly (the replay of one accelerator per orbit is compared
     * with it).
     */
    private void rates(int count, int usedCount) {
        Bundles bu = bundles;
        int[] active = activeLinks;
        System.arraycopy(compLinks, 0, active, 0, usedCount);
        int activeCount = usedCount;
        int left = count;
        int[] tied = tiedLinks;
        int[] cand = candidateLinks;
        int candCount = 0;
        // every active link not a candidate has a share above bound (shares only rise)
        double bound = Double.NEGATIVE_INFINITY;
        while (left > 0) {
            // the candidates' least share, and those within TIE of it, in the component's order; links with no
            // unfrozen flow leave the list
            double least = Double.POSITIVE_INFINITY;
            int tiedCount = 0;
            int kept = 0;
            for (int i = 0; i < candCount; i++) {
                int l = cand[i];
                if (unfrozen[l] > 0) {
                    cand[kept++] = l;
                    double s = share[l];
                    if (s <= least * (1 + TIE)) {
                        least = Math.min(least, s);
                        tied[tiedCount++] = l;
                    }
                }
            }
            candCount = kept;
            if (tiedCount == 0 || least * (1 + TIE) > bound) {
                // the candidates no longer hold every link tied at the least share: take, from every active link,
                // those within SPREAD of the least
                least = Double.POSITIVE_INFINITY;
                kept = 0;
                for (int i = 0; i < activeCount; i++) {
                    int l = active[i];
                    if (unfrozen[l] > 0) {
                        active[kept++] = l;
                        least = Math.min(least, share[l]);
                    }
                }
                activeCount = kept;
                bound = Math.max(least, 0) * SPREAD * (1 + TIE);
                candCount = 0;
                for (int i = 0; i < activeCount; i++) {
                    if (share[active[i]] <= bound) {
                        cand[candCount++] = active[i];
                    }
                }
                continue;
            }
            // the links tied at this scan (not those met before a lesser share) freeze their flows at the least
            double limit = least * (1 + TIE);
            int ties = 0;
            for (int t = 0; t < tiedCount; t++) {
                if (share[tied[t]] <= limit) {
                    tied[ties++] = tied[t];
                }
            }
            for (int t = 0; t < ties; t++) {
                int bottleneck = tied[t];
                int[] on = onLink[bottleneck];
                for (int i = 0, n = onLinkCount[bottleneck]; i < n; i++) {
                    int b = on[i];
                    if (bu.frozen[b]) {
                        continue;
                    }
                    bu.frozen[b] = true;
                    bu.rate[b] = least;
                    left--;
                    int k = bu.count[b];
                    double taken = least * k;
                    for (int l : bu.route[b]) {
                        residual[l] -= taken;
                        unfrozen[l] -= k;
                        share[l] = residual[l] / unfrozen[l];
                    }
                }
            }
        }
    }

    @Override
    public List<LinkUsage> linkUsage() {
        List<LinkUsage> out = new ArrayList<>(links.length);
        for (Link l : links) {
            int i = l.id();
            double b = linkBytes == null ? 0 : linkBytes[i];
            out.add(new LinkUsage(l.name(), l.bandwidthBytesPerSecond(), b,
                    Math.round(b * 1e12 / l.bandwidthBytesPerSecond()), linkFlows == null ? 0 : linkFlows[i]));
        }
        return out;
    }

    /** The flows' state, by slot; a slot is reused once its flow has ended. */
    private static final class Flows {
        long[] id = new long[64];
        /** The bundle's clock at which the flow has been sent whole. */
        double[] target = new double[64];
        long[] latency = new long[64];
        Runnable[] onDelivered = new Runnable[64];
        private final FreeSlots slots = new FreeSlots();

        int open(long flowId, double clockTarget, long lat, Runnable done) {
            int f = slots.take(id.length, n -> {
                id = java.util.Arrays.copyOf(id, n);
                target = java.util.Arrays.copyOf(target, n);
                latency = java.util.Arrays.copyOf(latency, n);
                onDelivered = java.util.Arrays.copyOf(onDelivered, n);
            });
            id[f] = flowId;
            target[f] = clockTarget;
            latency[f] = lat;
            onDelivered[f] = done;
            return f;
        }

        void close(int f) {
            onDelivered[f] = null;
            slots.release(f);
        }
    }

    /**
     * The bundles' state, by slot; a slot is reused once its last flow has ended. A bundle's flows
     * are kept in the order they end: by target on its clock, then by flow id.
     */
    private static final class Bundles {
        int[][] route = new int[64][];
        int[] count = new int[64];
        int[][] members = new int[64][];
        /** Bytes per ps of each of its flows. */
        double[] rate = new double[64];
        double[] previousRate = new double[64];
        /** Bytes sent to each flow since the bundle opened, as of {@link #updatedPs}. */
        double[] clock = new double[64];
        long[] updatedPs = new long[64];
        /** The first flow's projected completion (ps) as of the last projection. */
        double[] endPs = new double[64];
        /** The place in the completions' heap, -1 when not there. */
        int[] heapIndex = new int[64];
        /** Whether rated since its last flow joined (a bundle with a new flow is re-rated whatever the floor). */
        boolean[] rated = new boolean[64];
        boolean[] frozen = new boolean[64];
        long[] mark = new long[64];
        private final FreeSlots slots = new FreeSlots();

        int open(int[] r, long now) {
            int b = slots.take(route.length, this::grow);
            if (members[b] == null) {
                members[b] = new int[4];
            }
            route[b] = r;
            count[b] = 0;
            rate[b] = 0;
            previousRate[b] = 0;
            clock[b] = 0;
            updatedPs[b] = now;
            endPs[b] = 0;
            heapIndex[b] = -1;
            rated[b] = false;
            frozen[b] = false;
            mark[b] = 0;
            return b;
        }

        /** Brings the clock to {@code now} at the current rate. */
        void advance(int b, long now) {
            clock[b] += rate[b] * (now - updatedPs[b]);
            updatedPs[b] = now;
        }

        /** Adds a flow in its place by target, then id (a new flow has the greatest id). */
        void add(int b, int f, Flows flows) {
            int n = count[b];
            int[] m = members[b];
            if (n == m.length) {
                m = java.util.Arrays.copyOf(m, n * 2);
                members[b] = m;
            }
            int i = n;
            double t = flows.target[f];
            while (i > 0 && flows.target[m[i - 1]] > t) {
                m[i] = m[i - 1];
                i--;
            }
            m[i] = f;
            count[b] = n + 1;
            rated[b] = false;
        }

        void removeFirst(int b) {
            int n = count[b] - 1;
            System.arraycopy(members[b], 1, members[b], 0, n);
            count[b] = n;
        }

        void close(int b) {
            route[b] = null;
            slots.release(b);
        }

        private void grow(int n) {
            route = java.util.Arrays.copyOf(route, n);
            count = java.util.Arrays.copyOf(count, n);
            members = java.util.Arrays.copyOf(members, n);
            rate = java.util.Arrays.copyOf(rate, n);
            previousRate = java.util.Arrays.copyOf(previousRate, n);
            clock = java.util.Arrays.copyOf(clock, n);
            updatedPs = java.util.Arrays.copyOf(updatedPs, n);
            endPs = java.util.Arrays.copyOf(endPs, n);
            heapIndex = java.util.Arrays.copyOf(heapIndex, n);
            rated = java.util.Arrays.copyOf(rated, n);
            frozen = java.util.Arrays.copyOf(frozen, n);
            mark = java.util.Arrays.copyOf(mark, n);
        }
    }

    /** Slots of a table of arrays: those released are taken again first, then the next never used. */
    private static final class FreeSlots {
        private int[] free = new int[64];
        private int freeCount;
        private int used;

        /** A slot; {@code grow} widens the table to twice {@code capacity} first where every slot is in use. */
        int take(int capacity, java.util.function.IntConsumer grow) {
            if (freeCount > 0) {
                return free[--freeCount];
            }
            if (used == capacity) {
                grow.accept(capacity * 2);
            }
            return used++;
        }

        void release(int slot) {
            if (freeCount == free.length) {
                free = java.util.Arrays.copyOf(free, freeCount * 2);
            }
            free[freeCount++] = slot;
        }
    }

    /**
     * The rated bundles' slots in a binary heap by their first flow's projected completion, then
     * that flow's id; each bundle knows its place, so a re-projected bundle moves in place.
     */
    private static final class BundleHeap {
        private final Bundles bundles;
        private final Flows flows;
        private int[] heap = new int[64];
        private int size;

        BundleHeap(Bundles bundles, Flows flows) {
            this.bundles = bundles;
            this.flows = flows;
        }

        /** The earliest bundle's slot; -1 when none. */
        int peek() {
            return size == 0 ? -1 : heap[0];
        }

        /** Adds a bundle or moves it after its projection changed. */
        void place(int b) {
            if (bundles.heapIndex[b] < 0) {
                if (size == heap.length) {
                    heap = java.util.Arrays.copyOf(heap, size * 2);
                }
                bundles.heapIndex[b] = size;
                heap[size++] = b;
            }
            up(bundles.heapIndex[b]);
            down(bundles.heapIndex[b]);
        }

        void poll() {
            int top = heap[0];
            int last = heap[--size];
            bundles.heapIndex[top] = -1;
            if (size > 0) {
                heap[0] = last;
                bundles.heapIndex[last] = 0;
                down(0);
            }
        }

        private boolean before(int a, int b) {
            double ea = bundles.endPs[a];
            double eb = bundles.endPs[b];
            return ea < eb || ea == eb && flows.id[bundles.members[a][0]] < flows.id[bundles.members[b][0]];
        }

        private void up(int i) {
            int f = heap[i];
            while (i > 0) {
                int p = (i - 1) >>> 1;
                if (!before(f, heap[p])) {
                    break;
                }
                heap[i] = heap[p];
                bundles.heapIndex[heap[i]] = i;
                i = p;
            }
            heap[i] = f;
            bundles.heapIndex[f] = i;
        }

        private void down(int i) {
            int f = heap[i];
            while (true) {
                int c = 2 * i + 1;
                if (c >= size) {
                    break;
                }
                if (c + 1 < size && before(heap[c + 1], heap[c])) {
                    c++;
                }
                if (!before(heap[c], f)) {
                    break;
                }
                heap[i] = heap[c];
                bundles.heapIndex[heap[i]] = i;
                i = c;
            }
            heap[i] = f;
            bundles.heapIndex[f] = i;
        }
    }
}
