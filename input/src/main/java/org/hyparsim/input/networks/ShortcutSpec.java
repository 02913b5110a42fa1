package org.hyparsim.input.networks;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.hyparsim.core.InputException;
import org.hyparsim.core.workload.Layer;
import org.hyparsim.core.workload.Shortcut;

/**
 * A shortcut as written in a network file: {"from": "conv3", "to": "conv4", "projection": true}
 * adds layer conv3's input to layer conv4's output (the sum is what the layer after conv4
 * consumes), directly (identity: the shapes must be equal) or through a 1x1 convolution.
 */
public record ShortcutSpec(@JsonProperty("from") String from, @JsonProperty("to") String to,
        @JsonProperty("projection") Boolean projection) {

    /** The shortcut, or null after adding its problems (path {@code at}) to {@code problems}. */
    Shortcut toShortcut(List<Layer> layers, String source, String at, List<InputException.Problem> problems) {
        int before = problems.size();
        int f = index(layers, from, source, at + ".from", problems);
        int t = index(layers, to, source, at + ".to", problems);
        if (problems.size() > before) {
            return null;
        }
        if (t < f) {
            problems.add(new InputException.Problem(source, at, "runs from layer " + from + " back to an earlier layer "
                    + to + ": a shortcut goes forward"));
            return null;
        }
        if (Boolean.TRUE.equals(projection)) {
            return new Shortcut(f, t, Shortcut.projectionBetween(layers.get(f), layers.get(t)));
        }
        return Shortcut.identity(f, t);
    }

    private static int index(List<Layer> layers, String name, String source, String at,
            List<InputException.Problem> problems) {
        if (name == null || name.isBlank()) {
            problems.add(new InputException.Problem(source, at, "missing: a layer name"));
            return -1;
        }
        for (int i = 0; i < layers.size(); i++) {
            if (layers.get(i).name().equals(name)) {
                return i;
            }
        }
        problems.add(new InputException.Problem(source, at, "no layer named '" + name + "'"));
        return -1;
    }
}
