package org.hyparsim.partition.planner;

import java.util.Arrays;
import java.util.List;
import org.hyparsim.partition.CommunicationModel;
import org.hyparsim.partition.Parallelism;
import org.hyparsim.partition.Plan;

/**
 * HyPar: Algorithm 2 (greedy top-down over the levels) around Algorithm 1 (a dynamic program
 * over the layers of one level with two states, the last layer's choice). Ties go to dp, inside
 * the recursion and at the final choice.
 */
public final class HyParPlanner implements Planner {
    @Override
    public String name() {
        return StrategyKind.HYPAR.label();
    }

    @Override
    public Plan plan(CommunicationModel model, int levels) {
        Plan plan = new Plan(model.layers(), List.of());
        for (int h = 1; h <= levels; h++) {
            org.hyparsim.core.engine.Deadline.check();
            int[] dp = plan.countAbove(h - 1, Parallelism.DP);
            int[] mp = plan.countAbove(h - 1, Parallelism.MP);
            plan = plan.withLevel(solveLevel(model, dp, mp));
        }
        return plan;
    }

    /** Algorithm 1: the row of choices minimising one group's bytes at a level, given the splits above. */
    public static List<Parallelism> solveLevel(CommunicationModel model, int[] dpAbove, int[] mpAbove) {
        int n = model.layers();
        double[] costDp = new double[n];
        double[] costMp = new double[n];
        // fromDp[l][s]: whether state s at layer l came from dp at layer l-1
        boolean[] dpFromDp = new boolean[n];
        boolean[] mpFromDp = new boolean[n];
        costDp[0] = model.intraBytes(0, Parallelism.DP, dpAbove[0], mpAbove[0]);
        costMp[0] = model.intraBytes(0, Parallelism.MP, dpAbove[0], mpAbove[0]);
        for (int l = 1; l < n; l++) {
            int d = dpAbove[l];
            int m = mpAbove[l];
            double viaDp = costDp[l - 1] + model.interBytes(l - 1, Parallelism.DP, Parallelism.DP, d, m);
            double viaMp = costMp[l - 1] + model.interBytes(l - 1, Parallelism.MP, Parallelism.DP, d, m);
            dpFromDp[l] = viaDp <= viaMp;
            costDp[l] = (dpFromDp[l] ? viaDp : viaMp) + model.intraBytes(l, Parallelism.DP, d, m);
            viaDp = costDp[l - 1] + model.interBytes(l - 1, Parallelism.DP, Parallelism.MP, d, m);
            viaMp = costMp[l - 1] + model.interBytes(l - 1, Parallelism.MP, Parallelism.MP, d, m);
            mpFromDp[l] = viaDp <= viaMp;
            costMp[l] = (mpFromDp[l] ? viaDp : viaMp) + model.intraBytes(l, Parallelism.MP, d, m);
        }
        Parallelism[] row = new Parallelism[n];
        Parallelism state = costDp[n - 1] <= costMp[n - 1] ? Parallelism.DP : Parallelism.MP;
        for (int l = n - 1; l >= 0; l--) {
            row[l] = state;
            if (l > 0) {
                boolean fromDp = state == Parallelism.DP ? dpFromDp[l] : mpFromDp[l];
                state = fromDp ? Parallelism.DP : Parallelism.MP;
            }
        }
        return Arrays.asList(row);
    }
}
