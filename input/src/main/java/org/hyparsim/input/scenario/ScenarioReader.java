package org.hyparsim.input.scenario;

import org.hyparsim.partition.planner.TimedPlanner;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.hyparsim.accel.AcceleratorProfile;
import org.hyparsim.core.Checks;
import org.hyparsim.core.InputException;
import org.hyparsim.core.Limits;
import org.hyparsim.core.Named;
import org.hyparsim.core.step.RunPhase;
import org.hyparsim.core.step.Schedule;
import org.hyparsim.core.workload.Network;
import org.hyparsim.core.kind.LinkModel;
import org.hyparsim.noc.LinkPerturbation;
import org.hyparsim.core.kind.TopologyKind;
import org.hyparsim.partition.Accounting;
import org.hyparsim.partition.ArrayHierarchy;
import org.hyparsim.partition.Plan;
import org.hyparsim.partition.StepBuilder;
import org.hyparsim.partition.memory.FitPolicy;
import org.hyparsim.partition.memory.MemorySettings;
import org.hyparsim.partition.memory.Optimizer;
import org.hyparsim.partition.memory.Precision;
import org.hyparsim.partition.memory.Recompute;
import org.hyparsim.core.kind.CollectiveAlgorithm;
import org.hyparsim.partition.planner.ExhaustivePlanner;
import org.hyparsim.partition.planner.FilePlanner;
import org.hyparsim.partition.planner.Strategy;
import org.hyparsim.core.kind.StrategyKind;
import org.hyparsim.input.io.Json;
import org.hyparsim.input.networks.NetworkCatalog;
import org.hyparsim.input.networks.NetworkSpec;
import org.hyparsim.input.networks.PlanFile;
import org.hyparsim.noc.SymmetricInterconnect;

/**
 * Reads a scenario file (YAML or JSON) into a checked {@link Scenario}: the network, the array
 * and its hardware, the schedule and the strategies, each resolved once into model objects.
 * Every problem is reported at once, each with the file, the field path and the reason.
 */
public final class ScenarioReader {
    /** The strategies a scenario runs when it names none. */
    public static final List<StrategyKind> DEFAULT_STRATEGIES = List.of(StrategyKind.DP, StrategyKind.MP,
            StrategyKind.TRICK, StrategyKind.HYPAR);
    public static final int DEFAULT_ACCELERATORS = 16;
    /** The schedule a scenario runs when it names none. */
    public static final Schedule DEFAULT_SCHEDULE = Schedule.OVERLAP;
    public static final int MAX_ITERATIONS = 1000;

    private ScenarioReader() {
    }

    /** Reads and checks a scenario file, reporting every problem at once. */
    public static Scenario read(Path file) {
        ScenarioSpec spec = Json.read(file, ScenarioSpec.class);
        if (spec == null) {
            throw new InputException(file.toString(), "", "empty scenario");
        }
        if (spec.sweep() != null) {
            throw new InputException(file.toString(), "sweep", "this scenario has a sweep section: run it with "
                    + "'hypar-sim sweep " + file + " --out DIR'");
        }
        if (spec.workload() != null) {
            throw new InputException(file.toString(), "workload", "this scenario replays a Chakra trace: run it with "
                    + "'hypar-sim run " + file + "'");
        }
        return from(spec, file);
    }

    public static Scenario from(ScenarioSpec s, Path file) {
        String src = file.toString();
        List<InputException.Problem> problems = new ArrayList<>();
        Fields f = fields(s, file, problems);
        sizeProblems(f, src, problems);
        if (!problems.isEmpty()) {
            throw new InputException(problems);
        }
        ArrayConfig array = new ArrayConfig(f.accelerators().intValue(), f.topology().kind(), f.linkModel(), f.hardware(),
                f.collective(), f.groups(), f.symmetry(), s.linkModel() != null);
        unevenPlanProblems(f.strategies(), array, src, problems);
        if (!problems.isEmpty()) {
            throw new InputException(problems);
        }
        LinkPerturbation perturbation = PerturbReader.read(s, src, problems);
        if (!problems.isEmpty()) {
            throw new InputException(problems);
        }
        MemorySettings memory = memorySettings(s, src);
        return new Scenario(src, new Workload(f.network(), f.batch().intValue(), f.iterations().intValue(), f.phase(),
                memory), array, f.schedule(), f.strategies(), perturbation);
    }

