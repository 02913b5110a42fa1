package org.hyparsim.scenarios.scenario;

import java.util.List;
import java.util.Optional;

/** The bundled hardware profiles, each a resource file with its values and their sources. */
public enum BuiltInProfile implements org.hyparsim.core.Named {
    /** An HMC with TETRIS-like row-stationary engines; every value cites a source or is an assumption. */
    HMC_RS("hmc-rs"),
    /** The paper's own model: ideal compute, then all communication through one shared channel. */
    PAPER("paper");

    private final String label;

    BuiltInProfile(String label) {
        this.label = label;
    }

    /** The name in scenarios and results. */
    @Override
    public String label() {
        return label;
    }

    public static java.util.Optional<BuiltInProfile> fromName(String name) {
        return org.hyparsim.core.Named.fromName(BuiltInProfile.class, name);
    }

    public static java.util.List<String> names() {
        return org.hyparsim.core.Named.names(BuiltInProfile.class);
    }
}
