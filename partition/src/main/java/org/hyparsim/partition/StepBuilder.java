package org.hyparsim.partition;

import java.util.Locale;
import org.hyparsim.core.Limits;
import org.hyparsim.core.step.StepSink;
import org.hyparsim.core.step.TrainingStep;
import org.hyparsim.core.kind.CollectiveAlgorithm;
import org.hyparsim.partition.collective.Collectives;

/**
 * Plan + network + batch + array size -> the task graph of training steps.
 *
 * <p><b>Compute.</b> Every accelerator holds, for layer l, B / 2^(dp choices of l) samples,
 * C_in / 2^(mp choices of l) input channels and C_out / 2^(mp-out choices of l) output channels
 * (with uneven splits, its half's share of the dimension at each level instead of a half);
 * it runs forward, error and gradient compute on that shard, and the weight update. A projection
 * shortcut's 1x1 convolution runs beside its last layer, on a shard split as that layer.
 *
 * <p><b>Transfers.</b> At level h of H the groups of 2^(H-h+1) accelerators split in halves,
 * and accelerator a of a group's lower half pairs with a + 2^(H-h). Intra-layer exchanges are
 * collectives ({@link Collectives}), one all-reduce per layer and type over the accelerators that
 * differ only in the levels where the layer chose it: the mp partial sums of the output (forward,
 * after its forward compute), the mp-out partial sums of the input error (backward, after its
 * error compute, before layer l-1 uses the error), the dp gradient sums (backward, after its
 * gradient compute); each injects the planner's amount, in transfers that wait for the partial
 * sums they carry. Inter-layer and shortcut transfers are point to point: each group's amount
 * from the {@link CommunicationModel} is spread evenly over its 2^(H-h) pairs, half in each
 * direction, split into the forward part (feature map, {@link CommunicationModel#forwardShare})
 * and the backward part (error). The bytes of all transfers therefore add up to the planner's
 * total. Uneven splits change what moves between two layers (the model's shares), not how a
 * group's amount is spread over its pairs, and collectives keep one size per member.
 *
 * <p><b>Order.</b> Forward of layer l on a needs a's forward of l-1 and the partial sums,
 * shortcut additions and forward redistribution into a that layer l-1's output needs; a
 * shortcut's forward transfer leaves after its first layer's forward on the sender. Backward
 * runs from the last layer: error and gradient of l need a's error of l+1, the mp-out sums and
 * the backward redistribution into a; a shortcut's error leaves when the error its last layer
 * received is complete on the sender, and its first layer's error waits for it; the gradient
 * sums of l follow a's gradient compute; the update of l needs the gradient sums into a. With
 * several steps, step i+1's forward of l on a follows step i's update of l.
 */
public final class StepBuilder {
    private StepBuilder() {
    }

    public static TrainingStep build(CommunicationModel model, Plan plan, int iterations, Collectives collectives) {
        TrainingStep.Builder b = new TrainingStep.Builder(1 << plan.levels(), iterations, model.network().layerNames());
        fill(b, model, plan, iterations, collectives);
        return b.build();
    }

    /** Adds the step's tasks to a sink (the whole graph, or a representative's share of it). */
    public static void fill(StepSink b, CommunicationModel model, Plan plan, int iterations, Collectives collectives) {
        new StepFill(b, model, plan, collectives).steps(iterations);
    }

    /**
     * Why a step of this size is refused, or null when it is not: per layer and accelerator 4
     * compute tasks, at most 2 inter-layer transfers per level, and the sends of its two
     * all-reduces by the algorithm; at most {@link Limits#maxStepTasks()} where a
     * symmetry may cut it ({@code reducible}), {@link Limits#maxTasks()} otherwise.
     */
    public static String sizeProblem(int accelerators, int layers, int iterations, CollectiveAlgorithm algorithm,
            boolean reducible) {
        int levels = Integer.numberOfTrailingZeros(accelerators);
        double tasks = (double) layers * accelerators * iterations
                * (4 + 2.0 * levels + Collectives.maxSendsPerAccelerator(algorithm, accelerators));
        String limit = reducible ? "maxStepTasks" : "maxTasks";
        long max = reducible ? Limits.maxStepTasks() : Limits.maxTasks();
        if (tasks <= max) {
            return null;
        }
        return accelerators + " accelerators x " + layers + " layers x " + iterations + " step(s) make up to "
                + String.format(Locale.ROOT, "%.3g", tasks) + " tasks with the " + algorithm.label()
                + " collective, more than the limit of " + max + (reducible ? " for a step cut by symmetry" : "")
                + " (system property " + Limits.property(limit) + ")";
    }
}
