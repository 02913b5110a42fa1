package org.hyparsim.core.step;

/** What a task of a training step does. */
public enum TaskKind {
    /** Forward compute of a layer's shard: F_{l+1} = F_l * W_l. */
    FORWARD,
    /** Error compute: E_l = E_{l+1} * W_l^T. */
    ERROR,
    /** Gradient compute: dW_l = F_l^T * E_{l+1}. */
    GRADIENT,
    /** The local weight update. */
    UPDATE,
    /** Bytes moved from one accelerator to another. */
    TRANSFER;

    public boolean isCompute() {
        return this != TRANSFER;
    }

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