    /**
     * The memory settings (optimizer, precision, recompute, fit), each defaulting to
     * {@link MemorySettings#DEFAULT}'s; null when the scenario states none of them.
     */
    static MemorySettings memorySettings(ScenarioSpec s, String src) {
        if (s.optimizer() == null && s.precision() == null && s.recompute() == null && s.fit() == null) {
            return null;
        }
        List<InputException.Problem> problems = new ArrayList<>();
        MemorySettings d = MemorySettings.DEFAULT;
        Optimizer optimizer = named(problems, src, "optimizer", Optimizer.class, s.optimizer(), d.optimizer());
        Precision precision = named(problems, src, "precision", Precision.class, s.precision(), d.precision());
        Recompute recompute = named(problems, src, "recompute", Recompute.class, s.recompute(), d.recompute());
        FitPolicy fit = named(problems, src, "fit", FitPolicy.class, s.fit(), d.fit());
        if (!problems.isEmpty()) {
            throw new InputException(problems);
        }
        return new MemorySettings(optimizer, precision, recompute, fit);
    }

    /** A scenario's fields, each resolved on its own; null where its problems were reported. */
    private record Fields(Network network, Long batch, Long accelerators, TopologySpec topology,
            List<HardwareGroup> groups, Hardware hardware, Schedule schedule, Long iterations, LinkModel linkModel,
            SymmetryMode symmetry, CollectiveAlgorithm collective, RunPhase phase, List<Strategy> strategies) {
    }

    /** Resolves every field, adding each problem to {@code problems} in the order of the fields. */
    private static Fields fields(ScenarioSpec s, Path file, List<InputException.Problem> problems) {
        String src = file.toString();
        Path base = file.toAbsolutePath().getParent();
        Network network = network(problems, s.network(), base, src);
        Long batch = integer(problems, src, "batch", s.batch(), Accounting.DEFAULT_BATCH, 1, Limits.maxBatch());
        Long accelerators = accelerators(problems, s.accelerators(), src);
        TopologySpec topo = collect(problems, () -> topology(s.topology(), base, src));
        boolean grouped = s.hardware() != null && s.hardware().isArray();
        List<HardwareGroup> groups = grouped
                ? collect(problems, () -> hardwareGroups(s.hardware(), base, src, accelerators)) : null;
        Hardware hardware = groups != null ? groups.get(0).hardware()
                : grouped ? null : collect(problems, () -> hardware(s.hardware(), base, src));
        if (hardware != null && topo != null) {
            hardware = topo.applyTo(hardware);
        }
        Schedule schedule = named(problems, src, "schedule", Schedule.class, s.schedule(), DEFAULT_SCHEDULE);
        Long iterations = integer(problems, src, "iterations", s.iterations(), 1, 1, MAX_ITERATIONS);
        LinkModel linkModel = named(problems, src, "linkModel", LinkModel.class, s.linkModel(),
                LinkModel.defaultFor(accelerators == null ? 1 : accelerators.intValue()));
        SymmetryMode symmetry = named(problems, src, "symmetry", SymmetryMode.class, s.symmetry(), SymmetryMode.DEFAULT);
        CollectiveAlgorithm collective = named(problems, src, "collective", CollectiveAlgorithm.class, s.collective(),
                hardware == null ? CollectiveAlgorithm.AUTO : hardware.profile().defaultCollective());
        RunPhase phase = named(problems, src, "phase", RunPhase.class, s.phase(), RunPhase.TRAINING);
        List<Strategy> strategies = strategies(problems, s, src, base, network, accelerators);
        return new Fields(network, batch, accelerators, topo, groups, hardware, schedule, iterations, linkModel, symmetry,
                collective, phase, strategies);
    }

