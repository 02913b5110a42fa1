package org.hyparsim.results.chakra;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import org.hyparsim.results.AtomicFiles;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.hyparsim.core.kind.CollectiveAlgorithm;
import org.hyparsim.core.kind.TopologyKind;

/**
 * Writes an exported trace: {@code <name>.<rank>.et} per rank, the communicator groups JSON,
 * and ASTRA-sim's analytical-backend configurations where it can express the array (ring and
 * switch topologies; ring, halving-doubling and direct collectives), with a note saying what it
 * cannot.
 */
public final class ChakraFiles {
    /** Bytes in ASTRA-sim's GB (2^30). */
    private static final double ASTRA_GB = 1L << 30;
    /** ASTRA-sim's delay per message at an endpoint, ns (1: the least it takes; ours is 0). */
    public static final double ENDPOINT_DELAY_NS = 1;

    private ChakraFiles() {
    }

    /** The array as ASTRA-sim sees it: accelerators, topology, links and collective algorithm. */
    public record Array(int accelerators, TopologyKind topology, double bandwidthGBps, double latencyNs,
            CollectiveAlgorithm collective) {
    }

    /** Writes everything into {@code dir}; returns the files written, the notes on what is not expressed. */
    public static List<String> write(Path dir, String name, ChakraExport.Trace trace, Array array) {
        List<String> notes = new ArrayList<>();
        try {
            Files.createDirectories(dir);
            // an earlier export's ranks and configurations must not mix with this one's
            removeEarlier(dir, name);
            for (int r = 0; r < trace.ranks().size(); r++) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                EtCodec.write(bytes, trace.ranks().get(r));
                AtomicFiles.write(dir.resolve(name + "." + r + ".et"), bytes.toByteArray());
            }
            text(dir.resolve("groups.json"), groupsJson(trace.groups()));
            String topology = topology(array.topology());
            if (topology == null) {
                notes.add("network.yml: not written: ASTRA-sim's analytical backend has no " + array.topology().label()
                        + " topology (it has Ring, Switch and FullyConnected per dimension)");
            } else {
                text(dir.resolve("network.yml"), network(topology, array));
            }
            String algorithm = algorithm(array.collective());
            if (algorithm == null) {
                notes.add("system.json: the " + array.collective().label() + " collective has no ASTRA-sim equivalent: "
                        + "written as ring");
            }
            text(dir.resolve("system.json"), system(algorithm == null ? "ring" : algorithm));
            text(dir.resolve("remote_memory.json"), "{\n  \"memory-type\": \"NO_MEMORY_EXPANSION\"\n}\n");
            text(dir.resolve("NOTES.txt"), notes.isEmpty() ? "Every part of this array is expressed.\n"
                    : String.join("\n", notes) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return notes;
    }

    private static void text(Path file, String content) throws IOException {
        AtomicFiles.write(file, content);
    }

    /** Deletes an earlier export's rank files of this name and the configurations written beside them. */
    private static void removeEarlier(Path dir, String name) throws IOException {
        try (DirectoryStream<Path> old = Files.newDirectoryStream(dir, name + ".*.et")) {
            for (Path p : old) {
                String middle = p.getFileName().toString().substring(name.length() + 1);
                if (middle.matches("\\d+\\.et")) {
                    Files.delete(p);
                }
            }
        }
        for (String f : List.of("network.yml", "NOTES.txt")) {
            Files.deleteIfExists(dir.resolve(f));
        }
    }

    /** {"1": [0, 1], ...}: ASTRA-sim's --comm-group-configuration. */
    public static String groupsJson(Map<Integer, int[]> groups) {
        return groups.entrySet().stream().map(e -> "  \"" + e.getKey() + "\": ["
                + IntStream.of(e.getValue()).mapToObj(Integer::toString).collect(Collectors.joining(", ")) + "]")
                .collect(Collectors.joining(",\n", "{\n", groups.isEmpty() ? "}\n" : "\n}\n"));
    }

    private static String topology(TopologyKind kind) {
        return switch (kind) {
            case RING -> "Ring";
            case SWITCH -> "Switch";
            default -> null;
        };
    }

    private static String algorithm(CollectiveAlgorithm c) {
        return switch (c) {
            case RING -> "ring";
            case HALVING_DOUBLING -> "halvingDoubling";
            case DIRECT -> "direct";
            default -> null;
        };
    }

    private static String network(String topology, Array a) {
        return String.format(Locale.ROOT, "topology: [ %s ]%nnpus_count: [ %d ]%nbandwidth: [ %.6f ]%nlatency: [ %.1f ]%n",
                topology, a.accelerators(), a.bandwidthGBps() * 1e9 / ASTRA_GB, a.latencyNs());
    }

    private static String system(String algorithm) {
        String impl = "[\"" + algorithm + "\"]";
        return "{\n  \"scheduling-policy\": \"LIFO\",\n  \"endpoint-delay\": " + (int) ENDPOINT_DELAY_NS + ",\n"
                + "  \"active-chunks-per-dimension\": 1,\n  \"preferred-dataset-splits\": 1,\n"
                + "  \"all-reduce-implementation\": " + impl + ",\n  \"all-gather-implementation\": " + impl + ",\n"
                + "  \"reduce-scatter-implementation\": " + impl + ",\n  \"all-to-all-implementation\": " + impl + ",\n"
                + "  \"collective-optimization\": \"localBWAware\",\n  \"local-mem-bw\": 1000000,\n"
                + "  \"boost-mode\": 0,\n  \"roofline-enabled\": 0\n}\n";
    }
}
