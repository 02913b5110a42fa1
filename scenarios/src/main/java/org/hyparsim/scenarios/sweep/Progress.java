package org.hyparsim.scenarios.sweep;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * Sweep progress on stderr: a bar with the time remaining redrawn in place on a terminal, plain
 * lines every ten seconds (and at the end) otherwise, as in a cluster job's log.
 */
public final class Progress implements SweepRunner.Listener {
    private final PrintWriter err;
    private final boolean terminal;
    private final long start = System.nanoTime();
    private long lastLine;
    private int failed;

    public Progress(PrintWriter err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    @Override
    public synchronized void pointDone(int done, int total, boolean bad) {
        if (bad) {
            failed++;
        }
        long now = System.nanoTime();
        double elapsed = (now - start) / 1e9;
        double left = done == 0 ? 0 : elapsed / done * (total - done);
        String failedNote = failed == 0 ? "" : ", " + failed + " failed";
        if (terminal) {
            int width = 30;
            int filled = (int) Math.round(width * (double) done / total);
            err.printf(Locale.ROOT, "\r[%s%s] %d/%d points%s, %s left   ", "#".repeat(filled), ".".repeat(width - filled),
                    done, total, failedNote, clock(left));
            if (done == total) {
                err.println();
            }
            err.flush();
        } else if (done == total || now - lastLine > 10_000_000_000L) {
            lastLine = now;
            err.printf(Locale.ROOT, "sweep: %d/%d points done (%d%%)%s, about %s left%n", done, total,
                    100 * done / total, failedNote, clock(left));
            err.flush();
        }
    }

    static String clock(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
