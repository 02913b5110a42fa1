package org.hyparsim.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.hyparsim.core.workload.Layer;
import org.hyparsim.core.workload.Network;
import org.hyparsim.input.networks.NetworkCatalog;
import org.hyparsim.results.RowCodec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hypar-sim networks}: the built-in networks, each with its layers, parameters and
 * training MACs per sample (the matrix products of the forward, error and gradient phases on one
 * accelerator; the weight update and memory-bound operations apart); {@code --describe} lists
 * one network's layers.
 */
@Command(name = "networks", mixinStandardHelpOptions = true, description = "List the built-in networks, or describe one.")
public final class NetworksCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    DebugOption debug;

    @Mixin
    FormatOption output;

    @Option(names = "--describe", paramLabel = "NAME|FILE", description = "A built-in network or a network file: its layers.")
    String describe;

    @Override
    public Integer call() throws JsonProcessingException {
        PrintWriter out = spec.commandLine().getOut();
        boolean json = output.json();
        if (describe != null) {
            Network n = NetworkCatalog.resolve(describe, Path.of(""), "command line", "--describe");
            if (json) {
                out.println(RowCodec.json().writeValueAsString(describeJson(n)));
            } else {
                describeText(out, n);
            }
        } else if (json) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Network n : NetworkCatalog.builtIn().values()) {
                rows.add(summary(n));
            }
            out.println(RowCodec.json().writeValueAsString(rows));
        } else {
            listText(out);
        }
        out.flush();
        return 0;
    }

    /** One network's name, layer count, parameters and training MACs per sample. */
    static Map<String, Object> summary(Network n) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", n.name());
        m.put("layers", n.size());
        m.put("parameters", n.weights());
        m.put("trainingMacsPerSample", n.trainingMacsPerSample());
        return m;
    }

    private static void listText(PrintWriter out) {
        out.printf(Locale.ROOT, "%-20s %6s %9s %16s %26s  %s%n", "network", "layers", "shortcuts", "parameters",
                "training MACs/sample", "definition");
        for (Network n : NetworkCatalog.builtIn().values()) {
            String d = n.description();
            int cut = d.indexOf(" (");
            String shortD = d.length() > 70 ? d.substring(0, 67) + "..." : d;
            out.printf(Locale.ROOT, "%-20s %6d %9d %16s %26s  %s%n", n.name(), n.size(), n.shortcuts().size(),
                    String.format(Locale.ROOT, "%,d", n.weights()),
                    String.format(Locale.ROOT, "%,d", n.trainingMacsPerSample()),
                    cut > 0 && cut < 70 ? d.substring(0, cut) : shortD);
            if (!n.note().isEmpty()) {
                out.printf(Locale.ROOT, "%-20s note: %s%n", "", n.note());
            }
        }
    }

    /** A network's layers: name, kind, training MACs and weights per sample. */
    static Map<String, Object> describeJson(Network n) {
        Map<String, Object> m = summary(n);
        List<Map<String, Object>> layers = new ArrayList<>();
        for (Layer l : n.layers()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", l.name());
            row.put("kind", l.type().label());
            row.put("macs", l.trainingMacsPerSample());
            row.put("weights", l.parameters());
            layers.add(row);
        }
        m.put("layers", layers);
        return m;
    }

    private static void describeText(PrintWriter out, Network n) {
        out.printf(Locale.ROOT, "%s: %d layers, %,d parameters, %,d training MACs per sample%n", n.name(), n.size(),
                n.weights(), n.trainingMacsPerSample());
        out.printf(Locale.ROOT, "%-24s %-12s %24s %16s%n", "layer", "kind", "training MACs/sample", "weights");
        for (Layer l : n.layers()) {
            out.printf(Locale.ROOT, "%-24s %-12s %24s %16s%n", l.name(), l.type().label(),
                    String.format(Locale.ROOT, "%,d", l.trainingMacsPerSample()),
                    String.format(Locale.ROOT, "%,d", l.parameters()));
        }
    }
}
