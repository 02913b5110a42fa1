package org.hyparsim.scenarios.sweep;

import java.io.IOException;
import java.util.Collections;
import java.util.Comparator;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.hyparsim.core.engine.SimEngine;
import org.hyparsim.results.RunRecord;
import org.hyparsim.results.RunRow;
import org.hyparsim.input.scenario.Scenario;
import org.hyparsim.scenarios.run.ScenarioRunner;
import org.hyparsim.input.scenario.Sweep;

/**
 * Runs sweep points on a pool of threads. Each point's rows (one per strategy) are kept by
 * point index, so the output does not depend on the thread count; a point that fails is
 * recorded with its error and the others go on.
 */
public final class SweepRunner {

    /** What a sweep (or a shard of one) produced. */
    public record Outcome(List<RunRow> rows, int pointsRun, int pointsFailed) {
    }

    /** Told after each point. */
    public interface Listener {
        void pointDone(int done, int total, boolean failed);

        /** Told once before any point runs: the points in the order they start, on how many threads. */
        default void starting(List<Sweep.Point> order, int threads) {
        }

        /** Told once when the sweep ends, finished or not. */
        default void ended() {
        }

        /** Told as a point fails, with the reason (before {@link #pointDone}). */
        default void pointFailed(Sweep.Point point, String reason) {
        }

        /** Told after each point, with the point. */
        default void pointDone(Sweep.Point point, int done, int total, boolean failed) {
            pointDone(done, total, failed);
        }
    }

    /** Told the rows of each finished point, as soon as it finishes (the journal). */
    public interface PointSink {
        void pointFinished(int point, List<RunRow> rows) throws IOException;
    }

    private SweepRunner() {
    }

    public static Outcome run(List<Sweep.Point> points, int threads, Listener listener) {
        return run(points, threads, listener, 0, null);
    }

    /**
     * @param timeoutSeconds wall-clock limit per point (0: none); a point past it fails with "timed out"
     * @param sink told each point's rows as it finishes, or null
     */
    public static Outcome run(List<Sweep.Point> points, int threads, Listener listener, double timeoutSeconds,
            PointSink sink) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "sweep-point");
            t.setDaemon(true);
            return t;
        });
        AtomicInteger done = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        try {
            // the largest arrays start first (their points take longest: a short tail on every thread);
            // the rows come back in the points' order
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < points.size(); i++) {
                order.add(i);
            }
            order.sort(Comparator.comparingInt((Integer i) -> points.get(i).scenario().accelerators())
                    .reversed());
            // but one smallest point per thread goes first: done in moments, it gives the time left a rate
            // to start from long before the first large point ends
            int first = Math.min(Math.max(1, threads), order.size() / 4);
            List<Integer> smallest = new ArrayList<>(order.subList(order.size() - first, order.size()));
            order.subList(order.size() - first, order.size()).clear();
            order.addAll(0, smallest);
            listener.starting(order.stream().map(points::get).toList(), Math.max(1, threads));
            List<Future<List<RunRow>>> futures = new ArrayList<>(Collections.nCopies(points.size(), null));
            for (int i : order) {
                Sweep.Point p = points.get(i);
                futures.set(i, pool.submit(() -> {
                    List<RunRow> rows;
                    boolean bad = false;
                    try {
                        List<RunRecord> runs = timeoutSeconds > 0
                                ? SimEngine.withDeadline(timeoutSeconds, () -> ScenarioRunner.run(p.scenario(), false))
                                : ScenarioRunner.run(p.scenario(), false);
                        rows = rows(p, runs);
                    } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
                        rows = failedRows(p, e);
                        bad = true;
                        failed.incrementAndGet();
                        listener.pointFailed(p, reason(e));
                    }
                    if (sink != null) {
                        sink.pointFinished(p.index(), rows);
                    }
                    listener.pointDone(p, done.incrementAndGet(), points.size(), bad);
                    return rows;
                }));
            }
            List<RunRow> all = new ArrayList<>();
            for (Future<List<RunRow>> f : futures) {
                all.addAll(f.get());
            }
            return new Outcome(all, points.size(), failed.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the sweep was interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a sweep point failed unexpectedly: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
            listener.ended();
        }
    }

    static List<RunRow> rows(Sweep.Point p, List<RunRecord> runs) {
        return runs.stream().map(r -> RunRow.of(r).atPoint(p.index())).toList();
    }

    /** Why a point failed, in words. */
    static String reason(Throwable e) {
        String message = e instanceof OutOfMemoryError ? "out of memory"
                : e instanceof StackOverflowError ? "stack overflow" : e.getMessage();
        return message == null || message.isBlank() ? "an internal error without a message" : message;
    }

    static List<RunRow> failedRows(Sweep.Point p, Throwable e) {
        Scenario s = p.scenario();
        String error = reason(e);
        return s.strategies().stream()
                .map(strategy -> RunRow.failed(ScenarioRunner.key(s, strategy), error).atPoint(p.index())).toList();
    }
}
