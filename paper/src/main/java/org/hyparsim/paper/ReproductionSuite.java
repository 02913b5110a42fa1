package org.hyparsim.paper;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.hyparsim.core.Named;

/** What {@code reproduce --suite} runs: the paper's evaluation (the default) or the transformer section. */
public enum ReproductionSuite implements Named {
    /** Figs. 5 to 9, 11 and 12 and the sections beyond the paper ({@link Reproduction}). */
    PAPER,
    /** BERT-large, GPT-2 and GPT-3-175B from 16 to 1024 accelerators ({@link TransformerReproduction}). */
    TRANSFORMERS;

    /** The name on the command line: paper, transformers. */
    @Override
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ReproductionSuite> fromName(String name) {
        return Named.fromName(ReproductionSuite.class, name);
    }

    public static List<String> names() {
        return Named.names(ReproductionSuite.class);
    }
}
