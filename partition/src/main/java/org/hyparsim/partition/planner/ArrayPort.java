package org.hyparsim.partition.planner;

import java.util.List;
import org.hyparsim.core.step.ComputeModel;
import org.hyparsim.core.step.Fabric;
import org.hyparsim.core.step.Schedule;
import org.hyparsim.core.step.StepResult;
import org.hyparsim.partition.Plan;
import org.hyparsim.partition.collective.Collectives;

/**
 * What a planner that chooses by simulated time sees of the simulated array: the models its
 * estimate uses (compute per hardware group, the fabric, the collectives in force) and a replay,
 * a plan in and a step result out. The scenario layer implements it over its assembled array;
 * planners never build an array themselves.
 */
public interface ArrayPort {
    /** The accelerators, 2^H. */
    int accelerators();

    /** The samples of one step over the whole array. */
    int batch();

    Schedule schedule();

    /** Whether the step is inference (forward only). */
    boolean inference();

    /** The fabric the array's exchanges are timed on. */
    Fabric fabric();

    /** The collective algorithms in force over that fabric. */
    Collectives collectives();

    /** Each hardware group's compute model, groups in accelerator order. */
    List<ComputeModel> groupModels();

    /** Each hardware group's accelerator count, groups in accelerator order. */
    List<Integer> groupCounts();

    /** Whether each of level h's halves lies on one hardware group. */
    boolean halvesUniform(int level);

    /** The plan replayed on the array. */
    StepResult replay(Plan plan);

    /**
     * Whether a plan may be chosen by its memory footprint: true for every plan unless the
     * scenario requires plans to fit ({@code fit: required}) and this one does not.
     */
    default boolean admits(Plan plan) {
        return true;
    }

    /** H, for 2^H accelerators. */
    default int levels() {
        return Integer.numberOfTrailingZeros(accelerators());
    }

    /** Whether the array mixes hardware groups. */
    default boolean heterogeneous() {
        return groupCounts().size() > 1;
    }
}
