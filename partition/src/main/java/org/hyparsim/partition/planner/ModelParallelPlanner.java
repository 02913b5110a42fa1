package org.hyparsim.partition.planner;

import org.hyparsim.core.kind.StrategyKind;
import org.hyparsim.partition.CommunicationModel;
import org.hyparsim.core.kind.Parallelism;
import org.hyparsim.partition.Plan;

/** Model parallelism for every layer at every level. */
public final class ModelParallelPlanner implements Planner {
    @Override
    public String name() {
        return StrategyKind.MP.label();
    }

    @Override
    public Plan plan(CommunicationModel model, int levels) {
        return Plan.uniform(model.layers(), levels, Parallelism.MP);
    }
}
