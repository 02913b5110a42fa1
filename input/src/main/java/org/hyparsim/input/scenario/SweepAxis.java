package org.hyparsim.input.scenario;

import java.util.Optional;
import org.hyparsim.core.Named;

/**
 * The scenario fields a sweep may vary, in the order they are crossed (the first varies
 * slowest); each names its field as the scenario file writes it and says how a value goes in.
 */
public enum SweepAxis implements Named {
    NETWORK("network", Form.NODE, true),
    BATCH("batch", Form.NODE, false),
    ACCELERATORS("accelerators", Form.NODE, false),
    TOPOLOGY("topology", Form.NODE, true),
    HARDWARE("hardware", Form.NODE, true),
    SCHEDULE("schedule", Form.TEXT, false),
    LINK_MODEL("linkModel", Form.TEXT, false),
    COLLECTIVE("collective", Form.TEXT, false),
    PHASE("phase", Form.TEXT, false),
    /** Perturbed replays per point: how far, how many, which seed. */
    PERTURB("perturb", Form.NODE, false),
    SAMPLES("samples", Form.NODE, false),
    SEED("seed", Form.NODE, false),
    /** Each value is one strategy: a point runs the list of it alone. */
    STRATEGIES("strategies", Form.ONE_STRATEGY, false);

    /** How an axis value becomes the scenario field's value. */
    enum Form {
        /** The value as it is (a number, a name, a path or an object). */
        NODE,
        /** The value's text. */
        TEXT,
        /** A list holding the value's text. */
        ONE_STRATEGY
    }

    private final String label;
    private final Form form;
    private final boolean objectsAllowed;

    SweepAxis(String label, Form form, boolean objectsAllowed) {
        this.label = label;
        this.form = form;
        this.objectsAllowed = objectsAllowed;
    }

    @Override
    public String label() {
        return label;
    }

    Form form() {
        return form;
    }

    /** True where a value may be an object ({name, ...}) as well as a single value. */
    boolean objectsAllowed() {
        return objectsAllowed;
    }

    /** Where a value of this axis sits in the scenario it makes ("strategies[0]" for a strategy). */
    String scenarioPath() {
        return form == Form.ONE_STRATEGY ? label + "[0]" : label;
    }

    public static Optional<SweepAxis> fromName(String name) {
        return Named.fromName(SweepAxis.class, name);
    }
}
