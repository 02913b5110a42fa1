package org.hyparsim.scenarios.sweep;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import org.hyparsim.core.kind.LinkModel;
import org.hyparsim.core.kind.TopologyKind;
import org.hyparsim.input.scenario.ArrayConfig;
import org.hyparsim.input.scenario.Scenario;
import org.hyparsim.input.scenario.Sweep;
import org.hyparsim.input.scenario.SymmetryMode;
import org.hyparsim.noc.LinkProfile;
import org.hyparsim.scenarios.array.SimulatedArray;

/**
 * The time a sweep has left, from each point's expected work and the seconds per unit of work
 * its finished points took. A point's work is a fixed cost plus, per layer and strategy, what its
 * replay grows with: a replay of every accelerator by the power 2.5 of the array's size (fitted to
 * the reproduction's 383 points, 1 to 256 accelerators, within 2x per array size), a replay by
 * symmetry linearly (measured on the transformer suite, 16 to 1024 accelerators, flows: a
 * point's seconds per layer and strategy 1.1e-4 + 5e-6 n on the H tree and the torus within 2x;
 * calendars about 30 times as much per accelerator on VGG-E's H tree, where they replay half the
 * array). Points start in the order given, each on the first free thread (a fixed pool), so a
 * point's start is the finish of the point whose thread it takes. Times are passed in, in seconds
 * from the sweep's start: the estimator reads no clock.
 */
public final class RemainingTime {
    /**
     * A point's fixed work (planning, building, results), in the units of {@link #work}: about 10 ms
     * on the 2-core machines this project runs on. Set from reproduce's 383 points with the line
     * below: 1e4 left the small points' tail under-estimated 2.5x, 1e5 over-estimated 2.2x.
     */
    static final double FIXED_WORK = 3e4;
    /** The power of the array's size in the work of a point replayed whole. */
    static final double ARRAY_POWER = 2.5;
    /**
     * A point replayed by symmetry, per layer and strategy: this much, and as much again per
     * accelerator as {@link #SYMMETRIC_WORK_PER_ACCELERATOR} says (1.1e-4 s and 5e-6 s at the prior
     * rate below, from the transformer suite's flows).
     */
    static final double SYMMETRIC_LAYER_WORK = 275;
    /** Per accelerator, layer and strategy of a point replayed by symmetry on flows. */
    static final double SYMMETRIC_WORK_PER_ACCELERATOR = 12.5;
    /**
     * Calendars' work per accelerator over flows' (VGG-E, H tree, 256 accelerators: 1.5e-4 to 4e-4 s against 5e-6 s);
     * packets in chunks, replayed by symmetry as calendars are, are counted alike (VGG-E dp on the 256 H tree: 4.3 s a
     * run against a calendar's 3.7 s).
     */
    static final double CALENDAR_FACTOR = 30;
    /** An estimate once this share of the work is done, or once as many points as threads are. */
    static final double FIRST_ESTIMATE_SHARE = 0.1;
    /** The most of a running point's work counted done before it finishes. */
    static final double RUNNING_SHARE_CAP = 0.95;
    /**
     * Seconds per unit of work before the sweep has measured its own: on the 2-core machines this
     * project runs on, reproduce's 1.1e8 units took 27.6 thread-seconds idle and about 42 loaded
     * (2.5e-7 and 3.9e-7 s per unit); the measured rate takes over as points finish.
     */
    static final double PRIOR_SECONDS_PER_WORK = 4e-7;
    /** The prior rate counts as this share of the sweep's work done at that rate (0.1 let the first large points' rate jump the share 23 points at once). */
    static final double PRIOR_WEIGHT = 0.3;

    private final List<Sweep.Point> order;
    private final int threads;
    private final double afterShare;
    private final double totalWork;
    private final Map<Integer, Double> started = new HashMap<>();
    /** Each point's {@link #work}, by its index (it builds the point's topology, so once). */
    private final Map<Integer, Double> works = new HashMap<>();
    private final List<Integer> finished = new ArrayList<>();
    private final double priorWork;
    private double doneWork;
    private double doneSeconds;

    /**
     * @param order the points in the order they start
     * @param afterShare the work after the last point (a report, charts) as a share of the time the
     *        points take: it runs on the same machine under the same load, so it scales with them
     */
    public RemainingTime(List<Sweep.Point> order, int threads, double afterShare) {
        this(order, threads, afterShare, PRIOR_WEIGHT);
    }

