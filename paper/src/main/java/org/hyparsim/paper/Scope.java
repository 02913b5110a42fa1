package org.hyparsim.paper;

import java.util.List;
import org.hyparsim.core.workload.Network;
import org.hyparsim.input.networks.NetworkCatalog;

/**
 * Which networks, array sizes and link bandwidths each section runs, as data: the whole evaluation
 * ({@link #FULL}) or the quick subset ({@link #QUICK}).
 *
 * @param paperNetworks Figs. 5 to 8 and 12 (in the catalog's order)
 * @param hmcNetworks the hmc-rs section (in the catalog's order)
 * @param scalabilitySizes Fig. 11's array sizes
 * @param flip where dp's communication shows: networks, array sizes, link bandwidths (GB/s)
 * @param accpar AccPar's section: networks and array sizes
 * @param timed the timed section: networks, array sizes, link bandwidths (GB/s)
 * @param mixedNetworks the timed section's mixed array
 * @param scalingNetworks validation: data parallelism from 1 to {@link #ARRAY} accelerators
 */
public record Scope(boolean quick, List<String> paperNetworks, List<String> hmcNetworks, List<Integer> scalabilitySizes,
        Axes flip, Axes accpar, Axes timed, List<String> mixedNetworks, List<String> scalingNetworks) {
    /** The array size of every figure that does not vary it. */
    public static final int ARRAY = 16;

    /** A section's networks, array sizes and link bandwidths (GB/s; empty where the profile's own). */
    public record Axes(List<String> networks, List<Integer> sizes, List<Double> bandwidthsGBps) {
        /** The largest array size. */
        public int largest() {
            return sizes.get(sizes.size() - 1);
        }
    }

    public static final Scope FULL = new Scope(false,
            NetworkCatalog.paperNetworks().stream().map(Network::name).toList(),
            NetworkCatalog.paperNetworks().stream().map(Network::name).toList(),
            List.of(1, 2, 4, 8, 16, 32, 64),
            new Axes(List.of("VGG-A", "VGG-E"), List.of(16, 32, 64, 128, 256),
                    List.of(120.0, 60.0, 30.0, 15.0, 7.5, 3.75, 1.875)),
            new Axes(List.of("AccPar-AlexNet", "AccPar-VGG-11", "ResNet-18", "ResNet-34", "ResNet-50"),
                    List.of(2, 4, 8, 16), List.of()),
            new Axes(List.of("Lenet-c", "AlexNet", "VGG-A"), List.of(16, 64), List.of(3.0, 30.0)),
            List.of("VGG-A", "VGG-E"), List.of("VGG-A", "VGG-E"));

    public static final Scope QUICK = new Scope(true,
            List.of("Lenet-c", "Cifar-c", "AlexNet", "VGG-A"),
            List.of("Lenet-c", "AlexNet", "VGG-A"),
            List.of(1, 2, 4, 8, 16),
            new Axes(List.of("VGG-A"), List.of(16, 32, 64), List.of(30.0, 7.5, 1.875)),
            new Axes(List.of("AccPar-AlexNet", "ResNet-18"), List.of(2, 16), List.of()),
            new Axes(List.of("Lenet-c", "AlexNet"), List.of(16), List.of(3.0, 30.0)),
            List.of("VGG-A"), List.of("VGG-A"));

    public static Scope of(boolean quick) {
        return quick ? QUICK : FULL;
    }

    /** The paper's networks this scope shows, in the catalog's order. */
    public List<Network> networks() {
        return NetworkCatalog.paperNetworks().stream().filter(n -> paperNetworks.contains(n.name())).toList();
    }

    /** The networks of the hmc-rs section, in the catalog's order. */
    public List<Network> hmcRsNetworks() {
        return NetworkCatalog.paperNetworks().stream().filter(n -> hmcNetworks.contains(n.name())).toList();
    }

    /** A built-in network by name. */
    public static Network network(String name) {
        return NetworkCatalog.builtIn().get(name);
    }
}
