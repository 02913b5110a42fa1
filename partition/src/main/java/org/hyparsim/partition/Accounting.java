package org.hyparsim.partition;

import java.util.Optional;
import org.hyparsim.core.Named;

/**
 * How the communication model turns element counts into the amounts it reports.
 *
 * @param rules whose rules: the paper's fitted accounting or AccPar's released planner
 * @param batch samples per training step (B)
 * @param bytesPerElement bytes per tensor element (4 for fp32; 1 makes the amounts element counts)
 * @param intraMultiplicity factor on intra-layer amounts (2: both directions of the exchange)
 * @param interMultiplicity factor on inter-layer amounts
 */
public record Accounting(Rules rules, int batch, double bytesPerElement, double intraMultiplicity,
        double interMultiplicity) {

    public static final int DEFAULT_BATCH = 256;

    /** The accountings the model knows: each its defaults and its rules as fields, not as a name to compare. */
    public enum Rules implements Named {
        /** The paper's accounting (fitted): fp32, intra-layer amounts counted twice, inter-layer once. */
        HYPAR("hypar", 4, 2, 1, false, false),
        /**
         * AccPar's accounting: element counts, both multiplicities 1; a shortcut is priced like an
         * inter-layer transfer from the type of its first layer to the type of the layer that
         * consumes the sum, on that layer's input, and projections exchange nothing of their own
         * (as AccPar's released planner).
         */
        ACCPAR("accpar", 1, 1, 1, true, true);

        private final String label;
        private final double bytesPerElement;
        private final double intraMultiplicity;
        private final double interMultiplicity;
        private final boolean elementCounts;
        private final boolean releasedShortcuts;

        Rules(String label, double bytesPerElement, double intraMultiplicity, double interMultiplicity,
                boolean elementCounts, boolean releasedShortcuts) {
            this.label = label;
            this.bytesPerElement = bytesPerElement;
            this.intraMultiplicity = intraMultiplicity;
            this.interMultiplicity = interMultiplicity;
            this.elementCounts = elementCounts;
            this.releasedShortcuts = releasedShortcuts;
        }

        @Override
        public String label() {
            return label;
        }

        /** These rules with their default amounts, at this batch. */
        public Accounting at(int batch) {
            return new Accounting(this, batch, bytesPerElement, intraMultiplicity, interMultiplicity);
        }

        public static Optional<Rules> fromName(String name) {
            return Named.fromName(Rules.class, name);
        }
    }

    public Accounting {
        if (rules == null) {
            throw new IllegalArgumentException("rules must be given");
        }
        if (batch < 1) {
            throw new IllegalArgumentException("batch must be at least 1, got " + batch);
        }
        if (!(bytesPerElement > 0) || !(intraMultiplicity >= 0) || !(interMultiplicity >= 0)) {
            throw new IllegalArgumentException("bytes per element must be positive and multiplicities not negative");
        }
    }

    /** The paper's accounting (fitted): fp32, intra-layer amounts counted twice, inter-layer once. */
    public static Accounting hypar(int batch) {
        return Rules.HYPAR.at(batch);
    }

    /** AccPar's accounting: element counts, both multiplicities 1. */
    public static Accounting accpar(int batch) {
        return Rules.ACCPAR.at(batch);
    }

    /** The accounting by its name (hypar or accpar). */
    public static Optional<Accounting> byName(String name, int batch) {
        return Rules.fromName(name).map(r -> r.at(batch));
    }

    /** The rules' name as the command line and results write it (hypar or accpar). */
    public String name() {
        return rules.label();
    }

    /** True for AccPar's accounting in element counts (one byte per element). */
    public boolean countsElements() {
        return bytesPerElement == 1 && rules.elementCounts;
    }

    /** True for AccPar's rules on shortcuts (see {@link Rules#ACCPAR}). */
    public boolean accparShortcuts() {
        return rules.releasedShortcuts;
    }

    public Accounting withBytesPerElement(double v) {
        return new Accounting(rules, batch, v, intraMultiplicity, interMultiplicity);
    }

    public Accounting withIntraMultiplicity(double v) {
        return new Accounting(rules, batch, bytesPerElement, v, interMultiplicity);
    }

    public Accounting withInterMultiplicity(double v) {
        return new Accounting(rules, batch, bytesPerElement, intraMultiplicity, v);
    }
}
