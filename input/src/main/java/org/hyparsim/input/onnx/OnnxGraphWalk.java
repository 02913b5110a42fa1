package org.hyparsim.input.onnx;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hyparsim.core.workload.Layer;
import org.hyparsim.input.onnx.OnnxValue.Origin;

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
    final List<WeightedOp> ops = new ArrayList<>();
    final List<ResidualAdd> adds = new ArrayList<>();
    final List<FoldedPool> pools = new ArrayList<>();
    private final Map<String, Integer> consumers = new HashMap<>();

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
            case TRANSFORMER -> throw node.refuse(OnnxLayers.NEEDS_TRANSFORMER_KINDS);
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
            throw node.refuse("a product of two activations (attention) " + OnnxLayers.NEEDS_TRANSFORMER_KINDS);
        }
        Layer layer = node.op() == OnnxOp.CONV ? OnnxLayers.conv(node, x.dims(), in.get(1).dims())
                : OnnxLayers.linear(node, x.dims(), in.get(1).dims());
        int index = ops.size();
        ops.add(new WeightedOp(node, layer, x.root(), x.layer()));
        consumers.merge(x.root(), 1, Integer::sum);
        long[] out = layer.type() == org.hyparsim.core.workload.LayerType.LINEAR
                ? new long[] {x.dim(0), layer.outChannels()}
                : new long[] {x.dim(0), layer.outChannels(), layer.outHeight(), layer.outWidth()};
        values.put(node.output(0), OnnxValue.produced(node.output(0), out, Origin.WEIGHTED, index, x.depth() + 1));
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
            values.put(node.output(0), x.reshaped(x.dims()));
            return;
        }
        if (a.layer() == b.layer() && a.depth() == b.depth()) {
            // element-wise on two views of one activation (GeLU written out)
            values.put(node.output(0), (a.elements() >= b.elements() ? a : b).reshaped(
                    (a.elements() >= b.elements() ? a : b).dims()));
            return;
        }
        if (node.op() != OnnxOp.ADD) {
            throw node.refuse("an element-wise product of two branches is not a layer kind of ours");
        }
        residual(node, a, b);
    }

    private void residual(OnnxNode node, OnnxValue a, OnnxValue b) {
        if (a.depth() == b.depth()) {
            throw node.refuse("adds two branches of equal depth: only residual shortcuts (one branch deeper) are read");
        }
        OnnxValue main = a.depth() > b.depth() ? a : b;
        OnnxValue shortcut = a.depth() > b.depth() ? b : a;
        if (!java.util.Arrays.equals(main.dims(), shortcut.dims())) {
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
