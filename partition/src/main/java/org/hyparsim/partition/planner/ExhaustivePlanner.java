package org.hyparsim.partition.planner;

import java.util.List;
import org.hyparsim.partition.CommunicationModel;
import org.hyparsim.partition.Parallelism;
import org.hyparsim.partition.Plan;

/**
 * Every plan: all 2^(layers x levels) choices, the cheapest kept (the first found on ties, with
 * dp enumerated before mp, level 1 and layer 1 first). Refuses more than 2^24 plans.
 */
public final class ExhaustivePlanner implements Planner {
    /** log2 of the largest number of plans this planner will enumerate. */
    public static final int MAX_PLAN_BITS = 24;

    @Override
    public String name() {
        return StrategyKind.EXHAUSTIVE.label();
    }

    @Override
    public Plan plan(CommunicationModel model, int levels) {
        String problem = sizeProblem(model.layers(), levels);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        Search s = new Search(model, levels);
        s.descend(new Plan(model.layers(), List.of()), 0);
        return s.best;
    }

    /** Why a search of this size is refused (more than 2^MAX_PLAN_BITS plans), or null. */
    public static String sizeProblem(int layers, int levels) {
        long bits = (long) layers * levels;
        if (bits <= MAX_PLAN_BITS) {
            return null;
        }
        return "exhaustive search would enumerate 2^" + bits + " plans (" + layers + " layers x " + levels
                + " levels); the limit is 2^" + MAX_PLAN_BITS + ": use hypar, or fewer accelerators";
    }

    private static final class Search {
        final CommunicationModel model;
        final int levels;
        Plan best;
        double bestCost = Double.POSITIVE_INFINITY;

        Search(CommunicationModel model, int levels) {
            this.model = model;
            this.levels = levels;
        }

        void descend(Plan above, double costAbove) {
            int h = above.levels() + 1;
            if (h > levels) {
                if (costAbove < bestCost) {
                    bestCost = costAbove;
                    best = above;
                }
                return;
            }
            int n = model.layers();
            int[] dp = above.countAbove(h - 1, Parallelism.DP);
            int[] mp = above.countAbove(h - 1, Parallelism.MP);
            double groups = Math.scalb(1.0, h - 1);
            for (long mask = 0; mask < (1L << n); mask++) {
                if ((mask & 4095) == 0) {
                    org.hyparsim.core.engine.Deadline.check();
                }
                List<Parallelism> row = Plan.rowFromMask(mask, n);
                double cost = costAbove + groups * model.groupBytes(row, dp, mp);
                if (cost >= bestCost) {
                    continue; // amounts are never negative: deeper levels only add
                }
                descend(above.withLevel(row), cost);
            }
        }
    }
}