    /** @param priorWeight the share of the work the prior rate counts as (0: the measured rate alone) */
    RemainingTime(List<Sweep.Point> order, int threads, double afterShare, double priorWeight) {
        if (threads < 1 || afterShare < 0 || priorWeight < 0) {
            throw new IllegalArgumentException("threads must be at least 1, afterShare and priorWeight at least 0");
        }
        this.order = List.copyOf(order);
        this.threads = threads;
        this.afterShare = afterShare;
        // whether an array replays by symmetry builds its topology (0.1 to 0.3 s at 65536 accelerators): once per array
        Map<ArrayKey, Boolean> bySymmetry = new HashMap<>();
        for (Sweep.Point p : this.order) {
            Scenario s = p.scenario();
            works.put(p.index(), work(s, bySymmetry.computeIfAbsent(ArrayKey.of(s.array()),
                    k -> SimulatedArray.of(s.array(), s.schedule()).mayReplayBySymmetry())));
        }
        this.totalWork = works.values().stream().mapToDouble(Double::doubleValue).sum();
        this.priorWork = priorWeight * totalWork;
        for (int k = 0; k < Math.min(threads, order.size()); k++) {
            started.put(order.get(k).index(), 0.0);
        }
    }

    /** What decides whether a point's array replays by symmetry ({@link SimulatedArray#mayReplayBySymmetry}). */
    private record ArrayKey(TopologyKind topology, int accelerators, LinkProfile links, LinkModel linkModel,
            SymmetryMode symmetry, boolean heterogeneous) {
        static ArrayKey of(ArrayConfig a) {
            return new ArrayKey(a.topology(), a.accelerators(), a.hardware().links(), a.linkModel(), a.symmetry(),
                    a.heterogeneous());
        }
    }

    /** A point's expected work, in arbitrary units (only ratios count). */
    static double work(Scenario s) {
        return work(s, SimulatedArray.of(s.array(), s.schedule()).mayReplayBySymmetry());
    }

    /** A point's expected work, where its array replays by symmetry or not. */
    private static double work(Scenario s, boolean bySymmetry) {
        double n = s.accelerators();
        double perLayer = bySymmetry
                ? SYMMETRIC_LAYER_WORK + SYMMETRIC_WORK_PER_ACCELERATOR * (s.array().linkModel() == LinkModel.FLOW
                        ? 1 : CALENDAR_FACTOR) * n
                : Math.pow(n, ARRAY_POWER);
        return FIXED_WORK + perLayer * s.network().layers().size() * s.strategies().size();
    }

    /** Records that {@code point} finished {@code at} seconds into the sweep. */
    public void finished(Sweep.Point point, double at) {
        Double start = started.getOrDefault(point.index(), 0.0);
        doneSeconds += Math.max(0, at - start);
        doneWork += works.get(point.index());
        finished.add(point.index());
        int next = threads + finished.size() - 1;
        if (next < order.size()) {
            started.put(order.get(next).index(), at);
        }
    }

    /** The share of the expected work done, 0 to 1. */
    public double doneShare() {
        return totalWork == 0 ? 1 : doneWork / totalWork;
    }

    /**
     * The share of the expected work done {@code now} seconds into the sweep, the running points
     * counted by the time they have run over the time they are expected to take (at most
     * {@link #RUNNING_SHARE_CAP} of each, until it finishes); the finished points alone while no
     * rate is known.
     */
    public double doneShare(double now) {
        if (totalWork == 0) {
            return 1;
        }
        if (doneWork + priorWork == 0) {
            return doneShare();
        }
        double secondsPerWork = secondsPerWork();
        Set<Integer> done = new HashSet<>(finished);
        double running = 0;
        for (Map.Entry<Integer, Double> e : started.entrySet()) {
            if (!done.contains(e.getKey())) {
                double w = works.get(e.getKey());
                running += w * Math.min(RUNNING_SHARE_CAP, (now - e.getValue()) / (w * secondsPerWork));
            }
        }
        return Math.min(1, (doneWork + running) / totalWork);
    }


    /** The seconds a unit of work takes: the measured rate, with the prior's weight while little is measured. */
    private double secondsPerWork() {
        return (doneSeconds + PRIOR_SECONDS_PER_WORK * priorWork) / (doneWork + priorWork);
    }

    /**
     * Seconds left {@code now} seconds into the sweep, or empty while too little is done to tell:
     * before a tenth of the work is done (the running points counted), unless as many points as
     * threads have finished.
     */
    public OptionalDouble left(double now) {
        if (doneWork + priorWork == 0 || finished.isEmpty() && priorWork == 0
                || doneShare(now) < FIRST_ESTIMATE_SHARE && finished.size() < threads) {
            return OptionalDouble.empty();
        }
        double secondsPerWork = secondsPerWork();
        Set<Integer> done = new HashSet<>(finished);
        double threadSeconds = 0;
        double longest = 0;
        for (Sweep.Point p : order) {
            if (done.contains(p.index())) {
                continue;
            }
            double expected = works.get(p.index()) * secondsPerWork;
            Double start = started.get(p.index());
            double rest = start == null ? expected : Math.max(0, expected - (now - start));
            threadSeconds += rest;
            if (start != null) {
                longest = Math.max(longest, rest);
            }
        }
        double points = Math.max(threadSeconds / threads, longest);
        return OptionalDouble.of(points + afterShare * (now + points));
    }
}
