package org.hyparsim.cli;

import org.hyparsim.core.Limits;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.hyparsim.core.InputException;
import org.hyparsim.core.Named;
import org.hyparsim.core.Units;
import org.hyparsim.core.workload.Network;
import org.hyparsim.partition.Accounting;
import org.hyparsim.partition.ArrayHierarchy;
import org.hyparsim.partition.CommunicationCost;
import org.hyparsim.partition.CommunicationModel;
import org.hyparsim.core.kind.Parallelism;
import org.hyparsim.partition.Plan;
import org.hyparsim.partition.memory.FitPolicy;
import org.hyparsim.partition.memory.MemoryFootprint;
import org.hyparsim.partition.memory.MemorySettings;
import org.hyparsim.partition.memory.Optimizer;
import org.hyparsim.partition.memory.Precision;
import org.hyparsim.partition.memory.Recompute;
import org.hyparsim.partition.planner.ExhaustivePlanner;
import org.hyparsim.partition.planner.FilePlanner;
import org.hyparsim.partition.planner.Planner;
import org.hyparsim.partition.planner.Strategy;
import org.hyparsim.core.kind.StrategyKind;
import org.hyparsim.results.RowCodec;
import org.hyparsim.input.networks.NetworkCatalog;
import org.hyparsim.input.networks.PlanFile;
import org.hyparsim.input.scenario.HardwareReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hypar-sim plan}: the partition plan of a network on an array, and its communication. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Choose dp or mp per layer and level, and count the bytes exchanged per training step.")
public final class PlanCommand implements Callable<Integer> {
    private static final String CLI = "command line";

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    DebugOption debug;

    @Option(names = "--network", required = true, paramLabel = "NAME|FILE",
            description = "A built-in network (see 'hypar-sim networks') or a network file (JSON, YAML or AccPar text).")
    String network;

    @Option(names = "--accelerators", required = true, paramLabel = "N",
            description = "Accelerators in the array: a power of two from 1 to 65536.")
    long accelerators;

    @Option(names = "--batch", paramLabel = "B", description = "Samples per training step (default ${DEFAULT-VALUE}).",
            defaultValue = "" + Accounting.DEFAULT_BATCH)
    long batch;

    @Option(names = "--strategy", paramLabel = "S", defaultValue = "hypar",
            description = "dp, mp, trick, hypar, accpar, exhaustive or file (default ${DEFAULT-VALUE}).")
    String strategy;

    @Option(names = "--partition-types", paramLabel = "K", defaultValue = "2",
            description = "For --strategy exhaustive: 2 (dp, mp) or 3 (dp, mp, mp-out) (default ${DEFAULT-VALUE}).")
    int partitionTypes;

    @Option(names = "--plan-file", paramLabel = "FILE", description = "The plan for --strategy file (JSON).")
    Path planFile;

    @Option(names = "--accounting", paramLabel = "A", defaultValue = "hypar",
            description = "hypar (the paper's: 4 bytes per element, intra-layer x2) or accpar (element counts, x1).")
    String accounting;

    @Option(names = "--bytes-per-element", paramLabel = "E", description = "Overrides the accounting's bytes per element.")
    Double bytesPerElement;

    @Option(names = "--intra-multiplicity", paramLabel = "M", description = "Overrides the factor on intra-layer amounts.")
    Double intraMultiplicity;

    @Option(names = "--inter-multiplicity", paramLabel = "M", description = "Overrides the factor on inter-layer amounts.")
    Double interMultiplicity;

    @Option(names = "--optimizer", paramLabel = "O",
            description = "For the memory footprint: sgd, momentum or adam (default sgd, MemorySettings.DEFAULT's).")
    String optimizer;

    @Option(names = "--precision", paramLabel = "P",
            description = "For the memory footprint: fp32 or mixed (default fp32, MemorySettings.DEFAULT's).")
    String precision;

    @Option(names = "--recompute", paramLabel = "R",
            description = "For the memory footprint: none or full (default none, MemorySettings.DEFAULT's).")
    String recompute;

    @Option(names = "--hardware", paramLabel = "PROFILE", defaultValue = "hmc-rs",
            description = "The profile whose memory capacity the footprint is checked against (default ${DEFAULT-VALUE}).")
    String hardware;

    @Mixin
    FormatOption output;

