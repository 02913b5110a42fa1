package org.hyparsim.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.hyparsim.core.Units;
import org.hyparsim.core.workload.Network;
import org.hyparsim.input.networks.NetworkCatalog;
import org.hyparsim.results.RowCodec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hypar-sim networks}: the built-in networks. */
@Command(name = "networks", mixinStandardHelpOptions = true,
        description = "List the built-in networks, or describe one (built-in or file: JSON/YAML, AccPar text, ONNX).")
public final class NetworksCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    DebugOption debug;

    @Mixin
    FormatOption format;

    @Option(names = "--describe", paramLabel = "NAME|FILE",
            description = "Print this network's layers as read: kind, shapes, weights and MACs per layer, and totals.")
    String describe;

    @Override
    public Integer call() throws JsonProcessingException {
        PrintWriter out = spec.commandLine().getOut();
        boolean json = format.json();
        if (describe != null) {
            Network n = NetworkCatalog.resolve(describe, null, "command line", "--describe");
            if (json) {
                out.println(RowCodec.json().writeValueAsString(NetworkDescription.json(n)));
            } else {
                NetworkDescription.text(out, n);
            }
            out.flush();
            return 0;
        }
        if (json) {
            out.println(RowCodec.json().writeValueAsString(NetworkCatalog.builtIn().values().stream()
                    .map(NetworkDescription::json).toList()));
            out.flush();
            return 0;
        }
        out.printf(Locale.ROOT, "%-20s %6s %9s %14s %22s  %s%n", "network", "layers", "shortcuts", "weights",
                "forward MACs/sample", "definition");
        for (Network n : NetworkCatalog.builtIn().values()) {
            String d = n.description();
            int cut = d.indexOf(" (");
            String shortD = d.length() > 70 ? d.substring(0, 67) + "..." : d;
            out.printf(Locale.ROOT, "%-20s %6d %9d %14s %22s  %s%n", n.name(), n.size(), n.shortcuts().size(),
                    String.format(Locale.ROOT, "%,d", n.weights()), String.format(Locale.ROOT, "%,d", n.forwardMacsPerSample()),
                    cut > 0 && cut < 70 ? d.substring(0, cut) : shortD);
            if (!n.note().isEmpty()) {
                out.printf(Locale.ROOT, "%-20s note: %s%n", "", n.note());
            }
        }
        out.flush();
        return 0;
    }
}
