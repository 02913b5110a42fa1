package org.hyparsim.partition;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import org.hyparsim.core.kind.Parallelism;
import java.util.List;
import org.hyparsim.core.workload.Layer;
import org.hyparsim.core.workload.LayerType;
import org.hyparsim.core.workload.Network;
import org.hyparsim.core.workload.Shortcut;

/**
 * The communication model of HyPar (Tables 1 and 2 of the paper, as specified in the project's
 * reference communication-model.md), extended to AccPar's third partition type and to shortcuts.
 *
 * <p>At level h, layer l's tensors have already been split by the levels above ({@link Split}):
 * bd = 2^(dp choices) divides the batch, md = 2^(mp choices) the input channels, mo = 2^(mp-out
 * choices) the output channels. The group being split at level h then exchanges:
 * <ul>
 *   <li>intra-layer, dp (Type I): the weight gradient, (C_in / md) x (C_out / mo) x k x k;</li>
 *   <li>intra-layer, mp (Type II): the forward partial sums of the output, (B / bd) x (C_out / mo) x H' x W'
 *       (pooled);</li>
 *   <li>intra-layer, mp-out (Type III): the backward partial sums of the input error, (B / bd) x (C_in / md)
 *       x H x W;</li>
 *   <li>inter-layer between l and l+1 (Table 2 and AccPar's nine cases), a factor on X = layer l+1's input
 *       as partitioned for l+1 (its own bd and md): {@link #interFactor}.</li>
 * </ul>
 *
 * <p><b>Shortcuts</b> (residual networks) have two sets of rules. With AccPar's accounting, as its
 * released planner prices them: a shortcut from layer s to layer e costs interFactor(type of s,
 * type of e+1) on e+1's input. Otherwise, the layouts the two ends hold: the shortcut adds s's
 * input (held split by batch under dp, by channels under mp, whole under mp-out) into e's output
 * (split by batch under dp, partial sums under mp, split by output channels under mp-out) and its
 * error goes back the same way; moving a tensor between a batch split and a channel split costs a
 * quarter of it each way, from a split to whole a half, into partial sums or from whole nothing.
 * That makes (dp, mp-out) and (mp, dp) cost 0.5 X of e's output (before pooling, where the sum
 * is made), every other pair 0. A projection
 * is partitioned as e: its input comes to e's input layout, its weight-gradient sum (dp) or input
 * error sum (mp-out) is part of e's intra-layer amount, its partial sums (mp) add to e's.
 *
 * <p><b>Transformer layers.</b> A linear layer over T tokens is a 1 x 1 convolution over T x 1:
 * dp exchanges its weight (and bias) gradient, mp (Megatron's row-parallel layer) the partial
 * sums of its output, B T out, mp-out (column-parallel) those of its input error, B T in. An
 * embedding is a linear layer from its one-hot vocabulary: mp (split by the vocabulary) sums its
 * output, mp-out has no input error to sum. A projection tied to an embedding carries the
 * vocabulary table's gradient sum (the embedding's own dp sum is its extra rows only), so a
 * model whose two ends are both dp sums the shared table once. Layers that keep their input's
 * layout ({@link Layer#keepsInputLayout}: attention, norms, softmax, element-wise) take their
 * producer's type at every level ({@link #conform}), exchange nothing of their own, and hold
 * their input and output where the producer leaves its output; a different type than the
 * producer's costs infinitely many bytes, so no search picks one.
 *
 * <p>Element counts are real numbers and never rounded. Amounts become bytes through the
 * {@link Accounting}.
 */
public final class CommunicationModel {
    private final Network network;
    private final Accounting accounting;
    private final boolean forwardOnly;

    public CommunicationModel(Network network, Accounting accounting) {
        this(network, accounting, false);
    }

    private CommunicationModel(Network network, Accounting accounting, boolean forwardOnly) {
        this.forwardOnly = forwardOnly;
        if (network == null || accounting == null) {
            throw new IllegalArgumentException("network and accounting are required");
        }
        this.network = network;
        this.accounting = accounting;
        this.tiedEmbeddings = new HashSet<>();
        for (Layer l : network.layers()) {
            if (l.tied()) {
                tiedEmbeddings.add(l.extras().tiedTo());
            }
        }
    }

    /** The embeddings whose table a later projection shares. */
    private final Set<String> tiedEmbeddings;

    /**
     * A row of choices with every layer that keeps its input's layout given its producer's type
     * (the first layer keeps its own).
     */
    public List<Parallelism> conform(List<Parallelism> row) {
        List<Parallelism> out = new ArrayList<>(row);
        for (int l = 1; l < out.size(); l++) {
            if (network.layer(l).keepsInputLayout()) {
                out.set(l, out.get(l - 1));
            }
        }
        return List.copyOf(out);
    }

