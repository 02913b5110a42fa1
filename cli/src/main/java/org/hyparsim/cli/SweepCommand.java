package org.hyparsim.cli;

import java.util.Map;
import java.util.TreeMap;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.hyparsim.core.InputException;
import org.hyparsim.results.RunRow;
import org.hyparsim.input.scenario.Sweep;
import org.hyparsim.results.charts.ChartSet;
import org.hyparsim.scenarios.sweep.Progress;
import org.hyparsim.scenarios.sweep.SweepJournal;
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

    @Option(names = "--out", paramLabel = "DIR",
            description = "Where the results go (default: results/ and the scenario file's name without its extension).")
    Path out;

    @Option(names = "--threads", paramLabel = "T", description = "Points run at once (default: all cores).")
    Integer threads;

    @Option(names = "--shard", paramLabel = "K/N",
            description = "Run only the points whose index mod N is K-1 (Slurm array or Kubernetes indexed jobs).")
    String shard;

    @Option(names = "--timeout", paramLabel = "SECONDS",
            description = "Wall-clock limit per point; a point past it is recorded as failed.")
    Double timeout;

    @Option(names = "--resume", description = "Continue an interrupted sweep in DIR: run only the points its journal lacks.")
    boolean resume;

    @Option(names = "--force", description = "Write into --out even where it holds another kind of result.")
    boolean force;

    @Override
    public Integer call() throws Exception {
        OutputDir.check(out, "--out");
        TimeoutOption.check(timeout);
        int t = ThreadsOption.resolve(threads, Runtime.getRuntime().availableProcessors());
        int[] kn = shard == null ? null : parseShard(shard);
        if (out == null) {
            String name = scenario.getFileName().toString().replaceFirst("\\.[^.]*$", "");
            out = Path.of("results", name);
            OutputDir.check(out, "--out");
        }
        Sweep sweep = Sweep.read(scenario);
        List<Integer> indices = new ArrayList<>();
        for (Sweep.Point p : sweep.points()) {
            if (kn == null || p.index() % kn[1] == kn[0] - 1) {
                indices.add(p.index());
            }
        }
        try (var lock = OutputDir.claim(out, "--out", OutputDir.Kind.SWEEP, force, "sweep")) {
            return run(sweep, indices, t, kn);
        }
    }

    private int run(Sweep sweep, List<Integer> indices, int t, int[] kn) throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        boolean terminal = System.console() != null && !"true".equalsIgnoreCase(System.getenv("CI"));
        SweepJournal journal = SweepJournal.open(out, SweepJournal.header(sweep.fingerprint(), shard, sweep.points().size()), resume);
        Map<Integer, List<RunRow>> byPoint = new TreeMap<>(journal.finished());
        List<Sweep.Point> points = new ArrayList<>();
        for (int i : indices) {
            if (!byPoint.containsKey(i)) {
                points.add(sweep.points().get(i));
            }
        }
        if (resume) {
            err.printf("resuming: %d of %d points already done, %d to run%n", indices.size() - points.size(),
                    indices.size(), points.size());
            err.flush();
        }
        SweepRunner.Outcome o;
        try {
            o = SweepRunner.run(points, t, new Progress(err, terminal), timeout == null ? 0 : timeout, journal);
        } finally {
            journal.close();
        }
        for (RunRow row : o.rows()) {
            byPoint.computeIfAbsent(row.point(), k -> new ArrayList<>()).add(row);
        }
        List<RunRow> rows = new ArrayList<>();
        int failedPoints = 0;
        for (List<RunRow> r : byPoint.values()) {
            rows.addAll(r);
            if (r.stream().anyMatch(x -> !x.ok())) {
                failedPoints++;
            }
        }
        SweepOutput.write(out, new SweepOutput.Identity(sweep.points().size(), sweep.axisNames(), sweep.fingerprint()),
                rows, shard, indices);
        journal.finish(failedPoints > 0);
        List<Path> charts = kn == null ? ChartSet.drawFromResults(out) : List.of();
        PrintWriter w = spec.commandLine().getOut();
        w.printf("%d of %d points run%s; %d failed. Results in %s (results.csv, results.json%s)%n", indices.size(),
                sweep.points().size(), shard == null ? "" : " (shard " + shard + ")", failedPoints, out,
                charts.isEmpty() ? "" : ", " + charts.size() + " chart files");
        w.flush();
        if (failedPoints > 0) {
            err.printf("%d point(s) failed (reasons above and in results.csv's error column); the journal is kept: "
                    + "run again with --resume to retry exactly them%n", failedPoints);
            err.flush();
        }
        return failedPoints > 0 ? HyparSimCommand.INTERNAL : 0;
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
