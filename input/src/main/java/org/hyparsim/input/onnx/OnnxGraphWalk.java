package org.hyparsim.input.onnx;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hyparsim.core.workload.Layer;
import org.hyparsim.core.workload.LayerType;
import org.hyparsim.input.onnx.OnnxValue.Origin;
import org.hyparsim.input.onnx.OnnxValue.Stage;

/**
 * One pass over an ONNX graph's nodes in their (topological) order: infers every tensor's shape
 * and records the weighted ops, the pools folded into them and the residual adds. What it
 * gathers is turned into a network by {@link OnnxAssembly}.
 */
final class OnnxGraphWalk {
    /** A weighted op: its layer (unpooled), the root of its activation input and that input's layer. */
    record WeightedOp(OnnxNode node, Layer layer, String inputRoot, int inputLayer) {
    }

    /** A residual add: the main branch's last op and the shortcut branch's value. */
    record ResidualAdd(OnnxNode node, int to, OnnxValue shortcut, boolean projection) {
    }

    /** A pool folded into op {@code layer}. */
    record FoldedPool(OnnxNode node, int layer, OnnxLayers.Pool pool) {
    }

    final Map<String, OnnxValue> values = new HashMap<>();
    /** The layers in the order read; an entry merged into another (Q, K, V into one projection) is null. */
    final List<WeightedOp> ops = new ArrayList<>();
    final List<ResidualAdd> adds = new ArrayList<>();
    final List<FoldedPool> pools = new ArrayList<>();
    private final Map<String, Integer> consumers = new HashMap<>();
    private final OnnxAttention attention = new OnnxAttention(this);

    OnnxValue value(OnnxNode node, String name) {
        OnnxValue v = values.get(name);
        if (v == null) {
            throw node.refuse("its input '" + name + "' is neither the graph's input, an initializer nor an earlier "
                    + "node's output");
        }
        return v;
    }

    void visit(OnnxNode node) {
        List<OnnxValue> in = node.inputs().stream().map(name -> value(node, name)).toList();
        if (node.op().role() != OnnxOp.Role.CONSTANT && in.isEmpty()) {
            throw node.refuse("no inputs");
        }
        switch (node.op().role()) {
            case WEIGHTED -> weighted(node, in);
            case POOL -> pool(node, in.get(0));
            case UNARY -> unary(node, in);
            case BINARY -> binary(node, in);
            case SHAPE -> shape(node, in);
            case CONSTANT -> constant(node);
            case TRANSFORMER -> transformer(node, in);
            default -> throw new IllegalStateException("unhandled role " + node.op().role());
        }
    }

    private OnnxValue activation(OnnxNode node, List<OnnxValue> in) {
        if (in.get(0).isConstant()) {
            throw node.refuse("its first input is a constant: the importer reads ops on the graph's activations");
        }
        return in.get(0);
    }

    private void weighted(OnnxNode node, List<OnnxValue> in) {
        OnnxValue x = activation(node, in);
        if (in.size() < 2 || !in.get(1).isConstant()) {
            if (node.op() != OnnxOp.MAT_MUL || in.size() != 2) {
                throw node.refuse("a product of two activations other than MatMul's is not a layer kind of ours");
            }
            attention.product(node, x, in.get(1));
            return;
        }
        plain(node, x);
        Layer layer = node.op() == OnnxOp.CONV ? OnnxLayers.conv(node, x.dims(), in.get(1).dims())
                : OnnxLayers.linear(node, x.dims(), in.get(1).dims());
        long[] out = layer.type() == LayerType.CONV
                ? new long[] {x.dim(0), layer.outChannels(), layer.outHeight(), layer.outWidth()}
                : x.rank() == 3 ? new long[] {x.dim(0), x.dim(1), layer.outChannels()}
                : new long[] {x.dim(0), layer.outChannels()};
        addLayer(node, layer, x, out);
    }

    /** Records {@code layer}, read from {@code x}, and its output {@code out} as a new root; returns its index. */
    int addLayer(OnnxNode node, Layer layer, OnnxValue x, long[] out) {
        return addLayer(node, layer, x, out, x.depth() + 1);
    }

