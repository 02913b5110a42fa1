package org.hyparsim.partition;

import java.util.ArrayList;
import java.util.List;
import org.hyparsim.core.step.ComputeWork;
import org.hyparsim.core.step.TaskKind;
import org.hyparsim.core.step.TrainingStep;
import org.hyparsim.core.step.TransferKind;
import org.hyparsim.core.workload.Layer;
import org.hyparsim.core.workload.Network;
import org.hyparsim.partition.collective.CollectiveAlgorithm;
import org.hyparsim.partition.collective.CollectiveOp;
import org.hyparsim.partition.collective.Collectives;

/**
 * Plan + network + batch + array size -> the task graph of training steps.
 *
 * <p><b>Compute.</b> Every accelerator holds, for layer l, B / 2^(dp choices of l) samples and
 * C_in / 2^(mp choices of l) input channels; it runs forward, error and gradient compute on
 * that shard, and the weight update.
 *
 * <p><b>Transfers.</b> At level h of H the groups of 2^(H-h+1) accelerators split in halves,
 * and accelerator a of a group's lower half pairs with a + 2^(H-h). Intra-layer exchanges are
 * collectives ({@link Collectives}): the mp partial sums of layer l (forward, after its forward
 * compute) are one all-reduce over the accelerators that differ only in l's mp levels, the dp
 * gradient sums (backward, after its gradient compute) one over those that differ only in its
 * dp levels; each injects the planner's amount, in transfers that wait for the partial sums
 * they carry. Inter-layer transfers are point to point: each group's amount from the
 * {@link CommunicationModel} is spread evenly over its 2^(H-h) pairs, half in each
 * direction. Inter-layer between l and l+1: the
 * dp-to-mp amount is half feature map (forward) and half error (backward); the mp-to-mp and
 * mp-to-dp amounts are error (backward). The bytes of all transfers therefore add up to the
 * planner's total.
 *
 * <p><b>Order.</b> Forward of layer l on a needs a's forward of l-1 and the partial sums and
 * forward redistribution into a that layer l-1's output needs. Backward runs from the last
 * layer: error and gradient of l need a's error of l+1 and the backward redistribution into
 * a; the gradient sums of l follow a's gradient compute; the update of l needs the gradient
 * sums into a. With several steps, step i+1's forward of l on a follows step i's update of l.
 */
public final class StepBuilder {
    private StepBuilder() {
    }

    /** The step with the paper's hierarchical exchange and no knowledge of the network. */
    public static TrainingStep build(CommunicationModel model, Plan plan, int iterations) {
        return build(model, plan, iterations, new Collectives(CollectiveAlgorithm.HIERARCHICAL, null, plan.levels()));
    }

