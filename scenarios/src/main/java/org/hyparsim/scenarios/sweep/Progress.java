package org.hyparsim.scenarios.sweep;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.hyparsim.input.scenario.Sweep;

/**
 * Sweep progress on stderr: a bar with the time remaining redrawn in place on a terminal, plain
 * lines otherwise (as in a cluster job's log): one every ten seconds, one each time another
 * tenth of the expected work is done (running points counted by the time they have run, looked
 * at once a second between points), and one at the end. The time left is "estimating" until
 * {@link RemainingTime} can tell it.
 */
public final class Progress implements SweepRunner.Listener {
    /** Seconds between plain lines, at most. */
    static final double LINE_EVERY_SECONDS = 10;
    /** Seconds between looks at the running points. */
    static final long TICK_SECONDS = 1;

    private final PrintWriter err;
    private final boolean terminal;
    private final double afterShare;
    private final long start = System.nanoTime();
    private RemainingTime remaining;
    private ScheduledExecutorService ticker;
    private int lastDone;
    private int lastTotal = 1;
    private double lastLine;
    private int lastTenth;
    private int failed;

    public Progress(PrintWriter err, boolean terminal) {
        this(err, terminal, 0);
    }

    /** @param afterShare the work after the points as a share of the points' time (counted in the time left) */
    public Progress(PrintWriter err, boolean terminal, double afterShare) {
        this.err = err;
        this.terminal = terminal;
        this.afterShare = afterShare;
    }

    @Override
    public synchronized void starting(List<Sweep.Point> order, int threads) {
        remaining = new RemainingTime(order, threads, afterShare);
        lastTotal = order.size();
        if (!terminal) {
            err.printf(Locale.ROOT, "sweep: %d points on %d thread(s), estimating the time left%n", order.size(), threads);
            err.flush();
            ticker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "sweep-progress");
                t.setDaemon(true);
                return t;
            });
            ticker.scheduleAtFixedRate(this::tick, TICK_SECONDS, TICK_SECONDS, TimeUnit.SECONDS);
        }
    }

    /** Between points: a line where the running points have done another tenth of the work, or ten seconds passed. */
    private synchronized void tick() {
        if (lastDone < lastTotal) {
            count(lastDone, lastTotal, false, (System.nanoTime() - start) / 1e9);
        }
    }

    /** No more looks at the running points once the sweep has ended, however it ended. */
    @Override
    public synchronized void ended() {
        if (ticker != null) {
            ticker.shutdownNow();
        }
    }

    /** A failed point's reason, on its own line as it fails. */
    @Override
    public synchronized void pointFailed(Sweep.Point point, String reason) {
        err.printf(Locale.ROOT, "%spoint %d %s failed: %s%n", terminal ? "\r" : "", point.index(), point.axes(), reason);
        err.flush();
    }

    @Override
    public synchronized void pointDone(Sweep.Point point, int done, int total, boolean bad) {
        double now = (System.nanoTime() - start) / 1e9;
        if (remaining != null) {
            remaining.finished(point, now);
        }
        count(done, total, bad, now);
    }

    @Override
    public synchronized void pointDone(int done, int total, boolean bad) {
        count(done, total, bad, (System.nanoTime() - start) / 1e9);
    }

    private void count(int done, int total, boolean bad, double now) {
        if (bad) {
            failed++;
        }
        lastDone = done;
        lastTotal = total;
        if (done == total && ticker != null) {
            ticker.shutdownNow();
        }
        OptionalDouble left = remaining == null ? OptionalDouble.empty() : remaining.left(now);
        String leftText = left.isPresent() ? "about " + clock(left.getAsDouble()) + " left" : "estimating the time left";
        String failedNote = failed == 0 ? "" : ", " + failed + " failed";
        double share = remaining == null ? (double) done / total : remaining.doneShare(now);
        int tenth = (int) Math.floor(share * 10 + 1e-9);
        if (terminal) {
            int width = 30;
            int filled = (int) Math.round(width * (double) done / total);
            err.printf(Locale.ROOT, "\r[%s%s] %d/%d points%s, %s   ", "#".repeat(filled), ".".repeat(width - filled),
                    done, total, failedNote, leftText);
            if (done == total) {
                err.println();
            }
            err.flush();
        } else if (done == total || now - lastLine >= LINE_EVERY_SECONDS || tenth > lastTenth) {
            lastLine = now;
            lastTenth = tenth;
            err.printf(Locale.ROOT, "sweep: %d/%d points done (%d%% of the work)%s, %s%n", done, total,
                    (int) (share * 100), failedNote, leftText);
            err.flush();
        }
    }

    static String clock(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
