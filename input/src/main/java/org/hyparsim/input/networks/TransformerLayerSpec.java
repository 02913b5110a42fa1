package org.hyparsim.input.networks;

import java.util.ArrayList;
import java.util.List;
import org.hyparsim.core.InputException;
import org.hyparsim.core.workload.Layer;
import org.hyparsim.core.workload.LayerType;

/**
 * The transformer kinds of a network file's layer: which keys each takes, which it needs, and
 * the {@link Layer} they make. Keys of the other kinds are refused, each by name.
 */
final class TransformerLayerSpec {
    private TransformerLayerSpec() {
    }

    /** The layer, or null after adding its problems to {@code problems}. */
    static Layer toLayer(LayerSpec s, LayerType t, String source, String at, List<InputException.Problem> problems) {
        int before = problems.size();
        foreignKeys(s, t, source, at, problems);
        Layer layer = switch (t) {
            case LINEAR -> {
                need(problems, source, at, "in", s.in());
                need(problems, source, at, "out", s.out());
                yield problems.size() > before ? null
                        : Layer.linear(s.name(), s.in(), s.out(), LayerSpec.or(s.tokens(), 1), Boolean.TRUE.equals(s.bias()));
            }
            case ATTENTION -> {
                need(problems, source, at, "heads", s.heads());
                need(problems, source, at, "headDim", s.headDim());
                need(problems, source, at, "sequence", s.sequence());
                yield problems.size() > before ? null : Layer.attention(s.name(), s.heads(), s.headDim(), s.sequence());
            }
            case EMBEDDING -> {
                need(problems, source, at, "vocabulary", s.vocabulary());
                need(problems, source, at, "hidden", s.hidden());
                need(problems, source, at, "sequence", s.sequence());
                yield problems.size() > before ? null
                        : Layer.embedding(s.name(), s.vocabulary(), s.hidden(), s.sequence(), LayerSpec.or(s.positions(), 0));
            }
            default -> {
                need(problems, source, at, "in", s.in());
                yield problems.size() > before ? null
                        : Layer.tokenwise(s.name(), t, s.in(), LayerSpec.or(s.tokens(), 1));
            }
        };
        if (layer != null && s.tied() != null) {
            layer = layer.tiedTo(s.tied());
        }
        return layer;
    }

    private static void need(List<InputException.Problem> problems, String source, String at, String key, Object value) {
        if (value == null) {
            problems.add(new InputException.Problem(source, at + "." + key, "missing"));
        }
    }

    /** Keys set that this kind does not take. */
    private static void foreignKeys(LayerSpec s, LayerType t, String source, String at,
            List<InputException.Problem> problems) {
        List<String> given = new ArrayList<>();
        Object[] values = {s.inCh(), s.inHw(), s.k(), s.stride(), s.pad(), s.outCh(), s.outHw(), s.pool(), s.poolK(),
            s.outHwPooled(), s.groups(), s.in(), s.out(), s.tokens(), s.bias(), s.tied(), s.heads(), s.headDim(),
            s.sequence(), s.vocabulary(), s.hidden(), s.positions()};
        String[] keys = {"in_ch", "in_hw", "k", "stride", "pad", "out_ch", "out_hw", "pool", "pool_k", "out_hw_pooled",
            "groups", "in", "out", "tokens", "bias", "tied", "heads", "headDim", "sequence", "vocabulary", "hidden",
            "positions"};
        List<String> allowed = switch (t) {
            case LINEAR -> List.of("in", "out", "tokens", "bias", "tied");
            case ATTENTION -> List.of("heads", "headDim", "sequence");
            case EMBEDDING -> List.of("vocabulary", "hidden", "sequence", "positions");
            default -> List.of("in", "tokens");
        };
        for (int i = 0; i < keys.length; i++) {
            if (values[i] != null && !allowed.contains(keys[i])) {
                given.add(keys[i]);
            }
        }
        for (String key : given) {
            problems.add(new InputException.Problem(source, at + "." + key, "a " + t.label() + " layer does not take '"
                    + key + "' (it takes " + String.join(", ", allowed) + ")"));
        }
    }
}
