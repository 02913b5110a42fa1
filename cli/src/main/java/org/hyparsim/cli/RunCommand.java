package org.hyparsim.cli;

import java.util.function.Supplier;
import org.hyparsim.core.engine.SimEngine;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import org.hyparsim.core.kind.CollectiveAlgorithm;
import org.hyparsim.partition.collective.Collectives;
import java.util.Map;
import java.util.concurrent.Callable;
import org.hyparsim.core.InputException;
import org.hyparsim.core.Units;
import org.hyparsim.core.step.StepResult;
import org.hyparsim.results.AtomicFiles;
import org.hyparsim.results.ChromeTrace;
import org.hyparsim.results.Csv;
import org.hyparsim.core.kind.StrategyKind;
import org.hyparsim.results.Column;
import org.hyparsim.results.RowCodec;
import org.hyparsim.results.Rows;
import org.hyparsim.results.RunColumn;
import org.hyparsim.results.RunRecord;
import org.hyparsim.results.RunRow;
import org.hyparsim.results.TextTable;
import org.hyparsim.results.Unit;
import org.hyparsim.input.scenario.Scenario;
import org.hyparsim.input.scenario.ChakraScenario;
import org.hyparsim.input.scenario.ScenarioReader;
import org.hyparsim.noc.LinkPerturbation;
import org.hyparsim.scenarios.run.ScenarioRunner;
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

    @Option(names = "--force", description = "Write into --out even where it holds another kind of result.")
    boolean force;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "Wall-clock limit for the whole run.")
    Double timeout;

    @Option(names = "--perturb", paramLabel = "R", description = "Also replay each run --samples times with each "
            + "link orbit's bandwidth (each link's where the replay is whole) scaled by a factor drawn from [1-R, 1+R]: "
            + "the median, minimum and maximum step time (0 <= R < 1).")
    Double perturb;

    @Option(names = "--samples", paramLabel = "K", description = "Perturbed replays per run (default: "
            + LinkPerturbation.DEFAULT_SAMPLES + ").")
    Integer samples;

    @Option(names = "--seed", paramLabel = "S", description = "The perturbations' seed (default: "
            + LinkPerturbation.DEFAULT_SEED + ").")
    Long seed;

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
        if (ChakraScenario.isChakra(scenario)) {
            if (perturb != null || samples != null || seed != null) {
                throw new InputException("command line", "--perturb", "a Chakra trace is replayed once: perturbed "
                        + "replays are for scenarios");
            }
            return ChakraRun.run(ChakraScenario.read(scenario), spec.commandLine().getOut(), json);
        }
        Scenario s = PerturbOption.apply(ScenarioReader.read(scenario), perturb, samples, seed);
        List<InputException.Problem> refused = ScenarioReader.runProblems(s);
        if (!refused.isEmpty()) {
            throw new InputException(refused);
        }
        int t = ThreadsOption.resolve(threads, defaultThreads(s));
        try (var lock = out == null ? null : OutputDir.claim(out, "--out", OutputDir.Kind.RUN, force, "run")) {
            return run(s, t, json);
        }
    }

    private int run(Scenario s, int t, boolean json) throws IOException {
        RunProgress progress = new RunProgress(spec.commandLine().getErr(),
                System.console() != null && !"true".equalsIgnoreCase(System.getenv("CI")));
        Supplier<List<RunRecord>> all = () -> ScenarioRunner.run(s, out != null, t,
                strategy -> progress.of(strategy.kind().label()));
        List<RunRecord> runs;
        try {
            runs = timeout == null ? all.get() : SimEngine.withDeadline(timeout, all);
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
        AtomicFiles.write(dir.resolve("summary.csv"), RowCodec.csv(summary,
                RunColumn.withSpread(RunColumn.summary(), RunColumn.anyPerturbed(summary))));
        AtomicFiles.write(dir.resolve("layers.csv"), Csv.of(layers));
        AtomicFiles.write(dir.resolve("links.csv"), Csv.of(links));
        AtomicFiles.write(dir.resolve("trace.json"), RowCodec.json().writeValueAsString(ChromeTrace.of(runs)));
    }

    static String text(Scenario s, List<RunRecord> runs) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%s, batch %d, %d accelerators, %s, hardware %s, schedule %s, %s links, %s "
                + "collectives%n", s.network().name(), s.batch(), s.accelerators(), s.array().topology().label(),
                s.array().hardwareLabel(), s.schedule().label(), s.array().linkModel().label(),
                s.array().collective().label()));
        int ringMembers = Collectives.autoRingMaxMembers(s.accelerators());
        if (s.array().collective() == CollectiveAlgorithm.AUTO && ringMembers < Collectives.AUTO_RING_MAX_MEMBERS) {
            sb.append(String.format(Locale.ROOT, "auto offers rings to groups of at most %d members at this size (at most "
                    + "%d transfers a collective); larger groups take the best of the other algorithms%n", ringMembers,
                    Collectives.AUTO_RING_MAX_TRANSFERS));
        }
        for (RunRecord r : runs) {
            for (String note : r.result().notes()) {
                sb.append(r.key().strategy().label()).append(": ").append(note).append(System.lineSeparator());
            }
        }
        sb.append(System.lineSeparator());
        StepResult dp = runs.stream().filter(r -> r.key().strategy() == StrategyKind.DP).map(RunRecord::result)
                .findFirst().orElse(null);
        TextTable<RunRow> summary = new TextTable<RunRow>().addLeft(RunColumn.STRATEGY, "strategy", 10)
                .add(RunColumn.STEP_TIME, "step time", 12)
                .add(Column.of("speedupOverDp", Unit.NONE, r -> dp == null ? ""
                        : Units.significant(dp.stepTimeSeconds() / r.times().stepTimeSeconds(), 3) + "x"), "vs dp", 9)
                .add(RunColumn.COMPUTE, "compute", 12).add(RunColumn.MEMORY_STALL, "mem stall", 12)
                .add(RunColumn.EXPOSED_COMMUNICATION, "exposed comm", 12)
                .add(RunColumn.COMMUNICATION_BYTES, "comm bytes", 12).add(RunColumn.LINK_BYTES, "link bytes", 12)
                .add(RunColumn.DRAM_BYTES, "DRAM bytes", 12).add(RunColumn.ENERGY, "energy", 11)
                .add(RunColumn.EVENTS, "events", 9);
        sb.append(summary.heading());
        for (RunRecord r : runs) {
            StepResult x = r.result();
            sb.append(summary.line(RunRow.of(r)));
            if (x.iterations() > 1) {
                sb.append(String.format(Locale.ROOT, "%-10s steady-state step time over %d steps: %s%n", "",
                        x.iterations(), Unit.seconds(x.steadyStepTimeSeconds())));
            }
        }
        if (s.perturbation() != null) {
            sb.append(perturbed(s, runs));
        }
        sb.append("\nEnergy by component (J):\n");
        TextTable<RunRow> energy = new TextTable<RunRow>().addLeft(RunColumn.STRATEGY, "strategy", 10);
        for (RunColumn c : RunColumn.values()) {
            c.component().ifPresent(k -> energy.add(c, k.heading(), 11, TextTable::fourDigits));
        }
        sb.append(energy.render(runs.stream().map(RunRow::of).toList()));
        if (runs.stream().anyMatch(r -> !r.groups().isEmpty())) {
            sb.append("\nHardware groups (the busiest accelerator of each):\n").append(groups(runs));
        }
        if (runs.stream().anyMatch(r -> r.memory() != null)) {
            sb.append("\nMemory (weights, gradients, optimizer state, activations kept):\n");
            for (RunRecord r : runs) {
                RunRecord.Memory m = r.memory();
                sb.append(MemoryLines.of(r.key().strategy().label(), m.peakMemoryBytes(), m.capacityBytes(), m.fits(),
                        m.required(), r.key().strategy() == StrategyKind.TIMED));
            }
        }
        return sb.toString();
    }

    /** The perturbed replays: how they were drawn, and each strategy's median, minimum and maximum step time. */
    private static String perturbed(Scenario s, List<RunRecord> runs) {
        LinkPerturbation p = s.perturbation();
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%nPerturbed replays (link model %s, seed %d): "
                + "%d per strategy, each link orbit's bandwidth (each link's where the replay is whole) times a factor "
                + "from [1 - %s, 1 + %s]%n", s.array().linkModel().label(), p.seed(), p.samples(),
                Units.significant(p.range(), 3), Units.significant(p.range(), 3)));
        TextTable<RunRow> t = new TextTable<RunRow>().addLeft(RunColumn.STRATEGY, "strategy", 10)
                .add(RunColumn.STEP_TIME, "unperturbed", 12).add(RunColumn.STEP_TIME_MEDIAN, "median", 12)
                .add(RunColumn.STEP_TIME_MIN, "min", 12).add(RunColumn.STEP_TIME_MAX, "max", 12)
                .add(Column.of("spread", Unit.NONE, r -> String.format(Locale.ROOT, "%.3g%%", 100
                        * (r.spread().stepTimeMaxSeconds() - r.spread().stepTimeMinSeconds())
                        / r.spread().stepTimeMedianSeconds())), "max-min", 10);
        return sb.append(t.render(runs.stream().map(RunRow::of).toList())).toString();
    }

    /** A hardware group of one strategy's run. */
    private record Group(StrategyKind strategy, RunRecord.GroupResult group) {
    }

    private static String groups(List<RunRecord> runs) {
        TextTable<Group> t = new TextTable<Group>()
                .addLeft(Column.of("strategy", Unit.NONE, g -> g.strategy().label()), "strategy", 10)
                .addLeft(Column.of("group", Unit.NONE, g -> g.group().hardware() + " A" + g.group().first() + "-A"
                        + (g.group().first() + g.group().count() - 1)), "group", 28)
                .add(Column.of("computeSeconds", Unit.SECONDS, g -> g.group().computeSeconds()), "compute", 12)
                .add(Column.of("memoryStallSeconds", Unit.SECONDS, g -> g.group().memoryStallSeconds()), "mem stall", 12)
                .add(Column.of("busySeconds", Unit.SECONDS, g -> g.group().busySeconds()), "busy", 12)
                .add(Column.of("utilisation", Unit.NONE, g -> Units.significant(100 * g.group().utilisation(), 3) + "%"),
                        "utilisation", 11);
        List<Group> rows = new ArrayList<>();
        for (RunRecord r : runs) {
            for (RunRecord.GroupResult g : r.groups()) {
                rows.add(new Group(r.key().strategy(), g));
            }
        }
        return t.render(rows);
    }
}
