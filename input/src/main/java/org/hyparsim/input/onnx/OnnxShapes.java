package org.hyparsim.input.onnx;

import java.util.stream.IntStream;
import java.util.Arrays;
import java.util.List;

/**
 * Shape inference of the shape-only ops (Flatten, Reshape, Transpose, Squeeze, Unsqueeze,
 * Concat, Split), as ONNX defines them. Each takes the node and its inputs' values and returns
 * the output shapes; a broken precondition is refused with the node named.
 */
final class OnnxShapes {
    private OnnxShapes() {
    }

    /** The shapes of the node's outputs. */
    static long[][] infer(OnnxNode node, List<OnnxValue> in) {
        long[] x = in.get(0).dims();
        return switch (node.op()) {
            case FLATTEN -> new long[][] {flatten(node, x)};
            case RESHAPE -> new long[][] {reshape(node, x, constantInts(node, in, 1, "shape"))};
            case TRANSPOSE -> new long[][] {transpose(node, x)};
            case SQUEEZE -> new long[][] {squeeze(node, x, axes(node, in))};
            case UNSQUEEZE -> new long[][] {unsqueeze(node, x, axes(node, in))};
            case CONCAT -> new long[][] {concat(node, in)};
            case SPLIT -> split(node, x, in);
            default -> throw new IllegalArgumentException("not a shape-only op: " + node.op());
        };
    }

    private static long[] constantInts(OnnxNode node, List<OnnxValue> in, int i, String what) {
        if (in.size() <= i || in.get(i).ints() == null) {
            throw node.refuse("its " + what + " must be a constant integer tensor (shapes are inferred, not run)");
        }
        return in.get(i).ints();
    }

    private static long[] axes(OnnxNode node, List<OnnxValue> in) {
        long[] axes = node.attrInts("axes");
        if (axes != null) {
            return axes;
        }
        return in.size() > 1 ? constantInts(node, in, 1, "axes") : null;
    }

    private static int axis(OnnxNode node, long axis, int rank) {
        long a = axis < 0 ? axis + rank : axis;
        if (a < 0 || a >= rank) {
            throw node.refuse("axis " + axis + " is out of range for rank " + rank);
        }
        return (int) a;
    }

    private static long product(long[] dims, int from, int to) {
        long p = 1;
        for (int i = from; i < to; i++) {
            p *= dims[i];
        }
        return p;
    }

    static long[] flatten(OnnxNode node, long[] x) {
        int a = (int) node.attrInt("axis", 1);
        a = a < 0 ? a + x.length : a;
        if (a < 0 || a > x.length) {
            throw node.refuse("axis " + a + " is out of range for rank " + x.length);
        }
        return new long[] {product(x, 0, a), product(x, a, x.length)};
    }

    static long[] reshape(OnnxNode node, long[] x, long[] shape) {
        long[] out = shape.clone();
        int unknown = -1;
        for (int i = 0; i < out.length; i++) {
            if (out[i] == 0 && node.attrInt("allowzero", 0) == 0) {
                if (i >= x.length) {
                    throw node.refuse("target dimension " + i + " copies an input dimension that does not exist");
                }
                out[i] = x[i];
            } else if (out[i] == -1) {
                if (unknown >= 0) {
                    throw node.refuse("more than one -1 in the target shape " + Arrays.toString(shape));
                }
                unknown = i;
            } else if (out[i] < 0) {
                throw node.refuse("target dimension " + out[i] + " is not allowed");
            }
        }
        long total = product(x, 0, x.length);
        if (unknown >= 0) {
            long known = 1;
            for (int i = 0; i < out.length; i++) {
                known *= i == unknown ? 1 : out[i];
            }
            out[unknown] = known == 0 ? 0 : total / known;
        }
        if (product(out, 0, out.length) != total) {
            throw node.refuse("cannot reshape " + Arrays.toString(x) + " to " + Arrays.toString(shape));
        }
        return out;
    }

    static long[] transpose(OnnxNode node, long[] x) {
        long[] perm = node.attrInts("perm");
        long[] out = new long[x.length];
        for (int i = 0; i < x.length; i++) {
            int p = perm == null ? x.length - 1 - i : axis(node, perm[i], x.length);
            out[i] = x[p];
        }
        if (perm != null && perm.length != x.length) {
            throw node.refuse("perm " + Arrays.toString(perm) + " does not fit rank " + x.length);
        }
        return out;
    }

    static long[] squeeze(OnnxNode node, long[] x, long[] axes) {
        boolean[] drop = new boolean[x.length];
        for (int i = 0; i < x.length; i++) {
            drop[i] = axes == null && x[i] == 1;
        }
        if (axes != null) {
            for (long a : axes) {
                int i = axis(node, a, x.length);
                if (x[i] != 1) {
                    throw node.refuse("cannot squeeze dimension " + i + " of size " + x[i]);
                }
                drop[i] = true;
            }
        }
        return IntStream.range(0, x.length).filter(i -> !drop[i]).mapToLong(i -> x[i]).toArray();
    }

    static long[] unsqueeze(OnnxNode node, long[] x, long[] axes) {
        if (axes == null) {
            throw node.refuse("no axes");
        }
        int rank = x.length + axes.length;
        boolean[] inserted = new boolean[rank];
        for (long a : axes) {
            inserted[axis(node, a, rank)] = true;
        }
        long[] out = new long[rank];
        int j = 0;
        for (int i = 0; i < rank; i++) {
            out[i] = inserted[i] ? 1 : x[j++];
        }
        return out;
    }

    static long[] concat(OnnxNode node, List<OnnxValue> in) {
        long[] first = in.get(0).dims();
        int a = axis(node, node.attrInt("axis", 0), first.length);
        long[] out = first.clone();
        for (int k = 1; k < in.size(); k++) {
            long[] d = in.get(k).dims();
            if (d.length != first.length) {
                throw node.refuse("inputs of different ranks");
            }
            out[a] += d[a];
        }
        return out;
    }

    static long[][] split(OnnxNode node, long[] x, List<OnnxValue> in) {
        int a = axis(node, node.attrInt("axis", 0), x.length);
        long[] sizes = node.attrInts("split");
        if (sizes == null && in.size() > 1) {
            sizes = constantInts(node, in, 1, "split");
        }
        int n = node.outputCount();
        if (sizes == null) {
            if (x[a] % n != 0) {
                throw node.refuse("dimension " + a + " of size " + x[a] + " does not split into " + n + " equal parts");
            }
            sizes = new long[n];
            Arrays.fill(sizes, x[a] / n);
        }
        if (sizes.length != n || Arrays.stream(sizes).sum() != x[a]) {
            throw node.refuse("split sizes " + Arrays.toString(sizes) + " do not divide dimension " + a + " of size "
                    + x[a] + " into " + n + " outputs");
        }
        long[][] out = new long[n][];
        for (int i = 0; i < n; i++) {
            out[i] = x.clone();
            out[i][a] = sizes[i];
        }
        return out;
    }
}
