package org.hyparsim.scenarios.sweep;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import org.hyparsim.input.scenario.Sweep;

/**
 * Sweep progress on stderr: a bar with the time remaining redrawn in place on a terminal, plain
 * lines otherwise (as in a cluster job's log): one every ten seconds, one each time another
 * tenth of the expected work is done, and one at the end. The time left is "estimating" until
 * {@link RemainingTime} can tell it.
 */
public final class Progress implements SweepRunner.Listener {
    /** Seconds between plain lines, at most. */
    static final double LINE_EVERY_SECONDS = 10;

    private final PrintWriter err;
    private final boolean terminal;
    private final double afterSeconds;
    private final long start = System.nanoTime();
    private RemainingTime remaining;
    private double lastLine;
    private int lastTenth;
    private int failed;

    public Progress(PrintWriter err, boolean terminal) {
        this(err, terminal, 0);
    }

    /** @param afterSeconds the seconds that the work after the points takes (counted in the time left) */
    public Progress(PrintWriter err, boolean terminal, double afterSeconds) {
        this.err = err;
        this.terminal = terminal;
        this.afterSeconds = afterSeconds;
    }

    @Override
    public synchronized void starting(List<Sweep.Point> order, int threads) {
        remaining = new RemainingTime(order, threads, afterSeconds);
        if (!terminal) {
            err.printf(Locale.ROOT, "sweep: %d points on %d thread(s), estimating the time left%n", order.size(), threads);
            err.flush();
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
        OptionalDouble left = remaining == null ? OptionalDouble.empty() : remaining.left(now);
        String leftText = left.isPresent() ? "about " + clock(left.getAsDouble()) + " left" : "estimating the time left";
        String failedNote = failed == 0 ? "" : ", " + failed + " failed";
        int tenth = remaining == null ? 0 : (int) Math.floor(remaining.doneShare() * 10 + 1e-9);
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
                    remaining == null ? 100 * done / total : (int) (remaining.doneShare() * 100), failedNote, leftText);
            err.flush();
        }
    }

    static String clock(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
