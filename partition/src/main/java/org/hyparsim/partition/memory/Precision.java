package org.hyparsim.partition.memory;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.hyparsim.core.Named;

/**
 * The number formats of training. fp32: weights, gradients and activations in 4 bytes. mixed
 * (Micikevicius et al., ICLR 2018): weights, gradients and activations in fp16 (2 bytes) plus an
 * fp32 master copy of the weights (4 bytes), as Rajbhandari et al. (ZeRO, SC 2020) count it:
 * with Adam, 2 + 2 + (4 + 4 + 4) = 16 bytes per parameter.
 */
public enum Precision implements Named {
    /** Everything in fp32. */
    FP32(4, 4, 0),
    /** fp16 weights, gradients and activations, an fp32 master copy of the weights. */
    MIXED(2, 2, 4);

    private final int weightBytes;
    private final int activationBytes;
    private final int masterBytes;

    Precision(int weightBytes, int activationBytes, int masterBytes) {
        this.weightBytes = weightBytes;
        this.activationBytes = activationBytes;
        this.masterBytes = masterBytes;
    }

    /** Bytes of one weight (and of one gradient). */
    public int weightBytes() {
        return weightBytes;
    }

    /** Bytes of one activation kept for the backward pass. */
    public int activationBytes() {
        return activationBytes;
    }

    /** Bytes of the fp32 master copy per parameter (0 when the weights are fp32 already). */
    public int masterBytes() {
        return masterBytes;
    }

    @Override
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Precision> fromName(String name) {
        return Named.fromName(Precision.class, name);
    }

    public static List<String> names() {
        return Named.names(Precision.class);
    }
}
