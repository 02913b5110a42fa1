package org.hyparsim.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.hyparsim.results.charts.ChartSet;
import org.hyparsim.scenarios.sweep.SweepOutput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hypar-sim merge DIR... --out DIR}: joins the outputs of a sweep's shards. */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = "Join sweep shard outputs into exactly what one unsharded run writes.")
public final class MergeCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    DebugOption debug;

    @Parameters(paramLabel = "DIR", arity = "1..*", description = "Shard output directories.")
    List<Path> dirs;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where the merged results go.")
    Path out;

    @Option(names = "--force", description = "Write into --out even where it holds another kind of result.")
    boolean force;

    @Override
    public Integer call() throws Exception {
        OutputDir.check(out, "--out");
        SweepOutput.Merged m = SweepOutput.merge(dirs);
        List<Path> charts;
        try (var lock = OutputDir.claim(out, "--out", OutputDir.Kind.SWEEP, force, "merge")) {
            SweepOutput.write(out, m.identity(), m.rows(), null, null);
            charts = ChartSet.drawFromResults(out);
        }
        spec.commandLine().getOut().printf("Merged %d directories: %d points, %d rows, %d chart files in %s%n",
                dirs.size(), m.identity().points(), m.rows().size(), charts.size(), out);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
