package org.hyparsim.accel;

/**
 * The on-chip global buffer: its capacity decides how often a task's operands are re-read from
 * memory. Convolutions are tiled into it by {@link ConvTiling}; a reduction into a result (the
 * weight gradient) keeps the result's tile resident and streams both operands past it.
 */
public final class OnChipBuffer {
    private final double capacityBytes;

    public OnChipBuffer(double capacityBytes) {
        if (!(capacityBytes > 0)) {
            throw new IllegalArgumentException("a buffer has a positive capacity");
        }
        this.capacityBytes = capacityBytes;
    }

    public double capacityBytes() {
        return capacityBytes;
    }

    /**
     * Memory bytes of a reduction into a result that must stay on chip while it accumulates
     * (the weight gradient, summed over the batch): when everything fits, each moves once;
     * otherwise the result (inChannels x outChannels blocks) is cut into tiles of a x b
     * channels filling half the buffer, each tile written once; per tile the input streams
     * the slice of its a input channels and the error the slice of its b output channels, so
     * the input is read once per column of tiles and the error once per row: the cheapest
     * tiling of that shape. Linear in the operands, so in the batch.
     *
     * @param a the input feature map's bytes (split by input channels)
     * @param b the output error's bytes (split by output channels)
     */
    public double reductionTraffic(double a, double b, double result, double inChannels, double outChannels) {
        if (a + b + result <= capacityBytes) {
            return a + b + result;
        }
        double tile = capacityBytes / 2;
        double perPair = result / (inChannels * outChannels);
        double best = Double.POSITIVE_INFINITY;
        for (double cols = outChannels; ; cols = Math.max(1, Math.ceil(cols / 2))) {
            double rows = Math.max(1, Math.min(inChannels, Math.floor(tile / (perPair * cols))));
            double traffic = result + a * Math.ceil(outChannels / cols - 1e-9) + b * Math.ceil(inChannels / rows - 1e-9);
            best = Math.min(best, traffic);
            if (cols <= 1) {
                break;
            }
        }
        return best;
    }
}
