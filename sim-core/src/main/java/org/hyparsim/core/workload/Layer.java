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
public record Layer(String name, LayerType type, Shape input, Window window, Shape output, Window pool, Shape pooled,
        int groups) {

    /** A layer without groups: every output channel sees every input channel. */
    public Layer(String name, LayerType type, Shape input, Window window, Shape output, Window pool, Shape pooled) {
        this(name, type, input, window, output, pool, pooled, 1);
    }

    /**
     * This convolution in {@code g} groups (as AlexNet's conv2, conv4 and conv5): each output
     * channel sees C_in / g input channels, so weights and MACs are 1/g of the ungrouped layer's.
     */
    public Layer withGroups(int g) {
        return new Layer(name, type, input, window, output, pool, pooled, g);
    }

    /** Input channels each output channel sees: C_in / groups. */
    public double inChannelsPerGroup() {
        return (double) inChannels() / groups;
    }

    /** A feature map: channels x height x width. */
    public record Shape(int channels, int height, int width) {
    }

    /** A square sliding window: kernel x kernel at a stride, with zero padding (none for pooling). */
    public record Window(int kernel, int stride, int padding) {
        /** No pooling: a window of 1 at stride 1. */
        public static final Window NONE = new Window(1, 1, 0);
    }

    /** A fully connected layer inChannels -> outChannels. */
    public static Layer fc(String name, int inChannels, int outChannels) {
        Shape one = new Shape(outChannels, 1, 1);
        return new Layer(name, LayerType.FC, new Shape(inChannels, 1, 1), Window.NONE, one, Window.NONE, one);
    }

    /**
     * A square convolution without pooling; the output size follows from kernel, stride and
     * padding (floor rounding). {@link #withPool} adds a pool.
     */
    public static Layer conv(String name, int inChannels, int inHw, int outChannels, int kernel, int stride,
            int padding) {
        int out = convOutput(inHw, kernel, stride, padding);
        Shape output = new Shape(outChannels, out, out);
        return new Layer(name, LayerType.CONV, new Shape(inChannels, inHw, inHw), new Window(kernel, stride, padding),
                output, Window.NONE, output);
    }

    /** This layer followed by a pool of poolKernel x poolKernel at stride poolStride (floor rounding). */
    public Layer withPool(int poolKernel, int poolStride) {
        Shape p = new Shape(output.channels(), poolOutput(output.height(), poolKernel, poolStride),
                poolOutput(output.width(), poolKernel, poolStride));
        return new Layer(name, type, input, window, output, new Window(poolKernel, poolStride, 0), p, groups);
    }

    public int inChannels() {
        return input.channels();
    }

    public int inHeight() {
        return input.height();
    }

    public int inWidth() {
        return input.width();
    }

    public int outChannels() {
        return output.channels();
    }

    public int kernel() {
        return window.kernel();
    }

    public int stride() {
        return window.stride();
    }

    public int padding() {
        return window.padding();
    }

    public int outHeight() {
        return output.height();
    }

    public int outWidth() {
        return output.width();
    }

    public int poolStride() {
        return pool.stride();
    }

    public int poolKernel() {
        return pool.kernel();
    }

    public int pooledHeight() {
        return pooled.height();
    }

    public int pooledWidth() {
        return pooled.width();
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
        return (long) inChannels() / groups * outChannels() * kernel() * kernel();
    }

    /** Forward multiply-accumulates for one sample. */
    public long forwardMacsPerSample() {
        return (long) outHeight() * outWidth() * outChannels() * (long) (inChannels() / groups) * kernel() * kernel();
    }

    /** Elements of the input feature map for one sample. */
    public long inputElementsPerSample() {
        return (long) inChannels() * inHeight() * inWidth();
    }

    /** Elements of the output feature map after pooling, for one sample. */
    public long outputElementsPerSample() {
        return (long) outChannels() * pooledHeight() * pooledWidth();
    }

    /** Elements of the output feature map before pooling, for one sample. */
    public long unpooledOutputElementsPerSample() {
        return (long) outChannels() * outHeight() * outWidth();
    }

    /** Problems with this layer on its own (sizes that must be positive), field name and reason. */
    public List<String[]> problems() {
        List<String[]> out = new ArrayList<>();
        if (name == null || name.isBlank()) {
            out.add(new String[] {"name", "must not be empty"});
        }
        positive(out, "in_ch", inChannels());
        if (groups < 1 || inChannels() % groups != 0 || outChannels() % groups != 0) {
            out.add(new String[] {"groups", "must be a whole number from 1 that divides in_ch (" + inChannels()
                    + ") and out_ch (" + outChannels() + "), got " + groups});
        }
        positive(out, "in_hw", Math.min(inHeight(), inWidth()));
        positive(out, "out_ch", outChannels());
        positive(out, "k", kernel());
        positive(out, "stride", stride());
        if (padding() < 0) {
            out.add(new String[] {"pad", "must be 0 or more, got " + padding()});
        }
        if (kernel() > Math.min(inHeight(), inWidth()) + 2L * Math.max(0, padding())) {
            out.add(new String[] {"k", "a kernel of " + kernel() + " does not fit the padded input ("
                    + Math.min(inHeight(), inWidth()) + " + 2 x " + padding() + ")"});
        }
        positive(out, "out_hw", Math.min(outHeight(), outWidth()));
        positive(out, "pool", poolStride());
        positive(out, "pool_k", poolKernel());
        positive(out, "out_hw_pooled", Math.min(pooledHeight(), pooledWidth()));
        long max = org.hyparsim.core.Limits.maxLayerDimension();
        String[] names = {"in_ch", "in_hw", "out_ch", "k", "stride", "pad", "out_hw", "pool", "pool_k", "out_hw_pooled"};
        int[] values = {inChannels(), Math.max(inHeight(), inWidth()), outChannels(), kernel(), stride(), padding(),
            Math.max(outHeight(), outWidth()), poolStride(), poolKernel(), Math.max(pooledHeight(), pooledWidth())};
        for (int i = 0; i < names.length; i++) {
            if (values[i] > max) {
                out.add(new String[] {names[i], "must be at most " + max + ", got " + values[i] + " (system property "
                        + org.hyparsim.core.Limits.property("maxLayerDimension") + ")"});
            }
        }
        // counts are longs: refuse a layer whose per-sample counts would not fit
        double macs = (double) outHeight() * outWidth() * outChannels() * inChannels() * kernel() * kernel();
        double elements = Math.max((double) inChannels() * inHeight() * inWidth(), (double) outChannels() * outHeight() * outWidth());
        if (macs > 1e18 || elements > 1e18) {
            out.add(new String[] {"in_ch", "the layer is too large: " + String.format(java.util.Locale.ROOT, "%.3g", macs)
                    + " MACs per sample (at most 1e18)"});
        }
        if (type == LayerType.FC && (inHeight() != 1 || inWidth() != 1 || kernel() != 1 || outHeight() != 1
                || outWidth() != 1)) {
            out.add(new String[] {"type", "an fc layer has spatial sizes and kernel() 1"});
        }
        return out;
    }

    private static void positive(List<String[]> out, String field, int value) {
        if (value <= 0) {
            out.add(new String[] {field, "must be at least 1, got " + value});
        }
    }
}
