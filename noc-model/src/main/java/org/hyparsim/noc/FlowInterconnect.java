package org.hyparsim.noc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hyparsim.core.engine.SimEngine;

/**
 * Flow-level interconnect: a message is one flow over its route (a share of it over each of
 * several equal-cost routes); flows that share links share their bandwidth max-min fairly, as
 * {@link MaxMinSolver} computes. A message is delivered when its last byte has been sent plus its
 * path's latency, so on an idle path it takes latency + size / bandwidth, as at packet level.
 *
 * <p>This class keeps the links' and flows' bookkeeping and feeds the solver: flows on one route at
 * once (a ring's chunks pipelined to the next member, several layers' collectives between the same
 * two accelerators) are one <em>bundle</em>, one variable of the solver with its flows counted on
 * each link. A bundle keeps a clock of the bytes each of its flows has been sent since it opened,
 * so a change of its rate re-projects one completion, its first flow's (a flow ends when the clock
 * reaches what it had at the flow's start plus its bytes, so the flows of a bundle end in the order
 * of those targets).
 *
 * <p>Starts and ends of one instant are re-rated together, once, after every other action of that
 * instant (one step of a collective starts all its flows at once), and the messages of one instant
 * with the same path latency are delivered by one event. Projected completions are kept in one
 * heap, and one engine event waits for the earliest. State lives in arrays indexed by slot (reused
 * once a flow or a bundle ends).
 */
public final class FlowInterconnect extends RoutedInterconnect {
    private SimEngine engine;
    private MaxMinSolver solver;
    /** Projected completions of the rated bundles' first flows, earliest first (ties by flow id). */
    private BundleHeap byEnd;
    private long version;
    /** When the completion event in waiting (the one of {@link #version}) runs, ps; -1 when none waits. */
    private long waitingAt;
    private long nextId;
    private double[] linkBytes;
    private long[] linkFlows;
    private boolean rerateScheduled;
    private Flows flows;
    private Bundles bundles;
    /** The open bundle of each route (routes are the route cache's arrays, one per pair and path). */
    private IdentityHashMap<int[], Integer> bundleOf;

    public FlowInterconnect(Topology topology) {
        super(topology);
    }

    @Override
    public void attach(SimEngine engine) {
        this.engine = engine;
        double[] capacity = new double[links.length];
        for (int i = 0; i < links.length; i++) {
            capacity[i] = links[i].bandwidthBytesPerSecond() * 1e-12;
        }
        solver = new MaxMinSolver(capacity);
        flows = new Flows();
        bundles = new Bundles();
        bundleOf = new IdentityHashMap<>();
        byEnd = new BundleHeap(bundles, flows);
        version = 0;
        waitingAt = -1;
        nextId = 0;
        linkBytes = new double[links.length];
        linkFlows = new long[links.length];
        rerateScheduled = false;
    }

