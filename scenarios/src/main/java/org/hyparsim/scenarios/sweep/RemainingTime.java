package org.hyparsim.scenarios.sweep;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import org.hyparsim.input.scenario.Scenario;
import org.hyparsim.input.scenario.Sweep;

/**
 * The time a sweep has left, from each point's expected work and the seconds per unit of work
 * its finished points took. A point's work grows with its array (by the power 2.5), its layers
 * and its strategies, over a fixed cost: fitted to the reproduction's 383 points (1 to 256
 * accelerators, where one 256-accelerator point takes as long as a thousand 16-accelerator
 * ones), within 2x per array size. Points start in the order given, each on the first free
 * thread (a fixed pool), so a point's start is the finish of the point whose thread it takes.
 * Times are passed in, in seconds from the sweep's start: the estimator reads no clock.
 */
public final class RemainingTime {
    /** A point's fixed work, in the units of {@link #work}: about 5 ms on the machine the fit was made on. */
    static final double FIXED_WORK = 1e4;
    /** The power of the array's size in a point's work. */
    static final double ARRAY_POWER = 2.5;
    /** An estimate once this share of the work is done, or once as many points as threads are. */
    static final double FIRST_ESTIMATE_SHARE = 0.1;
    /** The most of a running point's work counted done before it finishes. */
    static final double RUNNING_SHARE_CAP = 0.95;

    private final List<Sweep.Point> order;
    private final int threads;
    private final double afterShare;
    private final double totalWork;
    private final Map<Integer, Double> started = new HashMap<>();
    private final List<Integer> finished = new ArrayList<>();
    private double doneWork;
    private double doneSeconds;

    /**
     * @param order the points in the order they start
     * @param afterShare the work after the last point (a report, charts) as a share of the time the
     *        points take: it runs on the same machine under the same load, so it scales with them
     */
    public RemainingTime(List<Sweep.Point> order, int threads, double afterShare) {
        if (threads < 1 || afterShare < 0) {
            throw new IllegalArgumentException("threads must be at least 1 and afterShare at least 0");
        }
        this.order = List.copyOf(order);
        this.threads = threads;
        this.afterShare = afterShare;
        this.totalWork = order.stream().mapToDouble(p -> work(p.scenario())).sum();
        for (int k = 0; k < Math.min(threads, order.size()); k++) {
            started.put(order.get(k).index(), 0.0);
        }
    }

    /** A point's expected work, in arbitrary units (only ratios count). */
    static double work(Scenario s) {
        return FIXED_WORK + Math.pow(s.accelerators(), ARRAY_POWER) * s.network().layers().size()
                * s.strategies().size();
    }

    /** Records that {@code point} finished {@code at} seconds into the sweep. */
    public void finished(Sweep.Point point, double at) {
        Double start = started.getOrDefault(point.index(), 0.0);
        doneSeconds += Math.max(0, at - start);
        doneWork += work(point.scenario());
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
        if (finished.isEmpty()) {
            return doneShare();
        }
        double secondsPerWork = doneSeconds / doneWork;
        Set<Integer> done = new HashSet<>(finished);
        double running = 0;
        for (Map.Entry<Integer, Double> e : started.entrySet()) {
            if (!done.contains(e.getKey())) {
                double w = work(pointAt(e.getKey()).scenario());
                running += w * Math.min(RUNNING_SHARE_CAP, (now - e.getValue()) / (w * secondsPerWork));
            }
        }
        return Math.min(1, (doneWork + running) / totalWork);
    }

    private Sweep.Point pointAt(int index) {
        for (Sweep.Point p : order) {
            if (p.index() == index) {
                return p;
            }
        }
        throw new IllegalArgumentException("no point " + index);
    }

    /** Seconds left {@code now} seconds into the sweep, or empty while too little is done to tell. */
    public OptionalDouble left(double now) {
        if (finished.isEmpty() || doneShare() < FIRST_ESTIMATE_SHARE && finished.size() < threads) {
            return OptionalDouble.empty();
        }
        double secondsPerWork = doneSeconds / doneWork;
        Set<Integer> done = new HashSet<>(finished);
        double threadSeconds = 0;
        double longest = 0;
        for (Sweep.Point p : order) {
            if (done.contains(p.index())) {
                continue;
            }
            double expected = work(p.scenario()) * secondsPerWork;
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
