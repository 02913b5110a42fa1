package org.hyparsim.input.scenario;

import org.hyparsim.core.Named;
import org.hyparsim.core.kind.CollectiveAlgorithm;

import java.util.List;
import java.util.Optional;

/** The bundled hardware profiles, each a resource file with its values and their sources. */
public enum BuiltInProfile implements Named {
    /** An HMC with TETRIS-like row-stationary engines; every value cites a source or is an assumption. */
    HMC_RS("hmc-rs", CollectiveAlgorithm.AUTO),
    /** The paper's own model: ideal compute, then all communication through one shared channel. */
    PAPER("paper", CollectiveAlgorithm.HIERARCHICAL),
    /** One accelerator as the fabricated Eyeriss chip (JSSC 2017), for checking the models against it. */
    EYERISS("eyeriss", CollectiveAlgorithm.AUTO);

    private final String label;
    private final CollectiveAlgorithm collective;

    BuiltInProfile(String label, CollectiveAlgorithm collective) {
        this.label = label;
        this.collective = collective;
    }

    /**
     * The collective algorithm a scenario on this profile runs unless it names one: the paper's
     * hierarchical exchange for the paper profile, the fastest estimated for hmc-rs.
     */
    public CollectiveAlgorithm defaultCollective() {
        return collective;
    }

    /** The name in scenarios and results. */
    @Override
    public String label() {
        return label;
    }

    public static Optional<BuiltInProfile> fromName(String name) {
        return Named.fromName(BuiltInProfile.class, name);
    }

    public static List<String> names() {
        return Named.names(BuiltInProfile.class);
    }
}
