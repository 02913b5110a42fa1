package org.hyparsim.input.onnx;

import java.util.Arrays;

/**
 * What the importer knows of one tensor: its shape (dimension 0 is the batch for activations)
 * and, for an activation, where it comes from.
 *
 * @param dims the shape
 * @param origin what produced the tensor at {@code root}
 * @param layer index of the last weighted op this activation derives from, -1 for the graph's input
 * @param depth weighted ops on the longest path from the graph's input
 * @param root the tensor this one equals up to element-wise and shape-only ops
 * @param ints the values of a small integer constant (shape data), or null
 * @param stage where the value stands in a layer norm written out (plain outside one)
 */
record OnnxValue(long[] dims, Origin origin, int layer, int depth, String root, long[] ints, Stage stage) {

    /** What produced a value's root. */
    enum Origin {
        INPUT, WEIGHTED, POOL, ADD, CONSTANT,
        /** Attention scores Q K^T (scaled, soft-maxed) waiting for their product with V. */
        SCORES
    }

    /** A layer norm written out (ReduceMean, Sub, Pow, ReduceMean, Add, Sqrt, Div) as it is read. */
    enum Stage {
        /** Not part of a norm. */
        PLAIN,
        /** A statistic of an activation (its mean, its variance and what follows from them). */
        STAT,
        /** An activation less its mean (and its powers), waiting to be divided by the deviation. */
        CENTERED
    }

    static OnnxValue constant(String name, long[] dims, long[] ints) {
        return new OnnxValue(dims, Origin.CONSTANT, -1, 0, name, ints, Stage.PLAIN);
    }

    boolean isConstant() {
        return origin == Origin.CONSTANT;
    }

    /** The same activation with another shape (an element-wise or shape-only op's output). */
    OnnxValue reshaped(long[] newDims) {
        return new OnnxValue(newDims, origin, layer, depth, root, null, stage);
    }

    /** The same activation at another stage of a norm written out. */
    OnnxValue at(Stage newStage, long[] newDims) {
        return new OnnxValue(newDims, origin, layer, depth, root, null, newStage);
    }

    /** A new root: the output of a weighted op, pool or residual add. */
    static OnnxValue produced(String name, long[] dims, Origin origin, int layer, int depth) {
        return new OnnxValue(dims, origin, layer, depth, name, null, Stage.PLAIN);
    }

    int rank() {
        return dims.length;
    }

    long dim(int i) {
        return dims[i];
    }

    long elements() {
        long n = 1;
        for (long d : dims) {
            n *= d;
        }
        return n;
    }

    String shapeText() {
        return Arrays.toString(dims);
    }
}