    public static TrainingStep build(CommunicationModel model, Plan plan, int iterations, Collectives collectives) {
        Network net = model.network();
        int levels = plan.levels();
        int n = 1 << levels;
        int layers = net.size();
        int batch = model.accounting().batch();
        int[] dpAll = plan.countAbove(levels, Parallelism.DP);
        int[] mpAll = plan.countAbove(levels, Parallelism.MP);
        ComputeWork[][] works = new ComputeWork[layers][4];
        TaskKind[] phases = {TaskKind.FORWARD, TaskKind.ERROR, TaskKind.GRADIENT, TaskKind.UPDATE};
        for (int l = 0; l < layers; l++) {
            Layer layer = net.layer(l);
            double samples = batch / Math.scalb(1.0, dpAll[l]);
            double channels = layer.inChannels() / Math.scalb(1.0, mpAll[l]);
            for (int p = 0; p < 4; p++) {
                works[l][p] = new ComputeWork(layer, phases[p], samples, channels);
            }
        }
        String tooBig = sizeProblem(n, layers, iterations, collectives.algorithm());
        if (tooBig != null) {
            throw new IllegalArgumentException(tooBig);
        }
        TrainingStep.Builder b = new TrainingStep.Builder(n, iterations, net.layerNames());
        int[][] previousUpdate = null;
        for (int it = 0; it < iterations; it++) {
            int[][] fwd = new int[layers][n];
            int[][] err = new int[layers][n];
            int[][] grad = new int[layers][n];
            int[][] upd = new int[layers][n];
            // forward
            List<List<int[]>> psum = new ArrayList<>(); // per layer: transfers {id, dst}
            for (int l = 0; l < layers; l++) {
                org.hyparsim.core.engine.Deadline.check();
                for (int a = 0; a < n; a++) {
                    fwd[l][a] = b.compute(it, a, works[l][0], l);
                    if (l > 0) {
                        b.depends(fwd[l][a], fwd[l - 1][a]);
                    }
                    if (previousUpdate != null) {
                        b.depends(fwd[l][a], previousUpdate[l][a]);
                    }
                }
                if (l > 0) {
                    // what layer l-1's output needs before layer l can start: its partial sums...
                    for (int[] t : psum.get(l - 1)) {
                        b.depends(fwd[l][t[1]], t[0]);
                    }
                    // ...and the forward redistribution between l-1 and l
                    List<List<Integer>> sumsInto = byDestination(psum.get(l - 1), n);
                    for (int[] t : interTransfers(b, model, plan, it, l - 1, true)) {
                        b.depends(t[0], fwd[l - 1][t[2]]);
                        for (int s : sumsInto.get(t[2])) {
                            b.depends(t[0], s);
                        }
                        b.depends(fwd[l][t[1]], t[0]);
                    }
                }
                psum.add(intraCollective(b, collectives, model, plan, it, l, Parallelism.MP, fwd[l]).transfers());
            }
            if (model.forwardOnly()) {
                previousUpdate = fwd; // inference: the next step's forward of a layer follows this one's
                continue;
            }
            // backward, from the last layer
            for (int l = layers - 1; l >= 0; l--) {
                org.hyparsim.core.engine.Deadline.check();
                for (int a = 0; a < n; a++) {
                    err[l][a] = b.compute(it, a, works[l][1], l);
                    grad[l][a] = b.compute(it, a, works[l][2], l);
                    if (l == layers - 1) {
                        b.depends(err[l][a], fwd[l][a]);
                        b.depends(grad[l][a], fwd[l][a]);
                    } else {
                        b.depends(err[l][a], err[l + 1][a]);
                        b.depends(grad[l][a], err[l + 1][a]);
                    }
                }
                if (l == layers - 1) {
                    for (int[] t : psum.get(l)) {
                        b.depends(err[l][t[1]], t[0]);
                        b.depends(grad[l][t[1]], t[0]);
                    }
                } else {
                    for (int[] t : interTransfers(b, model, plan, it, l, false)) {
                        b.depends(t[0], err[l + 1][t[2]]);
                        b.depends(err[l][t[1]], t[0]);
                        b.depends(grad[l][t[1]], t[0]);
                    }
                }
                List<int[]> gsum = intraCollective(b, collectives, model, plan, it, l, Parallelism.DP, grad[l]).transfers();
                for (int a = 0; a < n; a++) {
                    upd[l][a] = b.compute(it, a, works[l][3], l);
                    b.depends(upd[l][a], grad[l][a]);
                }
                for (int[] t : gsum) {
                    b.depends(upd[l][t[1]], t[0]);
                }
            }
            previousUpdate = upd;
        }
        return b.build();
    }

    private static List<List<Integer>> byDestination(List<int[]> transfers, int n) {
        List<List<Integer>> out = new ArrayList<>(n);
        for (int a = 0; a < n; a++) {
            out.add(new ArrayList<>());
        }
        for (int[] t : transfers) {
            out.get(t[1]).add(t[0]);
        }
        return out;
    }