    /** The network: a built-in name or a file path, or an inline {name, layers}. */
    private static Network network(List<InputException.Problem> problems, JsonNode n, Path base, String src) {
        if (n == null || n.isNull()) {
            problems.add(new InputException.Problem(src, "network", "missing: a built-in network name or a network file path"));
            return null;
        }
        if (n.isTextual()) {
            return collect(problems, () -> NetworkCatalog.resolve(n.asText(), base, src, "network"));
        }
        if (n.isObject()) {
            return collect(problems, () -> Json.convert(n, NetworkSpec.class, src, "network")
                    .toNetwork("inline", src, "network"));
        }
        problems.add(new InputException.Problem(src, "network", "wrong type: expected a network name, a file path or {name, layers}"));
        return null;
    }

    /** The number of accelerators, which the array's hierarchy must be able to hold. */
    private static Long accelerators(List<InputException.Problem> problems, JsonNode v, String src) {
        if (v != null && v.isIntegralNumber() && (!v.canConvertToLong() || v.asLong() < 1)) {
            problems.add(new InputException.Problem(src, "accelerators", ArrayHierarchy.problem(0)
                    .replaceFirst("got 0$", "got " + v)));
            return null;
        }
        Long accelerators = integer(problems, src, "accelerators", v, DEFAULT_ACCELERATORS, 1, Long.MAX_VALUE);
        if (accelerators != null && ArrayHierarchy.problem(accelerators) != null) {
            problems.add(new InputException.Problem(src, "accelerators", ArrayHierarchy.problem(accelerators)));
            return null;
        }
        return accelerators;
    }

    /** The member of a closed set a field names, its default when the field is absent. */
    private static <E extends Enum<E> & Named> E named(List<InputException.Problem> problems, String src, String path,
            Class<E> type, String name, E dflt) {
        return name == null ? dflt : collect(problems, () -> Named.require(type, name, src, path));
    }

    /** Problems of size once the fields are read: a step too large to build, too many H-tree levels, too long a run. */
    private static void sizeProblems(Fields f, String src, List<InputException.Problem> problems) {
        Long accelerators = f.accelerators();
        if (f.network() != null && accelerators != null && f.iterations() != null && f.collective() != null) {
            // a step that a symmetry may cut is built as a stream, never whole (ScenarioRunner)
            // (round robin's packets in chunks are replayed whole: SymmetricInterconnect.replays)
            boolean replays = f.hardware() == null ? f.linkModel().replaysBySymmetry()
                    : SymmetricInterconnect.replays(f.linkModel(), f.hardware().links().arbitration());
            boolean reducible = f.symmetry() != SymmetryMode.OFF && replays
                    && (f.groups() == null || f.groups().size() == 1);
            String tooBig = StepBuilder.sizeProblem(accelerators.intValue(), f.network().size(), f.iterations().intValue(),
                    f.collective(), reducible);
            if (tooBig != null) {
                problems.add(new InputException.Problem(src, "accelerators", tooBig));
            }
        }
        Hardware hardware = f.hardware();
        TopologySpec topo = f.topology();
        if (hardware != null && topo != null && accelerators != null && topo.kind() == TopologyKind.HTREE
                && hardware.links().htreeLevelBandwidthGBps().size() > Long.numberOfTrailingZeros(accelerators)) {
            problems.add(new InputException.Problem(src, topo.levelBandwidthGBps() != null ? "topology.levelBandwidthGBps"
                    : "hardware.htreeLevelBandwidthGBps", hardware.links().htreeLevelBandwidthGBps().size()
                    + " level bandwidths for an H tree of " + Long.numberOfTrailingZeros(accelerators) + " levels ("
                    + accelerators + " accelerators): give at most one per level"));
        }
        if (problems.isEmpty()) {
            List<AcceleratorProfile> profiles = f.groups() == null ? List.of()
                    : f.groups().stream().map(g -> g.hardware().accelerator()).toList();
            String tooLong = timeProblem(f.network(), f.batch().intValue(), accelerators.intValue(),
                    f.iterations().intValue(), hardware, profiles);
            if (tooLong != null) {
                problems.add(new InputException.Problem(src, "", tooLong));
            }
        }
    }