    @Override
    public void send(int src, int dst, double bytes, Runnable onDelivered) {
        requireAttached(engine);
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
            }
            Integer open = bundleOf.get(r);
            int b;
            if (open == null) {
                b = solver.open(r);
                bundles.open(b, now);
                bundleOf.put(r, b);
            } else {
                b = open;
                bundles.advance(b, now, solver.rate(b));
            }
            int f = flows.open(nextId++, bundles.clock[b] + part, latency, done);
            bundles.add(b, f, flows, solver.count(b));
            solver.join(b);
            if (bundles.heapIndex[b] >= 0 && bundles.members[b][0] == f) {
                // a short flow came first: the bundle's projection is its first flow's, at the rate until re-rated
                project(b);
            }
        }
        rerateLate();
    }

    /** Re-rates this instant's starts and ends once every other action of the instant has run. */
    private void rerateLate() {
        if (!rerateScheduled) {
            rerateScheduled = true;
            engine.scheduleLate(engine.now(), this::rerate);
        }
    }

    /**
     * Has the solver re-rate the bundles connected to this instant's starts and ends, brings the
     * clocks of those whose rate changed to now at their previous rate, re-projects them and
     * schedules the earliest completion. A bundle whose rate did not change keeps its projection.
     */
    private void rerate() {
        rerateScheduled = false;
        long now = engine.now();
        Bundles bu = bundles;
        for (int i = 0, n = solver.rerate(); i < n; i++) {
            int b = solver.changed(i);
            bu.clock[b] += solver.previousRate(b) * (now - bu.updatedPs[b]);
            bu.updatedPs[b] = now;
            project(b);
        }
        schedule();
    }

    /** A bundle's projected completion (its first flow's) from its clock and rate as of its last update; placed in the heap. */
    private void project(int b) {
        Bundles bu = bundles;
        bu.endPs[b] = bu.updatedPs[b] + Math.max(0, flows.target[bu.members[b][0]] - bu.clock[b]) / solver.rate(b);
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
            int[] route = solver.route(b);
            solver.leave(b);
            due.add(new Due(flows.id[f], flows.latency[f], flows.onDelivered[f]));
            bu.removeFirst(b, solver.count(b));
            flows.close(f);
            if (solver.count(b) == 0) {
                byEnd.poll();
                bundleOf.remove(route);
                solver.close(b);
            } else {
                // the next flow's completion, on the clock as it stands now
                bu.advance(b, now, solver.rate(b));
                project(b);
            }
            ended = true;
        }
        deliver(due);
        if (ended) {
            rerateLate();
        } else {
            schedule();
        }
    }

    /** Delivers the flows sent whole in this picosecond, in the order they started, one event per latency. */
    private void deliver(List<Due> due) {
        // in the order they started, whatever the rounding of their projections within the picosecond
        due.sort(Comparator.comparingLong(Due::id));
        Map<Long, List<Runnable>> byLatency = new LinkedHashMap<>();
        for (Due d : due) {
            byLatency.computeIfAbsent(d.latency(), k -> new ArrayList<>()).add(d.onDelivered());
        }
        for (Map.Entry<Long, List<Runnable>> e : byLatency.entrySet()) {
            List<Runnable> delivered = e.getValue();
            engine.scheduleIn(e.getKey(), delivered.size() == 1 ? delivered.get(0) : () -> delivered.forEach(Runnable::run));
        }
    }

    /** A flow sent whole in this picosecond: its id, its path's latency and what runs on delivery. */
    private record Due(long id, long latency, Runnable onDelivered) {
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
            int f = slots.take();
            if (f == id.length) {
                int n = f * 2;
                id = Arrays.copyOf(id, n);
                target = Arrays.copyOf(target, n);
                latency = Arrays.copyOf(latency, n);
                onDelivered = Arrays.copyOf(onDelivered, n);
            }
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
     * The bundles' clocks and flows, by the solver's slot. A bundle's flows are kept in the order
     * they end: by target on its clock, then by flow id; the solver counts them.
     */
    private static final class Bundles {
        int[][] members = new int[64][];
        /** Bytes sent to each flow since the bundle opened, as of {@link #updatedPs}. */
        double[] clock = new double[64];
        long[] updatedPs = new long[64];
        /** The first flow's projected completion (ps) as of the last projection. */
        double[] endPs = new double[64];
        /** The place in the completions' heap, -1 when not there. */
        int[] heapIndex = new int[64];

        /** Starts the bookkeeping of the bundle the solver opened in slot {@code b}. */
        void open(int b, long now) {
            if (b == clock.length) {
                grow(b * 2);
            }
            if (members[b] == null) {
                members[b] = new int[4];
            }
            clock[b] = 0;
            updatedPs[b] = now;
            endPs[b] = 0;
            heapIndex[b] = -1;
        }

        /** Brings the clock to {@code now} at the given rate (per flow, bytes per ps). */
        void advance(int b, long now, double rate) {
            clock[b] += rate * (now - updatedPs[b]);
            updatedPs[b] = now;
        }

        /** Adds a flow to the {@code n} in the bundle, in its place by target, then id (a new flow has the greatest id). */
        void add(int b, int f, Flows flows, int n) {
            int[] m = members[b];
            if (n == m.length) {
                m = Arrays.copyOf(m, n * 2);
                members[b] = m;
            }
            int i = n;
            double t = flows.target[f];
            while (i > 0 && flows.target[m[i - 1]] > t) {
                m[i] = m[i - 1];
                i--;
            }
            m[i] = f;
        }

        /** Drops the first flow, leaving {@code left} in the bundle. */
        void removeFirst(int b, int left) {
            System.arraycopy(members[b], 1, members[b], 0, left);
        }

        private void grow(int n) {
            members = Arrays.copyOf(members, n);
            clock = Arrays.copyOf(clock, n);
            updatedPs = Arrays.copyOf(updatedPs, n);
            endPs = Arrays.copyOf(endPs, n);
            heapIndex = Arrays.copyOf(heapIndex, n);
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
                    heap = Arrays.copyOf(heap, size * 2);
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
