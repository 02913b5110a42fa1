package org.hyparsim.partition.planner;

import org.hyparsim.core.kind.StrategyKind;
import org.hyparsim.partition.CommunicationModel;
import org.hyparsim.partition.Plan;

/** A plan given from outside (read and checked by a reader), checked again against the network and array. */
public final class FilePlanner implements Planner {
    private final Plan plan;

    public FilePlanner(Plan plan) {
        if (plan == null) {
            throw new IllegalArgumentException("plan is required");
        }
        this.plan = plan;
    }

    @Override
    public String name() {
        return StrategyKind.FILE.label();
    }

    @Override
    public Plan plan(CommunicationModel model, int levels) {
        String problem = problem(plan, model.layers(), levels);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        for (int h = 1; h <= levels; h++) {
            if (!model.conform(plan.rows().get(h - 1)).equals(plan.rows().get(h - 1))) {
                throw new IllegalArgumentException("level " + h + " of the plan gives a layer that keeps its input's "
                        + "layout (attention, a norm, softmax, element-wise) another type than the layer before it");
            }
        }
        return plan;
    }

    /** Why a plan does not fit a network of {@code layers} layers on 2^levels accelerators, or null. */
    public static String problem(Plan plan, int layers, int levels) {
        if (plan.layers() != layers) {
            return "the plan has " + plan.layers() + " layers per level, the network has " + layers;
        }
        if (plan.levels() != levels) {
            return "the plan has " + plan.levels() + " levels, the array needs " + levels + " (2^" + levels
                    + " accelerators)";
        }
        return null;
    }
}
