package org.hyparsim.scenarios.scenario;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The bundled hardware profiles, each a resource file with its values and their sources. */
public enum BuiltInProfile {
    /** An HMC with TETRIS-like row-stationary engines; every value cites a source or is an assumption. */
    HMC_RS("hmc-rs"),
    /** The paper's own model: ideal compute, then all communication through one shared channel. */
    PAPER("paper");

    private final String label;

    BuiltInProfile(String label) {
        this.label = label;
    }

    /** The name in scenarios and results. */
    public String label() {
        return label;
    }

    public static Optional<BuiltInProfile> fromName(String name) {
        return Arrays.stream(values()).filter(p -> p.label.equals(name)).findFirst();
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(BuiltInProfile::label).toList();
    }
}
