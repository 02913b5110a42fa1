package org.hyparsim.core.workload;

import java.util.Optional;

/**
 * A residual connection: the input of layer {@code from} is added to the output of layer
 * {@code to} (from &lt;= to) before to's pooling, and the (pooled) sum is what layer to + 1
 * consumes. An identity shortcut adds the tensor as it is (the shapes must be equal); a
 * projection shortcut passes it through a 1x1 convolution first ({@link #projection}: from's
 * input channels and size to to's output channels and size, at the stride that maps one onto
 * the other).
 *
 * @param projection the 1x1 convolution, or null for an identity shortcut
 */
public record Shortcut(int from, int to, Layer projection) {

    public Shortcut {
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("a shortcut runs from a layer to the same or a later one: " + from
                    + " -> " + to);
        }
    }

    public static Shortcut identity(int from, int to) {
        return new Shortcut(from, to, null);
    }

    public Optional<Layer> projectionLayer() {
        return Optional.ofNullable(projection);
    }

    /** The layer that consumes the sum. */
    public int destination() {
        return to + 1;
    }

    /**
     * The 1x1 projection from one layer's input to another's output (before pooling), named
     * after the destination layer; its stride is the ratio of the two spatial sizes.
     */
    public static Layer projectionBetween(Layer from, Layer to) {
        int stride = Math.max(1, from.inHeight() / Math.max(1, to.outHeight()));
        Layer.Shape out = new Layer.Shape(to.outChannels(), to.outHeight(), to.outWidth());
        return new Layer(to.name() + "-proj", to.type() == LayerType.LINEAR ? LayerType.LINEAR : LayerType.CONV,
                new Layer.Shape(from.inChannels(), from.inHeight(), from.inWidth()), new Layer.Window(1, stride, 0),
                out, Layer.Window.NONE, out);
    }
}
