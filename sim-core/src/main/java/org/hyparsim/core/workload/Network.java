package org.hyparsim.core.workload;

import java.util.Optional;
import org.hyparsim.core.Limits;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hyparsim.core.InputException;

/**
 * A DNN as the ordered list of its weighted layers, with optional shortcuts (residual
 * connections). Built only through {@link #of}, which checks that the layers chain: a conv layer
 * consumes the previous layer's pooled output (channels and spatial size), and an fc layer's
 * input width equals the previous layer's output channels times its pooled spatial size; and
 * that every shortcut's shapes add. A reference network ({@link #reference}) reproduces another
 * tool's layer list as it is, chaining or not, and says so in its note.
 *
 * @param note why the network is accepted without chaining, or "" for a checked network
 */
public record Network(String name, String description, List<Layer> layers, List<Shortcut> shortcuts, String note) {

    public Network {
        layers = List.copyOf(layers);
        shortcuts = List.copyOf(shortcuts);
        note = note == null ? "" : note;
    }

    /** A checked chain without shortcuts. */
    public static Network of(String name, String description, List<Layer> layers, String source) {
        return of(name, description, layers, List.of(), source);
    }

    /**
     * A network taken as another tool lists it: every layer and shortcut is checked on its own,
     * but consecutive layers need not chain; {@code note} says why.
     */
    public static Network reference(String name, String description, List<Layer> layers, List<Shortcut> shortcuts,
            String note, String source) {
        return check(name, description, layers, shortcuts, note, source, false);
    }

    /**
     * A checked network.
     *
     * @param source where the definition came from (a file, or "built-in"), for error messages
     * @throws InputException naming every layer that is invalid or does not chain
     */
    public static Network of(String name, String description, List<Layer> layers, List<Shortcut> shortcuts,
            String source) {
        return check(name, description, layers, shortcuts, "", source, true);
    }

    private static Network check(String name, String description, List<Layer> layers, List<Shortcut> shortcuts,
            String note, String source, boolean chain) {
        List<InputException.Problem> problems = new ArrayList<>();
        if (layers.isEmpty()) {
            problems.add(new InputException.Problem(source, "layers", "a network needs at least one weighted layer"));
        }
        long maxLayers = Limits.maxLayers();
        if (layers.size() > maxLayers) {
            throw new InputException(source, "layers", layers.size() + " layers: more than the limit of " + maxLayers
                    + " (system property " + Limits.property("maxLayers") + ")");
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < layers.size(); i++) {
            Layer l = layers.get(i);
            String at = "layers[" + i + "]";
            for (String[] p : l.problems()) {
                problems.add(new InputException.Problem(source, at + "." + p[0], "layer " + l.name() + ": " + p[1]));
            }
            if (l.name() != null && !names.add(l.name())) {
                problems.add(new InputException.Problem(source, at + ".name", "layer name " + l.name() + " is used twice"));
            }
            if (chain && i > 0) {
                chainingProblem(layers.get(i - 1), l).ifPresent(reason ->
                        problems.add(new InputException.Problem(source, at + "." + chainingField(l), reason)));
            }
            if (chain && i > 0 && l.type() == LayerType.EMBEDDING) {
                problems.add(new InputException.Problem(source, at + ".type", "layer " + l.name()
                        + ": an embedding reads token ids, so only a network's first layer can be one"));
            }
            tieProblem(layers, i).ifPresent(reason ->
                    problems.add(new InputException.Problem(source, at + ".tied", "layer " + l.name() + ": " + reason)));
        }
        for (int i = 0; i < shortcuts.size(); i++) {
            String at = "shortcuts[" + i + "]";
            shortcutProblem(layers, shortcuts.get(i), chain).ifPresent(reason -> problems.add(
                    new InputException.Problem(source, at, reason)));
        }
        if (!problems.isEmpty()) {
            throw new InputException(problems);
        }
        return new Network(name, description, layers, shortcuts, note);
    }

    /** The field a chaining problem of layer l names: the input size as its kind writes it. */
    private static String chainingField(Layer l) {
        return switch (l.type()) {
            case CONV, LINEAR -> "in_ch";
            case ATTENTION -> "headDim";
            case LAYERNORM, SOFTMAX, ELEMENTWISE -> "in";
            case EMBEDDING -> "type";
        };
    }

    /** Why layer i's weight tie is wrong: it must name an earlier embedding whose table is its transpose. */
    private static Optional<String> tieProblem(List<Layer> layers, int i) {
        Layer l = layers.get(i);
        if (!l.tied()) {
            return Optional.empty();
        }
        if (l.type() != LayerType.LINEAR) {
            return Optional.of("only a linear layer can share an embedding's weights");
        }
        for (int j = 0; j < i; j++) {
            Layer e = layers.get(j);
            if (e.name().equals(l.extras().tiedTo())) {
                if (e.type() != LayerType.EMBEDDING || e.inChannels() != l.outChannels()
                        || e.outChannels() != l.inChannels()) {
                    return Optional.of("layer " + e.name() + " is not an embedding of " + l.outChannels()
                            + " x " + l.inChannels() + " (vocabulary x hidden)");
                }
                return Optional.empty();
            }
        }
        return Optional.of("no earlier layer named '" + l.extras().tiedTo() + "'");
    }

