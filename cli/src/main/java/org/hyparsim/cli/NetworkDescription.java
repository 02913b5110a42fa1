package org.hyparsim.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hyparsim.core.workload.Layer;
import org.hyparsim.core.workload.Network;
import org.hyparsim.core.workload.Shortcut;

/**
 * One network's layers as read (built-in or file): kind, shapes, weights and MACs per sample
 * ({@code macs}: the training phases' matrix-product MACs, forward, error and gradient;
 * {@code forwardMacs}: the forward pass's alone), with the network's totals.
 */
final class NetworkDescription {
    private NetworkDescription() {
    }

    private static List<Integer> shape(Layer.Shape s) {
        return List.of(s.channels(), s.height(), s.width());
    }

    private static Map<String, Object> layer(Layer l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", l.name());
        m.put("kind", l.type().label());
        m.put("input", shape(l.input()));
        m.put("kernel", l.kernel());
        m.put("stride", l.stride());
        m.put("pad", l.padding());
        m.put("groups", l.groups());
        m.put("output", shape(l.output()));
        m.put("pool_k", l.poolKernel());
        m.put("pool", l.poolStride());
        m.put("pooled", shape(l.pooled()));
        m.put("macs", l.trainingMacsPerSample());
        m.put("forwardMacs", l.forwardMacsPerSample());
        m.put("weights", l.parameters());
        return m;
    }

    /** The description as ordered JSON: layers, shortcuts and totals. */
    static Map<String, Object> json(Network n) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", n.name());
        m.put("description", n.description());
        m.put("parameters", n.weights());
        m.put("trainingMacsPerSample", n.trainingMacsPerSample());
        m.put("layers", n.layers().stream().map(NetworkDescription::layer).toList());
        List<Map<String, Object>> shortcuts = new ArrayList<>();
        for (Shortcut s : n.shortcuts()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("from", n.layer(s.from()).name());
            e.put("to", n.layer(s.to()).name());
            e.put("projection", s.projectionLayer().map(NetworkDescription::layer).orElse(null));
            shortcuts.add(e);
        }
        m.put("shortcuts", shortcuts);
        Map<String, Object> totals = new LinkedHashMap<>();
        totals.put("layers", n.size());
        totals.put("macs", n.trainingMacsPerSample());
        totals.put("forwardMacs", n.forwardMacsPerSample());
        totals.put("weights", n.weights());
        m.put("totals", totals);
        if (!n.note().isEmpty()) {
            m.put("note", n.note());
        }
        return m;
    }

    private static String dims(Layer.Shape s) {
        return s.channels() + "x" + s.height() + "x" + s.width();
    }

    private static void row(PrintWriter out, Layer l, String indent) {
        String window = l.kernel() + "/" + l.stride() + "/" + l.padding() + (l.groups() > 1 ? " g" + l.groups() : "");
        String pool = l.poolKernel() == 1 && l.poolStride() == 1 ? "-" : l.poolKernel() + "/" + l.poolStride();
        out.printf(Locale.ROOT, "%-18s %-11s %13s %10s %13s %7s %13s %14s %16s%n", indent + l.name(), l.type().label(),
                dims(l.input()), window, dims(l.output()), pool, dims(l.pooled()),
                String.format(Locale.ROOT, "%,d", l.parameters()), String.format(Locale.ROOT, "%,d", l.trainingMacsPerSample()));
    }

    /** The description as a table: one row per layer (projections indented under their shortcut's end). */
    static void text(PrintWriter out, Network n) {
        out.println(n.description().isEmpty() ? n.name() : n.name() + ": " + n.description());
        if (!n.note().isEmpty()) {
            out.printf(Locale.ROOT, "note: %s%n", n.note());
        }
        out.printf(Locale.ROOT, "%-18s %-11s %13s %10s %13s %7s %13s %14s %16s%n", "layer", "kind", "input", "k/s/pad",
                "output", "pool", "pooled", "weights", "training MACs");
        for (int i = 0; i < n.size(); i++) {
            row(out, n.layer(i), "");
            for (Shortcut s : n.shortcuts()) {
                if (s.to() == i) {
                    out.printf(Locale.ROOT, "  + shortcut from the input of %s%s%n", n.layer(s.from()).name(),
                            s.projection() == null ? " (identity)" : ", projection:");
                    s.projectionLayer().ifPresent(p -> row(out, p, "    "));
                }
            }
        }
        out.printf(Locale.ROOT, "total: %d layers, %d shortcut%s, %,d parameters, %,d training MACs per sample%n",
                n.size(), n.shortcuts().size(), n.shortcuts().size() == 1 ? "" : "s", n.weights(),
                n.trainingMacsPerSample());
    }
}
