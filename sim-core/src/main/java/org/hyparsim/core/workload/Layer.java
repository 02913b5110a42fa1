package org.hyparsim.core.workload;

import java.util.Locale;
import org.hyparsim.core.Limits;
import java.util.ArrayList;
import java.util.List;

/**
 * One layer with its tensor shapes, per sample.
 *
 * <p>Input feature map: inChannels x inHeight x inWidth. Kernel: inChannels x outChannels x
 * kernel x kernel. Output before pooling: outChannels x outHeight x outWidth; after pooling
 * (what the next layer consumes): outChannels x pooledHeight x pooledWidth. A linear layer over
 * T tokens is a 1 x 1 convolution over a T x 1 map (in features x T -> out features x T); an fc
 * layer is the case T = 1. The transformer kinds hold a sample's tokens the same way, features as
 * channels and the sequence as the height: attention 3h x s (Q, K, V) -> h x s; norms, softmax
 * and element-wise layers c x s -> c x s; an embedding V x s (the vocabulary as its input
 * features) -> h x s.
 *
 * @param extras what only some kinds have (heads, a bias, extra embedding rows, a weight tie)
 */
public record Layer(String name, LayerType type, Shape input, Window window, Shape output, Window pool, Shape pooled,
        int groups, Extras extras) {

    public Layer {
        extras = extras == null ? Extras.NONE : extras;
    }

    /** A layer without groups: every output channel sees every input channel. */
    public Layer(String name, LayerType type, Shape input, Window window, Shape output, Window pool, Shape pooled) {
        this(name, type, input, window, output, pool, pooled, 1);
    }

    /** A layer with groups and nothing else. */
    public Layer(String name, LayerType type, Shape input, Window window, Shape output, Window pool, Shape pooled,
            int groups) {
        this(name, type, input, window, output, pool, pooled, groups, Extras.NONE);
    }

    /**
     * What only some kinds have.
     *
     * @param heads attention heads (0 for other kinds)
     * @param bias true when a linear layer adds a bias per output feature
     * @param extraRows an embedding's rows beyond the vocabulary (learned positions, segment types)
     * @param tiedTo the embedding whose weights a linear layer shares (its transpose), or null
     */
    public record Extras(int heads, boolean bias, long extraRows, String tiedTo) {
        public static final Extras NONE = new Extras(0, false, 0, null);
    }

    /**
     * This convolution in {@code g} groups (as AlexNet's conv2, conv4 and conv5): each output
     * channel sees C_in / g input channels, so weights and MACs are 1/g of the ungrouped layer's.
     */
    public Layer withGroups(int g) {
        return new Layer(name, type, input, window, output, pool, pooled, g, extras);
    }

    /** This linear layer sharing the weights of the embedding {@code embedding} (the output projection of a tied model). */
    public Layer tiedTo(String embedding) {
        return new Layer(name, type, input, window, output, pool, pooled, groups,
                new Extras(extras.heads(), extras.bias(), extras.extraRows(), embedding));
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

    /** A fully connected layer inChannels -> outChannels: a linear layer over one token, without a bias. */
    public static Layer fc(String name, int inChannels, int outChannels) {
        return linear(name, inChannels, outChannels, 1, false);
    }

    /** A linear layer: in x out weights (and out biases) applied to each of {@code tokens} tokens. */
    public static Layer linear(String name, int in, int out, int tokens, boolean bias) {
        Shape o = new Shape(out, tokens, 1);
        return new Layer(name, LayerType.LINEAR, new Shape(in, tokens, 1), Window.NONE, o, Window.NONE, o, 1,
                new Extras(0, bias, 0, null));
    }

    /** Self-attention over {@code sequence} tokens: Q, K, V of heads x headDim features in, the context out. */
    public static Layer attention(String name, int heads, int headDim, int sequence) {
        int h = heads * headDim;
        Shape o = new Shape(h, sequence, 1);
        return new Layer(name, LayerType.ATTENTION, new Shape(3 * h, sequence, 1), Window.NONE, o, Window.NONE, o, 1,
                new Extras(heads, false, 0, null));
    }

    /** A weightless token-wise layer (softmax, element-wise) or a layernorm: features x tokens in and out. */
    public static Layer tokenwise(String name, LayerType type, int features, int tokens) {
        if (type.convolutional() || type == LayerType.ATTENTION || type == LayerType.EMBEDDING) {
            throw new IllegalArgumentException(type.label() + " is not a token-wise layer");
        }
        Shape s = new Shape(features, tokens, 1);
        return new Layer(name, type, s, Window.NONE, s, Window.NONE, s);
    }

    /** An embedding: vocabulary x hidden weights (plus {@code extraRows} rows: positions, segments), sequence tokens. */
    public static Layer embedding(String name, int vocabulary, int hidden, int sequence, long extraRows) {
        Shape o = new Shape(hidden, sequence, 1);
        return new Layer(name, LayerType.EMBEDDING, new Shape(vocabulary, sequence, 1), Window.NONE, o, Window.NONE, o,
                1, new Extras(0, false, extraRows, null));
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
        return new Layer(name, type, input, window, output, new Window(poolKernel, poolStride, 0), p, groups, extras);
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

    /**
     * The layer's weights: a kernel's inChannels x outChannels x kernel x kernel (and a linear
     * layer's biases), an embedding's (vocabulary + extra rows) x hidden, a layernorm's gain and
     * bias per feature; none for attention, softmax and element-wise layers. A tied projection's
     * weights are its embedding's: {@link #parameters} counts them once.
     */
    public long weights() {
        return switch (type) {
            case CONV, LINEAR -> (long) inChannels() / groups * outChannels() * kernel() * kernel()
                    + (extras.bias() ? outChannels() : 0);
            case EMBEDDING -> (inChannels() + extras.extraRows()) * outChannels();
            case LAYERNORM -> 2L * outChannels();
            case ATTENTION, SOFTMAX, ELEMENTWISE -> 0;
        };
    }

    /** The parameters this layer adds to the model: its weights, only its bias when it shares an embedding's table. */
    public long parameters() {
        return tied() ? (extras.bias() ? outChannels() : 0) : weights();
    }

    /** True when this layer shares an embedding's weights. */
    public boolean tied() {
        return extras.tiedTo() != null;
    }

    /** Attention heads (0 for other kinds). */
    public int heads() {
        return extras.heads();
    }

    /** Tokens per sample: the height of the map a linear or transformer layer works over (1 for an fc layer). */
    public int tokens() {
        return inHeight();
    }

    /** True for a layer that keeps its input's layout (attention, norms, softmax, element-wise): {@link LayerType#keepsInputLayout}. */
    public boolean keepsInputLayout() {
        return type.keepsInputLayout();
    }

    /**
     * Forward matrix-product multiply-accumulates for one sample: a convolution's or linear layer's;
     * attention's two batched products, Q K^T and P V, each s x s x h (the full s x s scores);
     * none for the memory-bound kinds and an embedding's gather.
     */
    public long forwardMacsPerSample() {
        return switch (type) {
            case CONV, LINEAR -> (long) outHeight() * outWidth() * outChannels() * (long) (inChannels() / groups)
                    * kernel() * kernel();
            case ATTENTION -> 2L * tokens() * tokens() * outChannels();
            case LAYERNORM, SOFTMAX, ELEMENTWISE, EMBEDDING -> 0;
        };
    }

    /**
     * Backward-data matrix MACs for one sample: a convolution's or linear layer's forward MACs;
     * attention's four products (the errors of P, V, then of Q and K), twice its forward.
     */
    public long errorMacsPerSample() {
        return type == LayerType.ATTENTION ? 2 * forwardMacsPerSample() : forwardMacsPerSample();
    }

    /** Weight-gradient matrix MACs for one sample: a convolution's or linear layer's forward MACs, else none. */
    public long gradientMacsPerSample() {
        return type.convolutional() ? forwardMacsPerSample() : 0;
    }

    /** The matrix-product MACs of the forward, error and gradient phases of one sample. */
    public long trainingMacsPerSample() {
        return forwardMacsPerSample() + errorMacsPerSample() + gradientMacsPerSample();
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
        if (!type.convolutional()) {
            tokenProblems(out);
            return out;
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
        long max = Limits.maxLayerDimension();
        String[] names = {"in_ch", "in_hw", "out_ch", "k", "stride", "pad", "out_hw", "pool", "pool_k", "out_hw_pooled"};
        int[] values = {inChannels(), Math.max(inHeight(), inWidth()), outChannels(), kernel(), stride(), padding(),
            Math.max(outHeight(), outWidth()), poolStride(), poolKernel(), Math.max(pooledHeight(), pooledWidth())};
        for (int i = 0; i < names.length; i++) {
            if (values[i] > max) {
                out.add(new String[] {names[i], "must be at most " + max + ", got " + values[i] + " (system property "
                        + Limits.property("maxLayerDimension") + ")"});
            }
        }
        // counts are longs: refuse a layer whose per-sample counts would not fit
        double macs = (double) outHeight() * outWidth() * outChannels() * inChannels() * kernel() * kernel();
        double elements = Math.max((double) inChannels() * inHeight() * inWidth(), (double) outChannels() * outHeight() * outWidth());
        if (macs > 1e18 || elements > 1e18) {
            out.add(new String[] {"in_ch", "the layer is too large: " + String.format(Locale.ROOT, "%.3g", macs)
                    + " MACs per sample (at most 1e18)"});
        }
        if (type == LayerType.LINEAR && (inWidth() != 1 || kernel() != 1 || outHeight() != inHeight()
                || outWidth() != 1 || pooledHeight() != inHeight() || pooledWidth() != 1)) {
            out.add(new String[] {"type", inHeight() == 1 ? "an fc layer has spatial sizes and kernel() 1"
                    : "a linear layer keeps its tokens and has no kernel or pooling"});
        }
        return out;
    }

    /** The transformer kinds' own checks, named by their fields in a network file. */
    private void tokenProblems(List<String[]> out) {
        String tokensField = type == LayerType.ATTENTION || type == LayerType.EMBEDDING ? "sequence" : "tokens";
        positive(out, tokensField, tokens());
        long max = Limits.maxLayerDimension();
        int[] values = {inChannels(), outChannels(), tokens()};
        String[] names = switch (type) {
            case ATTENTION -> new String[] {"headDim", "headDim", tokensField};
            case EMBEDDING -> new String[] {"vocabulary", "hidden", tokensField};
            default -> new String[] {"in", "in", tokensField};
        };
        for (int i = 0; i < values.length; i++) {
            if (values[i] > max) {
                out.add(new String[] {names[i], "must be at most " + max + ", got " + values[i] + " (system property "
                        + Limits.property("maxLayerDimension") + ")"});
            }
        }
        switch (type) {
            case ATTENTION -> {
                positive(out, "heads", heads());
                if (heads() > 0) {
                    positive(out, "headDim", outChannels() / heads());
                }
            }
            case EMBEDDING -> {
                positive(out, "vocabulary", inChannels());
                positive(out, "hidden", outChannels());
                if (extras.extraRows() < 0) {
                    out.add(new String[] {"positions", "must be 0 or more, got " + extras.extraRows()});
                }
            }
            default -> positive(out, "in", inChannels());
        }
        double macs = (double) tokens() * tokens() * outChannels();
        if (macs > 1e18) {
            out.add(new String[] {tokensField, "the layer is too large: " + String.format(Locale.ROOT, "%.3g",
                    macs) + " MACs per sample (at most 1e18)"});
        }
    }

    private static void positive(List<String[]> out, String field, int value) {
        if (value <= 0) {
            out.add(new String[] {field, "must be at least 1, got " + value});
        }
    }
}