    /** True when layer l keeps its producer's layout (and so must take its type). */
    public boolean follows(int l) {
        return l > 0 && network.layer(l).keepsInputLayout();
    }

    /**
     * The model of inference: the forward pass only. No gradient sums (dp exchanges nothing), no
     * backward error sums (mp-out exchanges nothing), mp's partial sums as in training, and between
     * layers only the forward part of each amount ({@link #forwardShare}).
     */
    public CommunicationModel inference() {
        return new CommunicationModel(network, accounting, true);
    }

    /** True for the model of inference ({@link #inference()}). */
    public boolean forwardOnly() {
        return forwardOnly;
    }

    public Network network() {
        return network;
    }

    public Accounting accounting() {
        return accounting;
    }

    public int layers() {
        return network.size();
    }

    /** Intra-layer elements one group exchanges for layer l with choice p, after the splits above. */
    public double intraElements(int l, Parallelism p, Split above) {
        double own = layerIntra(network.layer(l), p, above);
        if (!accounting.accparShortcuts()) {
            for (Shortcut s : network.shortcuts()) {
                if (s.to() == l && s.projection() != null) {
                    own += projectionIntra(s.projection(), p, above);
                }
            }
        }
        return own;
    }

    private double layerIntra(Layer layer, Parallelism p, Split above) {
        if (layer.keepsInputLayout()) {
            return 0;
        }
        return switch (p) {
            case DP -> forwardOnly ? 0 : gradientElements(layer, above);
            case MP -> accounting.batch() / above.batchDivisor() * layer.outputElementsPerSample() / above.outDivisor();
            case MP_OUT -> forwardOnly || layer.type() == LayerType.EMBEDDING ? 0
                    : accounting.batch() / above.batchDivisor() * layer.inputElementsPerSample() / above.inDivisor();
        };
    }

    /** The weight gradient one member sums under dp: its shard of the kernel (and bias, or of an embedding's table). */
    private double gradientElements(Layer layer, Split above) {
        if (layer.type() == LayerType.EMBEDDING) {
            double rows = tiedEmbeddings.contains(layer.name()) ? layer.extras().extraRows()
                    : layer.inChannels() + layer.extras().extraRows();
            return rows / above.inDivisor() * layer.outChannels() / above.outDivisor();
        }
        double kernel = layer.inChannelsPerGroup() / above.inDivisor() * layer.outChannels() / above.outDivisor()
                * layer.kernel() * layer.kernel();
        return layer.extras().bias() ? kernel + layer.outChannels() / above.outDivisor() : kernel;
    }

    /** A projection's own sums, partitioned as its shortcut's last layer: mp's partial sums join that layer's. */
    private double projectionIntra(Layer projection, Parallelism p, Split above) {
        return p == Parallelism.MP ? 0 : layerIntra(projection, p, above);
    }

    /** X for the inter-layer amount into layer l: its input as partitioned for it. */
    private double consumerInput(int l, Split above) {
        Layer next = network.layer(l);
        return accounting.batch() / above.batchDivisor() * (next.inChannels() / above.inDivisor()) * next.inHeight()
                * next.inWidth();
    }

    /**
     * Inter-layer elements one group exchanges between layer l (choice a) and layer l+1 (choice
     * b), where layer l+1 has been split by {@code nextAbove}, both split evenly at this level.
     */
    public double interElements(int l, Parallelism a, Parallelism b, Split nextAbove) {
        return interElements(l, a, b, nextAbove, Plan.EVEN, Plan.EVEN);
    }

    /** The same with this level's ratios of the two layers (the first half's shares). */
    public double interElements(int l, Parallelism a, Parallelism b, Split nextAbove, double ra, double rb) {
        if (follows(l + 1)) {
            return a == b ? 0 : Double.POSITIVE_INFINITY;
        }
        double factor = interFactor(a, b, ra, rb);
        return factor == 0 ? 0 : factor * consumerInput(l + 1, nextAbove);
    }

    /**
     * The factor on X = |F_{l+1}| = |E_{l+1}| between a producer of type a and a consumer of
     * type b split evenly (HyPar's Table 2 for dp and mp; AccPar's cases with mp-out): 0 where the
     * producer's layout is what the consumer needs, else 0.5.
     */
    public static double interFactor(Parallelism a, Parallelism b) {
        return interFactor(a, b, Plan.EVEN, Plan.EVEN);
    }