    /**
     * Layer l's intra-layer exchange as one all-reduce over the accelerators that differ only in
     * the levels where it chose {@code choice} (mp: the forward partial sums; dp: the gradient
     * sums). Each accelerator holds S = the planner's total for those levels / (N x 2(n-1)/n),
     * so that the all-reduce injects exactly the planner's amount whatever its algorithm.
     */
    private static Collectives.Expansion intraCollective(TrainingStep.Builder b, Collectives collectives,
            CommunicationModel model, Plan plan, int it, int l, Parallelism choice, int[] ready) {
        List<Integer> chosen = new ArrayList<>();
        double total = 0;
        for (int h = 1; h <= plan.levels(); h++) {
            if (plan.choice(h, l) != choice) {
                continue;
            }
            chosen.add(h);
            int dp = plan.countAbove(h - 1, Parallelism.DP)[l];
            int mp = plan.countAbove(h - 1, Parallelism.MP)[l];
            total += Math.scalb(1.0, h - 1) * model.intraBytes(l, choice, dp, mp);
        }
        int mask = Collectives.mask(plan.levels(), chosen);
        int members = 1 << chosen.size();
        double perAccelerator = members == 1 ? 0
                : total / (Math.scalb(1.0, plan.levels()) * 2.0 * (members - 1) / members);
        TransferKind kind = choice == Parallelism.MP ? TransferKind.PARTIAL_SUM : TransferKind.GRADIENT_SUM;
        return collectives.expand(b, it, l, kind, CollectiveOp.ALL_REDUCE, mask, perAccelerator, ready);
    }

    /** Inter-layer transfers between l and l+1, the forward or the backward part; each as {id, dst, src}. */
    private static List<int[]> interTransfers(TrainingStep.Builder b, CommunicationModel model, Plan plan, int it,
            int l, boolean forward) {
        List<int[]> out = new ArrayList<>();
        for (int h = 1; h <= plan.levels(); h++) {
            Parallelism a = plan.choice(h, l);
            Parallelism c = plan.choice(h, l + 1);
            int dp = plan.countAbove(h - 1, Parallelism.DP)[l + 1];
            int mp = plan.countAbove(h - 1, Parallelism.MP)[l + 1];
            double total = model.interBytes(l, a, c, dp, mp);
            // the model of inference counts only the forward part already
            double forwardShare = model.forwardOnly() ? 1 : CommunicationModel.forwardShare(a, c);
            double bytes = total * (forward ? forwardShare : 1 - forwardShare);
            spread(b, plan.levels(), h, bytes, it, l + 1, forward ? TransferKind.INTER_FORWARD : TransferKind.INTER_BACKWARD, out);
        }
        return out;
    }

    /** One group's amount at level h, spread over the pairs straddling its split, half each way. */
    private static void spread(TrainingStep.Builder b, int levels, int h, double groupBytes, int it, int layer,
            TransferKind kind, List<int[]> out) {
        if (!(groupBytes > 0)) {
            return;
        }
        int half = 1 << (levels - h);
        int groupSize = 2 * half;
        int n = 1 << levels;
        double each = groupBytes / half / 2;
        for (int start = 0; start < n; start += groupSize) {
            for (int i = 0; i < half; i++) {
                int lo = start + i;
                int hi = lo + half;
                out.add(new int[] {b.transfer(it, lo, hi, h, layer, kind, each), hi, lo});
                out.add(new int[] {b.transfer(it, hi, lo, h, layer, kind, each), lo, hi});
            }
        }
    }

    /**
     * Why a step of this size is refused (more tasks than {@link org.hyparsim.core.Limits#maxTasks()}),
     * or null when it is not: per layer and accelerator 4 compute tasks, at most 2 inter-layer
     * transfers per level, and the sends of its two all-reduces by the algorithm.
     */
    public static String sizeProblem(int accelerators, int layers, int iterations, CollectiveAlgorithm algorithm) {
        int levels = Integer.numberOfTrailingZeros(accelerators);
        double tasks = (double) layers * accelerators * iterations
                * (4 + 2.0 * levels + Collectives.maxSendsPerAccelerator(algorithm, accelerators));
        long max = org.hyparsim.core.Limits.maxTasks();
        if (tasks <= max) {
            return null;
        }
        return accelerators + " accelerators x " + layers + " layers x " + iterations + " step(s) make up to "
                + String.format(java.util.Locale.ROOT, "%.3g", tasks) + " tasks with the " + algorithm.label()
                + " collective, more than the limit of " + max + " (system property "
                + org.hyparsim.core.Limits.property("maxTasks") + ")";
    }
}