    /** A plan file that splits a level unevenly needs that level's halves each on one hardware group. */
    private static void unevenPlanProblems(List<Strategy> strategies, ArrayConfig array, String src,
            List<InputException.Problem> problems) {
        for (Strategy st : strategies) {
            if (st instanceof Strategy.FromFile f && f.plan().uneven() && array.heterogeneous()) {
                for (int h = 1; h <= f.plan().levels(); h++) {
                    boolean uneven = f.plan().ratios().get(h - 1).stream().anyMatch(r -> r != Plan.EVEN);
                    if (uneven && !array.halvesUniform(h)) {
                        problems.add(new InputException.Problem(src, "plan", "level " + h + " splits the layers unevenly "
                                + "but its halves mix hardware groups: the groups must split at that level's boundary "
                                + "(each half on one group) for an uneven split"));
                    }
                }
            }
        }
    }

    /**
     * Why a run could pass the simulated time the engine holds ({@link Limits#maxSimulatedSeconds()}),
     * or null: {@link SimulatedTimeBound} (one accelerator doing all the work as its compute model
     * times it, every operand over the slowest link twice per accelerator, a latency per task).
     */
    static String timeProblem(Network network, int batch, int accelerators, int iterations, Hardware hardware,
            List<AcceleratorProfile> profiles) {
        SimulatedTimeBound.Parts b = SimulatedTimeBound.of(network, batch, accelerators, iterations, hardware,
                profiles);
        if (b.totalSeconds() <= Limits.maxSimulatedSeconds()) {
            return null;
        }
        return String.format(Locale.ROOT, "a run could reach %.3g s of simulated time (compute and memory %.3g s, "
                + "links %.3g s, latencies %.3g s), more than the %.3g s the engine's clock holds "
                + "(system property %s): use faster hardware values or a smaller batch", b.totalSeconds(),
                b.computeSeconds(), b.linkSeconds(), b.latencySeconds(), Limits.maxSimulatedSeconds(),
                Limits.property("maxSimulatedSeconds"));
    }

    /**
     * Problems a run of the scenario would meet before it starts: an exhaustive search too large
     * to enumerate (a sweep records such a point as failed and goes on; run refuses it as input).
     */
    public static List<InputException.Problem> runProblems(Scenario s) {
        List<InputException.Problem> out = new ArrayList<>();
        for (int i = 0; i < s.strategies().size(); i++) {
            if (s.strategies().get(i).kind() == StrategyKind.EXHAUSTIVE) {
                int types = ((Strategy.Exhaustive) s.strategies().get(i)).partitionTypes();
                String tooMany = ExhaustivePlanner.sizeProblem(s.network().size(), s.levels(), types);
                if (tooMany != null) {
                    out.add(new InputException.Problem(s.source(), "strategies[" + i + "]", tooMany));
                }
            }
        }
        return out;
    }

