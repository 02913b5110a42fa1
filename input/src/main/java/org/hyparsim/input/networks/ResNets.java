package org.hyparsim.input.networks;

import java.util.ArrayList;
import java.util.List;
import org.hyparsim.core.workload.Layer;
import org.hyparsim.core.workload.Network;
import org.hyparsim.core.workload.Shortcut;

/**
 * The built-in residual networks.
 *
 * <p>{@code ResNet-18}, {@code ResNet-34} and {@code ResNet-50} as published (He et al., "Deep
 * Residual Learning for Image Recognition", CVPR 2016, Table 1): a 7x7/2 convolution with a
 * 3x3/2 max pool, four stages of basic (two 3x3) or bottleneck (1x1, 3x3, 1x1) blocks whose first
 * block in stages 3 to 5 halves the size (stride 2 on its first convolution), global average
 * pooling and a 1000-way fc. Shortcuts are identities, and 1x1 projections where the shape
 * changes (the paper's option B). The max pool (3x3, stride 2, padding 1) is recorded as a 2x2
 * window at stride 2, which gives the same 56 x 56 output: pools have no padding here, and a
 * pool's window does not enter the communication or compute models.
 *
 * <p>{@code AccPar-ResNet-18/34/50}: the layer lists AccPar's released generator builds
 * (linghaosong/AccPar, src/helper.cpp, gen_resnet), layer for layer, named as it names them, with
 * the shortcut positions its planner assumes (every second layer from the fourth for 18 and 34,
 * every third from the fifth for 50, each from the block's first layer). The generator lists the
 * main-path convolutions and the fc only, with each block's input channels as the stage's and a
 * 2048-input fc, so consecutive layers do not chain at stage transitions: these are reference
 * networks for reproducing that planner, accepted without the chaining check.
 */
public final class ResNets {
    /** Said by {@code networks} and kept with each AccPar network. */
    public static final String ACCPAR_NOTE = "AccPar's generator, layer for layer: does not chain at stage "
            + "transitions (a reference network for reproducing its planner)";

    private static final int[] BASIC_18 = {2, 2, 2, 2};
    private static final int[] BLOCKS_34_50 = {3, 4, 6, 3};

    private ResNets() {
    }

    /** The six built-in residual networks, published ones first. */
    public static List<Network> all() {
        return List.of(published(18), published(34), published(50), accpar(18), accpar(34), accpar(50));
    }

    /** ResNet-18, -34 or -50 as published. */
    public static Network published(int depth) {
        boolean bottleneck = depth == 50;
        int[] blocks = depth == 18 ? BASIC_18 : BLOCKS_34_50;
        List<Layer> layers = new ArrayList<>();
        List<Shortcut> shortcuts = new ArrayList<>();
        layers.add(Layer.conv("conv1", 3, 224, 64, 7, 2, 3).withPool(2, 2));
        int ch = 64;
        int hw = 56;
        for (int stage = 0; stage < 4; stage++) {
            int width = 64 << stage;
            int out = bottleneck ? 4 * width : width;
            for (int block = 0; block < blocks[stage]; block++) {
                int stride = stage > 0 && block == 0 ? 2 : 1;
                String prefix = "s" + (stage + 2) + "b" + (block + 1);
                int first = layers.size();
                if (bottleneck) {
                    layers.add(Layer.conv(prefix + "a", ch, hw, width, 1, stride, 0));
                    int inner = layers.get(layers.size() - 1).outHeight();
                    layers.add(Layer.conv(prefix + "b", width, inner, width, 3, 1, 1));
                    layers.add(Layer.conv(prefix + "c", width, inner, out, 1, 1, 0));
                } else {
                    layers.add(Layer.conv(prefix + "a", ch, hw, width, 3, stride, 1));
                    int inner = layers.get(layers.size() - 1).outHeight();
                    layers.add(Layer.conv(prefix + "b", width, inner, width, 3, 1, 1));
                }
                int last = layers.size() - 1;
                boolean lastBlock = stage == 3 && block == blocks[stage] - 1;
                if (lastBlock) {
                    Layer l = layers.get(last);
                    layers.set(last, l.withPool(l.outHeight(), l.outHeight())); // global average pooling
                }
                Layer from = layers.get(first);
                Layer to = layers.get(last);
                boolean same = from.inChannels() == to.outChannels() && from.inHeight() == to.outHeight();
                shortcuts.add(same ? Shortcut.identity(first, last)
                        : new Shortcut(first, last, Shortcut.projectionBetween(from, to)));
                ch = out;
                hw = layers.get(last).outHeight();
            }
        }
        Layer last = layers.get(layers.size() - 1);
        layers.add(Layer.fc("fc", (int) last.outputElementsPerSample(), 1000));
        return Network.of("ResNet-" + depth, "He et al. 2016, " + depth + " layers with projection shortcuts where "
                + "the shape changes (built in)", layers, shortcuts, "built-in networks");
    }

    /** AccPar's generated ResNet-18, -34 or -50. */
    public static Network accpar(int depth) {
        List<Layer> layers = new ArrayList<>();
        layers.add(AccParReader.conv("cv1", square(3, 224), 7, square(64, 56), 4));
        int[] blocks = depth == 18 ? BASIC_18 : BLOCKS_34_50;
        int[] hws = {56, 28, 14, 7};
        for (int stage = 0; stage < 4; stage++) {
            int width = 64 << stage;
            int hw = hws[stage];
            String prefix = "cv" + (stage + 2);
            for (int block = 0; block < blocks[stage]; block++) {
                if (depth == 50) {
                    layers.add(AccParReader.conv(prefix + (layers.size() + 1), square(width, hw), 1, square(width, hw), 1));
                    layers.add(AccParReader.conv(prefix + (layers.size() + 1), square(width, hw), 3, square(width, hw), 1));
                    layers.add(AccParReader.conv(prefix + (layers.size() + 1), square(width, hw), 1, square(4 * width, hw), 1));
                } else {
                    layers.add(AccParReader.conv(prefix + (layers.size() + 1), square(width, hw), 3, square(width, hw), 1));
                    layers.add(AccParReader.conv(prefix + (layers.size() + 1), square(width, hw), 3, square(width, hw), 1));
                }
            }
        }
        layers.add(Layer.fc("fc", 2048, 1000));
        // the planner's shortcut into layer l comes from layer l - 2 (l - 3 for ResNet-50)
        List<Shortcut> shortcuts = new ArrayList<>();
        int span = depth == 50 ? 3 : 2;
        for (int l = span + 1; l < layers.size(); l += span) {
            shortcuts.add(Shortcut.identity(l - span, l - 1));
        }
        return Network.reference("AccPar-ResNet-" + depth, "AccPar's generated ResNet-" + depth
                + " (linghaosong/AccPar, gen_resnet)", layers, shortcuts, ACCPAR_NOTE, "built-in networks");
    }

    /** A square feature map of this many channels. */
    private static Layer.Shape square(int channels, int hw) {
        return new Layer.Shape(channels, hw, hw);
    }
}
