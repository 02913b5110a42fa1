package org.hyparsim.core.step;

import java.util.Locale;
import org.hyparsim.core.Named;

/** What a run replays: training steps, or inference (forward only). */
public enum RunPhase implements Named {
    /** Forward, error, gradient, the gradient exchange and the weight update. */
    TRAINING,
    /** The forward pass only: no error, gradient, exchange or update (chips that only infer). */
    INFERENCE;

    @Override
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static java.util.Optional<RunPhase> fromName(String name) {
        return Named.fromName(RunPhase.class, name);
    }

    public static java.util.List<String> names() {
        return Named.names(RunPhase.class);
    }
}
