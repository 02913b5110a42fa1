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
 * filled on its own. Starts and ends of one instant are re-rated together, once, after every
 * other action of that instant (one step of a collective starts all its flows at once), and the
 * messages of one instant with the same path latency are delivered by one event. Projected
 * completions are kept in one heap, and one engine event waits for the earliest.
 */
public final class FlowInterconnect extends RoutedInterconnect {
    private SimEngine engine;
    private List<List<Flow>> onLink;
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
    // scratch for the rate computation
    private double[] residual;
    private int[] unfrozen;
    private long[] seen;
    private int[] compLinks;
    private long mark;

    public FlowInterconnect(Topology topology) {
        super(topology);
    }

    @Override
    public void attach(SimEngine engine) {
        this.engine = engine;
        onLink = new ArrayList<>(links.length);
        for (int i = 0; i < links.length; i++) {
            onLink.add(new ArrayList<>());
        }
        byEnd = new FlowHeap();
        version = 0;
        waitingAt = -1;
        nextId = 0;
        linkBytes = new double[links.length];
        linkFlows = new long[links.length];
        seeds = new ArrayList<>();
        rerateScheduled = false;
        residual = new double[links.length];
        unfrozen = new int[links.length];
        seen = new long[links.length];
        compLinks = new int[links.length];
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
            double share = bytes / rs.length;
            long latency = 0;
            for (int l : r) {
                latency += links[l].latencyPs();
                linkBytes[l] += share;
                linkFlows[l]++;
            }
            Flow f = new Flow(nextId++, r, share, latency, done, engine.now());
            for (int l : r) {
                onLink.get(l).add(f);
            }
            seeds.add(r);
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
        mark++;
        List<Flow> comp = new ArrayList<>();
        for (int[] r : seeds) {
            for (int seed : r) {
                if (seen[seed] == mark) {
                    continue;
                }
                seen[seed] = mark;
                compLinks[0] = seed;
                int size = 1;
                comp.clear();
                for (int head = 0; head < size; head++) { // breadth first: compLinks is the queue and the component
                    for (Flow f : onLink.get(compLinks[head])) {
                        if (f.mark == mark) {
                            continue;
                        }
                        f.mark = mark;
                        comp.add(f);
                        for (int m : f.route) {
                            if (seen[m] != mark) {
                                seen[m] = mark;
                                compLinks[size++] = m;
                            }
                        }
                    }
                }
                if (comp.isEmpty()) {
                    continue;
                }
                for (Flow f : comp) {
                    f.previousRate = f.rate;
                }
                rates(comp, compLinks, size, links, residual, unfrozen, onLink);
                for (Flow f : comp) {
                    if (f.heapIndex >= 0 && f.rate == f.previousRate) {
                        continue;
                    }
                    f.remaining -= f.previousRate * (now - f.updatedPs);
                    f.updatedPs = now;
                    f.endPs = now + Math.max(0, f.remaining) / f.rate;
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
        Flow first = byEnd.peek();
        if (first == null) {
            return;
        }
        long at = Math.max(engine.now(), (long) Math.ceil(first.endPs - 1e-6));
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
        for (Flow f = byEnd.peek(); f != null && f.endPs <= now + 1e-6; f = byEnd.peek()) {
            byEnd.poll();
            for (int l : f.route) {
                onLink.get(l).remove(f);
            }
            seeds.add(f.route);
            byLatency.computeIfAbsent(f.latency, k -> new ArrayList<>()).add(f.onDelivered);
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

    /**
     * Max-min fair rates (bytes per ps) of a component's flows by progressive filling: the link
     * whose residual bandwidth per unfrozen flow is least freezes its flows at that share. A
     * component holds every flow of its links, so the flows to freeze are the bottleneck's own.
     */
    private static void rates(List<Flow> flows, int[] used, int usedCount, Link[] links, double[] residual,
            int[] unfrozen, List<List<Flow>> onLink) {
        for (int i = 0; i < usedCount; i++) {
            int l = used[i];
            residual[l] = links[l].bandwidthBytesPerSecond() * 1e-12;
            unfrozen[l] = 0;
        }
        for (Flow f : flows) {
            f.frozen = false;
            for (int l : f.route) {
                unfrozen[l]++;
            }
        }
        int left = flows.size();
        while (left > 0) {
            int bottleneck = -1;
            double share = Double.POSITIVE_INFINITY;
            for (int i = 0; i < usedCount; i++) {
                int l = used[i];
                if (unfrozen[l] > 0 && residual[l] / unfrozen[l] < share) {
                    share = residual[l] / unfrozen[l];
                    bottleneck = l;
                }
            }
            for (Flow f : onLink.get(bottleneck)) {
                if (f.frozen) {
                    continue;
                }
                f.frozen = true;
                f.rate = share;
                left--;
                for (int l : f.route) {
                    residual[l] -= share;
                    unfrozen[l]--;
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

    /**
     * The rated flows in a binary heap by projected completion, then id; each flow knows its
     * place, so a re-rated flow moves in place and the heap holds only live flows.
     */
    private static final class FlowHeap {
        private Flow[] heap = new Flow[64];
        private int size;

        Flow peek() {
            return size == 0 ? null : heap[0];
        }

        /** Adds a flow or moves it after its completion changed. */
        void place(Flow f) {
            if (f.heapIndex < 0) {
                if (size == heap.length) {
                    heap = java.util.Arrays.copyOf(heap, size * 2);
                }
                f.heapIndex = size++;
                heap[f.heapIndex] = f;
            }
            up(f.heapIndex);
            down(f.heapIndex);
        }

        void poll() {
            Flow top = heap[0];
            Flow last = heap[--size];
            heap[size] = null;
            top.heapIndex = -1;
            if (size > 0) {
                heap[0] = last;
                last.heapIndex = 0;
                down(0);
            }
        }

        private static boolean before(Flow a, Flow b) {
            return a.endPs < b.endPs || a.endPs == b.endPs && a.id < b.id;
        }

        private void up(int i) {
            Flow f = heap[i];
            while (i > 0) {
                int p = (i - 1) >>> 1;
                if (!before(f, heap[p])) {
                    break;
                }
                heap[i] = heap[p];
                heap[i].heapIndex = i;
                i = p;
            }
            heap[i] = f;
            f.heapIndex = i;
        }

        private void down(int i) {
            Flow f = heap[i];
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
                heap[i].heapIndex = i;
                i = c;
            }
            heap[i] = f;
            f.heapIndex = i;
        }
    }

    private static final class Flow {
        final long id;
        final int[] route;
        final long latency;
        final Runnable onDelivered;
        double remaining;
        long updatedPs;
        double rate;
        double previousRate;
        /** Projected completion (ps) as of its last re-rating. */
        double endPs;
        /** Its place in the completions' heap, -1 before its first rating and once ended. */
        int heapIndex = -1;
        boolean frozen;
        long mark;

        Flow(long id, int[] route, double bytes, long latency, Runnable onDelivered, long now) {
            this.id = id;
            this.route = route;
            this.remaining = bytes;
            this.latency = latency;
            this.onDelivered = onDelivered;
            this.updatedPs = now;
        }
    }
}
