package org.hyparsim.core.workload;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hyparsim.core.InputException;

/**
 * A DNN as the ordered list of its weighted layers. Built only through {@link #of}, which
 * checks that the layers chain: a conv layer consumes the previous layer's pooled output
 * (channels and spatial size), and an fc layer's input width equals the previous layer's
 * output channels times its pooled spatial size.
 */
public record Network(String name, String description, List<Layer> layers) {

    public Network {
        layers = List.copyOf(layers);
    }

    /**
     * A checked network.
     *
     * @param source where the definition came from (a file, or "built-in"), for error messages
     * @throws InputException naming every layer that is invalid or does not chain
     */
    public static Network of(String name, String description, List<Layer> layers, String source) {
        List<InputException.Problem> problems = new ArrayList<>();
        if (layers.isEmpty()) {
            problems.add(new InputException.Problem(source, "layers", "a network needs at least one weighted layer"));
        }
        long maxLayers = org.hyparsim.core.Limits.maxLayers();
        if (layers.size() > maxLayers) {
            throw new InputException(source, "layers", layers.size() + " layers: more than the limit of " + maxLayers
                    + " (system property " + org.hyparsim.core.Limits.property("maxLayers") + ")");
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
            if (i > 0) {
                chainingProblem(layers.get(i - 1), l).ifPresent(reason ->
                        problems.add(new InputException.Problem(source, at + ".in_ch", reason)));
            }
        }
        if (!problems.isEmpty()) {
            throw new InputException(problems);
        }
        return new Network(name, description, layers);
    }

    private static java.util.Optional<String> chainingProblem(Layer prev, Layer l) {
        long produced = prev.outputElementsPerSample();
        if (l.type() == LayerType.FC) {
            if (l.inChannels() != produced) {
                return java.util.Optional.of("layer " + l.name() + " does not chain: its input width "
                        + l.inChannels() + " is not layer " + prev.name() + "'s output " + prev.outChannels()
                        + " x " + prev.pooledHeight() + " x " + prev.pooledWidth() + " = " + produced);
            }
            return java.util.Optional.empty();
        }
        if (l.inChannels() != prev.outChannels() || l.inHeight() != prev.pooledHeight()
                || l.inWidth() != prev.pooledWidth()) {
            return java.util.Optional.of("layer " + l.name() + " does not chain: its input "
                    + l.inChannels() + " x " + l.inHeight() + " x " + l.inWidth() + " is not layer "
                    + prev.name() + "'s pooled output " + prev.outChannels() + " x " + prev.pooledHeight()
                    + " x " + prev.pooledWidth());
        }
        return java.util.Optional.empty();
    }

    public int size() {
        return layers.size();
    }

    public Layer layer(int i) {
        return layers.get(i);
    }

    public long weights() {
        long sum = 0;
        for (Layer l : layers) {
            sum += l.weights();
        }
        return sum;
    }

    public long forwardMacsPerSample() {
        long sum = 0;
        for (Layer l : layers) {
            sum += l.forwardMacsPerSample();
        }
        return sum;
    }

    public List<String> layerNames() {
        return layers.stream().map(Layer::name).toList();
    }
}
