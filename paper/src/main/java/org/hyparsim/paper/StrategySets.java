package org.hyparsim.paper;

import java.util.List;
import org.hyparsim.core.kind.StrategyKind;

/** The sets of strategies the reproduction's suites run. */
public final class StrategySets {
    /** Figs. 6, 7 and 8 and the hmc-rs section: the paper's four. */
    public static final List<StrategyKind> PAPER = List.of(StrategyKind.MP, StrategyKind.DP, StrategyKind.TRICK,
            StrategyKind.HYPAR);
    public static final List<StrategyKind> DP_HYPAR = List.of(StrategyKind.DP, StrategyKind.HYPAR);
    public static final List<StrategyKind> DP_ONLY = List.of(StrategyKind.DP);
    public static final List<StrategyKind> ACCPAR = List.of(StrategyKind.DP, StrategyKind.HYPAR, StrategyKind.ACCPAR);
    /** The baselines a timed plan is measured against. */
    public static final List<StrategyKind> TIMED_BASELINES = List.of(StrategyKind.DP, StrategyKind.TRICK,
            StrategyKind.HYPAR, StrategyKind.ACCPAR);
    public static final List<StrategyKind> TIMED = List.of(StrategyKind.DP, StrategyKind.TRICK, StrategyKind.HYPAR,
            StrategyKind.ACCPAR, StrategyKind.TIMED);

    private StrategySets() {
    }
}
