package org.hyparsim.partition.memory;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.hyparsim.core.workload.Layer;
import org.hyparsim.core.workload.LayerType;
import org.hyparsim.core.workload.Network;
import org.hyparsim.core.workload.Shortcut;
import org.hyparsim.partition.Plan;

/**
 * Each accelerator's memory footprint of training under a plan: a pure function of the plan, the
 * network, the batch and the {@link MemorySettings}.
 *
 * <p><b>Model state.</b> A layer's shard is its parameters times the shares its input and output
 * features take on the accelerator ({@link Plan#shares}: dp replicates, mp splits the input
 * features, mp-out the output features); a bias follows the output features; an embedding's
 * extra rows (positions, segments) follow its hidden features only; a layernorm's gain and bias
 * are held whole; a projection tied to an embedding holds nothing of its own (the table is the
 * embedding's); a shortcut's projection takes its last layer's shares. Each parameter of the
 * shard costs {@link MemorySettings#bytesPerParameter} bytes (weight, gradient, master copy,
 * optimizer state).
 *
 * <p><b>Activations kept for the backward pass</b>, in the precision's activation bytes: each
 * layer's input as the accelerator holds it (a convolution or linear layer its batch and input
 * feature shares: mp-out holds the whole input; an embedding its token ids, one element per
 * token; a layer that keeps its input's layout the producer's output, split by batch and output
 * features, whole after an mp sum), attention's s x s scores per head (split by batch and heads),
 * and the last layer's output (the loss's input). With {@link Recompute#FULL} only the
 * checkpoints' inputs (the first layer's and every shortcut's start) are kept, plus the largest
 * segment's other activations, live while the backward pass reruns it.
 */
public final class MemoryFootprint {
    private MemoryFootprint() {
    }

    /** One accelerator's footprint by part, in bytes. */
    public record Breakdown(double modelStateBytes, double activationBytes) {
        public double totalBytes() {
            return modelStateBytes + activationBytes;
        }
    }

    /** The largest accelerator's footprint in bytes. */
    public static double peakBytes(Plan plan, Network network, double batch, MemorySettings settings) {
        int accelerators = plan.uneven() ? 1 << plan.levels() : 1;
        double peak = 0;
        for (int a = 0; a < accelerators; a++) {
            peak = Math.max(peak, of(plan, network, batch, settings, a).totalBytes());
        }
        return peak;
    }

    /** True when a footprint fits a capacity. */
    public static boolean fits(double footprintBytes, long capacityBytes) {
        return footprintBytes <= capacityBytes;
    }

    /** Accelerator a's footprint (a from 0 to 2^levels - 1). */
    public static Breakdown of(Plan plan, Network network, double batch, MemorySettings settings, int accelerator) {
        if (plan.layers() != network.size()) {
            throw new IllegalArgumentException("the plan covers " + plan.layers() + " layers, the network has "
                    + network.size());
        }
        if (!(batch > 0)) {
            throw new IllegalArgumentException("the batch is positive, got " + batch);
        }
        double parameters = 0;
        for (int l = 0; l < network.size(); l++) {
            parameters += shard(network.layer(l), plan.shares(accelerator, l));
        }
        for (Shortcut s : network.shortcuts()) {
            if (s.projection() != null) {
                parameters += shard(s.projection(), plan.shares(accelerator, s.to()));
            }
        }
        double perSample = settings.recompute() == Recompute.FULL ? recomputedElements(plan, network, accelerator)
                : keptElements(plan, network, accelerator);
        return new Breakdown(parameters * settings.bytesPerParameter(),
                perSample * batch * settings.precision().activationBytes());
    }

    /** The parameters of a layer's shard. */
    static double shard(Layer layer, double[] shares) {
        double in = shares[1];
        double out = shares[2];
        return switch (layer.type()) {
            case CONV, LINEAR -> layer.tied() ? (layer.extras().bias() ? layer.outChannels() * out : 0)
                    : (layer.weights() - (layer.extras().bias() ? layer.outChannels() : 0)) * in * out
                            + (layer.extras().bias() ? layer.outChannels() * out : 0);
            case EMBEDDING -> ((double) layer.inChannels() * in + layer.extras().extraRows()) * layer.outChannels() * out;
            case LAYERNORM, ATTENTION, SOFTMAX, ELEMENTWISE -> layer.weights();
        };
    }

    /** Elements of a layer's input one accelerator keeps per sample of the whole batch. */
    static double inputElements(Layer layer, double[] shares) {
        return switch (layer.type()) {
            case CONV, LINEAR -> layer.inputElementsPerSample() * shares[0] * shares[1];
            case EMBEDDING -> (double) layer.tokens() * shares[0];
            case LAYERNORM, ATTENTION, SOFTMAX, ELEMENTWISE -> layer.inputElementsPerSample() * shares[0] * shares[2];
        };
    }

    /** Everything layer l keeps per sample beyond its input: attention's scores, the last layer's output. */
    static double otherElements(Network network, int l, double[] shares) {
        Layer layer = network.layer(l);
        double other = layer.type() == LayerType.ATTENTION
                ? (double) layer.heads() * layer.tokens() * layer.tokens() * shares[0] * shares[2] : 0;
        if (l == network.size() - 1) {
            other += layer.outputElementsPerSample() * shares[0] * shares[2];
        }
        return other;
    }

    /** Activation elements kept per sample without recomputation. */
    private static double keptElements(Plan plan, Network network, int accelerator) {
        double sum = 0;
        for (int l = 0; l < network.size(); l++) {
            double[] s = plan.shares(accelerator, l);
            sum += inputElements(network.layer(l), s) + otherElements(network, l, s);
        }
        return sum;
    }

    /** The layers whose inputs full recomputation keeps: the first and every shortcut's start, in order. */
    public static List<Integer> checkpoints(Network network) {
        TreeSet<Integer> out = new TreeSet<>();
        out.add(0);
        for (Shortcut s : network.shortcuts()) {
            out.add(s.from());
        }
        return new ArrayList<>(out);
    }

    /** Activation elements per sample under full recomputation: the checkpoints plus the largest segment's rest. */
    private static double recomputedElements(Plan plan, Network network, int accelerator) {
        List<Integer> starts = checkpoints(network);
        double kept = 0;
        double largest = 0;
        for (int c = 0; c < starts.size(); c++) {
            int end = c + 1 < starts.size() ? starts.get(c + 1) : network.size();
            double segment = 0;
            for (int l = starts.get(c); l < end; l++) {
                double[] s = plan.shares(accelerator, l);
                double input = inputElements(network.layer(l), s);
                if (l == starts.get(c)) {
                    kept += input;
                } else {
                    segment += input;
                }
                segment += otherElements(network, l, s);
            }
            largest = Math.max(largest, segment);
        }
        return kept + largest;
    }
}
