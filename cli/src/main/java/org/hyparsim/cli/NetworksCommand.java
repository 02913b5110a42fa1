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
@Command(name = "networks", mixinStandardHelpOptions = true,
        description = "List the built-in networks, or describe one (built-in or file: JSON/YAML, AccPar text, ONNX).")
public final class NetworksCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    DebugOption debug;

    @Mixin
    FormatOption output;

    @Option(names = "--describe", paramLabel = "NAME|FILE",
            description = "Print this network's layers as read: kind, shapes, weights and training MACs per layer, and totals.")
    String describe;

    @Override
    public Integer call() throws JsonProcessingException {
        PrintWriter out = spec.commandLine().getOut();
        boolean json = output.json();
        if (describe != null) {
            Network n = NetworkCatalog.resolve(describe, Path.of(""), "command line", "--describe");
            if (json) {
                out.println(RowCodec.json().writeValueAsString(NetworkDescription.json(n)));
            } else {
                NetworkDescription.text(out, n);
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
}
