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
 * <p>The cost of a start or an end does not grow with unrelated traffic: only the flows
 * connected to it through shared links (its component) are re-rated, since max-min rates of
 * flows that share no link, directly or through others, are independent; each component is
 * filled on its own. Within a component, a flow slower than a floor keeps its rate, and only the
 * others connected to a start or an end through links are re-rated, over what the slower leave
 * of each link. The floor is the least of the ended flows' rates and of a lower bound of each new
 * flow's rate (the least, over its links, of bandwidth over flows: no link saturates below it):
 * a flow's links are no bottleneck below its rate (it would have been frozen there), so
 * progressive filling freezes the same links at the same levels up to it with or without it. Starts and ends of one instant are
 * re-rated together, once, after every other action of that instant (one step of a collective
 * starts all its flows at once), and the messages of one instant with the same path latency are
 * delivered by one event. Projected completions are kept in one heap, and one engine event waits
 * for the earliest.
 *
 * <p>A flow's state lives in arrays indexed by its slot (reused once it ends), and each link
 * lists its flows' slots in the order they started: re-rating walks every flow of a component
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
    private SimEngine engine;
    /** Per link, the slots of its flows in the order they started, and how many. */
    private int[][] onLink;
    private int[] onLinkCount;
    /** Projected completions of the rated flows, earliest first (ties by flow id). */
    private FlowHeap byEnd;
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
    // per flow slot
    private Flows flows;
    // scratch for the rate computation
    private double[] residual;
    private int[] unfrozen;
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
        for (int i = 0; i < links.length; i++) {
            onLink[i] = new int[4];
        }
        flows = new Flows();
        byEnd = new FlowHeap(flows);
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
        for (int[] r : rs) {
            double part = bytes / rs.length;
            long latency = 0;
            for (int l : r) {
                latency += links[l].latencyPs();
                linkBytes[l] += part;
                linkFlows[l]++;
            }
            int f = flows.open(nextId++, r, part, latency, done, engine.now());
            for (int l : r) {
                if (onLinkCount[l] == onLink[l].length) {
                    onLink[l] = java.util.Arrays.copyOf(onLink[l], onLinkCount[l] * 2);
                }
                onLink[l][onLinkCount[l]++] = f;
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
     * Re-rates the flows connected to this instant's seeds, component by component, and schedules
     * the earliest completion. A flow whose rate did not change keeps its projection.
     */
    private void rerate() {
        rerateScheduled = false;
        long now = engine.now();
        // flows rated before, slower than every flow that ended and than a lower bound of every new one's rate,
        // keep their rates
        double floor = endedFloor;
        for (int[] r : started) {
            for (int l : r) {
                floor = Math.min(floor, links[l].bandwidthBytesPerSecond() * 1e-12 / onLinkCount[l]);
            }
        }
        started.clear();
        endedFloor = Double.POSITIVE_INFINITY;
        mark++;
        Flows fl = flows;
        for (int[] r : seeds) {
            for (int seed : r) {
                if (seen[seed] == mark) {
                    continue;
                }
                seen[seed] = mark;
                compLinks[0] = seed;
                int size = 1;
                int count = 0;
                // breadth first over the flows at or above the floor: compLinks is the queue and the component; each
                // link's residual is its bandwidth less the rates kept below the floor
                for (int head = 0; head < size; head++) {
                    int link = compLinks[head];
                    double left = links[link].bandwidthBytesPerSecond() * 1e-12;
                    int above = 0;
                    int[] on = onLink[link];
                    for (int i = 0, n = onLinkCount[link]; i < n; i++) {
                        int f = on[i];
                        if (fl.rate[f] < floor && fl.heapIndex[f] >= 0) {
                            left -= fl.rate[f];
                            continue;
                        }
                        above++;
                        if (fl.mark[f] == mark) {
                            continue;
                        }
                        fl.mark[f] = mark;
                        if (count == comp.length) {
                            comp = java.util.Arrays.copyOf(comp, count * 2);
                        }
                        comp[count++] = f;
                        fl.previousRate[f] = fl.rate[f];
                        fl.frozen[f] = false;
                        for (int m : fl.route[f]) {
                            if (seen[m] != mark) {
                                seen[m] = mark;
                                compLinks[size++] = m;
                            }
                        }
                    }
                    residual[link] = left;
                    unfrozen[link] = above;
                }
                if (count == 0) {
                    continue;
                }
                rates(count, size);
                for (int i = 0; i < count; i++) {
                    int f = comp[i];
                    if (fl.heapIndex[f] >= 0 && fl.rate[f] == fl.previousRate[f]) {
                        continue;
                    }
                    fl.remaining[f] -= fl.previousRate[f] * (now - fl.updatedPs[f]);
                    fl.updatedPs[f] = now;
                    fl.endPs[f] = now + Math.max(0, fl.remaining[f]) / fl.rate[f];
                    byEnd.place(f);
                }
            }
        }
        seeds.clear();
        schedule();
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
        long at = Math.max(engine.now(), (long) Math.ceil(flows.endPs[first] - 1e-6));
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
        java.util.Map<Long, List<Runnable>> byLatency = new java.util.LinkedHashMap<>();
        for (int f = byEnd.peek(); f >= 0 && flows.endPs[f] <= now + 1e-6; f = byEnd.peek()) {
            byEnd.poll();
            int[] route = flows.route[f];
            for (int l : route) {
                removeFromLink(l, f);
            }
            seeds.add(route);
            endedFloor = Math.min(endedFloor, flows.rate[f]);
            byLatency.computeIfAbsent(flows.latency[f], k -> new ArrayList<>()).add(flows.onDelivered[f]);
            flows.close(f);
            ended = true;
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

    /** Takes a flow off a link's list, keeping the others in the order they started. */
    private void removeFromLink(int l, int f) {
        int[] on = onLink[l];
        int n = onLinkCount[l];
        for (int i = 0; i < n; i++) {
            if (on[i] == f) {
                System.arraycopy(on, i + 1, on, i, n - i - 1);
                onLinkCount[l] = n - 1;
                return;
            }
        }
    }

    /**
     * Max-min fair rates (bytes per ps) of a component's flows ({@code comp[0..count)}, unfrozen,
     * over the links {@code compLinks[0..usedCount)}, each with its flows counted in
     * {@code unfrozen}) by progressive filling: the link whose residual
     * bandwidth per unfrozen flow is least freezes its flows at that share. A component holds every
     * flow of its links, so the flows to freeze are the bottleneck's own.
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
        Flows fl = flows;
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
                    double s = residual[l] / unfrozen[l];
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
                        least = Math.min(least, residual[l] / unfrozen[l]);
                    }
                }
                activeCount = kept;
                bound = Math.max(least, 0) * SPREAD * (1 + TIE);
                candCount = 0;
                for (int i = 0; i < activeCount; i++) {
                    if (residual[active[i]] / unfrozen[active[i]] <= bound) {
                        cand[candCount++] = active[i];
                    }
                }
                continue;
            }
            // the links tied at this scan (not those met before a lesser share) freeze their flows at the least
            double limit = least * (1 + TIE);
            int ties = 0;
            for (int t = 0; t < tiedCount; t++) {
                if (residual[tied[t]] / unfrozen[tied[t]] <= limit) {
                    tied[ties++] = tied[t];
                }
            }
            for (int t = 0; t < ties; t++) {
                int bottleneck = tied[t];
                int[] on = onLink[bottleneck];
                for (int i = 0, n = onLinkCount[bottleneck]; i < n; i++) {
                    int f = on[i];
                    if (fl.frozen[f]) {
                        continue;
                    }
                    fl.frozen[f] = true;
                    fl.rate[f] = least;
                    left--;
                    for (int l : fl.route[f]) {
                        residual[l] -= least;
                        unfrozen[l]--;
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
        int[][] route = new int[64][];
        long[] latency = new long[64];
        Runnable[] onDelivered = new Runnable[64];
        double[] remaining = new double[64];
        long[] updatedPs = new long[64];
        double[] rate = new double[64];
        double[] previousRate = new double[64];
        /** Projected completion (ps) as of the last re-rating. */
        double[] endPs = new double[64];
        /** The place in the completions' heap, -1 before the first rating and once ended. */
        int[] heapIndex = new int[64];
        boolean[] frozen = new boolean[64];
        long[] mark = new long[64];
        private int[] free = new int[64];
        private int freeCount;
        private int used;

        int open(long flowId, int[] r, double bytes, long lat, Runnable done, long now) {
            int f;
            if (freeCount > 0) {
                f = free[--freeCount];
            } else {
                if (used == id.length) {
                    grow(used * 2);
                }
                f = used++;
            }
            id[f] = flowId;
            route[f] = r;
            latency[f] = lat;
            onDelivered[f] = done;
            remaining[f] = bytes;
            updatedPs[f] = now;
            rate[f] = 0;
            previousRate[f] = 0;
            endPs[f] = 0;
            heapIndex[f] = -1;
            frozen[f] = false;
            mark[f] = 0;
            return f;
        }

        void close(int f) {
            route[f] = null;
            onDelivered[f] = null;
            if (freeCount == free.length) {
                free = java.util.Arrays.copyOf(free, freeCount * 2);
            }
            free[freeCount++] = f;
        }

        private void grow(int n) {
            id = java.util.Arrays.copyOf(id, n);
            route = java.util.Arrays.copyOf(route, n);
            latency = java.util.Arrays.copyOf(latency, n);
            onDelivered = java.util.Arrays.copyOf(onDelivered, n);
            remaining = java.util.Arrays.copyOf(remaining, n);
            updatedPs = java.util.Arrays.copyOf(updatedPs, n);
            rate = java.util.Arrays.copyOf(rate, n);
            previousRate = java.util.Arrays.copyOf(previousRate, n);
            endPs = java.util.Arrays.copyOf(endPs, n);
            heapIndex = java.util.Arrays.copyOf(heapIndex, n);
            frozen = java.util.Arrays.copyOf(frozen, n);
            mark = java.util.Arrays.copyOf(mark, n);
        }
    }

    /**
     * The rated flows' slots in a binary heap by projected completion, then id; each flow knows
     * its place, so a re-rated flow moves in place and the heap holds only live flows.
     */
    private static final class FlowHeap {
        private final Flows flows;
        private int[] heap = new int[64];
        private int size;

        FlowHeap(Flows flows) {
            this.flows = flows;
        }

        /** The earliest flow's slot; -1 when none. */
        int peek() {
            return size == 0 ? -1 : heap[0];
        }

        /** Adds a flow or moves it after its completion changed. */
        void place(int f) {
            if (flows.heapIndex[f] < 0) {
                if (size == heap.length) {
                    heap = java.util.Arrays.copyOf(heap, size * 2);
                }
                flows.heapIndex[f] = size;
                heap[size++] = f;
            }
            up(flows.heapIndex[f]);
            down(flows.heapIndex[f]);
        }

        void poll() {
            int top = heap[0];
            int last = heap[--size];
            flows.heapIndex[top] = -1;
            if (size > 0) {
                heap[0] = last;
                flows.heapIndex[last] = 0;
                down(0);
            }
        }

        private boolean before(int a, int b) {
            double ea = flows.endPs[a];
            double eb = flows.endPs[b];
            return ea < eb || ea == eb && flows.id[a] < flows.id[b];
        }

        private void up(int i) {
            int f = heap[i];
            while (i > 0) {
                int p = (i - 1) >>> 1;
                if (!before(f, heap[p])) {
                    break;
                }
                heap[i] = heap[p];
                flows.heapIndex[heap[i]] = i;
                i = p;
            }
            heap[i] = f;
            flows.heapIndex[f] = i;
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
                flows.heapIndex[heap[i]] = i;
                i = c;
            }
            heap[i] = f;
            flows.heapIndex[f] = i;
        }
    }
}
