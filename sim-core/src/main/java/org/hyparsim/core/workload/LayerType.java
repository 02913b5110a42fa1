package org.hyparsim.core.workload;

import java.util.Locale;

/** The kinds of layer the workload model knows. */
public enum LayerType {
    /** A 2D convolution, optionally followed by pooling. */
    CONV,
    /**
     * A linear (fully connected) layer: in x out weights applied to each of the sample's tokens, a
     * 1 x 1 convolution over a tokens x 1 map; today's fc layer is a linear layer over one token.
     */
    LINEAR,
    /** Multi-head self-attention without weights: scores Q K^T, softmax, context P V (full s x s scores). */
    ATTENTION,
    /** Layer normalisation over each token's features (a gain and a bias per feature). */
    LAYERNORM,
    /** A softmax over each token's features. */
    SOFTMAX,
    /** An element-wise operation (GeLU, residual add, dropout): memory-bound. */
    ELEMENTWISE,
    /** A token embedding (vocabulary x hidden): a gather forward, a scatter-add of the gradient backward. */
    EMBEDDING;

    /** The name in network files. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * True for the layers without weights of their own to partition (attention, norms, softmax,
     * element-wise): they keep the layout their input has, with no sum and no transition of their own.
     */
    public boolean keepsInputLayout() {
        return this == ATTENTION || this == LAYERNORM || this == SOFTMAX || this == ELEMENTWISE;
    }

    /** True for the kinds mapped as convolutions (conv, and linear as a 1 x 1 convolution over the tokens). */
    public boolean convolutional() {
        return this == CONV || this == LINEAR;
    }
}
