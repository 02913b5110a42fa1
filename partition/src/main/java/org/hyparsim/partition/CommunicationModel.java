package org.hyparsim.partition;

import java.util.List;
import org.hyparsim.core.workload.Layer;
import org.hyparsim.core.workload.Network;

/**
 * The HyPar communication model (Tables 1 and 2 of the paper), as specified in the project's
 * reference communication-model.md.
 *
 * <p>At level h, layer l's tensors have already been split by the levels above: bd = 2^(dp
 * choices above) divides the batch, md = 2^(mp choices above) divides the input channels. The
 * group being split at level h then exchanges:
 * <ul>
 *   <li>intra-layer, dp: A(dW_l) = (C_in / md) x C_out x k x k elements;</li>
 *   <li>intra-layer, mp: A(F_{l+1}) = (B / bd) x C_out x H' x W' (pooled output);</li>
 *   <li>inter-layer between l and l+1 (Table 2): dp-dp 0; dp-mp 0.25 A(F) + 0.25 A(E);
 *       mp-mp and mp-dp 0.5 A(E), where A(F) = A(E) = X is layer l+1's input as partitioned
 *       for layer l+1.</li>
 * </ul>
 * Element counts are real numbers and never rounded. Amounts become bytes through the
 * {@link Accounting}.
 */
public final class CommunicationModel {
    private final Network network;
    private final Accounting accounting;
    private final boolean forwardOnly;

    /**
     * The model of inference: the forward pass only. No gradient sums (dp exchanges nothing),
     * mp's partial sums as in training, and between layers only the feature map of a dp-to-mp
     * transition (the forward half of its amount).
     */
    public CommunicationModel inference() {
        return new CommunicationModel(network, accounting, true);
    }

    /** True for the model of inference ({@link #inference()}). */
    public boolean forwardOnly() {
        return forwardOnly;
    }

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
    public double intraElements(int l, Parallelism p, int dpAbove, int mpAbove) {
        Layer layer = network.layer(l);
        if (p == Parallelism.DP && forwardOnly) {
            return 0;
        }
        if (p == Parallelism.DP) {
            return layer.inChannelsPerGroup() / pow2(mpAbove) * layer.outChannels() * layer.kernel() * layer.kernel();
        }
        return (double) accounting.batch() / pow2(dpAbove) * layer.outputElementsPerSample();
    }

    /**
     * Inter-layer elements one group exchanges between layer l (choice a) and layer l+1 (choice
     * b), where layer l+1 has been split by nextDpAbove dp and nextMpAbove mp choices above.
     */
    public double interElements(int l, Parallelism a, Parallelism b, int nextDpAbove, int nextMpAbove) {
        double factor = interFactor(a, b);
        if (factor == 0) {
            return 0;
        }
        Layer next = network.layer(l + 1);
        double x = (double) accounting.batch() / pow2(nextDpAbove)
                * ((double) next.inChannels() / pow2(nextMpAbove)) * next.inHeight() * next.inWidth();
        return factor * x;
    }

    /** Table 2's factor on X = |F_{l+1}| = |E_{l+1}|. */
    public static double interFactor(Parallelism a, Parallelism b) {
        if (a == Parallelism.DP && b == Parallelism.DP) {
            return 0;
        }
        if (a == Parallelism.DP) {
            return 0.25 + 0.25; // F_{l+1} and E_{l+1}, a quarter each
        }
        return 0.5; // mp -> mp and mp -> dp: half of E_{l+1}
    }

    public double intraBytes(int l, Parallelism p, int dpAbove, int mpAbove) {
        return accounting.intraMultiplicity() * accounting.bytesPerElement() * intraElements(l, p, dpAbove, mpAbove);
    }

    public double interBytes(int l, Parallelism a, Parallelism b, int nextDpAbove, int nextMpAbove) {
        double all = accounting.interMultiplicity() * accounting.bytesPerElement()
                * interElements(l, a, b, nextDpAbove, nextMpAbove);
        return forwardOnly ? all * forwardShare(a, b) : all;
    }

    /** The share of an inter-layer amount that moves in the forward pass: half of dp-to-mp's (the feature map). */
    public static double forwardShare(Parallelism a, Parallelism b) {
        return a == Parallelism.DP && b == Parallelism.MP ? 0.5 : 0;
    }

    /**
     * Bytes one group exchanges at a level for the given row of choices, with dp/mp counts of
     * the levels above per layer (com_h of Algorithm 2).
     */
    public double groupBytes(List<Parallelism> row, int[] dpAbove, int[] mpAbove) {
        double sum = 0;
        int n = row.size();
        for (int l = 0; l < n; l++) {
            sum += intraBytes(l, row.get(l), dpAbove[l], mpAbove[l]);
            if (l + 1 < n) {
                sum += interBytes(l, row.get(l), row.get(l + 1), dpAbove[l + 1], mpAbove[l + 1]);
            }
        }
        return sum;
    }

    /** The whole plan's accounting: bytes per level (all groups) and per layer, intra and inter. */
    public CommunicationCost evaluate(Plan plan) {
        if (plan.layers() != network.size()) {
            throw new IllegalArgumentException("plan covers " + plan.layers() + " layers, network has " + network.size());
        }
        int levels = plan.levels();
        int n = network.size();
        double[][] intra = new double[levels][n];
        double[][] inter = new double[levels][n];
        for (int h = 1; h <= levels; h++) {
            int[] dp = plan.countAbove(h - 1, Parallelism.DP);
            int[] mp = plan.countAbove(h - 1, Parallelism.MP);
            double groups = pow2(h - 1);
            for (int l = 0; l < n; l++) {
                intra[h - 1][l] = groups * intraBytes(l, plan.choice(h, l), dp[l], mp[l]);
                if (l + 1 < n) {
                    inter[h - 1][l] = groups * interBytes(l, plan.choice(h, l), plan.choice(h, l + 1), dp[l + 1], mp[l + 1]);
                }
            }
        }
        return new CommunicationCost(intra, inter);
    }

    static double pow2(int e) {
        return Math.scalb(1.0, e);
    }
}
