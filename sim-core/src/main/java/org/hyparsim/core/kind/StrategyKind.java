package org.hyparsim.core.kind;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.hyparsim.core.Named;

/** The strategies a run can use: the built-in planners and a plan read from a file. */
public enum StrategyKind implements Named {
    /** Data parallelism everywhere. */
    DP,
    /** Model parallelism everywhere. */
    MP,
    /** Krizhevsky's "one weird trick": conv layers dp, fc layers mp. */
    TRICK,
    /** The paper's hierarchical layer-wise dynamic program (dp, mp). */
    HYPAR,
    /** The same over AccPar's three partition types (dp, mp, mp-out). */
    ACCPAR,
    /** Every plan, the cheapest kept. */
    EXHAUSTIVE,
    /** Plans chosen by simulated time: an estimate's dynamic program, refined by replays on the array. */
    TIMED,
    /** A plan given from outside. */
    FILE;

    /** The name in scenarios, on the command line and in results. */
    @Override
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<StrategyKind> fromName(String name) {
        return Named.fromName(StrategyKind.class, name);
    }

    /** How many partition types the strategy's plans use: 3 for accpar, 2 for the others (exhaustive: by default). */
    public int partitionTypes() {
        return this == ACCPAR ? 3 : 2;
    }

    /** The names of the built-in planners (every kind but FILE). */
    public static List<String> plannerNames() {
        return Arrays.stream(values()).filter(k -> k != FILE).map(StrategyKind::label).toList();
    }
}
