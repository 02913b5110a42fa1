package org.hyparsim.input.onnx;

import java.util.Arrays;
import org.hyparsim.core.workload.Layer;
import org.hyparsim.core.workload.LayerType;

/**
 * The weighted ops (Conv, Gemm, MatMul with a weight initializer) as our layers, and the pools as
 * the windows our format folds into the producing layer. Shapes only: weights' dims, never values.
 */
final class OnnxLayers {

    private OnnxLayers() {
    }

    static int toInt(OnnxNode node, long v) {
        if (v < 1 || v > Integer.MAX_VALUE) {
            throw node.refuse("a dimension of " + v + " is out of range");
        }
        return (int) v;
    }

    /** One value for both spatial axes of a 2D attribute, or a refusal. */
    private static long square(OnnxNode node, String attr, long otherwise) {
        long[] v = node.attrInts(attr);
        if (v == null || v.length == 0) {
            return otherwise;
        }
        for (long e : v) {
            if (e != v[0]) {
                throw node.refuse(attr + " " + Arrays.toString(v) + " differ per axis: our layers have square "
                        + "windows, strides and padding");
            }
        }
        return v[0];
    }

    /** Symmetric padding of a window op on input size {@code in}, from pads or auto_pad. */
    private static long padding(OnnxNode node, long in, long k, long s) {
        String auto = node.attrString("auto_pad", "NOTSET");
        switch (auto) {
            case "NOTSET":
                return square(node, "pads", 0);
            case "VALID":
                return 0;
            case "SAME_UPPER":
            case "SAME_LOWER":
                long total = Math.max(0, ((in + s - 1) / s - 1) * s + k - in);
                if (total % 2 != 0) {
                    throw node.refuse("auto_pad " + auto + " pads asymmetrically here: our layers pad symmetrically");
                }
                return total / 2;
            default:
                throw node.refuse("unknown auto_pad " + auto);
        }
    }

    /** A Conv: input [N, C, H, W], weight [M, C / group, k, k]. */
    static Layer conv(OnnxNode node, long[] x, long[] w) {
        if (x.length != 4 || w.length != 4) {
            throw node.refuse("only 2D convolutions are read (input " + Arrays.toString(x) + ", weight "
                    + Arrays.toString(w) + ")");
        }
        if (square(node, "dilations", 1) != 1) {
            throw node.refuse("dilations other than 1 are not supported");
        }
        if (w[2] != w[3]) {
            throw node.refuse("a " + w[2] + " x " + w[3] + " kernel: our layers have square kernels");
        }
        int groups = (int) node.attrInt("group", 1);
        if (groups < 1 || w[1] * groups != x[1]) {
            throw node.refuse("weight " + Arrays.toString(w) + " with group " + groups + " does not fit input "
                    + "channels " + x[1]);
        }
        long k = w[2];
        long s = square(node, "strides", 1);
        long p = padding(node, x[2], k, s);
        Layer.Shape input = new Layer.Shape(toInt(node, x[1]), toInt(node, x[2]), toInt(node, x[3]));
        Layer.Shape output = new Layer.Shape(toInt(node, w[0]), toInt(node, (x[2] + 2 * p - k) / s + 1),
                toInt(node, (x[3] + 2 * p - k) / s + 1));
        return new Layer(node.name(), LayerType.CONV, input, new Layer.Window((int) k, (int) s, (int) p), output,
                Layer.Window.NONE, output, groups);
    }

    /** Features and tokens of an activation [N, F] (one token) or [N, T, F]. */
    static long[] tokens(OnnxNode node, long[] x) {
        if (x.length == 2) {
            return new long[] {toInt(node, x[1]), 1};
        }
        if (x.length == 3) {
            return new long[] {toInt(node, x[2]), toInt(node, x[1])};
        }
        throw node.refuse("an input of rank " + x.length + ": token-wise layers read [N, features] or [N, tokens, "
                + "features]");
    }

    /** A Gemm or MatMul with a weight initializer: a linear layer on [N, K] or over tokens on [N, T, K]. */
    static Layer linear(OnnxNode node, long[] a, long[] b) {
        if (a.length != 2 && !(a.length == 3 && node.op() == OnnxOp.MAT_MUL)) {
            throw node.refuse("a linear over an input of rank " + a.length + " (MatMul reads [N, K] or [N, T, K], Gemm "
                    + "[N, K])");
        }
        if (b.length != 2) {
            throw node.refuse("a weight of rank " + b.length + " is not a linear layer's");
        }
        boolean gemm = node.op() == OnnxOp.GEMM;
        if (gemm && node.attrInt("transA", 0) != 0) {
            throw node.refuse("transA = 1 (a transposed activation) is not supported");
        }
        boolean transB = gemm && node.attrInt("transB", 0) != 0;
        long k = transB ? b[1] : b[0];
        long m = transB ? b[0] : b[1];
        if (k != a[a.length - 1]) {
            throw node.refuse("weight " + Arrays.toString(b) + " does not fit input " + Arrays.toString(a));
        }
        return a.length == 2 ? Layer.fc(node.name(), toInt(node, k), toInt(node, m))
                : Layer.linear(node.name(), toInt(node, k), toInt(node, m), toInt(node, a[1]), false);
    }

    /** A pool as our format records it: the window and the pooled output. */
    record Pool(Layer.Window window, long[] output) {
    }

    /**
     * A pool on input [N, C, H, W]. Our pools have no padding: a padded (or ceil-mode) pool is
     * recorded as the unpadded window of the same stride that gives the same output size.
     */
    static Pool pool(OnnxNode node, long[] x) {
        if (x.length != 4) {
            throw node.refuse("only 2D pooling is read (input " + Arrays.toString(x) + ")");
        }
        if (node.op() == OnnxOp.GLOBAL_AVERAGE_POOL || node.op() == OnnxOp.GLOBAL_MAX_POOL) {
            int h = toInt(node, x[2]);
            return new Pool(new Layer.Window(h, h, 0), new long[] {x[0], x[1], 1, 1});
        }
        long[] kernel = node.attrInts("kernel_shape");
        if (kernel == null || kernel.length != 2 || kernel[0] != kernel[1]) {
            throw node.refuse("kernel_shape " + Arrays.toString(kernel) + ": our pools are square 2D windows");
        }
        if (square(node, "dilations", 1) != 1) {
            throw node.refuse("dilations other than 1 are not supported");
        }
        long k = kernel[0];
        long s = square(node, "strides", 1);
        long p = padding(node, x[2], k, s);
        boolean ceil = node.attrInt("ceil_mode", 0) != 0;
        long oh = windows(x[2] + 2 * p - k, s, ceil);
        long ow = windows(x[3] + 2 * p - k, s, ceil);
        long kEq = equivalentKernel(x[2], k, s, oh);
        if (kEq < 1 || windows(x[3] - kEq, s, false) != ow) {
            throw node.refuse("this padded pool has no unpadded equivalent of stride " + s + " (our pools have no padding)");
        }
        return new Pool(new Layer.Window((int) kEq, (int) s, 0), new long[] {x[0], x[1], oh, ow});
    }

    private static long windows(long span, long stride, boolean ceil) {
        return (ceil ? Math.floorDiv(span + stride - 1, stride) : Math.floorDiv(span, stride)) + 1;
    }

    /** The kernel (itself, else the stride, else the largest) that gives {@code out} on the unpadded input. */
    private static long equivalentKernel(long in, long k, long s, long out) {
        for (long candidate : new long[] {k, s}) {
            if (candidate <= in && windows(in - candidate, s, false) == out) {
                return candidate;
            }
        }
        return in - (out - 1) * s;
    }
}
