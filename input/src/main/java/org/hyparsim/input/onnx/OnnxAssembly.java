package org.hyparsim.input.onnx;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hyparsim.core.workload.Layer;
import org.hyparsim.core.workload.Network;
import org.hyparsim.core.workload.Shortcut;
import org.hyparsim.input.onnx.OnnxGraphWalk.FoldedPool;
import org.hyparsim.input.onnx.OnnxGraphWalk.ResidualAdd;
import org.hyparsim.input.onnx.OnnxGraphWalk.WeightedOp;

/**
 * Turns what a walk gathered into a network: the weighted ops that are not projections form the
 * chain (each must consume the previous one's output), pools fold into their layers, residual
 * adds become shortcuts (from the layer that consumes the fork to the last layer before the add).
 */
final class OnnxAssembly {
    private final OnnxGraphWalk walk;
    private final boolean[] projection;
    private final Map<Integer, Integer> chainIndex = new HashMap<>();

    OnnxAssembly(OnnxGraphWalk walk) {
        this.walk = walk;
        this.projection = new boolean[walk.ops.size()];
        for (ResidualAdd add : walk.adds) {
            if (add.projection() && walk.ops.get(add.shortcut().layer()) != null) {
                projection[add.shortcut().layer()] = true;
            }
        }
    }

    Network network(String name, String description, String source) {
        List<Layer> layers = chain();
        foldPools(layers);
        List<Shortcut> shortcuts = new ArrayList<>();
        for (ResidualAdd add : walk.adds) {
            shortcuts.add(shortcut(add, layers));
        }
        return Network.of(name, description, layers, shortcuts, source);
    }

    private List<Layer> chain() {
        List<Layer> layers = new ArrayList<>();
        int previous = -1;
        for (int i = 0; i < walk.ops.size(); i++) {
            if (projection[i] || walk.ops.get(i) == null) {
                continue;
            }
            WeightedOp op = walk.ops.get(i);
            if (op.inputLayer() != previous) {
                String consumed = op.inputLayer() < 0 ? "the graph's input"
                        : "the output of '" + opName(op.inputLayer()) + "'";
                String expected = previous < 0 ? "the graph's input" : "'" + walk.ops.get(previous).node().name() + "'";
                throw op.node().refuse("consumes " + consumed + ", not " + expected + "'s: branches other than residual "
                        + "shortcuts are not supported");
            }
            chainIndex.put(i, layers.size());
            layers.add(op.layer());
            previous = i;
        }
        return layers;
    }

    private String opName(int i) {
        WeightedOp o = walk.ops.get(i);
        return o == null ? "a projection merged into attention's Q, K and V" : o.node().name();
    }

    private void foldPools(List<Layer> layers) {
        boolean[] pooled = new boolean[layers.size()];
        for (FoldedPool p : walk.pools) {
            Integer at = chainIndex.get(p.layer());
            if (at == null) {
                throw p.node().refuse("pools a shortcut's projection: pools fold into the main chain's layers only");
            }
            if (pooled[at]) {
                throw p.node().refuse("a second pool after layer '" + layers.get(at).name() + "'");
            }
            pooled[at] = true;
            Layer l = layers.get(at);
            long[] out = p.pool().output();
            Layer.Shape shape = new Layer.Shape(l.outChannels(), OnnxLayers.toInt(p.node(), out[2]),
                    OnnxLayers.toInt(p.node(), out[3]));
            layers.set(at, new Layer(l.name(), l.type(), l.input(), l.window(), l.output(), p.pool().window(), shape,
                    l.groups()));
        }
    }

    private Shortcut shortcut(ResidualAdd add, List<Layer> layers) {
        Integer to = chainIndex.get(add.to());
        if (to == null) {
            throw add.node().refuse("its deeper branch ends in a projection, not in the main chain");
        }
        String fork = add.projection() ? walk.ops.get(add.shortcut().layer()).inputRoot() : add.shortcut().root();
        int from = -1;
        for (Map.Entry<Integer, Integer> e : chainIndex.entrySet()) {
            if (walk.ops.get(e.getKey()).inputRoot().equals(fork) && (from < 0 || e.getValue() < from)) {
                from = e.getValue();
            }
        }
        if (from < 0 || from > to) {
            throw add.node().refuse("its shortcut does not start at the input of a layer before the add");
        }
        Layer p = add.projection() ? walk.ops.get(add.shortcut().layer()).layer() : null;
        if (p != null && !Arrays.equals(new int[] {p.outChannels(), p.outHeight()},
                new int[] {layers.get(to).outChannels(), layers.get(to).outHeight()})) {
            throw add.node().refuse("its projection's output does not match the layer it adds to");
        }
        return new Shortcut(from, to, p);
    }
}