    /** The strategies by name, a plan file read for "file", each checked against the network and array. */
    private static List<Strategy> strategies(List<InputException.Problem> problems, ScenarioSpec s, String src,
            Path base, Network network, Long accelerators) {
        List<String> names = s.strategies() == null ? DEFAULT_STRATEGIES.stream().map(StrategyKind::label).toList()
                : s.strategies();
        if (names.isEmpty()) {
            problems.add(new InputException.Problem(src, "strategies", "empty: name at least one strategy"));
        }
        Integer levels = accelerators == null ? null : Long.numberOfTrailingZeros(accelerators);
        int partitionTypes = partitionTypes(problems, s.partitionTypes(), src);
        int budget = planBudget(problems, s.planBudget(), src);
        List<Strategy> out = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String at = "strategies[" + i + "]";
            StrategyKind kind = StrategyKind.fromName(names.get(i)).orElse(null);
            if (kind == null) {
                problems.add(new InputException.Problem(src, at, "unknown strategy '" + names.get(i)
                        + "': expected one of " + String.join(", ", StrategyKind.plannerNames()) + " or file"));
            } else if (kind == StrategyKind.FILE) {
                if (s.plan() == null) {
                    problems.add(new InputException.Problem(src, "plan", "missing: strategy 'file' needs a plan file path"));
                } else if (network != null && accelerators != null) {
                    Network net = network;
                    long size = accelerators;
                    Path planFile = base.resolve(s.plan());
                    Plan plan = collect(problems, () -> PlanFile.read(planFile, net, size));
                    String misfit = plan == null || levels == null ? null : FilePlanner.problem(plan, net.size(), levels);
                    if (misfit != null) {
                        problems.add(new InputException.Problem(planFile.toString(), "plan", misfit));
                    } else if (plan != null) {
                        out.add(new Strategy.FromFile(plan));
                    }
                }
            } else if (kind == StrategyKind.TIMED) {
                out.add(new Strategy.Timed(budget));
            } else {
                out.add(Strategy.of(kind, partitionTypes));
            }
        }
        return out;
    }

    /** The partition types an exhaustive search enumerates: 2 (dp, mp) unless the file says 3. */
    private static int partitionTypes(List<InputException.Problem> problems, JsonNode pt, String src) {
        if (pt == null || pt.isNull()) {
            return 2;
        }
        if (pt.isIntegralNumber() && (pt.asInt() == 2 || pt.asInt() == 3)) {
            return pt.asInt();
        }
        problems.add(new InputException.Problem(src, "partitionTypes", "must be 2 (dp, mp) or 3 (dp, mp, mp-out), got "
                + pt));
        return 2;
    }

    /** The replays the timed planner may spend. */
    private static int planBudget(List<InputException.Problem> problems, JsonNode b, String src) {
        if (b == null || b.isNull()) {
            return Strategy.DEFAULT_TIMED_BUDGET;
        }
        int min = TimedPlanner.MIN_BUDGET;
        int max = TimedPlanner.MAX_BUDGET;
        if (b.isIntegralNumber() && b.asLong() >= min && b.asLong() <= max) {
            return b.asInt();
        }
        problems.add(new InputException.Problem(src, "planBudget", "must be a whole number of replays from " + min
                + " (the five baselines and the estimate's plan) to " + max + ", got " + b));
        return Strategy.DEFAULT_TIMED_BUDGET;
    }

    /**
     * Hardware groups: a list of {profile, overrides, count}, placed in accelerator order. The
     * counts add up to the array; every group shares the first group's links and energy per action
     * (they differ in compute: clock, PE array, memory).
     */
    static List<HardwareGroup> hardwareGroups(JsonNode list, Path base, String src, Long accelerators) {
        List<InputException.Problem> problems = new ArrayList<>();
        List<HardwareGroup> out = new ArrayList<>();
        long total = 0;
        if (list.isEmpty()) {
            throw new InputException(src, "hardware", "an empty list: give at least one group {profile, count}");
        }
        for (int i = 0; i < list.size(); i++) {
            String at = "hardware[" + i + "]";
            JsonNode g = list.get(i);
            if (!g.isObject()) {
                problems.add(new InputException.Problem(src, at, "wrong type: expected {profile: NAME, count: N, <field>: <value>}"));
                continue;
            }
            JsonNode count = g.get("count");
            if (count == null || !count.isIntegralNumber() || count.asLong() < 1 || count.asLong() > Integer.MAX_VALUE) {
                problems.add(new InputException.Problem(src, at + ".count", "missing or not a whole number of accelerators "
                        + "from 1: got " + count));
                continue;
            }
            ObjectNode rest = ((ObjectNode) g).deepCopy();
            rest.remove("count");
            Hardware hw;
            try {
                JsonNode profile = rest.get("profile");
                String name = profile == null ? BuiltInProfile.HMC_RS.label() : profile.asText();
                hw = HardwareReader.resolve(name, rest, src, at);
            } catch (InputException e) {
                problems.addAll(e.problems());
                continue;
            }
            if (!out.isEmpty()) {
                Hardware first = out.get(0).hardware();
                if (!first.links().equals(hw.links()) || !first.energy().equals(hw.energy())) {
                    problems.add(new InputException.Problem(src, at, "a group may differ from the first in compute "
                            + "(clock, PE array, memory), not in its links or its energy per action"));
                    continue;
                }
            }
            total += count.asLong();
            out.add(new HardwareGroup(hw, count.asInt()));
        }
        if (problems.isEmpty() && accelerators != null && total != accelerators) {
            problems.add(new InputException.Problem(src, "hardware", "the groups' counts add up to " + total
                    + " accelerators; the array has " + accelerators));
        }
        if (!problems.isEmpty()) {
            throw new InputException(problems);
        }
        return out;
    }

    /** Hardware: a profile name, a file holding {profile, overrides}, or an inline {profile, overrides}. */
    static Hardware hardware(JsonNode h, Path base, String src) {
        String source = src;
        String path = "hardware";
        if (h != null && h.isTextual() && BuiltInProfile.fromName(h.asText()).isEmpty() && isFileName(h.asText())) {
            Path f = base.resolve(h.asText());
            if (!Files.exists(f)) {
                throw new InputException(src, "hardware", "'" + h.asText() + "' is neither a hardware profile ("
                        + String.join(", ", BuiltInProfile.names()) + ") nor an existing file (looked for " + f + ")");
            }
            h = Json.readTree(f);
            source = f.toString();
            path = "";
        }
        if (h == null || h.isNull()) {
            return HardwareReader.builtIn(BuiltInProfile.HMC_RS);
        }
        if (h.isTextual()) {
            return HardwareReader.resolve(h.asText(), null, source, path);
        }
        if (h.isObject()) {
            JsonNode profile = h.get("profile");
            String name = profile == null ? BuiltInProfile.HMC_RS.label() : profile.asText();
            return HardwareReader.resolve(name, h, source, path);
        }
        throw new InputException(source, path.isEmpty() ? "" : path,
                "wrong type: expected a profile name, a file path or {profile: NAME, <field>: <value>, ...}");
    }

    static boolean isFileName(String s) {
        String l = s.toLowerCase(Locale.ROOT);
        return l.endsWith(".json") || l.endsWith(".yaml") || l.endsWith(".yml") || s.contains("/");
    }

    /** A topology: a name, a file holding {name, ...}, or an inline {name, ...}. */
    static TopologySpec topology(JsonNode t, Path base, String src) {
        if (t == null || t.isNull()) {
            return TopologySpec.named(TopologyKind.HTREE.label());
        }
        TopologySpec spec;
        String source = src;
        String path = "topology";
        if (t.isTextual() && TopologyKind.fromName(t.asText()).isEmpty() && isFileName(t.asText())) {
            Path f = base.resolve(t.asText());
            if (!Files.exists(f)) {
                throw new InputException(src, "topology", "'" + t.asText() + "' is neither a topology ("
                        + String.join(", ", TopologyKind.names()) + ") nor an existing file (looked for " + f + ")");
            }
            source = f.toString();
            path = "";
            spec = Json.read(f, TopologySpec.class);
        } else if (t.isTextual()) {
            spec = TopologySpec.named(t.asText());
        } else if (t.isObject()) {
            spec = Json.convert(t, TopologySpec.class, src, "topology");
        } else {
            throw new InputException(src, "topology", "wrong type: expected a topology name, a file path or {name, ...}");
        }
        String at = path.isEmpty() ? "" : path;
        String nameAt = spec == null || t.isTextual() && path.equals("topology") ? at : (at.isEmpty() ? "name" : at + ".name");
        if (spec == null || TopologyKind.fromName(spec.name()).isEmpty()) {
            throw new InputException(source, nameAt, Named.notOneOf(TopologyKind.class, spec == null ? null : spec.name()));
        }
        List<InputException.Problem> problems = new ArrayList<>();
        String prefix = at.isEmpty() ? "" : at + ".";
        for (Checks.Problem p : spec.problems()) {
            problems.add(new InputException.Problem(source, prefix + p.field(), p.reason()));
        }
        if (!problems.isEmpty()) {
            throw new InputException(problems);
        }
        return spec;
    }

    private static Long integer(List<InputException.Problem> problems, String src, String path, JsonNode v, long dflt,
            long min, long max) {
        if (v == null || v.isNull()) {
            return dflt;
        }
        if (!v.isIntegralNumber()) {
            problems.add(new InputException.Problem(src, path, "wrong type: expected a whole number, got " + v));
            return null;
        }
        if (!v.canConvertToLong() || v.asLong() < min || v.asLong() > max) {
            problems.add(new InputException.Problem(src, path, "must be from " + min + " to " + max + ", got " + v));
            return null;
        }
        return v.asLong();
    }

    private static <T> T collect(List<InputException.Problem> problems, Supplier<T> f) {
        try {
            return f.get();
        } catch (InputException e) {
            problems.addAll(e.problems());
            return null;
        }
    }
}
