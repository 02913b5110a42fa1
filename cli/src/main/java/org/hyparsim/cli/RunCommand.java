package org.hyparsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.hyparsim.core.InputException;
import org.hyparsim.core.Units;
import org.hyparsim.core.step.StepResult;
import org.hyparsim.results.AtomicFiles;
import org.hyparsim.results.ChromeTrace;
import org.hyparsim.results.Csv;
import org.hyparsim.partition.planner.StrategyKind;
import org.hyparsim.results.RowCodec;
import org.hyparsim.results.Rows;
import org.hyparsim.results.RunColumn;
import org.hyparsim.results.RunRecord;
import org.hyparsim.results.RunRow;
import org.hyparsim.scenarios.scenario.Scenario;
import org.hyparsim.scenarios.scenario.ScenarioReader;
import org.hyparsim.scenarios.scenario.ScenarioRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hypar-sim run SCENARIO}: replays a training step per strategy on the modelled array. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Replay training steps of a scenario's network under each strategy on the modelled array.")
public final class RunCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    DebugOption debug;

    @Parameters(paramLabel = "SCENARIO", description = "The scenario file (YAML or JSON).")
    Path scenario;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Write runs.json, summary.csv, layers.csv, links.csv and trace.json (Chrome trace) here.")
    Path out;

    @Mixin
    FormatOption output;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "Wall-clock limit for the whole run.")
    Double timeout;

    @Option(names = "--threads", paramLabel = "T",
            description = "Strategies run at once (default: all cores; one above " + PARALLEL_MAX_ACCELERATORS
                    + " accelerators).")
    Integer threads;

    /**
     * Above this many accelerators a run's strategies take one thread by default: a step of such an
     * array is built in gigabytes, and several at once could exhaust a heap that one fits (VGG-E's
     * four on a 1024-accelerator H tree at once peak at 1.8 GB resident, measured; larger arrays not).
     */
    static final int PARALLEL_MAX_ACCELERATORS = 1024;

    static int defaultThreads(Scenario s) {
        return s.accelerators() > PARALLEL_MAX_ACCELERATORS ? 1 : Runtime.getRuntime().availableProcessors();
    }

    @Override
    public Integer call() throws IOException {
        OutputDir.check(out, "--out");
        boolean json = output.json();
        TimeoutOption.check(timeout);
        Scenario s = ScenarioReader.read(scenario);
        List<InputException.Problem> refused = ScenarioReader.runProblems(s);
        if (!refused.isEmpty()) {
            throw new InputException(refused);
        }
        int t = ThreadsOption.resolve(threads, defaultThreads(s));
        RunProgress progress = new RunProgress(spec.commandLine().getErr(),
                System.console() != null && !"true".equalsIgnoreCase(System.getenv("CI")));
        java.util.function.Supplier<List<RunRecord>> all = () -> ScenarioRunner.run(s, out != null, t,
                strategy -> progress.of(strategy.kind().label()));
        List<RunRecord> runs;
        try {
            runs = timeout == null ? all.get() : org.hyparsim.core.engine.SimEngine.withDeadline(timeout, all);
        } finally {
            progress.finish();
        }
        PrintWriter w = spec.commandLine().getOut();
        String runsJson = runsJson(runs);
        if (out != null) {
            write(out, runs, runsJson);
        }
        if (json) {
            w.println(runsJson);
        } else {
            w.print(text(s, runs));
            if (out != null) {
                w.println("Results written to " + out);
            }
        }
        w.flush();
        return 0;
    }

    static String runsJson(List<RunRecord> runs) throws IOException {
        List<Map<String, Object>> list = new ArrayList<>();
        for (RunRecord r : runs) {
            list.add(Rows.json(r));
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("runs", list);
        return RowCodec.json().writeValueAsString(root);
    }

    static void write(Path dir, List<RunRecord> runs, String json) throws IOException {
        List<RunRow> summary = new ArrayList<>();
        List<Map<String, Object>> layers = new ArrayList<>();
        List<Map<String, Object>> links = new ArrayList<>();
        for (RunRecord r : runs) {
            summary.add(RunRow.of(r));
            layers.addAll(Rows.withRun(r, Rows.layers(r)));
            links.addAll(Rows.withRun(r, Rows.links(r)));
        }
        AtomicFiles.write(dir.resolve("runs.json"), json + "\n");
        AtomicFiles.write(dir.resolve("summary.csv"), RowCodec.csv(summary, RunColumn.summary()));
        AtomicFiles.write(dir.resolve("layers.csv"), Csv.of(layers));
        AtomicFiles.write(dir.resolve("links.csv"), Csv.of(links));
        AtomicFiles.write(dir.resolve("trace.json"), RowCodec.json().writeValueAsString(ChromeTrace.of(runs)));
    }

    static String text(Scenario s, List<RunRecord> runs) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%s, batch %d, %d accelerators, %s, hardware %s, schedule %s%n%n",
                s.network().name(), s.batch(), s.accelerators(), s.array().topology().label(), s.array().hardwareLabel(),
                s.schedule().label()));
        StepResult dp = runs.stream().filter(r -> r.key().strategy() == StrategyKind.DP).map(RunRecord::result)
                .findFirst().orElse(null);
        sb.append(String.format(Locale.ROOT, "%-10s %12s %9s %12s %12s %12s %12s %12s %12s %11s %9s%n", "strategy",
                "step time", "vs dp", "compute", "mem stall", "exposed comm", "comm bytes", "link bytes", "DRAM bytes",
                "energy", "events"));
        for (RunRecord r : runs) {
            StepResult x = r.result();
            String speedup = dp == null ? "" : Units.significant(dp.stepTimeSeconds() / x.stepTimeSeconds(), 3) + "x";
            sb.append(String.format(Locale.ROOT, "%-10s %12s %9s %12s %12s %12s %12s %12s %12s %11s %9d%n", r.key().strategy().label(),
                    seconds(x.stepTimeSeconds()), speedup,
                    seconds(x.computeSeconds()), seconds(x.memoryStallSeconds()), seconds(x.exposedCommunicationSeconds()),
                    Units.bytes(x.communicationBytes()), Units.bytes(x.linkBytes()), Units.bytes(x.dramBytes()),
                    joules(x.energyJoules()), x.events()));
            if (x.iterations() > 1) {
                sb.append(String.format(Locale.ROOT, "%-10s steady-state step time over %d steps: %s%n", "",
                        x.iterations(), seconds(x.steadyStepTimeSeconds())));
            }
        }
        sb.append("\nEnergy by component (J):\n");
        sb.append(String.format(Locale.ROOT, "%-10s %11s %11s %11s %11s %11s %11s %11s%n", "strategy", "mac",
                "reg. file", "array net", "glob. buf", "dram", "link", "static"));
        for (RunRecord r : runs) {
            StepResult.Energy e = r.result().energy();
            sb.append(String.format(Locale.ROOT, "%-10s %11.4g %11.4g %11.4g %11.4g %11.4g %11.4g %11.4g%n",
                    r.key().strategy().label(), e.mac(), e.registerFile(), e.arrayNetwork(), e.globalBuffer(), e.dram(),
                    e.link(), e.staticEnergy()));
        }
        if (runs.stream().anyMatch(r -> !r.groups().isEmpty())) {
            sb.append("\nHardware groups (the busiest accelerator of each):\n");
            sb.append(String.format(Locale.ROOT, "%-10s %-28s %12s %12s %12s %11s%n", "strategy", "group", "compute",
                    "mem stall", "busy", "utilisation"));
            for (RunRecord r : runs) {
                for (RunRecord.GroupResult g : r.groups()) {
                    sb.append(String.format(Locale.ROOT, "%-10s %-28s %12s %12s %12s %11s%n", r.key().strategy().label(),
                            g.hardware() + " A" + g.first() + "-A" + (g.first() + g.count() - 1), seconds(g.computeSeconds()),
                            seconds(g.memoryStallSeconds()), seconds(g.busySeconds()),
                            Units.significant(100 * g.utilisation(), 3) + "%"));
                }
            }
        }
        return sb.toString();
    }

    private static String seconds(double s) {
        if (s == 0) {
            return "0 s";
        }
        if (s >= 1) {
            return Units.significant(s, 4) + " s";
        }
        if (s >= 1e-3) {
            return Units.significant(s * 1e3, 4) + " ms";
        }
        if (s >= 1e-6) {
            return Units.significant(s * 1e6, 4) + " us";
        }
        return Units.significant(s * 1e9, 4) + " ns";
    }

    private static String joules(double j) {
        return j >= 1 ? Units.significant(j, 4) + " J" : Units.significant(j * 1e3, 4) + " mJ";
    }
}
