package org.hyparsim.core.step;

import org.hyparsim.core.workload.Layer;

/**
 * The work of one compute task: a phase of a layer on one accelerator's shard, which holds
 * {@code samples} of the batch, {@code inChannels} of the layer's input channels and
 * {@code outChannels} of its output channels (real numbers: splits are never rounded).
 */
public record ComputeWork(Layer layer, TaskKind phase, double samples, double inChannels, double outChannels) {

    public ComputeWork {
        if (!phase.isCompute()) {
            throw new IllegalArgumentException("compute work needs a compute phase, got " + phase);
        }
        if (!(samples > 0) || !(inChannels > 0) || !(outChannels > 0)) {
            throw new IllegalArgumentException("a shard has positive samples and channels");
        }
    }

    /** A shard with all of the layer's output channels. */
    public ComputeWork(Layer layer, TaskKind phase, double samples, double inChannels) {
        this(layer, phase, samples, inChannels, layer.outChannels());
    }

    /** Fraction of the layer's output channels in this shard. */
    public double outFraction() {
        return outChannels / layer.outChannels();
    }

    /**
     * Fraction of the layer's input channels in this shard; 1 for a layer that keeps its input's
     * layout (a split of its input channels means its input is whole there: it runs replicated).
     */
    public double channelFraction() {
        return layer.keepsInputLayout() ? 1 : inChannels / layer.inChannels();
    }

    /**
     * Elements of the shard's kernel (and of its gradient); for the transformer kinds, the shard's
     * part of the layer's weights (none for a tied projection: they are its embedding's).
     */
    public double weightElements() {
        if (layer.type().convolutional()) {
            double bias = layer.extras().bias() ? outChannels : 0;
            return layer.tied() ? bias : inChannels / layer.groups() * outChannels * layer.kernel() * layer.kernel() + bias;
        }
        return layer.weights() * channelFraction() * outFraction();
    }

    /**
     * Multiply-accumulates of the phase's matrix products ({@link Layer#forwardMacsPerSample},
     * {@link Layer#errorMacsPerSample}, {@link Layer#gradientMacsPerSample}) on the shard; the
     * update one per weight.
     */
    public double macs() {
        long perSample = switch (phase) {
            case FORWARD -> layer.forwardMacsPerSample();
            case ERROR -> layer.errorMacsPerSample();
            case GRADIENT -> layer.gradientMacsPerSample();
            default -> 0;
        };
        if (phase == TaskKind.UPDATE) {
            return weightElements();
        }
        return samples * channelFraction() * outFraction() * perSample;
    }

    /** Elements of the shard's input feature map (F_l, or E_l). */
    public double inputElements() {
        return samples * inChannels * layer.inHeight() * layer.inWidth();
    }

    /** Elements of the shard's (pooled) output feature map, F_{l+1}, over its output channels. */
    public double outputElements() {
        return samples * layer.outputElementsPerSample() * outFraction();
    }

    /**
     * Elements of the shard's output error at the pre-pooling size: the error of layer l's
     * convolution output, which the backward pass of the pool produces from E_{l+1}.
     */
    public double outputErrorElements() {
        return samples * layer.unpooledOutputElementsPerSample() * outFraction();
    }
}
