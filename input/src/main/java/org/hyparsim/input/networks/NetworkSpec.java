package org.hyparsim.input.networks;

import org.hyparsim.core.workload.Shortcut;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;
import org.hyparsim.core.InputException;
import org.hyparsim.core.workload.Layer;
import org.hyparsim.core.workload.Network;

/**
 * A network as written in a file: a name, a description (or the reference file's "status"),
 * an optional weight count to check against, the weighted layers in order, and optional
 * shortcuts ({@link ShortcutSpec}).
 */
public record NetworkSpec(
        @JsonProperty("name") String name,
        @JsonProperty("description") String description,
        @JsonProperty("status") String status,
        @JsonProperty("weights") Long weights,
        @JsonProperty("layers") List<LayerSpec> layers,
        @JsonProperty("shortcuts") List<ShortcutSpec> shortcuts) {

    /**
     * The checked network. Every problem found is reported at once.
     *
     * @param defaultName the name to use when the file gives none
     * @param pathPrefix the field path of this object inside its file ("" at the top)
     */
    public Network toNetwork(String defaultName, String source, String pathPrefix) {
        String prefix = pathPrefix.isEmpty() ? "" : pathPrefix + ".";
        List<InputException.Problem> problems = new ArrayList<>();
        if (layers == null) {
            throw new InputException(source, prefix + "layers", "missing: a network lists its weighted layers");
        }
        List<Layer> built = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            LayerSpec s = layers.get(i);
            String at = prefix + "layers[" + i + "]";
            if (s == null) {
                problems.add(new InputException.Problem(source, at, "a layer must be an object"));
                continue;
            }
            Layer l = s.toLayer(source, at, problems);
            if (l != null) {
                built.add(l);
            }
        }
        List<Shortcut> links = new ArrayList<>();
        if (problems.isEmpty() && shortcuts != null) {
            for (int i = 0; i < shortcuts.size(); i++) {
                String at = prefix + "shortcuts[" + i + "]";
                if (shortcuts.get(i) == null) {
                    problems.add(new InputException.Problem(source, at, "a shortcut must be an object {from, to}"));
                    continue;
                }
                Shortcut sc = shortcuts.get(i).toShortcut(built, source, at, problems);
                if (sc != null) {
                    links.add(sc);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InputException(problems);
        }
        String n = name != null && !name.isBlank() ? name : defaultName;
        String d = description != null ? description : status != null ? status : "";
        Network network;
        try {
            network = Network.of(n, d, built, links, source);
        } catch (InputException e) {
            throw new InputException(e.problems().stream()
                    .map(p -> new InputException.Problem(p.source(), prefix + fieldAsWritten(p.path()), p.reason()))
                    .toList());
        }
        if (weights != null && weights != network.weights()) {
            throw new InputException(source, prefix + "weights", "the file states " + weights
                    + " weights but its layers have " + network.weights());
        }
        return network;
    }

    /** A checked network's field path as the file writes it: a linear layer's input is {@code in}, not {@code in_ch}. */
    private String fieldAsWritten(String path) {
        for (int i = 0; i < layers.size(); i++) {
            String at = "layers[" + i + "].in_ch";
            if (path.equals(at) && layers.get(i) != null && layers.get(i).transformerKind()) {
                return "layers[" + i + "].in";
            }
        }
        return path;
    }
}
