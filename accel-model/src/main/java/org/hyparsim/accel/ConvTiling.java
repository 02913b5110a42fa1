package org.hyparsim.accel;

/**
 * Loop tiling of a convolution (or an fc layer, the case of 1x1 maps) into the on-chip buffer:
 * the memory traffic of the best tiling among sample tiles (nt), output-channel tiles (mt),
 * input-channel tiles (ct) and output-row tiles (et), each halved from the whole, in two loop
 * orders, with the samples outermost (the weights are re-read once per sample tile):
 * <ul>
 * <li>output stationary (m, e outer; c inner): every output is written once; the weights are
 * re-read once per row tile, the input once per output-channel tile (rows with their halo);</li>
 * <li>weight stationary (m, c outer; e inner): the weights are read once; the input is re-read
 * once per output-channel tile; partial sums spill to memory and come back once per extra
 * input-channel tile.</li>
 * </ul>
 * The tiles of the weights, the input rows and the partial sums must fit together in the
 * buffer. Grouped convolutions are their groups side by side. The traffic is linear in the
 * batch and at least the compulsory traffic (each operand once).
 */
public final class ConvTiling {
    private ConvTiling() {
    }

    /** A feature map's spatial size. */
    public record Plane(double height, double width) {
        double area() {
            return height * width;
        }
    }

    /**
     * One phase's operands as a convolution of {@code samples} x {@code inChannels} maps of size
     * {@code input} into {@code outChannels} maps of size {@code output}, with a square kernel.
     */
    public record Conv(double samples, double inChannels, double outChannels, Plane input, Plane output, int kernel,
            int stride) {
    }

    /**
     * Memory bytes to read the input and the weights and write {@code resultBytes} (the output,
     * after any on-chip pooling), in {@code groups} groups, with a buffer of {@code capacityBytes}.
     */
    public static double traffic(Conv c, int groups, double bytesPerElement, double resultBytes, double capacityBytes) {
        double cg = c.inChannels() / groups;
        double mg = c.outChannels() / groups;
        double in = c.samples() * cg * c.input().area() * bytesPerElement;
        double weights = cg * mg * c.kernel() * c.kernel() * bytesPerElement;
        double out = resultBytes / groups;
        double outFull = c.samples() * mg * c.output().area() * bytesPerElement;
        if (in + weights + outFull <= capacityBytes) {
            return groups * (in + weights + out);
        }
        double best = Double.POSITIVE_INFINITY;
        for (double nt = c.samples(); ; nt = Math.max(Math.min(1, c.samples()), nt / 2)) {
            double nTiles = Math.ceil(c.samples() / nt - 1e-9);
            best = Math.min(best, tiled(c, nt, nTiles, new Operands(cg, mg, in, weights, out, outFull), bytesPerElement,
                    capacityBytes));
            if (nt <= Math.min(1, c.samples())) {
                break;
            }
        }
        if (best == Double.POSITIVE_INFINITY) {
            // not even one output row of one channel pair fits: every MAC's operands come from memory
            best = in * mg + weights * c.samples() * c.output().area() + out;
        }
        return groups * best;
    }

    /**
     * One group's channels and operand bytes.
     *
     * @param out the result written (after on-chip pooling)
     * @param outFull the partial sums' bytes (before pooling)
     */
    private record Operands(double cg, double mg, double in, double weights, double out, double outFull) {
    }

    /** The best tiling of the channels and rows for sample tiles of {@code nt}, {@code nTiles} of them. */
    private static double tiled(Conv c, double nt, double nTiles, Operands o, double bpe, double capacityBytes) {
        double cg = o.cg();
        double mg = o.mg();
        double in = o.in();
        double weights = o.weights();
        double out = o.out();
        double outFull = o.outFull();
        double best = Double.POSITIVE_INFINITY;
        for (double mt = mg; mt >= Math.min(1, mg); mt /= 2) {
            for (double ct = cg; ct >= Math.min(1, cg); ct /= 2) {
                for (double et = c.output().height(); et >= Math.min(1, c.output().height()); et = Math.ceil(et / 2)) {
                    double rows = Math.min(c.input().height(), (et - 1) * c.stride() + c.kernel());
                    double wTile = mt * ct * c.kernel() * c.kernel() * bpe;
                    double inTile = nt * ct * rows * c.input().width() * bpe;
                    double psTile = nt * mt * et * c.output().width() * bpe;
                    if (wTile + inTile + psTile <= capacityBytes) {
                        double mTiles = Math.ceil(mg / mt - 1e-9);
                        double cTiles = Math.ceil(cg / ct - 1e-9);
                        double eTiles = Math.ceil(c.output().height() / et - 1e-9);
                        double halo = Math.min(eTiles * rows / c.input().height(), Math.max(1, eTiles));
                        double inputReads = in * mTiles * Math.max(1, halo);
                        double outputStationary = weights * eTiles * nTiles + inputReads + out;
                        double weightStationary = weights * nTiles + inputReads + out + 2 * outFull * (cTiles - 1);
                        best = Math.min(best, Math.min(outputStationary, weightStationary));
                    }
                    if (et <= 1) {
                        break;
                    }
                }
                if (ct <= 1) {
                    break;
                }
            }
            if (mt <= 1) {
                break;
            }
        }
        return best;
    }
}
