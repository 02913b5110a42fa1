package org.hyparsim.partition.planner;

import org.hyparsim.core.kind.StrategyKind;
import java.util.ArrayList;
import java.util.List;
import org.hyparsim.core.workload.LayerType;
import org.hyparsim.partition.CommunicationModel;
import org.hyparsim.core.kind.Parallelism;
import org.hyparsim.partition.Plan;

/**
 * Krizhevsky's "one weird trick" (2014): conv layers dp, fc (linear) layers mp, at every level;
 * layers that keep their input's layout take their producer's type.
 */
public final class OneWeirdTrickPlanner implements Planner {
    @Override
    public String name() {
        return StrategyKind.TRICK.label();
    }

    @Override
    public Plan plan(CommunicationModel model, int levels) {
        List<Parallelism> row = new ArrayList<>();
        for (int l = 0; l < model.layers(); l++) {
            row.add(model.network().layer(l).type() == LayerType.LINEAR ? Parallelism.MP : Parallelism.DP);
        }
        List<List<Parallelism>> rows = new ArrayList<>();
        List<Parallelism> conformed = model.conform(row);
        for (int h = 0; h < levels; h++) {
            rows.add(conformed);
        }
        return new Plan(model.layers(), rows);
    }
}
