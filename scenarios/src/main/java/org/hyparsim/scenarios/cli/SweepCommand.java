package org.hyparsim.scenarios.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.hyparsim.core.InputException;
import org.hyparsim.scenarios.scenario.Sweep;
import org.hyparsim.scenarios.sweep.ChartSet;
import org.hyparsim.scenarios.sweep.Progress;
import org.hyparsim.scenarios.sweep.SweepOutput;
import org.hyparsim.scenarios.sweep.SweepRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hypar-sim sweep SCENARIO --out DIR}: every point of a scenario's sweep, in parallel. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = "Run every point of a scenario's sweep (its axes crossed) and write results.csv, results.json and charts.")
public final class SweepCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    DebugOption debug;

    @Parameters(paramLabel = "SCENARIO", description = "The scenario file (YAML or JSON) with a sweep section.")
    Path scenario;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where the results go.")
    Path out;

    @Option(names = "--threads", paramLabel = "T", description = "Points run at once (default: all cores).")
    Integer threads;

    @Option(names = "--shard", paramLabel = "K/N",
            description = "Run only the points whose index mod N is K-1 (Slurm array or Kubernetes indexed jobs).")
    String shard;

    @Override
    public Integer call() throws Exception {
        int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (t < 1 || t > 1024) {
            throw new InputException("command line", "--threads", "must be from 1 to 1024, got " + t);
        }
        int[] kn = shard == null ? null : parseShard(shard);
        Sweep sweep = Sweep.read(scenario);
        List<Sweep.Point> points = new ArrayList<>();
        List<Integer> indices = new ArrayList<>();
        for (Sweep.Point p : sweep.points()) {
            if (kn == null || p.index() % kn[1] == kn[0] - 1) {
                points.add(p);
                indices.add(p.index());
            }
        }
        PrintWriter err = spec.commandLine().getErr();
        boolean terminal = System.console() != null && !"true".equalsIgnoreCase(System.getenv("CI"));
        SweepRunner.Outcome o = SweepRunner.run(points, t, new Progress(err, terminal));
        SweepOutput.write(out, sweep.points().size(), sweep.axisNames(), o.rows(), shard, indices);
        List<Path> charts = kn == null ? ChartSet.drawFromResults(out) : List.of();
        PrintWriter w = spec.commandLine().getOut();
        w.printf("%d of %d points run%s; %d failed. Results in %s (results.csv, results.json%s)%n", o.pointsRun(),
                sweep.points().size(), shard == null ? "" : " (shard " + shard + ")", o.pointsFailed(), out,
                charts.isEmpty() ? "" : ", " + charts.size() + " chart files");
        w.flush();
        return o.pointsFailed() > 0 ? HyparSimCommand.INTERNAL : 0;
    }

    static int[] parseShard(String s) {
        String[] parts = s.split("/");
        try {
            if (parts.length == 2) {
                int k = Integer.parseInt(parts[0].trim());
                int n = Integer.parseInt(parts[1].trim());
                if (n >= 1 && k >= 1 && k <= n) {
                    return new int[] {k, n};
                }
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InputException("command line", "--shard", "expected K/N with 1 <= K <= N, got '" + s + "'");
    }
}
