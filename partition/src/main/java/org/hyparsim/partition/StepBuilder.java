package org.hyparsim.partition;

import org.hyparsim.core.kind.Parallelism;
import java.util.ArrayList;
import java.util.List;
import org.hyparsim.core.step.ComputeWork;
import org.hyparsim.core.step.StepSink;
import org.hyparsim.core.step.TaskKind;
import org.hyparsim.core.step.TrainingStep;
import org.hyparsim.core.step.TransferKind;
import org.hyparsim.core.workload.Layer;
import org.hyparsim.core.workload.Network;
import org.hyparsim.core.workload.Shortcut;
import org.hyparsim.core.kind.CollectiveAlgorithm;
import org.hyparsim.partition.collective.CollectiveOp;
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

    /** The step with the paper's hierarchical exchange and no knowledge of the network. */
    public static TrainingStep build(CommunicationModel model, Plan plan, int iterations) {
        return build(model, plan, iterations, new Collectives(CollectiveAlgorithm.HIERARCHICAL, null, plan.levels()));
    }

    public static TrainingStep build(CommunicationModel model, Plan plan, int iterations, Collectives collectives) {
        TrainingStep.Builder b = new TrainingStep.Builder(1 << plan.levels(), iterations, model.network().layerNames());
        fill(b, model, plan, iterations, collectives);
        return b.build();
    }

    /** Adds the step's tasks to a sink (the whole graph, or a representative's share of it). */
    public static void fill(StepSink b, CommunicationModel model, Plan plan, int iterations, Collectives collectives) {
        Network net = model.network();
        int levels = plan.levels();
        int n = 1 << levels;
        int layers = net.size();
        int batch = model.accounting().batch();
        TaskKind[] phases = {TaskKind.FORWARD, TaskKind.ERROR, TaskKind.GRADIENT, TaskKind.UPDATE};
        // per layer and accelerator (one shard for all when the splits are even): its four works
        ComputeWork[][][] works = new ComputeWork[layers][n][];
        // projections run beside the last layer of their shortcut, partitioned as it
        List<List<ComputeWork[][]>> projections = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            projections.add(new ArrayList<>());
        }
        boolean uneven = plan.uneven();
        for (int a = 0; a < n; a++) {
            for (int l = 0; l < layers; l++) {
                works[l][a] = a > 0 && !uneven ? works[l][0] : shard(net.layer(l), phases, batch, plan.shares(a, l));
            }
        }
        for (Shortcut sc : net.shortcuts()) {
            if (sc.projection() != null) {
                ComputeWork[][] p = new ComputeWork[n][];
                for (int a = 0; a < n; a++) {
                    p[a] = shard(sc.projection(), phases, batch, plan.shares(a, sc.to()));
                }
                projections.get(sc.to()).add(p);
            }
        }
        String tooBig = sizeProblem(n, layers, iterations, collectives.algorithm(), true);
        if (tooBig != null) {
            throw new IllegalArgumentException(tooBig);
        }
        int[][] previousUpdate = null;
        for (int it = 0; it < iterations; it++) {
            int[][] fwd = new int[layers][n];
            int[][] fwdLast = new int[layers][]; // a layer's last forward task per accelerator: its projections' after it
            int[][] errLast = new int[layers][];
            int[][] err = new int[layers][n];
            int[][] grad = new int[layers][n];
            int[][] upd = new int[layers][n];
            // forward
            List<List<int[]>> psum = new ArrayList<>(); // per layer: transfers {id, dst}
            for (int l = 0; l < layers; l++) {
                org.hyparsim.core.engine.Deadline.check();
                int[] done = new int[n]; // the last forward task of layer l (and its projections) per accelerator
                for (int a = 0; a < n; a++) {
                    fwd[l][a] = b.compute(it, a, works[l][a][0], l);
                    if (l > 0) {
                        b.depends(fwd[l][a], fwdLast[l - 1][a]);
                    }
                    if (previousUpdate != null) {
                        b.depends(fwd[l][a], previousUpdate[l][a]);
                    }
                    done[a] = fwd[l][a];
                    for (ComputeWork[][] p : projections.get(l)) {
                        int t = b.compute(it, a, p[a][0], l);
                        b.depends(t, done[a]);
                        done[a] = t;
                    }
                }
                if (l > 0) {
                    // what layer l-1's output needs before layer l can start: its partial sums...
                    for (int[] t : psum.get(l - 1)) {
                        b.depends(fwd[l][t[1]], t[0]);
                    }
                    // ...the shortcuts that add into it...
                    List<int[]> added = shortcutTransfers(b, model, plan, it, l - 1, true, fwdLast);
                    for (int[] t : added) {
                        b.depends(fwd[l][t[1]], t[0]);
                    }
                    // ...and the forward redistribution between l-1 and l
                    List<List<Integer>> sumsInto = byDestination(psum.get(l - 1), n);
                    List<List<Integer>> addedInto = byDestination(added, n);
                    for (int[] t : interTransfers(b, model, plan, it, l - 1, true)) {
                        b.depends(t[0], fwdLast[l - 1][t[2]]);
                        for (int s : sumsInto.get(t[2])) {
                            b.depends(t[0], s);
                        }
                        for (int s : addedInto.get(t[2])) {
                            b.depends(t[0], s);
                        }
                        b.depends(fwd[l][t[1]], t[0]);
                    }
                    if (l - 1 < layers - 1) {
                        psum.set(l - 1, List.of()); // only the last layer's are wanted again (backward): let go
                    }
                }
                fwdLast[l] = done;
                psum.add(intraCollective(b, collectives, model, plan, it, l, Parallelism.MP, done).transfers());
            }
            if (model.forwardOnly()) {
                previousUpdate = fwd; // inference: the next step's forward of a layer follows this one's
                continue;
            }
            // backward, from the last layer
            List<List<int[]>> errorReady = new ArrayList<>(); // per layer: what E_l into each accelerator waits for, {id, dst}
            List<List<int[]>> shortcutErrors = new ArrayList<>(); // per layer s: shortcut errors adding into E_s, {id, dst}
            for (int l = 0; l < layers; l++) {
                errorReady.add(new ArrayList<>());
                shortcutErrors.add(new ArrayList<>());
            }
            for (int l = layers - 1; l >= 0; l--) {
                org.hyparsim.core.engine.Deadline.check();
                int[] errDone = new int[n];
                int[] gradDone = new int[n];
                for (int a = 0; a < n; a++) {
                    err[l][a] = b.compute(it, a, works[l][a][1], l);
                    grad[l][a] = b.compute(it, a, works[l][a][2], l);
                    int after = l == layers - 1 ? fwdLast[l][a] : errLast[l + 1][a];
                    b.depends(err[l][a], after);
                    b.depends(grad[l][a], after);
                    errDone[a] = err[l][a];
                    gradDone[a] = grad[l][a];
                    for (ComputeWork[][] p : projections.get(l)) {
                        int e = b.compute(it, a, p[a][1], l);
                        int g = b.compute(it, a, p[a][2], l);
                        b.depends(e, errDone[a]);
                        b.depends(g, gradDone[a]);
                        errDone[a] = e;
                        gradDone[a] = g;
                    }
                }
                errLast[l] = errDone;
                List<int[]> waits = new ArrayList<>(); // what E_{l+1} into each accelerator waits for
                if (l == layers - 1) {
                    waits.addAll(psum.get(l));
                } else {
                    waits.addAll(errorReady.get(l + 1));
                    for (int[] t : errorReady.get(l + 1)) {
                        b.depends(err[l][t[1]], t[0]);
                        b.depends(grad[l][t[1]], t[0]);
                    }
                    List<List<Integer>> readyInto = byDestination(errorReady.get(l + 1), n);
                    for (int[] t : interTransfers(b, model, plan, it, l, false)) {
                        b.depends(t[0], errLast[l + 1][t[2]]);
                        for (int s : readyInto.get(t[2])) {
                            b.depends(t[0], s);
                        }
                        b.depends(err[l][t[1]], t[0]);
                        b.depends(grad[l][t[1]], t[0]);
                        waits.add(new int[] {t[0], t[1]});
                    }
                    // errors of the shortcuts whose sum layer l+1 consumed, back to their first layers
                    List<List<Integer>> waitsInto = null;
                    for (Shortcut sc : net.shortcuts()) {
                        if (sc.to() != l) {
                            continue;
                        }
                        if (waitsInto == null) {
                            waitsInto = byDestination(waits, n);
                        }
                        for (int[] t : shortcutSpread(b, model, plan, it, sc, false)) {
                            b.depends(t[0], errLast[l + 1][t[2]]);
                            for (int s : waitsInto.get(t[2])) {
                                b.depends(t[0], s);
                            }
                            shortcutErrors.get(sc.from()).add(new int[] {t[0], t[1]});
                        }
                    }
                }
                if (l < layers - 1) {
                    errorReady.set(l + 1, List.of()); // used: let go
                }
                for (int[] t : waits) {
                    if (l == layers - 1) {
                        b.depends(err[l][t[1]], t[0]);
                        b.depends(grad[l][t[1]], t[0]);
                    }
                }
                // the sum E_l is complete when its shortcut errors have arrived
                for (int[] t : shortcutErrors.get(l)) {
                    b.depends(errDone[t[1]], t[0]);
                }
                // mp-out: the partial sums of E_l, reduced before layer l-1 uses them
                errorReady.get(l).addAll(intraCollective(b, collectives, model, plan, it, l, Parallelism.MP_OUT, errDone)
                        .transfers());
                List<int[]> gsum = intraCollective(b, collectives, model, plan, it, l, Parallelism.DP, gradDone).transfers();
                for (int a = 0; a < n; a++) {
                    upd[l][a] = b.compute(it, a, works[l][a][3], l);
                    b.depends(upd[l][a], gradDone[a]);
                    for (ComputeWork[][] p : projections.get(l)) {
                        int u = b.compute(it, a, p[a][3], l);
                        b.depends(u, gradDone[a]);
                        for (int[] t : gsum) {
                            if (t[1] == a) {
                                b.depends(u, t[0]);
                            }
                        }
                    }
                }
                for (int[] t : gsum) {
                    b.depends(upd[l][t[1]], t[0]);
                }
            }
            previousUpdate = upd;
        }
    }

    /** A layer's four compute works on one accelerator's shard: its shares of batch, input and output channels. */
    private static ComputeWork[] shard(Layer layer, TaskKind[] phases, int batch, double[] shares) {
        ComputeWork[] out = new ComputeWork[phases.length];
        for (int p = 0; p < phases.length; p++) {
            out[p] = new ComputeWork(layer, phases[p], batch * shares[0], layer.inChannels() * shares[1],
                    layer.outChannels() * shares[2]);
        }
        return out;
    }

    /**
     * The forward transfers of the shortcuts whose sum layer l+1 consumes ({id, dst, src}), each
     * after its first layer's forward compute on the sending accelerator.
     */
    private static List<int[]> shortcutTransfers(StepSink b, CommunicationModel model, Plan plan, int it,
            int l, boolean forward, int[][] fwdLast) {
        List<int[]> out = new ArrayList<>();
        for (Shortcut sc : model.network().shortcuts()) {
            if (sc.to() == l) {
                for (int[] t : shortcutSpread(b, model, plan, it, sc, forward)) {
                    b.depends(t[0], fwdLast[sc.from()][t[2]]);
                    out.add(t);
                }
            }
        }
        return out;
    }

    /** One shortcut's forward or backward part at every level, spread over the pairs ({id, dst, src}). */
    private static List<int[]> shortcutSpread(StepSink b, CommunicationModel model, Plan plan, int it,
            Shortcut sc, boolean forward) {
        List<int[]> out = new ArrayList<>();
        int end = model.shortcutEnd(sc);
        for (int h = 1; h <= plan.levels(); h++) {
            CommunicationModel.ShortcutAmount a = model.shortcutAmount(sc, plan.choice(h, sc.from()), plan.choice(h, end),
                    plan.splitsAbove(h - 1)[end], plan.ratio(h, sc.from()), plan.ratio(h, end));
            double bytes = forward ? a.forward() : model.forwardOnly() ? 0 : a.backward();
            spread(b, plan.levels(), h, bytes, it, sc.destination(),
                    forward ? TransferKind.SHORTCUT_FORWARD : TransferKind.SHORTCUT_BACKWARD, out);
        }
        return out;
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
    private static Collectives.Expansion intraCollective(StepSink b, Collectives collectives,
            CommunicationModel model, Plan plan, int it, int l, Parallelism choice, int[] ready) {
        List<Integer> chosen = new ArrayList<>();
        double total = 0;
        for (int h = 1; h <= plan.levels(); h++) {
            if (plan.choice(h, l) != choice) {
                continue;
            }
            chosen.add(h);
            total += Math.scalb(1.0, h - 1) * model.intraBytes(l, choice, plan.splitsAbove(h - 1)[l]);
        }
        int mask = Collectives.mask(plan.levels(), chosen);
        int members = 1 << chosen.size();
        double perAccelerator = members == 1 ? 0
                : total / (Math.scalb(1.0, plan.levels()) * 2.0 * (members - 1) / members);
        TransferKind kind = switch (choice) {
            case DP -> TransferKind.GRADIENT_SUM;
            case MP -> TransferKind.PARTIAL_SUM;
            case MP_OUT -> TransferKind.ERROR_SUM;
        };
        return collectives.expand(b, it, l, kind, CollectiveOp.ALL_REDUCE, mask, perAccelerator, ready);
    }

    /** Inter-layer transfers between l and l+1, the forward or the backward part; each as {id, dst, src}. */
    private static List<int[]> interTransfers(StepSink b, CommunicationModel model, Plan plan, int it,
            int l, boolean forward) {
        List<int[]> out = new ArrayList<>();
        for (int h = 1; h <= plan.levels(); h++) {
            Parallelism a = plan.choice(h, l);
            Parallelism c = plan.choice(h, l + 1);
            double ra = plan.ratio(h, l);
            double rc = plan.ratio(h, l + 1);
            double total = model.interBytes(l, a, c, plan.splitsAbove(h - 1)[l + 1], ra, rc);
            // the model of inference counts only the forward part already
            double forwardShare = model.forwardOnly() ? 1 : CommunicationModel.forwardShare(a, c, ra, rc);
            double bytes = total * (forward ? forwardShare : 1 - forwardShare);
            spread(b, plan.levels(), h, bytes, it, l + 1, forward ? TransferKind.INTER_FORWARD : TransferKind.INTER_BACKWARD, out);
        }
        return out;
    }

    /** One group's amount at level h, spread over the pairs straddling its split, half each way. */
    private static void spread(StepSink b, int levels, int h, double groupBytes, int it, int layer,
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
     * Why a step of this size is refused, or null when it is not: per layer and accelerator 4
     * compute tasks, at most 2 inter-layer transfers per level, and the sends of its two
     * all-reduces by the algorithm; at most {@link org.hyparsim.core.Limits#maxStepTasks()} where a
     * symmetry may cut it ({@code reducible}), {@link org.hyparsim.core.Limits#maxTasks()} otherwise.
     */
    public static String sizeProblem(int accelerators, int layers, int iterations, CollectiveAlgorithm algorithm,
            boolean reducible) {
        int levels = Integer.numberOfTrailingZeros(accelerators);
        double tasks = (double) layers * accelerators * iterations
                * (4 + 2.0 * levels + Collectives.maxSendsPerAccelerator(algorithm, accelerators));
        String limit = reducible ? "maxStepTasks" : "maxTasks";
        long max = reducible ? org.hyparsim.core.Limits.maxStepTasks() : org.hyparsim.core.Limits.maxTasks();
        if (tasks <= max) {
            return null;
        }
        return accelerators + " accelerators x " + layers + " layers x " + iterations + " step(s) make up to "
                + String.format(java.util.Locale.ROOT, "%.3g", tasks) + " tasks with the " + algorithm.label()
                + " collective, more than the limit of " + max + (reducible ? " for a step cut by symmetry" : "")
                + " (system property " + org.hyparsim.core.Limits.property(limit) + ")";
    }
}