    int addLayer(OnnxNode node, Layer layer, OnnxValue x, long[] out, int depth) {
        int index = ops.size();
        ops.add(new WeightedOp(node, layer, x.root(), x.layer()));
        consumers.merge(x.root(), 1, Integer::sum);
        values.put(node.output(0), OnnxValue.produced(node.output(0), out, Origin.WEIGHTED, index, depth));
        return index;
    }

    private static void plain(OnnxNode node, OnnxValue x) {
        if (x.stage() != Stage.PLAIN || x.origin() == Origin.SCORES) {
            throw node.refuse("reads a layer norm's statistics or attention scores before they make a layer");
        }
    }

    private void transformer(OnnxNode node, List<OnnxValue> in) {
        OnnxValue x = activation(node, in);
        switch (node.op()) {
            case LAYER_NORMALIZATION -> {
                plain(node, x);
                layerNorm(node, x);
            }
            case REDUCE_MEAN -> {
                if (x.stage() == Stage.STAT || x.origin() == Origin.SCORES) {
                    throw node.refuse("only the mean of an activation or of its deviation (a layer norm) is read");
                }
                long[] dims = x.dims().clone();
                dims[dims.length - 1] = 1;
                values.put(node.output(0), x.at(Stage.STAT, dims));
            }
            case SOFTMAX -> {
                if (x.origin() == Origin.SCORES) {
                    values.put(node.output(0), x.reshaped(x.dims()));
                } else {
                    plain(node, x);
                    long[] t = OnnxLayers.tokens(node, x.dims());
                    addLayer(node, Layer.tokenwise(node.name(), LayerType.SOFTMAX, (int) t[0], (int) t[1]), x,
                            x.dims());
                }
            }
            default -> throw new IllegalStateException("unhandled transformer op " + node.op());
        }
    }

    private void layerNorm(OnnxNode node, OnnxValue x) {
        long[] t = OnnxLayers.tokens(node, x.dims());
        addLayer(node, Layer.tokenwise(node.name(), LayerType.LAYERNORM, (int) t[0], (int) t[1]), x, x.dims());
    }

    private void pool(OnnxNode node, OnnxValue x) {
        if (x.isConstant() || x.layer() < 0) {
            throw node.refuse("a pool before the first weighted layer cannot be folded into a layer");
        }
        OnnxLayers.Pool p = OnnxLayers.pool(node, x.dims());
        pools.add(new FoldedPool(node, x.layer(), p));
        values.put(node.output(0), OnnxValue.produced(node.output(0), p.output(), Origin.POOL, x.layer(), x.depth()));
    }

    private void unary(OnnxNode node, List<OnnxValue> in) {
        OnnxValue x = activation(node, in);
        for (int i = 0; i < node.outputCount(); i++) {
            values.put(node.output(i), x.reshaped(x.dims()));
        }
    }

    private void binary(OnnxNode node, List<OnnxValue> in) {
        if (in.size() != 2) {
            throw node.refuse("expects two inputs, got " + in.size());
        }
        OnnxValue a = in.get(0);
        OnnxValue b = in.get(1);
        if (a.isConstant() && b.isConstant()) {
            throw node.refuse("an op on two constants (fold constants when exporting)");
        }
        if (a.isConstant() || b.isConstant()) {
            OnnxValue x = a.isConstant() ? b : a;
            bias(node, x, a.isConstant() ? a : b);
            values.put(node.output(0), x.reshaped(x.dims()));
            return;
        }
        if (a.stage() != Stage.PLAIN || b.stage() != Stage.PLAIN) {
            normStep(node, a, b);
            return;
        }
        if (a.origin() == Origin.SCORES || b.origin() == Origin.SCORES) {
            throw node.refuse("an element-wise op of attention scores and an activation (a mask is read as a constant)");
        }
        if (a.layer() == b.layer() && a.depth() == b.depth()) {
            // element-wise on two views of one activation (GeLU written out)
            OnnxValue larger = a.elements() >= b.elements() ? a : b;
            values.put(node.output(0), larger.reshaped(larger.dims()));
            return;
        }
        if (node.op() != OnnxOp.ADD) {
            throw node.refuse("an element-wise product of two branches is not a layer kind of ours");
        }
        residual(node, a, b);
    }

