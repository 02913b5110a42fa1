package org.hyparsim.core.workload;

/** The kinds of weighted layer the workload model knows. */
public enum LayerType {
    /** A 2D convolution, optionally followed by pooling. */
    CONV,
    /** A fully connected layer: a convolution whose spatial sizes and kernel are 1. */
    FC;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
