package org.hyparsim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.hyparsim.core.InputException;
import org.hyparsim.core.Named;
import org.hyparsim.core.kind.StrategyKind;
import org.hyparsim.input.scenario.Scenario;
import org.hyparsim.input.scenario.ScenarioReader;
import org.hyparsim.partition.planner.Strategy;
import org.hyparsim.results.chakra.ChakraExport;
import org.hyparsim.results.chakra.ChakraFiles;
import org.hyparsim.results.chakra.EtNode;
import org.hyparsim.scenarios.chakra.ChakraExporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hypar-sim export-chakra}: a scenario's training step as Chakra ET files and ASTRA-sim configurations. */
@Command(name = "export-chakra", mixinStandardHelpOptions = true,
        description = "Write the replayed training step of one strategy as Chakra execution traces (one per "
                + "accelerator), the communicator groups and ASTRA-sim's configurations (docs/INTEROP.md).")
public final class ExportChakraCommand implements Callable<Integer> {
    private static final String CLI = "command line";

    @Spec
    CommandSpec spec;

    @Mixin
    DebugOption debug;

    @Parameters(paramLabel = "SCENARIO", description = "The scenario file (YAML or JSON).")
    Path scenario;

    @Option(names = "--strategy", paramLabel = "S", required = true, description = "The strategy whose step is exported.")
    String strategy;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "The directory to write into.")
    Path out;

    @Option(names = "--force", description = "Write into an --out that holds another kind of result.")
    boolean force;

    @Option(names = "--collectives", paramLabel = "C", defaultValue = "as-nodes",
            description = "as-nodes (COMM_COLL nodes) or as-transfers (our algorithm's SEND/RECV pairs); default ${DEFAULT-VALUE}.")
    String collectives;

    @Override
    public Integer call() {
        ChakraExport.Collectives mode = Named.fromName(ChakraExport.Collectives.class, collectives).orElseThrow(() ->
                new InputException(CLI, "--collectives", "'" + collectives + "' is not one of "
                        + String.join(", ", Named.names(ChakraExport.Collectives.class))));
        Scenario s = ScenarioReader.read(scenario);
        StrategyKind kind = StrategyKind.fromName(strategy).orElseThrow(() -> new InputException(CLI, "--strategy",
                "unknown strategy '" + strategy + "': expected one of " + String.join(", ", StrategyKind.plannerNames())));
        Strategy chosen = ChakraExporter.strategy(s, kind, CLI, "--strategy");
        OutputDir.check(out, "--out");
        ChakraExport.Trace trace = ChakraExporter.export(s, chosen, mode);
        String name = scenarioName(scenario);
        List<String> notes;
        try (var lock = OutputDir.claim(out, "--out", OutputDir.Kind.CHAKRA, force, "export-chakra")) {
            notes = ChakraFiles.write(out, name, trace, ChakraExporter.array(s));
        }
        PrintWriter pw = spec.commandLine().getOut();
        long nodes = trace.ranks().stream().mapToLong(List::size).sum();
        pw.printf(Locale.ROOT, "%s: %d ranks, %d nodes (%s), %d communicator groups -> %s/%s.<rank>.et%n", name,
                trace.ranks().size(), nodes, mode.label(), trace.groups().size(), out, name);
        if (trace.droppedDependencies() > 0) {
            pw.printf(Locale.ROOT, "note: %d dependencies between tasks on different ranks have no Chakra node to "
                    + "carry them%n", trace.droppedDependencies());
        }
        List<EtNode> first = trace.ranks().get(0);
        pw.printf(Locale.ROOT, "rank 0: %d nodes%n", first.size());
        for (String n : notes) {
            pw.println("note: " + n);
        }
        pw.flush();
        return 0;
    }

    private static String scenarioName(Path file) {
        String base = file.getFileName().toString();
        int dot = base.lastIndexOf('.');
        return dot > 0 ? base.substring(0, dot) : base;
    }
}
