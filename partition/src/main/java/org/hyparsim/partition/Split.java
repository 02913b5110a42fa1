package org.hyparsim.partition;

import org.hyparsim.core.kind.Parallelism;
/**
 * How the levels above have split one layer: dp choices divide the batch, mp choices the input
 * channels, mp-out choices the output channels, each by 2 per choice.
 */
public record Split(int dp, int mp, int out) {
    /** Nothing split: the whole layer. */
    public static final Split NONE = new Split(0, 0, 0);

    public Split {
        if (dp < 0 || mp < 0 || out < 0) {
            throw new IllegalArgumentException("split counts are not negative");
        }
    }

    /** This split with one more choice of type p. */
    public Split and(Parallelism p) {
        return switch (p) {
            case DP -> new Split(dp + 1, mp, out);
            case MP -> new Split(dp, mp + 1, out);
            case MP_OUT -> new Split(dp, mp, out + 1);
        };
    }

    /** 2^dp: what divides the batch. */
    public double batchDivisor() {
        return Math.scalb(1.0, dp);
    }

    /** 2^mp: what divides the input channels. */
    public double inDivisor() {
        return Math.scalb(1.0, mp);
    }

    /** 2^out: what divides the output channels. */
    public double outDivisor() {
        return Math.scalb(1.0, out);
    }
}
