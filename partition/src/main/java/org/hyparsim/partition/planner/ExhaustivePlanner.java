package org.hyparsim.partition.planner;

import org.hyparsim.core.kind.StrategyKind;
import java.util.List;
import org.hyparsim.core.engine.Deadline;
import org.hyparsim.partition.CommunicationModel;
import org.hyparsim.core.kind.Parallelism;
import org.hyparsim.partition.Plan;
import org.hyparsim.partition.Split;

/**
 * Every plan: all k^(layers x levels) choices over k = 2 (dp, mp) or 3 (dp, mp, mp-out) partition
 * types, the cheapest kept (the first found on ties, with the types in that order, level 1 and
 * layer 1 first). Refuses more than 2^24 plans.
 */
public final class ExhaustivePlanner implements Planner {
    /** log2 of the largest number of plans this planner will enumerate. */
    public static final int MAX_PLAN_BITS = 24;

    private final List<Parallelism> types;

    /** Over dp and mp. */
    public ExhaustivePlanner() {
        this(2);
    }

    /** Over the first {@code partitionTypes} types: 2 (dp, mp) or 3 (dp, mp, mp-out). */
    public ExhaustivePlanner(int partitionTypes) {
        this.types = Parallelism.firstTypes(partitionTypes);
    }

    @Override
    public String name() {
        return StrategyKind.EXHAUSTIVE.label();
    }

    @Override
    public Plan plan(CommunicationModel model, int levels) {
        String problem = sizeProblem(model.layers(), levels, types.size());
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        Search s = new Search(model, levels, types);
        s.descend(new Plan(model.layers(), List.of()), 0);
        return s.best;
    }

    /** Why a search of this size is refused (more than 2^MAX_PLAN_BITS plans), or null. */
    public static String sizeProblem(int layers, int levels, int partitionTypes) {
        long choices = (long) layers * levels;
        double bits = choices * (Math.log(partitionTypes) / Math.log(2));
        if (bits <= MAX_PLAN_BITS + 1e-9) {
            return null;
        }
        return "exhaustive search would enumerate " + partitionTypes + "^" + choices + " plans (" + layers
                + " layers x " + levels + " levels); the limit is 2^" + MAX_PLAN_BITS
                + ": use hypar or accpar, or fewer accelerators";
    }

    private static final class Search {
        final CommunicationModel model;
        final int levels;
        final List<Parallelism> types;
        final long rows;
        Plan best;
        double bestCost = Double.POSITIVE_INFINITY;

        Search(CommunicationModel model, int levels, List<Parallelism> types) {
            this.model = model;
            this.levels = levels;
            this.types = types;
            long r = 1;
            for (int l = 0; l < model.layers(); l++) {
                r *= types.size();
            }
            this.rows = r;
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
            Split[] split = above.splitsAbove(h - 1);
            double groups = Math.scalb(1.0, h - 1);
            for (long index = 0; index < rows; index++) {
                if ((index & 4095) == 0) {
                    Deadline.check();
                }
                List<Parallelism> row = Plan.rowFromIndex(index, n, types);
                double cost = costAbove + groups * model.groupBytes(row, split);
                if (cost >= bestCost) {
                    continue; // amounts are never negative: deeper levels only add
                }
                descend(above.withLevel(row), cost);
            }
        }
    }
}
