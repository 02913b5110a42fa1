package org.hyparsim.partition.memory;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.hyparsim.core.Named;

/**
 * Which activations the forward pass keeps for the backward pass (Chen et al., "Training Deep
 * Nets with Sublinear Memory Cost", 2016; Megatron-LM's full activation recomputation).
 */
public enum Recompute implements Named {
    /** Every layer's input (and attention's scores, and the network's output) is kept. */
    NONE,
    /**
     * Only the checkpoints are kept (the input of the network's first layer and of every layer a
     * residual connection starts from); the backward pass reruns one segment's forward at a time,
     * so one segment's other activations are live at once.
     */
    FULL;

    @Override
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Recompute> fromName(String name) {
        return Named.fromName(Recompute.class, name);
    }

    public static List<String> names() {
        return Named.names(Recompute.class);
    }
}
