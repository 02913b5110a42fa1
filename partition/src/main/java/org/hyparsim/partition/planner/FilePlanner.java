package org.hyparsim.partition.planner;

import org.hyparsim.core.InputException;
import org.hyparsim.partition.CommunicationModel;
import org.hyparsim.partition.Plan;

/** A plan given from outside (read from a file by the caller), checked against the network and array. */
public final class FilePlanner implements Planner {
    private final Plan plan;
    private final String source;

    public FilePlanner(Plan plan, String source) {
        if (plan == null) {
            throw new IllegalArgumentException("plan is required");
        }
        this.plan = plan;
        this.source = source;
    }

    @Override
    public String name() {
        return "file";
    }

    @Override
    public Plan plan(CommunicationModel model, int levels) {
        if (plan.layers() != model.layers()) {
            throw new InputException(source, "plan", "the plan has " + plan.layers() + " layers per level, network "
                    + model.network().name() + " has " + model.layers());
        }
        if (plan.levels() != levels) {
            throw new InputException(source, "plan", "the plan has " + plan.levels() + " levels, the array needs "
                    + levels + " (2^" + levels + " accelerators)");
        }
        return plan;
    }
}
