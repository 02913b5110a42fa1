package org.hyparsim.partition;

import org.hyparsim.core.kind.Parallelism;
import java.util.ArrayList;
import java.util.List;
import org.hyparsim.core.engine.Deadline;
import org.hyparsim.core.step.ComputeWork;
import org.hyparsim.core.step.StepSink;
import org.hyparsim.core.step.TaskKind;
import org.hyparsim.core.step.TransferKind;
import org.hyparsim.core.workload.Layer;
import org.hyparsim.core.workload.Network;
import org.hyparsim.core.workload.Shortcut;
import org.hyparsim.partition.collective.CollectiveOp;
import org.hyparsim.partition.collective.Collectives;

/**
 * Adds the tasks of {@link StepBuilder}'s training steps to a sink, step by step and layer by
 * layer, forward then backward (the order and dependencies are {@link StepBuilder}'s). Used once:
 * it holds the step being added (its tasks' ids per layer and accelerator) between the layers.
 */
final class StepFill {
    private static final TaskKind[] PHASES = {TaskKind.FORWARD, TaskKind.ERROR, TaskKind.GRADIENT, TaskKind.UPDATE};

    private final StepSink b;
    private final CommunicationModel model;
    private final Plan plan;
    private final Collectives collectives;
    private final Network net;
    private final int n;
    private final int layers;
    /** Per layer and accelerator (one shard for all when the splits are even): its four works. */
    private final ComputeWork[][][] works;
    /** Per layer, the projections that run beside it (the last layer of their shortcut), partitioned as it. */
    private final List<List<ComputeWork[][]>> projections = new ArrayList<>();

    // the step being added: its index and its tasks per layer and accelerator
    private int it;
    private int[][] fwd;
    /** A layer's last forward task per accelerator (its projections' after it); the same for errors. */
    private int[][] fwdLast;
    /** The forward transfers of the shortcuts that end at the network's last layer (this iteration). */
    private List<int[]> lastAdded = List.of();
    private int[][] errLast;
    private int[][] err;
    private int[][] grad;
    private int[][] upd;
    /** Per layer: its forward partial sums' transfers, {id, dst}. */
    private List<List<int[]>> psum;
    /** Per layer: what E_l into each accelerator waits for, {id, dst}. */
    private List<List<int[]>> errorReady;
    /** Per layer s: the shortcut errors adding into E_s, {id, dst}. */
    private List<List<int[]>> shortcutErrors;

    StepFill(StepSink b, CommunicationModel model, Plan plan, Collectives collectives) {
        this.b = b;
        this.model = model;
        this.plan = plan;
        this.collectives = collectives;
        this.net = model.network();
        this.n = 1 << plan.levels();
        this.layers = net.size();
        int batch = model.accounting().batch();
        works = new ComputeWork[layers][n][];
        for (int l = 0; l < layers; l++) {
            projections.add(new ArrayList<>());
        }
        boolean uneven = plan.uneven();
        for (int a = 0; a < n; a++) {
            for (int l = 0; l < layers; l++) {
                works[l][a] = a > 0 && !uneven ? works[l][0] : shard(net.layer(l), batch, plan.shares(a, l));
            }
        }
        for (Shortcut sc : net.shortcuts()) {
            if (sc.projection() != null) {
                ComputeWork[][] p = new ComputeWork[n][];
                for (int a = 0; a < n; a++) {
                    p[a] = shard(sc.projection(), batch, plan.shares(a, sc.to()));
                }
                projections.get(sc.to()).add(p);
            }
        }
    }

    /** Adds {@code iterations} steps, each's forward of a layer after the previous one's update of it. */
    void steps(int iterations) {
        String tooBig = StepBuilder.sizeProblem(n, layers, iterations, collectives.algorithm(), true);
        if (tooBig != null) {
            throw new IllegalArgumentException(tooBig);
        }
        int[][] previousUpdate = null;
        for (it = 0; it < iterations; it++) {
            fwd = new int[layers][n];
            fwdLast = new int[layers][];
            errLast = new int[layers][];
            err = new int[layers][n];
            grad = new int[layers][n];
            upd = new int[layers][n];
            psum = new ArrayList<>();
            for (int l = 0; l < layers; l++) {
                Deadline.check();
                forwardLayer(l, previousUpdate);
            }
            if (model.forwardOnly()) {
                previousUpdate = fwd; // inference: the next step's forward of a layer follows this one's
                continue;
            }
            errorReady = new ArrayList<>();
            shortcutErrors = new ArrayList<>();
            for (int l = 0; l < layers; l++) {
                errorReady.add(new ArrayList<>());
                shortcutErrors.add(new ArrayList<>());
            }
            for (int l = layers - 1; l >= 0; l--) {
                Deadline.check();
                backwardLayer(l);
            }
            previousUpdate = upd;
        }
    }

