package org.hyparsim.input.networks;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Locale;
import org.hyparsim.core.InputException;
import org.hyparsim.core.workload.Layer;
import org.hyparsim.core.workload.LayerType;

/**
 * One layer as written in a network file (the same keys as the project's reference
 * networks.json for conv and fc). Spatial sizes are square. Optional sizes are derived: out_hw
 * from in_hw, k, stride and pad; out_hw_pooled from out_hw, pool_k and pool (floor rounding). A
 * size that is given must agree with the one derived (a pooled size may also round up, as
 * Caffe's does), or the layer is refused with both.
 *
 * <p>The transformer kinds ({@link TransformerLayerSpec}): {@code linear} (in, out, tokens,
 * bias, tied), {@code attention} (heads, headDim, sequence), {@code layernorm}, {@code softmax}
 * and {@code elementwise} (in, tokens), {@code embedding} (vocabulary, hidden, sequence,
 * positions). {@code fc} is a linear layer over one token without a bias.
 */
public record LayerSpec(
        @JsonProperty("name") String name,
        @JsonProperty("type") String type,
        @JsonProperty("in_ch") Integer inCh,
        @JsonProperty("in_hw") Integer inHw,
        @JsonProperty("k") Integer k,
        @JsonProperty("stride") Integer stride,
        @JsonProperty("pad") Integer pad,
        @JsonProperty("out_ch") Integer outCh,
        @JsonProperty("out_hw") Integer outHw,
        @JsonProperty("pool") Integer pool,
        @JsonProperty("pool_k") Integer poolK,
        @JsonProperty("out_hw_pooled") Integer outHwPooled,
        @JsonProperty("groups") Integer groups,
        @JsonProperty("in") Integer in,
        @JsonProperty("out") Integer out,
        @JsonProperty("tokens") Integer tokens,
        @JsonProperty("bias") Boolean bias,
        @JsonProperty("tied") String tied,
        @JsonProperty("heads") Integer heads,
        @JsonProperty("headDim") Integer headDim,
        @JsonProperty("sequence") Integer sequence,
        @JsonProperty("vocabulary") Integer vocabulary,
        @JsonProperty("hidden") Integer hidden,
        @JsonProperty("positions") Integer positions) {

    /** The kinds a file may name: conv, fc, and the transformer kinds by their labels. */
    static final String KINDS = "conv, fc, linear, attention, layernorm, softmax, elementwise or embedding";

    /** The kind a type name stands for (fc: linear over one token), or null. */
    static LayerType kind(String type) {
        String tt = type.toLowerCase(Locale.ROOT);
        if (tt.equals("fc")) {
            return LayerType.LINEAR;
        }
        for (LayerType t : LayerType.values()) {
            if (t.label().equals(tt)) {
                return t;
            }
        }
        return null;
    }

    /** True when the layer is written as a transformer kind (every kind but conv and fc). */
    boolean transformerKind() {
        return type != null && kind(type) != null && !type.equalsIgnoreCase("fc") && kind(type) != LayerType.CONV;
    }

    /** The layer, or null after adding its problems (path prefix {@code at}) to {@code problems}. */
    Layer toLayer(String source, String at, List<InputException.Problem> problems) {
        int before = problems.size();
        if (name == null || name.isBlank()) {
            problems.add(new InputException.Problem(source, at + ".name", "missing: every layer needs a name"));
        }
        LayerType t = null;
        if (type == null) {
            problems.add(new InputException.Problem(source, at + ".type", "missing: " + KINDS));
        } else {
            t = kind(type);
            if (t == null) {
                problems.add(new InputException.Problem(source, at + ".type", "'" + type + "' is not " + KINDS));
            }
        }
        if (transformerKind()) {
            return problems.size() > before ? null : TransformerLayerSpec.toLayer(this, t, source, at, problems);
        }
        if (inCh == null) {
            problems.add(new InputException.Problem(source, at + ".in_ch", "missing"));
        }
        if (outCh == null) {
            problems.add(new InputException.Problem(source, at + ".out_ch", "missing"));
        }
        if (t == LayerType.CONV) {
            if (inHw == null) {
                problems.add(new InputException.Problem(source, at + ".in_hw", "missing: a conv layer needs its input size"));
            }
            if (k == null) {
                problems.add(new InputException.Problem(source, at + ".k", "missing: a conv layer needs its kernel size"));
            }
        }
        if (problems.size() > before) {
            return null;
        }
        if (t == LayerType.LINEAR) {
            return new Layer(name, LayerType.LINEAR, new Layer.Shape(inCh, or(inHw, 1), or(inHw, 1)),
                    new Layer.Window(or(k, 1), or(stride, 1), or(pad, 0)), new Layer.Shape(outCh, or(outHw, 1), or(outHw, 1)),
                    new Layer.Window(or(poolK, 1), or(pool, 1), 0),
                    new Layer.Shape(outCh, or(outHwPooled, 1), or(outHwPooled, 1)));
        }
        int s = or(stride, 1);
        int p = or(pad, 0);
        boolean fits = s > 0 && inHw > 0 && k > 0 && p >= 0 && (long) inHw + 2L * p >= k
                && (long) inHw + 2L * p < Integer.MAX_VALUE;
        Integer derived = fits ? Layer.convOutput(inHw, k, s, p) : null;
        if (outHw != null && derived != null && derived > 0 && !outHw.equals(derived)) {
            problems.add(new InputException.Problem(source, at + ".out_hw", "declared " + outHw + ", but in_hw " + inHw
                    + ", k " + k + ", stride " + s + " and pad " + p + " give " + derived
                    + ": give the sizes that agree, or leave out_hw out"));
            return null;
        }
        int out = outHw != null ? outHw : derived != null ? derived : 0;
        int ps = or(pool, 1);
        int pk = or(poolK, ps);
        Integer pooledDerived = ps > 0 && pk > 0 && out > 0 ? Layer.poolOutput(out, pk, ps) : null;
        int ceiling = pooledDerived == null || out <= pk ? 0 : Math.floorDiv(out - pk + ps - 1, ps) + 1;
        if (outHwPooled != null && pooledDerived != null && pooledDerived > 0 && !outHwPooled.equals(pooledDerived)
                && outHwPooled != ceiling) {
            problems.add(new InputException.Problem(source, at + ".out_hw_pooled", "declared " + outHwPooled
                    + ", but out_hw " + out + ", pool_k " + pk + " and pool " + ps + " give " + pooledDerived
                    + (ceiling > pooledDerived ? " (" + ceiling + " rounding up, as Caffe does)" : "")
                    + ": give the sizes that agree, or leave out_hw_pooled out"));
            return null;
        }
        int pooled = outHwPooled != null ? outHwPooled : pooledDerived != null ? pooledDerived : 0;
        return new Layer(name, LayerType.CONV, new Layer.Shape(inCh, inHw, inHw), new Layer.Window(k, s, p),
                new Layer.Shape(outCh, out, out), new Layer.Window(pk, ps, 0), new Layer.Shape(outCh, pooled, pooled),
                groups == null ? 1 : groups);
    }

    static int or(Integer v, int dflt) {
        return v == null ? dflt : v;
    }
}
