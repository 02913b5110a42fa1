package org.hyparsim.input.networks;

import java.io.InputStream;
import java.io.UncheckedIOException;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hyparsim.core.InputException;
import org.hyparsim.core.workload.Network;
import org.hyparsim.input.io.Json;
import org.hyparsim.input.onnx.OnnxModelReader;

/**
 * The built-in networks (the ten of the paper, with their status notes, and AlexNet-standard)
 * and network files: the project's JSON/YAML format, and AccPar's text format.
 */
public final class NetworkCatalog {
    /** The bundled copy of the reference networks.json. */
    record PaperNetworks(@JsonProperty("_about") String about,
            @JsonProperty("networks") LinkedHashMap<String, NetworkSpec> networks) {
    }

    private static final List<String> PAPER = new ArrayList<>();
    private static final Map<String, Network> BUILT_IN = load();

    private NetworkCatalog() {
    }

    private static Map<String, Network> load() {
        Map<String, Network> out = new LinkedHashMap<>();
        PaperNetworks paper = Json.readResource("/networks/paper-networks.json", PaperNetworks.class);
        paper.networks().forEach((name, spec) -> {
            out.put(name, spec.toNetwork(name, "built-in networks", "networks." + name));
            PAPER.add(name);
        });
        NetworkSpec alex = Json.readResource("/networks/alexnet-standard.json", NetworkSpec.class);
        out.put(alex.name(), alex.toNetwork(alex.name(), "built-in networks", ""));
        PaperNetworks eyeriss = Json.readResource("/networks/eyeriss-networks.json", PaperNetworks.class);
        eyeriss.networks().forEach((name, spec) ->
                out.put(name, spec.toNetwork(name, "built-in networks", "networks." + name)));
        for (String[] f : new String[][] {{"AccPar-AlexNet", "Alexnet.txt"}, {"AccPar-VGG-11", "Vgg11.txt"}}) {
            Network n = AccParReader.parse(resourceText("/networks/accpar/" + f[1]), f[0], "built-in networks");
            out.put(f[0], new Network(f[0], "AccPar's networks/" + f[1] + " (linghaosong/AccPar), read as its planner "
                    + "reads it", n.layers(), n.shortcuts(), ""));
        }
        for (Network n : ResNets.all()) {
            out.put(n.name(), n);
        }
        for (Network n : Transformers.all()) {
            out.put(n.name(), n);
        }
        return Collections.unmodifiableMap(out);
    }

    /**
     * The built-in networks: the paper's ten in its order, then AlexNet-standard, Eyeriss's
     * reference networks, AccPar's two network files, the residual networks ({@link ResNets}) and the transformers
     * ({@link Transformers}).
     */
    public static Map<String, Network> builtIn() {
        return BUILT_IN;
    }

    private static String resourceText(String resource) {
        try (InputStream in = NetworkCatalog.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The ten networks evaluated in the paper. */
    public static List<Network> paperNetworks() {
        return PAPER.stream().map(BUILT_IN::get).toList();
    }

    /**
     * A built-in network by name (case-insensitive), or a network file; a relative path is
     * taken against {@code baseDir}.
     */
    public static Network resolve(String nameOrFile, Path baseDir, String source, String path) {
        if (nameOrFile == null || nameOrFile.isBlank()) {
            throw new InputException(source, path, "missing: a built-in network name or a network file");
        }
        for (Network n : BUILT_IN.values()) {
            if (n.name().equalsIgnoreCase(nameOrFile)) {
                return n;
            }
        }
        Path file = baseDir == null ? Path.of(nameOrFile) : baseDir.resolve(nameOrFile);
        if (!Files.exists(file)) {
            throw new InputException(source, path, "'" + nameOrFile + "' is neither a built-in network ("
                    + String.join(", ", BUILT_IN.keySet()) + ") nor an existing file"
                    + (baseDir == null ? "" : " (looked for " + file + ")"));
        }
        return readFile(file);
    }

    /** Reads a network file: an ONNX model (.onnx), AccPar text (starts with num_layers), else JSON or YAML. */
    public static Network readFile(Path file) {
        if (OnnxModelReader.isOnnx(file)) {
            return OnnxModelReader.read(file);
        }
        String source = file.toString();
        Json.checkSize(file);
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1); // a byte-order mark, accepted as in JSON and YAML
            }
        } catch (NoSuchFileException e) {
            throw new InputException(source, "", "no such file");
        } catch (IOException e) {
            throw new InputException(source, "", "cannot read: " + e.getMessage());
        }
        String base = file.getFileName().toString();
        int dot = base.lastIndexOf('.');
        String defaultName = dot > 0 ? base.substring(0, dot) : base;
        if (AccParReader.looksLikeAccPar(text)) {
            return AccParReader.parse(text, defaultName, source);
        }
        String lower = base.toLowerCase(Locale.ROOT);
        if (!(lower.endsWith(".json") || Json.isYaml(file))) {
            throw new InputException(source, "", "not a network file: expected .json, .yaml or .yml, or AccPar's text format starting with 'num_layers'");
        }
        NetworkSpec spec = Json.read(file, NetworkSpec.class);
        if (spec == null) {
            throw new InputException(source, "", "empty file");
        }
        return spec.toNetwork(defaultName, source, "");
    }
}
