package org.hyparsim.input.networks;

import java.util.TreeSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.hyparsim.core.InputException;
import org.hyparsim.core.workload.Layer;
import org.hyparsim.core.workload.LayerType;
import org.hyparsim.core.workload.Network;

/**
 * Reads a network in AccPar's text format: a "num_layers N" line, then per layer a
 * "NAME CONV|FC" line followed by "key value" lines (in_ch, in_fmap_h, in_fmap_w, kernel,
 * out_ch, out_fmap_h, out_fmap_w, pool for conv; in_ch, out_ch for fc).
 *
 * <p>The sizes are taken literally, as AccPar's planner does: out_fmap is the output after
 * pooling (what the next layer consumes). The output size before pooling, which only the
 * compute model uses, is taken as out_fmap x pool; the stride is not in the format and is
 * recorded as 1.
 */
public final class AccParReader {
    private static final Set<String> CONV_KEYS = Set.of("in_ch", "in_fmap_h", "in_fmap_w", "kernel", "out_ch",
            "out_fmap_h", "out_fmap_w", "pool");
    private static final Set<String> FC_KEYS = Set.of("in_ch", "out_ch");

    private AccParReader() {
    }

    /** True when the text starts the way AccPar's files do. */
    public static boolean looksLikeAccPar(String text) {
        return text.stripLeading().startsWith("num_layers");
    }

    public static Network parse(String text, String name, String source) {
        String[] lines = text.split("\\R");
        int declared = -1;
        List<Layer> layers = new ArrayList<>();
        String layerName = null;
        LayerType type = null;
        int layerLine = 0;
        Map<String, Integer> values = new HashMap<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String where = "line " + (i + 1);
            String[] tok = line.split("\\s+");
            if (tok.length != 2) {
                throw new InputException(source, where, "expected two fields ('key value' or 'NAME CONV|FC'), got '" + line + "'");
            }
            if (declared < 0) {
                if (!tok[0].equals("num_layers")) {
                    throw new InputException(source, where, "the file must start with 'num_layers N'");
                }
                declared = parseInt(tok[1], source, where, "num_layers");
                continue;
            }
            String second = tok[1].toUpperCase(Locale.ROOT);
            if (second.equals("CONV") || second.equals("FC")) {
                if (layerName != null) {
                    layers.add(build(layerName, type, values, source, "line " + layerLine));
                }
                layerName = tok[0];
                type = second.equals("CONV") ? LayerType.CONV : LayerType.LINEAR;
                layerLine = i + 1;
                values = new HashMap<>();
                continue;
            }
            if (layerName == null) {
                throw new InputException(source, where, "'" + tok[0] + "' comes before any 'NAME CONV|FC' line");
            }
            Set<String> allowed = type == LayerType.CONV ? CONV_KEYS : FC_KEYS;
            if (!allowed.contains(tok[0])) {
                throw new InputException(source, where, "unknown key '" + tok[0] + "' for " + (type == LayerType.CONV ? "conv" : "fc")
                        + " layer " + layerName + "; known keys: " + String.join(", ", new TreeSet<>(allowed)));
            }
            if (values.put(tok[0], parseInt(tok[1], source, where, tok[0])) != null) {
                throw new InputException(source, where, "key '" + tok[0] + "' given twice for layer " + layerName);
            }
        }
        if (declared < 0) {
            throw new InputException(source, "line 1", "empty file: expected 'num_layers N'");
        }
        if (layerName != null) {
            layers.add(build(layerName, type, values, source, "line " + layerLine));
        }
        if (layers.size() != declared) {
            throw new InputException(source, "num_layers", "declares " + declared + " layers but the file defines "
                    + layers.size());
        }
        return Network.of(name, "read from AccPar text format", layers, source);
    }

    private static Layer build(String name, LayerType type, Map<String, Integer> v, String source, String where) {
        Set<String> need = type == LayerType.CONV ? CONV_KEYS : FC_KEYS;
        List<String> missing = need.stream().filter(k -> !v.containsKey(k)).sorted().toList();
        if (!missing.isEmpty()) {
            throw new InputException(source, where, "layer " + name + " lacks " + String.join(", ", missing));
        }
        if (type == LayerType.LINEAR) {
            return Layer.fc(name, v.get("in_ch"), v.get("out_ch"));
        }
        for (String[] side : new String[][] {{"in_fmap_h", "out_fmap_h"}, {"in_fmap_w", "out_fmap_w"}}) {
            String why = unreachable(v.get(side[0]), v.get("kernel"), v.get(side[1]), v.get("pool"));
            if (why != null) {
                throw new InputException(source, where, "layer " + name + ": " + side[1] + " " + v.get(side[1]) + why
                        + " (" + side[0] + " " + v.get(side[0]) + ", kernel " + v.get("kernel") + ")");
            }
        }
        return conv(name, new Layer.Shape(v.get("in_ch"), v.get("in_fmap_h"), v.get("in_fmap_w")), v.get("kernel"),
                new Layer.Shape(v.get("out_ch"), v.get("out_fmap_h"), v.get("out_fmap_w")), v.get("pool"));
    }

    /**
     * Why no stride and padding could give an output of {@code out} (after pooling, which only
     * shrinks) from an input of {@code in} with this kernel, or null when one could (or when a
     * size is not positive: the layer's own checks say so). AccPar's format has neither stride nor
     * padding (224, kernel 11 -> 55 is stride 4, padding 2), and a stride or a pooling can make any
     * smaller size, so only sizes above the largest (stride 1, padding kernel - 1: in + kernel - 1)
     * are refused.
     */
    static String unreachable(int in, int kernel, int out, int pool) {
        if (in <= 0 || kernel <= 0 || out <= 0 || pool <= 0) {
            return null;
        }
        long most = (long) in + kernel - 1;
        return out <= most ? null : ": more than any stride and padding make from the input (the format gives neither;"
                + " at most " + most + ", with stride 1 and padding " + (kernel - 1) + ")";
    }

    /**
     * A conv layer from AccPar's fields, read as its planner reads them (see the class comment):
     * {@code out} is the output after pooling, which the next layer consumes.
     */
    static Layer conv(String name, Layer.Shape in, int kernel, Layer.Shape out, int pool) {
        return new Layer(name, LayerType.CONV, in, new Layer.Window(kernel, 1, 0),
                new Layer.Shape(out.channels(), out.height() * pool, out.width() * pool), new Layer.Window(pool, pool, 0), out);
    }

    private static int parseInt(String s, String source, String where, String key) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new InputException(source, where, key + ": '" + s + "' is not an integer");
        }
    }
}