    /**
     * The factor with the halves' shares: half of what moves in both directions (Table 2's
     * per-direction convention). The feature map goes from where the producer leaves it (dp: its
     * batch share; mp: whole, after the partial sums; mp-out: its output-channel share) to where
     * the consumer needs it (dp: its batch share; mp: its channel share; mp-out: whole); the error
     * goes back from where the consumer leaves it (dp: batch; mp: channels; mp-out: whole, after
     * its sums) to where the producer needs it (dp: batch; mp: whole; mp-out: channels). Moving
     * between shares r1 and r2 of one dimension moves |r1 - r2| of the tensor, between a batch
     * and a channel split r2 (1 - r1) + r1 (1 - r2), from a split to whole all of it, from whole
     * nothing.
     */
    public static double interFactor(Parallelism a, Parallelism b, double ra, double rb) {
        return (move(output(a, ra), input(b, rb)) + move(errorOut(b, rb), errorIn(a, ra))) / 2;
    }

    /** The share of an evenly split inter-layer amount that moves in the forward pass (the feature map). */
    public static double forwardShare(Parallelism a, Parallelism b) {
        return forwardShare(a, b, Plan.EVEN, Plan.EVEN);
    }

    /** The share of an inter-layer amount that moves in the forward pass, with the halves' shares. */
    public static double forwardShare(Parallelism a, Parallelism b, double ra, double rb) {
        double f = move(output(a, ra), input(b, rb));
        double all = f + move(errorOut(b, rb), errorIn(a, ra));
        return all == 0 ? 0 : f / all;
    }

    /** How a tensor is held across a group's two halves: split along a dimension at a share, whole, or as partial sums. */
    private enum Dim { BATCH, CHANNEL, WHOLE, PARTIAL_SUMS }

    private record Hold(Dim dim, double share) {
    }

    private static final Hold WHOLE = new Hold(Dim.WHOLE, 1);
    private static final Hold PARTIAL = new Hold(Dim.PARTIAL_SUMS, 1);

    private static Hold split(Parallelism p, double r) {
        return new Hold(p == Parallelism.DP ? Dim.BATCH : Dim.CHANNEL, r);
    }

    /** Where a layer of type p leaves its output feature map. */
    private static Hold output(Parallelism p, double r) {
        return p == Parallelism.MP ? WHOLE : split(p, r);
    }

    /** Where a layer of type p needs its input feature map. */
    private static Hold input(Parallelism p, double r) {
        return p == Parallelism.MP_OUT ? WHOLE : split(p, r);
    }

    /** Where a layer of type p leaves the error of its input. */
    private static Hold errorOut(Parallelism p, double r) {
        return p == Parallelism.MP_OUT ? WHOLE : split(p, r);
    }

    /** Where a layer of type p needs the error of its output. */
    private static Hold errorIn(Parallelism p, double r) {
        return p == Parallelism.MP ? WHOLE : split(p, r);
    }

    /** The fraction of a tensor both halves receive, together, to go from one holding to another. */
    private static double move(Hold from, Hold to) {
        if (to.dim() == Dim.PARTIAL_SUMS || from.dim() == Dim.WHOLE) {
            return 0;
        }
        if (to.dim() == Dim.WHOLE) {
            return 1;
        }
        if (from.dim() == to.dim()) {
            return Math.abs(from.share() - to.share());
        }
        return to.share() * (1 - from.share()) + from.share() * (1 - to.share());
    }

    public double intraBytes(int l, Parallelism p, Split above) {
        return accounting.intraMultiplicity() * accounting.bytesPerElement() * intraElements(l, p, above);
    }

    public double interBytes(int l, Parallelism a, Parallelism b, Split nextAbove) {
        return interBytes(l, a, b, nextAbove, Plan.EVEN, Plan.EVEN);
    }

    public double interBytes(int l, Parallelism a, Parallelism b, Split nextAbove, double ra, double rb) {
        double all = accounting.interMultiplicity() * accounting.bytesPerElement()
                * interElements(l, a, b, nextAbove, ra, rb);
        return forwardOnly ? all * forwardShare(a, b, ra, rb) : all;
    }

    /**
     * The layer whose type (with the shortcut's first layer's) sets a shortcut's amount: its
     * last layer, or under AccPar's accounting the layer that consumes the sum; a shortcut that
     * ends at the network's last layer has no consumer, so its last layer under both.
     */
    public int shortcutEnd(Shortcut s) {
        return consumed(s) ? s.destination() : s.to();
    }

    /** True when AccPar's accounting charges the shortcut at a layer that consumes its sum. */
    private boolean consumed(Shortcut s) {
        return accounting.accparShortcuts() && s.destination() < network.size();
    }

    /**
     * Bytes one group exchanges for a shortcut at a level, given the type of its first layer and
     * of its end ({@link #shortcutEnd}), the end split by {@code endAbove}.
     */
    public double shortcutBytes(Shortcut s, Parallelism from, Parallelism end, Split endAbove) {
        return shortcutBytes(s, from, end, endAbove, Plan.EVEN, Plan.EVEN);
    }

