package org.hyparsim.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.hyparsim.core.InputException;
import org.hyparsim.results.charts.ChartSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hypar-sim chart DIR}: redraws a sweep's charts from DIR/results.csv. */
@Command(name = "chart", mixinStandardHelpOptions = true, description = "Redraw the charts of a sweep from DIR/results.csv.")
public final class ChartCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    DebugOption debug;

    @Parameters(paramLabel = "DIR", description = "A sweep output directory.")
    Path dir;

    @Override
    public Integer call() throws Exception {
        if (!Files.exists(dir.resolve("results.csv"))) {
            throw new InputException(dir.toString(), "results.csv", "missing: not a sweep output directory");
        }
        ResultsCsvCheck.check(dir.resolve("results.csv"));
        List<Path> charts = ChartSet.drawFromResults(dir);
        spec.commandLine().getOut().printf("%d chart files in %s%n", charts.size(), dir);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
