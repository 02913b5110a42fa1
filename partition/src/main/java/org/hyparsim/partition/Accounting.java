package org.hyparsim.partition;

/**
 * How the communication model turns element counts into the amounts it reports.
 *
 * @param name "hypar" (the paper's fitted accounting) or "accpar" (AccPar's released planner)
 * @param batch samples per training step (B)
 * @param bytesPerElement bytes per tensor element (4 for fp32; 1 makes the amounts element counts)
 * @param intraMultiplicity factor on intra-layer amounts (2: both directions of the exchange)
 * @param interMultiplicity factor on inter-layer amounts
 */
public record Accounting(String name, int batch, double bytesPerElement, double intraMultiplicity,
        double interMultiplicity) {

    public static final int DEFAULT_BATCH = 256;

    public Accounting {
        if (batch < 1) {
            throw new IllegalArgumentException("batch must be at least 1, got " + batch);
        }
        if (!(bytesPerElement > 0) || !(intraMultiplicity >= 0) || !(interMultiplicity >= 0)) {
            throw new IllegalArgumentException("bytes per element must be positive and multiplicities not negative");
        }
    }

    /** The paper's accounting (fitted): fp32, intra-layer amounts counted twice, inter-layer once. */
    public static Accounting hypar(int batch) {
        return new Accounting("hypar", batch, 4, 2, 1);
    }

    /** AccPar's accounting: element counts, both multiplicities 1. */
    public static Accounting accpar(int batch) {
        return new Accounting("accpar", batch, 1, 1, 1);
    }

    /** The accounting by its name (hypar or accpar). */
    public static java.util.Optional<Accounting> byName(String name, int batch) {
        return java.util.Optional.ofNullable(switch (name == null ? "" : name) {
            case "hypar" -> hypar(batch);
            case "accpar" -> accpar(batch);
            default -> null;
        });
    }

    /** True for AccPar's accounting in element counts (one byte per element). */
    public boolean countsElements() {
        return bytesPerElement == 1 && name.equals("accpar");
    }

    /**
     * True for AccPar's rules on shortcuts: a shortcut is priced like an inter-layer transfer
     * from the type of its first layer to the type of the layer that consumes the sum, on that
     * layer's input, and projections exchange nothing of their own (as AccPar's released planner).
     */
    public boolean accparShortcuts() {
        return name.equals("accpar");
    }

    public Accounting withBytesPerElement(double v) {
        return new Accounting(name, batch, v, intraMultiplicity, interMultiplicity);
    }

    public Accounting withIntraMultiplicity(double v) {
        return new Accounting(name, batch, bytesPerElement, v, interMultiplicity);
    }

    public Accounting withInterMultiplicity(double v) {
        return new Accounting(name, batch, bytesPerElement, intraMultiplicity, v);
    }
}