    /** Why a shortcut does not fit the layers: ends out of range, or shapes that do not add. */
    private static Optional<String> shortcutProblem(List<Layer> layers, Shortcut s, boolean chain) {
        if (s.to() >= layers.size()) { // one ending at the last layer adds into the network's output
            return Optional.of("a shortcut must end at a layer of the network; it ends at layer " + s.to()
                    + " of " + layers.size());
        }
        if (!chain) {
            return Optional.empty();
        }
        Layer from = layers.get(s.from());
        Layer to = layers.get(s.to());
        if (s.projection() == null) {
            if (from.inChannels() != to.outChannels() || from.inHeight() != to.outHeight()
                    || from.inWidth() != to.outWidth()) {
                return Optional.of("shapes do not add: layer " + from.name() + "'s input " + from.inChannels()
                        + " x " + from.inHeight() + " x " + from.inWidth() + " is not layer " + to.name()
                        + "'s output " + to.outChannels() + " x " + to.outHeight() + " x " + to.outWidth()
                        + " (declare a projection)");
            }
            return Optional.empty();
        }
        Layer p = s.projection();
        if (p.inChannels() != from.inChannels() || p.inHeight() != from.inHeight() || p.outChannels() != to.outChannels()
                || p.outHeight() != to.outHeight() || p.outWidth() != to.outWidth()) {
            return Optional.of("the projection " + p.inChannels() + " x " + p.inHeight() + " -> "
                    + p.outChannels() + " x " + p.outHeight() + " does not map layer " + from.name()
                    + "'s input onto layer " + to.name() + "'s output");
        }
        return Optional.empty();
    }

    /** True when the network has residual connections. */
    public boolean residual() {
        return !shortcuts.isEmpty();
    }

    private static Optional<String> chainingProblem(Layer prev, Layer l) {
        long produced = prev.outputElementsPerSample();
        if (!l.type().convolutional() || l.type() == LayerType.LINEAR && l.tokens() > 1) {
            return tokenChainingProblem(prev, l);
        }
        if (l.type() == LayerType.LINEAR) {
            if (l.inChannels() != produced) {
                return Optional.of("layer " + l.name() + " does not chain: its input width "
                        + l.inChannels() + " is not layer " + prev.name() + "'s output " + prev.outChannels()
                        + " x " + prev.pooledHeight() + " x " + prev.pooledWidth() + " = " + produced);
            }
            return Optional.empty();
        }
        if (l.inChannels() != prev.outChannels() || l.inHeight() != prev.pooledHeight()
                || l.inWidth() != prev.pooledWidth()) {
            return Optional.of("layer " + l.name() + " does not chain: its input "
                    + l.inChannels() + " x " + l.inHeight() + " x " + l.inWidth() + " is not layer "
                    + prev.name() + "'s pooled output " + prev.outChannels() + " x " + prev.pooledHeight()
                    + " x " + prev.pooledWidth());
        }
        return Optional.empty();
    }

    /** Chaining over tokens: the same tokens, and the producer's features as this layer's input features. */
    private static Optional<String> tokenChainingProblem(Layer prev, Layer l) {
        if (l.type() == LayerType.EMBEDDING) {
            return Optional.empty(); // refused as a later layer on its own
        }
        boolean tokens = prev.pooledHeight() == l.tokens() && prev.pooledWidth() == 1;
        if (tokens && prev.outChannels() == l.inChannels()) {
            return Optional.empty();
        }
        String gives = "layer " + prev.name() + " gives " + prev.outChannels() + " features x " + prev.pooledHeight()
                + (prev.pooledWidth() == 1 ? "" : " x " + prev.pooledWidth()) + " tokens";
        if (l.type() == LayerType.ATTENTION) {
            return Optional.of("layer " + l.name() + " does not chain: heads x headDim = " + l.heads() + " x "
                    + l.outChannels() / Math.max(1, l.heads()) + " = " + l.outChannels() + " is not the hidden size: "
                    + "attention takes 3 x " + l.outChannels() + " = " + l.inChannels() + " features (Q, K, V) x "
                    + l.tokens() + " tokens, and " + gives);
        }
        return Optional.of("layer " + l.name() + " does not chain: its input " + l.inChannels()
                + " features x " + l.tokens() + " tokens is not what " + gives);
    }

    public int size() {
        return layers.size();
    }

    public Layer layer(int i) {
        return layers.get(i);
    }

    /** Weights of the layers and of the projection shortcuts (a tied projection's once, with its embedding). */
    public long weights() {
        long sum = 0;
        for (Layer l : layers) {
            sum += l.parameters();
        }
        for (Shortcut s : shortcuts) {
            sum += s.projectionLayer().map(Layer::weights).orElse(0L);
        }
        return sum;
    }

    /** Forward MACs of the layers and of the projection shortcuts, per sample. */
    public long forwardMacsPerSample() {
        long sum = 0;
        for (Layer l : layers) {
            sum += l.forwardMacsPerSample();
        }
        for (Shortcut s : shortcuts) {
            sum += s.projectionLayer().map(Layer::forwardMacsPerSample).orElse(0L);
        }
        return sum;
    }

    /**
     * The matrix-product MACs of the forward, error and gradient phases of one sample on one
     * accelerator ({@link Layer#trainingMacsPerSample}), projections included; the weight update
     * and the memory-bound operations are not in it.
     */
    public long trainingMacsPerSample() {
        long sum = 0;
        for (Layer l : layers) {
            sum += l.trainingMacsPerSample();
        }
        for (Shortcut s : shortcuts) {
            sum += s.projectionLayer().map(Layer::trainingMacsPerSample).orElse(0L);
        }
        return sum;
    }

    public List<String> layerNames() {
        return layers.stream().map(Layer::name).toList();
    }
}
