package org.hyparsim.core.workload;

import java.util.ArrayList;
import java.util.List;

/**
 * One weighted layer (conv or fc) with its tensor shapes, per sample.
 *
 * <p>Input feature map: inChannels x inHeight x inWidth. Kernel: inChannels x outChannels x
 * kernel x kernel. Output before pooling: outChannels x outHeight x outWidth; after pooling
 * (what the next layer consumes): outChannels x pooledHeight x pooledWidth. For an fc layer all
 * spatial sizes and the kernel are 1.
 */
public record Layer(
        String name,
        LayerType type,
        int inChannels,
        int inHeight,
        int inWidth,
        int outChannels,
        int kernel,
        int stride,
        int padding,
        int outHeight,
        int outWidth,
        int poolStride,
        int poolKernel,
        int pooledHeight,
        int pooledWidth) {

    /** A fully connected layer inChannels -> outChannels. */
    public static Layer fc(String name, int inChannels, int outChannels) {
        return new Layer(name, LayerType.FC, inChannels, 1, 1, outChannels, 1, 1, 0, 1, 1, 1, 1, 1, 1);
    }

    /**
     * A square convolution; the output size follows from kernel, stride and padding, and the
     * pooled size from a pool of poolKernel x poolKernel at stride poolStride (floor rounding).
     */
    public static Layer conv(String name, int inChannels, int inHw, int outChannels, int kernel,
            int stride, int padding, int poolKernel, int poolStride) {
        int out = convOutput(inHw, kernel, stride, padding);
        int pooled = poolOutput(out, poolKernel, poolStride);
        return new Layer(name, LayerType.CONV, inChannels, inHw, inHw, outChannels, kernel, stride,
                padding, out, out, poolStride, poolKernel, pooled, pooled);
    }

    /** Output size of a convolution (floor rounding). */
    public static int convOutput(int in, int kernel, int stride, int padding) {
        return (in + 2 * padding - kernel) / stride + 1;
    }

    /** Output size of a pooling window (floor rounding); a pool of 1 keeps the size. */
    public static int poolOutput(int in, int poolKernel, int poolStride) {
        if (poolStride <= 1 && poolKernel <= 1) {
            return in;
        }
        return Math.max(1, (in - poolKernel) / poolStride + 1);
    }

    /** Kernel elements: inChannels x outChannels x kernel x kernel. */
    public long weights() {
        return (long) inChannels * outChannels * kernel * kernel;
    }

    /** Forward multiply-accumulates for one sample. */
    public long forwardMacsPerSample() {
        return (long) outHeight * outWidth * outChannels * (long) inChannels * kernel * kernel;
    }

    /** Elements of the input feature map for one sample. */
    public long inputElementsPerSample() {
        return (long) inChannels * inHeight * inWidth;
    }

    /** Elements of the output feature map after pooling, for one sample. */
    public long outputElementsPerSample() {
        return (long) outChannels * pooledHeight * pooledWidth;
    }

    /** Elements of the output feature map before pooling, for one sample. */
    public long unpooledOutputElementsPerSample() {
        return (long) outChannels * outHeight * outWidth;
    }

    /** Problems with this layer on its own (sizes that must be positive), field name and reason. */
    public List<String[]> problems() {
        List<String[]> out = new ArrayList<>();
        if (name == null || name.isBlank()) {
            out.add(new String[] {"name", "must not be empty"});
        }
        positive(out, "in_ch", inChannels);
        positive(out, "in_hw", Math.min(inHeight, inWidth));
        positive(out, "out_ch", outChannels);
        positive(out, "k", kernel);
        positive(out, "stride", stride);
        if (padding < 0) {
            out.add(new String[] {"pad", "must be 0 or more, got " + padding});
        }
        positive(out, "out_hw", Math.min(outHeight, outWidth));
        positive(out, "pool", poolStride);
        positive(out, "pool_k", poolKernel);
        positive(out, "out_hw_pooled", Math.min(pooledHeight, pooledWidth));
        long max = org.hyparsim.core.Limits.maxLayerDimension();
        String[] names = {"in_ch", "in_hw", "out_ch", "k", "stride", "pad", "out_hw", "pool", "pool_k", "out_hw_pooled"};
        int[] values = {inChannels, Math.max(inHeight, inWidth), outChannels, kernel, stride, padding,
            Math.max(outHeight, outWidth), poolStride, poolKernel, Math.max(pooledHeight, pooledWidth)};
        for (int i = 0; i < names.length; i++) {
            if (values[i] > max) {
                out.add(new String[] {names[i], "must be at most " + max + ", got " + values[i] + " (system property "
                        + org.hyparsim.core.Limits.property("maxLayerDimension") + ")"});
            }
        }
        // counts are longs: refuse a layer whose per-sample counts would not fit
        double macs = (double) outHeight * outWidth * outChannels * inChannels * kernel * kernel;
        double elements = Math.max((double) inChannels * inHeight * inWidth, (double) outChannels * outHeight * outWidth);
        if (macs > 1e18 || elements > 1e18) {
            out.add(new String[] {"in_ch", "the layer is too large: " + String.format(java.util.Locale.ROOT, "%.3g", macs)
                    + " MACs per sample (at most 1e18)"});
        }
        if (type == LayerType.FC && (inHeight != 1 || inWidth != 1 || kernel != 1 || outHeight != 1
                || outWidth != 1)) {
            out.add(new String[] {"type", "an fc layer has spatial sizes and kernel 1"});
        }
        return out;
    }

    private static void positive(List<String[]> out, String field, int value) {
        if (value <= 0) {
            out.add(new String[] {field, "must be at least 1, got " + value});
        }
    }
}
