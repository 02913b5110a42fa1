package org.hyparsim.core.step;

/** Why bytes move: the amounts of the communication model, split by the phase they belong to. */
public enum TransferKind {
    /** mp: the pair sums partial outputs of a layer (forward). Intra-layer. */
    PARTIAL_SUM("partial-sum", true),
    /** dp: the pair sums partial weight gradients (backward). Intra-layer. */
    GRADIENT_SUM("gradient-sum", true),
    /** mp-out: the pair sums partial input errors of a layer (backward). Intra-layer. */
    ERROR_SUM("error-sum", true),
    /** Inter-layer redistribution of a feature map between two layers' partitions (forward). */
    INTER_FORWARD("inter-forward", false),
    /** Inter-layer redistribution of an error between two layers' partitions (backward). */
    INTER_BACKWARD("inter-backward", false),
    /** A shortcut's input moved to where it is added (forward). Inter-layer. */
    SHORTCUT_FORWARD("shortcut-forward", false),
    /** A shortcut's error moved back to its first layer (backward). Inter-layer. */
    SHORTCUT_BACKWARD("shortcut-backward", false);

    private final String label;
    private final boolean intraLayer;

    TransferKind(String label, boolean intraLayer) {
        this.label = label;
        this.intraLayer = intraLayer;
    }

    public String label() {
        return label;
    }

    public boolean intraLayer() {
        return intraLayer;
    }
}
