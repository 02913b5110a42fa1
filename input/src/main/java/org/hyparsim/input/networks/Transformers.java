package org.hyparsim.input.networks;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;
import org.hyparsim.core.InputException;
import org.hyparsim.core.workload.Layer;
import org.hyparsim.core.workload.LayerType;
import org.hyparsim.core.workload.Network;
import org.hyparsim.core.workload.Shortcut;
import org.hyparsim.input.io.Json;

/**
 * The built-in transformers, built from their configurations (resource networks/transformers.json,
 * each citing its source). A sample is one sequence of {@code sequence} tokens.
 *
 * <p>GPT (pre-LN): {@code embed} (vocabulary + positions rows), then per block i
 * {@code b<i>.ln1, b<i>.qkv, b<i>.attn, b<i>.proj, b<i>.ln2, b<i>.fc1, b<i>.fc2} with the
 * residuals as shortcuts ln1 -> proj and ln2 -> fc2 (the block's input added to proj's output,
 * the sum's to fc2's), then {@code lnf} and {@code logits} (hidden -> vocabulary, no bias, tied to
 * embed). Parameters: l (12 h^2 + 13 h) + (V + s) h + 2 h.
 *
 * <p>BERT (post-LN): {@code embed} (vocabulary + positions + segment rows), {@code embed.ln},
 * then per block {@code b<i>.qkv, b<i>.attn, b<i>.proj, b<i>.ln1, b<i>.fc1, b<i>.fc2, b<i>.ln2}
 * with shortcuts qkv -> proj and fc1 -> fc2, then {@code logits} (the tied decoder with its
 * output bias; the pooler and the MLM transform are left out).
 */
public final class Transformers {
    /** One configuration as the resource writes it. */
    record Config(@JsonProperty("name") String name, @JsonProperty("family") String family,
            @JsonProperty("layers") int layers, @JsonProperty("hidden") int hidden, @JsonProperty("heads") int heads,
            @JsonProperty("sequence") int sequence, @JsonProperty("vocabulary") int vocabulary,
            @JsonProperty("ffnMultiple") int ffnMultiple, @JsonProperty("tied") boolean tied,
            @JsonProperty("segments") int segments, @JsonProperty("source") String source) {
    }

    record Configs(@JsonProperty("_about") String about, @JsonProperty("networks") List<Config> networks) {
    }

    private Transformers() {
    }

    /** The built-in transformers in the resource's order. */
    public static List<Network> all() {
        Configs c = Json.readResource("/networks/transformers.json", Configs.class);
        return c.networks().stream().map(Transformers::build).toList();
    }

    /** A network from its configuration. */
    static Network build(Config c) {
        boolean bert = switch (c.family()) {
            case "gpt" -> false;
            case "bert" -> true;
            default -> throw new InputException("built-in networks", "networks." + c.name() + ".family",
                    "'" + c.family() + "' is not gpt or bert");
        };
        int h = c.hidden();
        int s = c.sequence();
        List<Layer> layers = new ArrayList<>();
        List<Shortcut> shortcuts = new ArrayList<>();
        layers.add(Layer.embedding("embed", c.vocabulary(), h, s, (long) s + c.segments()));
        if (bert) {
            layers.add(Layer.tokenwise("embed.ln", LayerType.LAYERNORM, h, s));
        }
        for (int i = 0; i < c.layers(); i++) {
            String b = "b" + i + ".";
            int first = layers.size();
            if (!bert) {
                layers.add(Layer.tokenwise(b + "ln1", LayerType.LAYERNORM, h, s));
            }
            layers.add(Layer.linear(b + "qkv", h, 3 * h, s, true));
            layers.add(Layer.attention(b + "attn", c.heads(), h / c.heads(), s));
            layers.add(Layer.linear(b + "proj", h, h, s, true));
            shortcuts.add(Shortcut.identity(first, layers.size() - 1));
            layers.add(Layer.tokenwise(b + (bert ? "ln1" : "ln2"), LayerType.LAYERNORM, h, s));
            int mlp = bert ? layers.size() : layers.size() - 1;
            layers.add(Layer.linear(b + "fc1", h, c.ffnMultiple() * h, s, true));
            layers.add(Layer.linear(b + "fc2", c.ffnMultiple() * h, h, s, true));
            shortcuts.add(Shortcut.identity(mlp, layers.size() - 1));
            if (bert) {
                layers.add(Layer.tokenwise(b + "ln2", LayerType.LAYERNORM, h, s));
            }
        }
        if (!bert) {
            layers.add(Layer.tokenwise("lnf", LayerType.LAYERNORM, h, s));
        }
        Layer logits = Layer.linear("logits", h, c.vocabulary(), s, bert);
        layers.add(c.tied() ? logits.tiedTo("embed") : logits);
        return Network.of(c.name(), c.source(), layers, shortcuts, "built-in networks");
    }
}