    /** Layer l's forward compute (and its projections') on every accelerator, what it waits for, and its partial sums. */
    private void forwardLayer(int l, int[][] previousUpdate) {
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
            forwardInputs(l);
        }
        fwdLast[l] = done;
        psum.add(intraCollective(l, Parallelism.MP, done).transfers());
        if (l == layers - 1) {
            lastAdded = shortcutTransfers(l, true); // shortcuts into the network's output: the loss waits for them
        }
    }

    /** What layer l-1's output needs before layer l can start: partial sums, shortcuts adding into it, redistribution. */
    private void forwardInputs(int l) {
        // its partial sums...
        for (int[] t : psum.get(l - 1)) {
            b.depends(fwd[l][t[1]], t[0]);
        }
        // ...the shortcuts that add into it...
        List<int[]> added = shortcutTransfers(l - 1, true);
        for (int[] t : added) {
            b.depends(fwd[l][t[1]], t[0]);
        }
        // ...and the forward redistribution between l-1 and l
        List<List<Integer>> sumsInto = byDestination(psum.get(l - 1), n);
        List<List<Integer>> addedInto = byDestination(added, n);
        for (int[] t : interTransfers(l - 1, true)) {
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

    /** Layer l's error and gradient compute, what they wait for, its mp-out and dp sums and its update. */
    private void backwardLayer(int l) {
        int[] errDone = new int[n];
        int[] gradDone = new int[n];
        backwardCompute(l, errDone, gradDone);
        errLast[l] = errDone;
        List<int[]> waits = new ArrayList<>(); // what E_{l+1} into each accelerator waits for
        if (l == layers - 1) {
            waits.addAll(psum.get(l));
            waits.addAll(lastAdded);
            shortcutErrorsBack(l, waits, fwdLast[l]);
        } else {
            backwardInputs(l, waits);
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
        errorReady.get(l).addAll(intraCollective(l, Parallelism.MP_OUT, errDone).transfers());
        List<int[]> gsum = intraCollective(l, Parallelism.DP, gradDone).transfers();
        update(l, gradDone, gsum);
    }

    /** Layer l's error and gradient compute (and its projections'), each accelerator's last in errDone and gradDone. */
    private void backwardCompute(int l, int[] errDone, int[] gradDone) {
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
    }

    /**
     * What E_{l+1} into layer l (not the last) waits for: the mp-out sums, the backward
     * redistribution (added to {@code waits}), and the errors of the shortcuts whose sum layer l+1
     * consumed, sent back to their first layers.
     */
    private void backwardInputs(int l, List<int[]> waits) {
        waits.addAll(errorReady.get(l + 1));
        for (int[] t : errorReady.get(l + 1)) {
            b.depends(err[l][t[1]], t[0]);
            b.depends(grad[l][t[1]], t[0]);
        }
        List<List<Integer>> readyInto = byDestination(errorReady.get(l + 1), n);
        for (int[] t : interTransfers(l, false)) {
            b.depends(t[0], errLast[l + 1][t[2]]);
            for (int s : readyInto.get(t[2])) {
                b.depends(t[0], s);
            }
            b.depends(err[l][t[1]], t[0]);
            b.depends(grad[l][t[1]], t[0]);
            waits.add(new int[] {t[0], t[1]});
        }
        shortcutErrorsBack(l, waits, errLast[l + 1]);
    }

    /**
     * The errors of the shortcuts that end at layer l, sent back to their first layers once the
     * error of l's output is on the sender ({@code ready}: the layer after's error, or for the
     * network's last layer its forward) with everything in {@code waits}.
     */
    private void shortcutErrorsBack(int l, List<int[]> waits, int[] ready) {
        List<List<Integer>> waitsInto = null;
        for (Shortcut sc : net.shortcuts()) {
            if (sc.to() != l) {
                continue;
            }
            if (waitsInto == null) {
                waitsInto = byDestination(waits, n);
            }
            for (int[] t : shortcutSpread(sc, false)) {
                b.depends(t[0], ready[t[2]]);
                for (int s : waitsInto.get(t[2])) {
                    b.depends(t[0], s);
                }
                shortcutErrors.get(sc.from()).add(new int[] {t[0], t[1]});
            }
        }
    }

    /** Layer l's weight update (and its projections') on every accelerator, after its gradient and the gradient sums. */
    private void update(int l, int[] gradDone, List<int[]> gsum) {
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

    /** A layer's four compute works on one accelerator's shard: its shares of batch, input and output channels. */
    private static ComputeWork[] shard(Layer layer, int batch, double[] shares) {
        ComputeWork[] out = new ComputeWork[PHASES.length];
        for (int p = 0; p < PHASES.length; p++) {
            out[p] = new ComputeWork(layer, PHASES[p], batch * shares[0], layer.inChannels() * shares[1],
                    layer.outChannels() * shares[2]);
        }
        return out;
    }

    /**
     * The forward transfers of the shortcuts whose sum layer l+1 consumes ({id, dst, src}), each
     * after its first layer's forward compute on the sending accelerator.
     */
    private List<int[]> shortcutTransfers(int l, boolean forward) {
        List<int[]> out = new ArrayList<>();
        for (Shortcut sc : model.network().shortcuts()) {
            if (sc.to() == l) {
                for (int[] t : shortcutSpread(sc, forward)) {
                    b.depends(t[0], fwdLast[sc.from()][t[2]]);
                    out.add(t);
                }
            }
        }
        return out;
    }

    /** One shortcut's forward or backward part at every level, spread over the pairs ({id, dst, src}). */
    private List<int[]> shortcutSpread(Shortcut sc, boolean forward) {
        List<int[]> out = new ArrayList<>();
        int end = model.shortcutEnd(sc);
        for (int h = 1; h <= plan.levels(); h++) {
            CommunicationModel.ShortcutAmount a = model.shortcutAmount(sc, plan.choice(h, sc.from()), plan.choice(h, end),
                    plan.splitsAbove(h - 1)[end], plan.ratio(h, sc.from()), plan.ratio(h, end));
            double bytes = forward ? a.forward() : model.forwardOnly() ? 0 : a.backward();
            spread(h, bytes, Math.min(sc.destination(), layers - 1),
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
    private Collectives.Expansion intraCollective(int l, Parallelism choice, int[] ready) {
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
    private List<int[]> interTransfers(int l, boolean forward) {
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
            spread(h, bytes, l + 1, forward ? TransferKind.INTER_FORWARD : TransferKind.INTER_BACKWARD, out);
        }
        return out;
    }

    /** One group's amount at level h, spread over the pairs straddling its split, half each way. */
    private void spread(int h, double groupBytes, int layer, TransferKind kind, List<int[]> out) {
        int levels = plan.levels();
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
}
