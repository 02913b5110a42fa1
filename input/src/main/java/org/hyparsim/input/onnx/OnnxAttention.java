package org.hyparsim.input.onnx;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import org.hyparsim.core.workload.Layer;
import org.hyparsim.input.onnx.OnnxGraphWalk.WeightedOp;
import org.hyparsim.input.onnx.OnnxValue.Origin;
import org.hyparsim.input.onnx.OnnxValue.Stage;

/**
 * The weightless MatMuls of self-attention: Q K^T ([N, H, S, D] x [N, H, D, S] -> scores
 * [N, H, S, S]; scaling, masking by a constant and the softmax on the scores are folded), then
 * P V ([N, H, S, S] x [N, H, S, D]) -> one attention layer of H heads of D over S tokens. Its
 * Q, K and V come from one linear (a fused projection split into three) or from three linears
 * on one input, which are merged into one projection of three times the width (the layout of
 * our qkv layers: equal weights and MACs).
 */
final class OnnxAttention {
    private final OnnxGraphWalk walk;
    /** The scores' root: the op indices of Q and K. */
    private final Map<String, int[]> scores = new HashMap<>();

    OnnxAttention(OnnxGraphWalk walk) {
        this.walk = walk;
    }

    void product(OnnxNode node, OnnxValue a, OnnxValue b) {
        if (a.stage() != Stage.PLAIN || b.stage() != Stage.PLAIN || b.origin() == Origin.SCORES) {
            throw node.refuse("a product of activations other than attention's Q K^T and P V");
        }
        if (a.rank() != 4 || b.rank() != 4 || a.dim(0) != b.dim(0) || a.dim(1) != b.dim(1)
                || a.dim(3) != b.dim(2)) {
            throw node.refuse("multiplies " + a.shapeText() + " by " + b.shapeText() + ": attention's products are "
                    + "[N, heads, S, D] x [N, heads, D, S] and [N, heads, S, S] x [N, heads, S, D]");
        }
        if (a.layer() < 0 || b.layer() < 0) {
            throw node.refuse("an attention product on the graph's input: Q, K and V must be projections");
        }
        if (a.origin() != Origin.SCORES) {
            long[] out = {a.dim(0), a.dim(1), a.dim(2), b.dim(3)};
            if (a.dim(2) != b.dim(3)) {
                throw node.refuse("scores " + Arrays.toString(out) + " are not square: self-attention only");
            }
            scores.put(node.output(0), new int[] {a.layer(), b.layer()});
            walk.values.put(node.output(0), new OnnxValue(out, Origin.SCORES, Math.max(a.layer(), b.layer()),
                    Math.max(a.depth(), b.depth()), node.output(0), null, Stage.PLAIN));
            return;
        }
        int[] qk = scores.remove(a.root());
        if (qk == null || a.dim(2) != a.dim(3)) {
            throw node.refuse("its scores were used already or are not square");
        }
        int heads = OnnxLayers.toInt(node, b.dim(1));
        int headDim = OnnxLayers.toInt(node, b.dim(3));
        int sequence = OnnxLayers.toInt(node, b.dim(2));
        int qkv = projection(node, new int[] {qk[0], qk[1], b.layer()}, heads * headDim);
        WeightedOp p = walk.ops.get(qkv);
        OnnxValue in = OnnxValue.produced(p.node().output(0), new long[] {b.dim(0), sequence, 3L * heads * headDim},
                Origin.WEIGHTED, qkv, Math.max(a.depth(), b.depth()));
        walk.addLayer(node, Layer.attention(node.name(), heads, headDim, sequence), in,
                new long[] {b.dim(0), heads, sequence, headDim});
    }

    /** The one op giving Q, K and V: the fused one, or the three linears merged into the first. */
    private int projection(OnnxNode node, int[] qkv, int width) {
        TreeSet<Integer> distinct = new TreeSet<>();
        for (int i : qkv) {
            distinct.add(i);
        }
        if (distinct.size() == 1) {
            Layer l = walk.ops.get(qkv[0]).layer();
            if (l.outChannels() != 3 * width) {
                throw node.refuse("Q, K and V come from '" + l.name() + "' of width " + l.outChannels() + ", not 3 x "
                        + width);
            }
            return qkv[0];
        }
        if (distinct.size() != 3) {
            throw node.refuse("two of Q, K and V come from one projection and the third from another");
        }
        WeightedOp q = walk.ops.get(qkv[0]);
        WeightedOp k = walk.ops.get(qkv[1]);
        WeightedOp v = walk.ops.get(qkv[2]);
        for (WeightedOp o : new WeightedOp[] {q, k, v}) {
            Layer l = o.layer();
            if (!o.inputRoot().equals(q.inputRoot()) || l.outChannels() != width || l.inChannels() != q.layer()
                    .inChannels() || l.tokens() != q.layer().tokens() || l.extras().bias() != q.layer().extras().bias()) {
                throw node.refuse("Q, K and V are not three linears of width " + width + " on one input ('"
                        + o.node().name() + "' differs)");
            }
        }
        Layer l = q.layer();
        String name = q.node().name() + "+" + k.node().name() + "+" + v.node().name();
        int first = distinct.first();
        WeightedOp firstOp = walk.ops.get(first);
        walk.ops.set(first, new WeightedOp(firstOp.node(), Layer.linear(name, l.inChannels(), 3 * width, l.tokens(),
                l.extras().bias()), q.inputRoot(), q.inputLayer()));
        for (int i : distinct.tailSet(first, false)) {
            walk.ops.set(i, null);
        }
        return first;
    }
}