    /** A linear over tokens followed by the add of a constant of its output's width: its bias. */
    private void bias(OnnxNode node, OnnxValue x, OnnxValue c) {
        if (x.origin() != Origin.WEIGHTED || !node.inputs().contains(x.root()) || x.layer() < 0) {
            return;
        }
        WeightedOp op = ops.get(x.layer());
        Layer l = op == null ? null : op.layer();
        if (l != null && l.type() == LayerType.LINEAR && l.tokens() > 1 && !l.extras().bias() && c.rank() == 1
                && c.dim(0) == l.outChannels()) {
            ops.set(x.layer(), new WeightedOp(op.node(), Layer.linear(l.name(), l.inChannels(), l.outChannels(),
                    l.tokens(), true), op.inputRoot(), op.inputLayer()));
        }
    }

    /** One step of a layer norm written out: x - mean is centred, centred / deviation is the norm. */
    private void normStep(OnnxNode node, OnnxValue a, OnnxValue b) {
        boolean sameSource = a.layer() == b.layer() && a.depth() == b.depth() && a.root().equals(b.root());
        if (sameSource && node.op() == OnnxOp.SUB && a.stage() == Stage.PLAIN && b.stage() == Stage.STAT) {
            values.put(node.output(0), a.at(Stage.CENTERED, a.dims()));
        } else if (sameSource && node.op() == OnnxOp.DIV && a.stage() == Stage.CENTERED && b.stage() == Stage.STAT) {
            layerNorm(node, a.at(Stage.PLAIN, a.dims()));
        } else if (sameSource && node.op() != OnnxOp.DIV && a.stage() == b.stage()) {
            values.put(node.output(0), a.reshaped(a.dims()));
        } else {
            throw node.refuse("a layer norm written out is read as ReduceMean, Sub, Pow, ReduceMean, Add, Sqrt, Div; "
                    + "this step is none of them");
        }
    }

    private void residual(OnnxNode node, OnnxValue a, OnnxValue b) {
        if (a.depth() == b.depth()) {
            throw node.refuse("adds two branches of equal depth: only residual shortcuts (one branch deeper) are read");
        }
        OnnxValue main = a.depth() > b.depth() ? a : b;
        OnnxValue shortcut = a.depth() > b.depth() ? b : a;
        if (!Arrays.equals(main.dims(), shortcut.dims())) {
            throw node.refuse("adds " + main.shapeText() + " and " + shortcut.shapeText() + ": shapes differ");
        }
        if (main.layer() < 0) {
            throw node.refuse("a shortcut around no weighted layer");
        }
        boolean projection = consumers.getOrDefault(shortcut.root(), 0) == 0 && shortcut.origin() == Origin.WEIGHTED;
        adds.add(new ResidualAdd(node, main.layer(), shortcut, projection));
        values.put(node.output(0), OnnxValue.produced(node.output(0), main.dims(), Origin.ADD, main.layer(),
                main.depth()));
    }

    private void shape(OnnxNode node, List<OnnxValue> in) {
        OnnxValue x = activation(node, in);
        long activations = in.stream().filter(v -> !v.isConstant()).map(OnnxValue::layer).distinct().count();
        if (node.op() == OnnxOp.CONCAT && activations > 1) {
            throw node.refuse("concatenates several branches: only Concat that moves one activation's data is read");
        }
        long[][] shapes = OnnxShapes.infer(node, in);
        for (int i = 0; i < shapes.length; i++) {
            values.put(node.output(i), x.reshaped(shapes[i]));
        }
    }

    private void constant(OnnxNode node) {
        ai.onnx.proto.OnnxMl.AttributeProto value = node.proto().getAttributeList().stream()
                .filter(a -> a.getName().equals("value")).findFirst()
                .orElseThrow(() -> node.refuse("only Constant with a tensor 'value' is read"));
        values.put(node.output(0), OnnxTensors.constant(node.output(0), value.getT()));
    }
}
