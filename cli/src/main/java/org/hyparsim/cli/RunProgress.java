package org.hyparsim.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.hyparsim.core.engine.EngineProgress;

/**
 * {@code run}'s progress on stderr once a replay has taken more than a second: the strategy, the
 * simulated time reached and the events so far, redrawn in place on a terminal, a plain line
 * every ten seconds otherwise (as sweep's progress).
 */
final class RunProgress {
    private final PrintWriter err;
    private final boolean terminal;
    private boolean shown;
    private long lastLine;

    RunProgress(PrintWriter err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    /** The listener of one strategy's replays (strategies may run on several threads at once). */
    EngineProgress of(String strategy) {
        return (simulatedPs, events) -> at(strategy, simulatedPs, events);
    }

    private synchronized void at(String strategy, long simulatedPs, long events) {
        long now = System.nanoTime();
        if (!terminal && shown && now - lastLine < 10_000_000_000L) {
            return;
        }
        String text = String.format(Locale.ROOT, "run: %s, simulated %.6g s, %,d events", strategy, simulatedPs * 1e-12,
                events);
        err.print(terminal ? "\r" + text + "   " : text + "\n");
        err.flush();
        shown = true;
        lastLine = now;
    }

    synchronized void finish() {
        if (shown && terminal) {
            err.print("\n");
            err.flush();
        }
    }
}