    /** The same with this level's ratios of the shortcut's first layer and of its end. */
    public double shortcutBytes(Shortcut s, Parallelism from, Parallelism end, Split endAbove, double rf, double re) {
        ShortcutAmount a = shortcutAmount(s, from, end, endAbove, rf, re);
        return forwardOnly ? a.forward() : a.forward() + a.backward();
    }

    /** A shortcut's amount at a level, in bytes, split into the forward (feature map) and backward (error) parts. */
    public record ShortcutAmount(double forward, double backward) {
    }

    public ShortcutAmount shortcutAmount(Shortcut s, Parallelism from, Parallelism end, Split endAbove) {
        return shortcutAmount(s, from, end, endAbove, Plan.EVEN, Plan.EVEN);
    }

    public ShortcutAmount shortcutAmount(Shortcut s, Parallelism from, Parallelism end, Split endAbove, double rf,
            double re) {
        double scale = accounting.interMultiplicity() * accounting.bytesPerElement();
        if (consumed(s)) {
            double all = scale * interFactor(from, end, rf, re) * consumerInput(s.destination(), endAbove);
            double fwd = forwardShare(from, end, rf, re);
            return new ShortcutAmount(all * fwd, all * (1 - fwd));
        }
        // a layer that keeps its input's layout holds its input where its producer left it, and its error likewise
        boolean keeps = network.layer(s.from()).keepsInputLayout();
        Hold fromInput = keeps ? output(from, rf) : input(from, rf);
        Hold errorBack = keeps ? errorIn(from, rf) : from == Parallelism.MP_OUT ? PARTIAL : errorOut(from, rf);
        if (s.projection() == null) {
            // s's input, held as s needs it, added into e's output where e leaves it; its error back
            Layer e = network.layer(s.to());
            double x = scale * accounting.batch() / endAbove.batchDivisor() * e.unpooledOutputElementsPerSample()
                    / endAbove.outDivisor();
            Hold sums = end == Parallelism.MP && !e.keepsInputLayout() ? PARTIAL : output(end, re);
            return new ShortcutAmount(x * move(fromInput, sums) / 2, x * move(errorIn(end, re), errorBack) / 2);
        }
        // a projection partitioned as e: s's input to where e's type needs its input, its error back
        Layer p = s.projection();
        double x = scale * accounting.batch() / endAbove.batchDivisor() * p.inputElementsPerSample() / endAbove.inDivisor();
        return new ShortcutAmount(x * move(fromInput, input(end, re)) / 2, x * move(errorOut(end, re), errorBack) / 2);
    }

    /**
     * Bytes one group exchanges at a level for the given row of choices, with the splits of the
     * levels above per layer (com_h of Algorithm 2), shortcuts included.
     */
    public double groupBytes(List<Parallelism> row, Split[] above) {
        double sum = 0;
        int n = row.size();
        for (int l = 0; l < n; l++) {
            sum += intraBytes(l, row.get(l), above[l]);
            if (l + 1 < n) {
                sum += interBytes(l, row.get(l), row.get(l + 1), above[l + 1]);
            }
        }
        for (Shortcut s : network.shortcuts()) {
            int end = shortcutEnd(s);
            sum += shortcutBytes(s, row.get(s.from()), row.get(end), above[end]);
        }
        return sum;
    }

    /** The whole plan's accounting: bytes per level (all groups) and per layer, intra, inter and shortcuts. */
    public CommunicationCost evaluate(Plan plan) {
        if (plan.layers() != network.size()) {
            throw new IllegalArgumentException("plan covers " + plan.layers() + " layers, network has " + network.size());
        }
        int levels = plan.levels();
        int n = network.size();
        List<Shortcut> shortcuts = network.shortcuts();
        double[][] intra = new double[levels][n];
        double[][] inter = new double[levels][n];
        double[][] shortcut = new double[levels][shortcuts.size()];
        for (int h = 1; h <= levels; h++) {
            Split[] above = plan.splitsAbove(h - 1);
            double groups = pow2(h - 1);
            for (int l = 0; l < n; l++) {
                intra[h - 1][l] = groups * intraBytes(l, plan.choice(h, l), above[l]);
                if (l + 1 < n) {
                    inter[h - 1][l] = groups * interBytes(l, plan.choice(h, l), plan.choice(h, l + 1), above[l + 1],
                            plan.ratio(h, l), plan.ratio(h, l + 1));
                }
            }
            for (int i = 0; i < shortcuts.size(); i++) {
                Shortcut s = shortcuts.get(i);
                int end = shortcutEnd(s);
                shortcut[h - 1][i] = groups * shortcutBytes(s, plan.choice(h, s.from()), plan.choice(h, end), above[end],
                        plan.ratio(h, s.from()), plan.ratio(h, end));
            }
        }
        return new CommunicationCost(intra, inter, shortcut);
    }

    static double pow2(int e) {
        return Math.scalb(1.0, e);
    }
}