    @Override
    public Integer call() throws JsonProcessingException {
        boolean json = output.json();
        String badSize = ArrayHierarchy.problem(accelerators);
        if (badSize != null) {
            throw new InputException(CLI, "--accelerators", badSize);
        }
        int levels = ArrayHierarchy.levels(accelerators);
        Accounting acc = accounting(accounting, batch, bytesPerElement, intraMultiplicity, interMultiplicity);
        Network net = NetworkCatalog.resolve(network, null, CLI, "--network");
        StrategyKind kind = StrategyKind.fromName(strategy).orElseThrow(() -> new InputException(CLI, "--strategy",
                "unknown strategy '" + strategy + "': expected one of " + String.join(", ", StrategyKind.plannerNames())
                        + " or file"));
        Strategy chosen;
        if (kind == StrategyKind.FILE) {
            if (planFile == null) {
                throw new InputException(CLI, "--plan-file", "--strategy file needs --plan-file FILE");
            }
            Plan given = PlanFile.read(planFile, net, accelerators);
            String misfit = FilePlanner.problem(given, net.size(), levels);
            if (misfit != null) {
                throw new InputException(planFile.toString(), "plan", misfit);
            }
            chosen = new Strategy.FromFile(given);
        } else {
            if (kind == StrategyKind.TIMED) {
                throw new InputException(CLI, "--strategy", "timed plans by simulated time on an array: name it in a "
                        + "scenario's strategies and use run or sweep");
            }
            if (partitionTypes != 2 && partitionTypes != 3) {
                throw new InputException(CLI, "--partition-types", "must be 2 (dp, mp) or 3 (dp, mp, mp-out), got "
                        + partitionTypes);
            }
            String tooMany = kind == StrategyKind.EXHAUSTIVE
                    ? ExhaustivePlanner.sizeProblem(net.size(), levels, partitionTypes) : null;
            if (tooMany != null) {
                throw new InputException(CLI, "--strategy", tooMany);
            }
            chosen = Strategy.of(kind, partitionTypes);
        }
        Planner planner = chosen.planner();
        CommunicationModel model = new CommunicationModel(net, acc);
        Plan plan = planner.plan(model, levels);
        CommunicationCost cost = model.evaluate(plan);
        MemorySettings settings = memorySettings();
        double peak = MemoryFootprint.peakBytes(plan, net, batch, settings);
        long capacity = HardwareReader.resolve(hardware, null, CLI, "--hardware").capacity().bytes();
        boolean fits = MemoryFootprint.fits(peak, capacity);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> m = json(net, acc, accelerators, planner.name(), plan, cost);
            m.put("peakMemoryBytes", Math.round(peak));
            m.put("capacityBytes", capacity);
            m.put("fits", fits);
            out.println(RowCodec.json().writeValueAsString(m));
        } else {
            out.print(text(net, acc, accelerators, planner.name(), plan, cost));
            out.print(MemoryLines.of(planner.name(), peak, capacity, fits, false, false));
        }
        out.flush();
        return 0;
    }

    /** The footprint's settings named on the command line, each refused with its option when unknown. */
    private MemorySettings memorySettings() {
        // unset options take the one set of defaults, MemorySettings.DEFAULT
        MemorySettings d = MemorySettings.DEFAULT;
        return new MemorySettings(optimizer == null ? d.optimizer() : Named.require(Optimizer.class, optimizer, CLI,
                "--optimizer"), precision == null ? d.precision() : Named.require(Precision.class, precision, CLI,
                "--precision"), recompute == null ? d.recompute() : Named.require(Recompute.class, recompute, CLI,
                "--recompute"), FitPolicy.REPORTED);
    }

    /** The accounting named on the command line, with its overrides, checked. */
    static Accounting accounting(String name, long batch, Double bpe, Double intra, Double inter) {
        long maxBatch = Limits.maxBatch();
        if (batch < 1 || batch > maxBatch) {
            throw new InputException(CLI, "--batch", "batch must be a whole number from 1 to " + maxBatch + ", got " + batch);
        }
        Accounting a = Accounting.byName(name, (int) batch).orElseThrow(() -> new InputException(CLI, "--accounting",
                "'" + name + "' is not hypar or accpar"));
        if (bpe != null) {
            if (!(bpe > 0) || bpe.isInfinite()) {
                throw new InputException(CLI, "--bytes-per-element", "must be a positive number, got " + bpe);
            }
            a = a.withBytesPerElement(bpe);
        }
        if (intra != null) {
            if (!(intra >= 0) || intra.isInfinite()) {
                throw new InputException(CLI, "--intra-multiplicity", "must be 0 or more, got " + intra);
            }
            a = a.withIntraMultiplicity(intra);
        }
        if (inter != null) {
            if (!(inter >= 0) || inter.isInfinite()) {
                throw new InputException(CLI, "--inter-multiplicity", "must be 0 or more, got " + inter);
            }
            a = a.withInterMultiplicity(inter);
        }
        return a;
    }

    static String unit(Accounting acc) {
        return acc.countsElements() ? "elements" : "bytes";
    }

    static Map<String, Object> json(Network net, Accounting acc, long accelerators, String strategy, Plan plan,
            CommunicationCost cost) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("network", net.name());
        m.put("batch", acc.batch());
        m.put("accelerators", accelerators);
        m.put("levels", plan.levels());
        m.put("strategy", strategy);
        m.put("accounting", acc.name());
        m.put("bytesPerElement", acc.bytesPerElement());
        m.put("intraMultiplicity", acc.intraMultiplicity());
        m.put("interMultiplicity", acc.interMultiplicity());
        m.put("unit", unit(acc));
        m.put("layers", net.layerNames());
        m.put("plan", plan.labels());
        List<Double> level = new ArrayList<>();
        for (double v : cost.levelBytes()) {
            level.add(v);
        }
        m.put("levelBytes", level);
        m.put("intraLayerBytes", cost.intraLayerBytes());
        m.put("interLayerBytes", cost.interLayerBytes());
        m.put("shortcutBytes", cost.shortcutBytes());
        m.put("communicationBytes", cost.totalBytes());
        return m;
    }

    /** Above this many layers the plan is printed a row per layer, not a row per level. */
    static final int WIDE_LAYERS = 30;

    /** A row per level, the layers across. */
    private static void byLevel(StringBuilder sb, List<String> names, Plan plan) {
        int first = Math.max(5, ("H" + plan.levels()).length() + 1);
        StringBuilder header = new StringBuilder(pad("", first));
        for (String n : names) {
            header.append(' ').append(n);
        }
        sb.append(header.toString().stripTrailing()).append('\n');
        for (int h = 1; h <= plan.levels(); h++) {
            StringBuilder row = new StringBuilder(pad("H" + h, first));
            for (int l = 0; l < names.size(); l++) {
                String mark = mark(plan.choice(h, l));
                row.append(' ').append(pad(mark, names.get(l).length()));
            }
            sb.append(row.toString().stripTrailing()).append('\n');
        }
    }

    /** A row per layer, the levels across (networks too long to read across). */
    private static void byLayer(StringBuilder sb, List<String> names, Plan plan) {
        int first = names.stream().mapToInt(String::length).max().orElse(5) + 1;
        StringBuilder header = new StringBuilder(pad("layer", first));
        for (int h = 1; h <= plan.levels(); h++) {
            header.append(' ').append(pad("H" + h, 3));
        }
        sb.append(header.toString().stripTrailing()).append('\n');
        for (int l = 0; l < names.size(); l++) {
            StringBuilder row = new StringBuilder(pad(names.get(l), first));
            for (int h = 1; h <= plan.levels(); h++) {
                row.append(' ').append(pad(mark(plan.choice(h, l)), 3));
            }
            sb.append(row.toString().stripTrailing()).append('\n');
        }
    }

    static String text(Network net, Accounting acc, long accelerators, String strategy, Plan plan,
            CommunicationCost cost) {
        StringBuilder sb = new StringBuilder();
        boolean elements = acc.countsElements();
        sb.append(String.format(Locale.ROOT, "%s, batch %d, %d accelerator%s (%d level%s), strategy %s, accounting %s%n",
                net.name(), acc.batch(), accelerators, accelerators == 1 ? "" : "s", plan.levels(),
                plan.levels() == 1 ? "" : "s", strategy, acc.name()));
        if (plan.levels() == 0) {
            sb.append("One accelerator: no levels, no communication.\n");
            return sb.toString();
        }
        sb.append('\n');
        List<String> names = net.layerNames();
        if (names.size() > WIDE_LAYERS) {
            byLayer(sb, names, plan);
        } else {
            byLevel(sb, names, plan);
        }
        sb.append("(dp: data parallelism, split the batch; MP: model parallelism, split the kernel by input channels"
                + (plan.usesThirdType() ? "; MO: mp-out, split the kernel by output channels" : "") + ")\n");
        if (net.residual()) {
            sb.append(net.shortcuts().size()).append(" shortcut(s), ").append(amount(cost.shortcutBytes(), elements))
                    .append(" of the inter-layer amount\n");
        }
        sb.append('\n');
        sb.append(String.format(Locale.ROOT, "%-6s %7s %14s%n", "level", "groups", elements ? "elements" : "bytes"));
        for (int h = 1; h <= plan.levels(); h++) {
            sb.append(String.format(Locale.ROOT, "%-6s %7d %14s%n", "H" + h, 1L << (h - 1),
                    amount(cost.levelBytes(h), elements)));
        }
        sb.append(String.format(Locale.ROOT, "%-6s %7s %14s  (intra-layer %s, inter-layer %s)%n", "total", "",
                amount(cost.totalBytes(), elements), amount(cost.intraLayerBytes(), elements),
                amount(cost.interLayerBytes(), elements)));
        return sb.toString();
    }

    /** A type's two-letter mark in the text grid. */
    static String mark(Parallelism p) {
        return switch (p) {
            case DP -> "dp";
            case MP -> "MP";
            case MP_OUT -> "MO";
        };
    }

    private static String amount(double v, boolean elements) {
        return elements ? Units.scaled(v, "elem") : Units.bytes(v);
    }

    private static String pad(String s, int width) {
        StringBuilder b = new StringBuilder(s);
        while (b.length() < width) {
            b.append(' ');
        }
        return b.toString();
    }
}
