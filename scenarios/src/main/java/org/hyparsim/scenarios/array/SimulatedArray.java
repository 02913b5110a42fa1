package org.hyparsim.scenarios.array;

import org.hyparsim.noc.Topologies;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import org.hyparsim.core.InputException;
import org.hyparsim.core.Limits;
import org.hyparsim.core.step.ComputeCost;
import org.hyparsim.core.step.ComputeModel;
import org.hyparsim.core.step.EnergyParams;
import org.hyparsim.core.step.Fabric;
import org.hyparsim.core.step.Replay;
import org.hyparsim.core.step.RepresentativeBuilder;
import org.hyparsim.core.step.Schedule;
import org.hyparsim.core.step.StepResult;
import org.hyparsim.core.step.StepSink;
import org.hyparsim.core.step.TrainingStep;
import org.hyparsim.core.step.XorSummary;
import org.hyparsim.core.kind.LinkModel;
import org.hyparsim.core.step.Interconnect;
import org.hyparsim.noc.LinkProfile;
import org.hyparsim.noc.LinkScaling;
import org.hyparsim.noc.SymmetricInterconnect;
import org.hyparsim.noc.Symmetry;
import org.hyparsim.noc.Topology;
import org.hyparsim.noc.TopologyFabric;
import org.hyparsim.core.kind.TopologyKind;
import org.hyparsim.core.kind.CollectiveAlgorithm;
import org.hyparsim.partition.collective.Collectives;
import org.hyparsim.input.scenario.ArrayConfig;
import org.hyparsim.input.scenario.SymmetryMode;

/**
 * The simulated array, assembled in one place from its typed values: the topology over its links,
 * the fabric the collectives route on, the collective algorithm, the link model, each
 * accelerator's compute model, the energy per action, the schedule and whether a replay may stand
 * one accelerator for its equivalents. Everything that replays asks it: the scenario runner (run,
 * sweep, reproduce), the collective benchmark, bench and, through the runner's port, the timed
 * planner.
 *
 * <p>The value is immutable and may be shared between threads. The parts that keep state while
 * they work (a topology's routes, the collectives' choices, the compute models' memo) are made
 * afresh for each use: {@link #wire()} for the fabric and collectives a step is built with,
 * {@link #replay} for the rest.
 */
public final class SimulatedArray {
    private final int accelerators;
    private final TopologyKind topology;
    private final LinkProfile links;
    private final LinkModel linkModel;
    /** Whether calendar-turns may stand in for the default's calendars ({@link #prepare}). */
    private final boolean mayTakeTurns;
    private final CollectiveAlgorithm collective;
    private final ComputeModels computeModels;
    private final EnergyParams energy;
    private final Schedule schedule;
    private final boolean mayReduce;
    private final LinkScaling scaling;

    /** Each accelerator's compute model, made afresh for each replay. */
    @FunctionalInterface
    public interface ComputeModels {
        IntFunction<ComputeModel> create();
    }

    /** One assembly's topology, and the fabric and collectives a step is built with over it. */
    public record Wiring(Topology topology, Fabric fabric, Collectives collectives) {
    }

    /**
     * The array's links and how they carry messages; {@code modelNamed}: whether the model was asked for
     * by name (else it is the default for the array's size, which calendar-turns may stand in for).
     */
    public record Links(TopologyKind topology, LinkProfile profile, LinkModel model, boolean modelNamed) {
        /** Links of a model asked for by name. */
        public Links(TopologyKind topology, LinkProfile profile, LinkModel model) {
            this(topology, profile, model, true);
        }
    }

    private SimulatedArray(int accelerators, Links l, CollectiveAlgorithm collective, ComputeModels computeModels,
            EnergyParams energy, Schedule schedule, boolean mayReduce) {
        this.accelerators = accelerators;
        this.topology = l.topology();
        this.links = l.profile();
        this.linkModel = l.model();
        this.mayTakeTurns = !l.modelNamed();
        this.collective = collective;
        this.computeModels = computeModels;
        this.energy = energy;
        this.schedule = schedule;
        this.mayReduce = mayReduce;
        this.scaling = LinkScaling.NONE;
    }

    private SimulatedArray(SimulatedArray base, LinkScaling scaling) {
        this.accelerators = base.accelerators;
        this.topology = base.topology;
        this.links = base.links;
        this.linkModel = base.linkModel;
        this.mayTakeTurns = base.mayTakeTurns;
        this.collective = base.collective;
        this.computeModels = base.computeModels;
        this.energy = base.energy;
        this.schedule = base.schedule;
        this.mayReduce = base.mayReduce;
        this.scaling = scaling;
    }

    /**
     * This array with its links' bandwidths scaled in every replay ({@link #scaled}); the fabric the
     * collectives plan on keeps the links as they are.
     */
    public SimulatedArray withScaling(LinkScaling linkScaling) {
        return new SimulatedArray(this, linkScaling);
    }

    /** A scenario's array under its schedule: every hardware group's compute model, its energy per action. */
    public static SimulatedArray of(ArrayConfig array, Schedule schedule) {
        boolean mayReduce = array.symmetry() != SymmetryMode.OFF && !array.heterogeneous();
        return new SimulatedArray(array.accelerators(),
                new Links(array.topology(), array.hardware().links(), array.linkModel(), array.linkModelNamed()),
                array.collective(),
                () -> computeModels(array), array.hardware().energy(), schedule, mayReduce);
    }

    /**
     * An array that only communicates (the collective benchmark): no compute, no energy, the
     * overlapped schedule, symmetry used where the link model allows it.
     */
    public static SimulatedArray communicationOnly(int accelerators, Links links, CollectiveAlgorithm collective) {
        ComputeModel none = w -> ComputeCost.timeOnly(0, 0);
        return new SimulatedArray(accelerators, links, collective, () -> a -> none, EnergyParams.macsAndLinks(0, 0),
                Schedule.OVERLAP, true);
    }

    public int accelerators() {
        return accelerators;
    }

    /** H, for 2^H accelerators. */
    public int levels() {
        return Integer.numberOfTrailingZeros(accelerators);
    }

    public Schedule schedule() {
        return schedule;
    }

    public LinkProfile links() {
        return links;
    }

    /**
     * Whether a replay on this array may stand accelerators for their equivalents: a uniform array
     * whose scenario allows it, links that replay by symmetry, and a topology with a regular symmetry
     * or XOR automorphisms (whether the step maps onto itself is known only as it is built).
     */
    public boolean mayReplayBySymmetry() {
        if (!mayReduce || !SymmetricInterconnect.replays(linkModel, links.arbitration())) {
            return false;
        }
        Topology t = Topologies.create(topology, accelerators, links);
        // the XORs first: listed in moments, where the regular symmetry's tables take longer than the topology
        return t.xorAutomorphisms().length > 0 || t.symmetry() != null;
    }

    /** A fresh topology over the links, its fabric and the collectives that route on it. */
    public Wiring wire() {
        Topology t = Topologies.create(topology, accelerators, links);
        Fabric fabric = new TopologyFabric(t);
        return new Wiring(t, fabric, new Collectives(collective, fabric, levels()));
    }

    /** Each accelerator's compute model, fresh instances. */
    public IntFunction<ComputeModel> computeModels() {
        return computeModels.create();
    }

    /** The step's tasks, as {@code fill} adds them, and what to call the step's layers. */
    public record Step(int iterations, List<String> layerNames, Consumer<StepSink> fill) {
    }

    /**
     * A step replayed on this array over {@code wiring}'s topology. Where the array may stand one
     * accelerator for others ({@link SymmetryMode}) and the links are flows, calendars or packets in chunks
     * first come, first served ({@link SymmetricInterconnect#replays}): accelerator
     * 0's share alone, built without the whole graph, where the topology's regular symmetry maps the
     * step onto itself; otherwise one accelerator per orbit, also built without the whole graph
     * (summaries in a first pass, the share in a second), where a group of the topology's XOR
     * automorphisms maps it onto itself; built and replayed whole otherwise, within
     * {@link Limits#maxTasks()}. First come, first served links (calendars, packets in chunks) take only a
     * group under which no link carries two copies of a message ({@link #exactGroup}); where none leaves a
     * share that can be held, the default's give way to calendars whose copies take turns
     * ({@link LinkModel#CALENDAR_TURNS}, exact under any group), and the result says so; those asked for
     * by name are refused there. Every replay by symmetry gives its links' whole replay.
     */
    public StepResult replay(Wiring wiring, Step step, boolean trace) {
        // the replay holds only what it runs: a whole graph cut by orbits is dropped before the run
        Prepared p = prepare(wiring, step, trace, linkModel);
        StepResult r = p.replay().run();
        if (p.turnsInstead() > 0) {
            r = r.withNote(turnsInstead(linkModel, p.turnsInstead()));
        }
        return wiring.collectives().ringsWithdrawn() ? r.withNote(ringsWithdrawn()) : r;
    }

    /** What a replay says where auto's rings were withdrawn from its step ({@link Limits#maxRingShareTasks()}). */
    static String ringsWithdrawn() {
        return String.format(Locale.ROOT, "auto's rings withdrawn: with them the share replayed by symmetry would pass "
                + "%,d tasks a step (system property %s), so hierarchical and the others instead", Limits.maxRingShareTasks(),
                Limits.property("maxRingShareTasks"));
    }

    /**
     * What a replay says where its calendars' copies took turns: {@code model}'s links (first come,
     * first served) would have replayed a share of {@code share} tasks.
     */
    static String turnsInstead(LinkModel model, long share) {
        return String.format(Locale.ROOT, "links: %s (messages of one rank reaching a link at one instant take turns): "
                + "%s links have no exact share under %,d tasks here (the least is %,d, system property %s)",
                LinkModel.CALENDAR_TURNS.label(), model.label(), Limits.maxTasks(), share, Limits.property("maxTasks"));
    }

    /** Why links asked for by name cannot replay a step here: the least share they replay exactly is too large. */
    private static InputException noExactShare(LinkModel model, long share) {
        return new InputException(null, "linkModel", String.format(Locale.ROOT, "%s links replay this step exactly only "
                + "on a share of %,d tasks, more than the limit of %,d held in memory (system property %s): leave "
                + "linkModel unset, or name %s, whose replay by symmetry is exact under any group", model.label(), share,
                Limits.maxTasks(), Limits.property("maxTasks"), LinkModel.CALENDAR_TURNS.label()));
    }

    /** The whole step's replay on this array over {@code wiring}'s topology, not yet run (no symmetry). */
    public Replay whole(Wiring wiring, TrainingStep step, boolean trace) {
        return whole(wiring, step, computeModels(), trace);
    }

    /** A whole step replayed on this array's links with other compute models (an imported trace's durations). */
    public Replay whole(Wiring wiring, TrainingStep step, IntFunction<ComputeModel> models, boolean trace) {
        return whole(wiring, step, models, linkModel, trace);
    }

    private Replay whole(Wiring wiring, TrainingStep step, IntFunction<ComputeModel> models, LinkModel model,
            boolean trace) {
        return Replay.perAccelerator(step, models, Topologies.interconnect(model, scaled(wiring.topology(), null),
                links), energy, schedule, trace);
    }

    /**
     * A replay ready to run, and where its calendars take turns in place of first come, first served
     * ones the share those would have replayed (0: they did not).
     */
    private record Prepared(Replay replay, long turnsInstead) {
        Prepared orTurnsInstead(long share) {
            return turnsInstead > 0 ? this : new Prepared(replay, share);
        }
    }

    private Prepared prepare(Wiring wiring, Step step, boolean trace, LinkModel model) {
        Topology t = wiring.topology();
        int tasks = 1024; // room for the whole graph, its size where the summaries counted it
        long turnsInstead = 0;
        if (mayReduce && SymmetricInterconnect.replays(model, links.arbitration())) {
            Symmetry symmetry = t.symmetry();
            boolean regular = symmetry != null && (model.replaysExactlyUnderAnyGroup() || SymmetricInterconnect.exact(symmetry));
            Optional<Replay> r = regular ? representative(t, symmetry, step, trace, model) : Optional.empty();
            if (r.isPresent()) {
                return new Prepared(r.get(), 0);
            }
            if (t.xorAutomorphisms().length > 0) {
                // summaries as the step is built find the XORs that may map it onto itself; built again, one
                // accelerator per orbit of the group they span is kept, the others checked against it
                XorSummary summary = new XorSummary(accelerators);
                step.fill().accept(summary);
                int[] invariant = invariantMasks(summary, t);
                int wholeTasks = summary.size();
                summary = null;
                Symmetry xor = invariant.length == 0 ? null : t.xorSymmetry(invariant);
                if (!model.replaysExactlyUnderAnyGroup() && xor != null && !SymmetricInterconnect.exact(xor)) {
                    Symmetry exact = exactGroup(t, invariant);
                    long share = wholeTasks / (exact == null ? 1 : exact.order());
                    if (share <= Limits.maxTasks()) {
                        xor = exact;
                    } else if (!mayTakeTurns) {
                        throw noExactShare(model, share);
                    } else {
                        // no exact group leaves a share that can be held: calendars whose copies take turns, exact
                        // under any group, by the regular symmetry where it maps the step onto itself, else by orbits
                        model = LinkModel.CALENDAR_TURNS;
                        turnsInstead = share;
                        r = symmetry != null ? representative(t, symmetry, step, trace, model) : Optional.empty();
                        if (r.isPresent()) {
                            return new Prepared(r.get(), share);
                        }
                    }
                }
                // per training step, so that replaying more steps does not change what auto chooses
                if (wholeTasks / (xor == null ? 1 : xor.order()) / step.iterations() > Limits.maxRingShareTasks()
                        && wiring.collectives().withdrawRings()) {
                    // rings keep fewer symmetries than hierarchical: the step again without them, a smaller share
                    return withoutRings(wiring, step, trace, model).orTurnsInstead(turnsInstead);
                }
                if (xor != null) {
                    // every accelerator of an orbit has as many tasks (the summaries compared their counts): the share
                    // is the step over the group's order, refused before it is built where it could not be held
                    checkHeld(wholeTasks, xor.order());
                    Optional<TrainingStep> byOrbit = byOrbits(accelerators, step, xor, wholeTasks);
                    if (byOrbit.isPresent()) {
                        return new Prepared(byOrbits(t, xor, byOrbit.get(), trace, model), turnsInstead);
                    }
                }
                checkHeld(wholeTasks, 1);
                tasks = wholeTasks;
            }
        }
        TrainingStep.Builder b = new TrainingStep.Builder(accelerators, step.iterations(), step.layerNames(), tasks);
        step.fill().accept(b);
        return new Prepared(whole(wiring, b.build(), computeModels(), model, trace), turnsInstead);
    }

    /**
     * The step again once auto's rings are withdrawn: by orbits of the widest group of the topology's
     * XORs the link model replays (the build checks that it maps the step onto itself, so no
     * summaries are gathered first), else as any step is.
     */
    private Prepared withoutRings(Wiring wiring, Step step, boolean trace, LinkModel model) {
        Topology t = wiring.topology();
        int[] all = Symmetry.span(Symmetry.basis(t.xorAutomorphisms()));
        Symmetry widest = model.replaysExactlyUnderAnyGroup() ? t.xorSymmetry(all) : exactGroup(t, all);
        if (widest != null) {
            Optional<TrainingStep> byOrbit = byOrbits(accelerators, step, widest, 1024);
            if (byOrbit.isPresent()) {
                return new Prepared(byOrbits(t, widest, byOrbit.get(), trace, model), 0);
            }
        }
        return prepare(wiring, step, trace, model);
    }

    /** The replay of one accelerator per orbit of {@code xor}: {@code share}, on the quotient's links. */
    private Replay byOrbits(Topology t, Symmetry xor, TrainingStep share, boolean trace, LinkModel model) {
        return Replay.representatives(share, xor.order(), xor.representative(), computeModels().apply(0),
                symmetric(t, xor, model), energy, schedule, trace);
    }

    /**
     * The replay's links: the topology's, scaled by this array's {@link LinkScaling} alike on every
     * orbit of {@code orbits} (the replay's symmetry; null: it is whole).
     */
    private Topology scaled(Topology t, Symmetry orbits) {
        return LinkScaling.apply(scaling, t, orbits);
    }

    /** Accelerator 0's share alone, where the topology's regular symmetry maps the step onto itself. */
    private Optional<Replay> representative(Topology t, Symmetry symmetry, Step step, boolean trace,
            LinkModel model) {
        return RepresentativeBuilder.of(accelerators, step.iterations(), step.layerNames(), symmetry.toOrigin(),
                step.fill()).map(reduced -> Replay.representative(reduced, computeModels().apply(0),
                        symmetric(t, symmetry, model), energy, schedule, trace));
    }

    /** The link model on the quotient of a symmetry. */
    private Interconnect symmetric(Topology t, Symmetry s, LinkModel model) {
        return new SymmetricInterconnect(scaled(t, s), s, model, links.packetBytes(), links.arbitration());
    }

    /**
     * A group first come, first served links replay exactly: a subgroup of the span of the invariant masks under
     * which no link carries two copies of a message, grown greedily from the span's basis (leading
     * bits highest first); null where none but the identity.
     */
    static Symmetry exactGroup(Topology t, int[] invariant) {
        int[] chosen = new int[0];
        Symmetry best = null;
        for (int m : Symmetry.basis(invariant)) {
            int[] tried = Arrays.copyOf(chosen, chosen.length + 1);
            tried[chosen.length] = m;
            Symmetry s = t.xorSymmetry(tried);
            if (s != null && SymmetricInterconnect.exact(s)) {
                chosen = tried;
                best = s;
            }
        }
        return best;
    }

    /** The masks of the topology's XOR automorphisms that the summaries say map the step onto itself. */
    private static int[] invariantMasks(XorSummary summary, Topology topology) {
        return summary.invariantMasks(Symmetry.span(Symmetry.basis(topology.xorAutomorphisms())));
    }

    /** The group of the topology's XOR automorphisms that the summaries say map the step onto itself; null where none but the identity. */
    public static Symmetry xorSymmetry(XorSummary summary, Topology topology) {
        int[] invariant = invariantMasks(summary, topology);
        return invariant.length == 0 ? null : topology.xorSymmetry(invariant);
    }

    /** One accelerator per orbit of an XOR group, built directly; empty where the group does not map the step onto itself. */
    public static Optional<TrainingStep> byOrbits(int accelerators, Step step, Symmetry xor, int tasks) {
        return RepresentativeBuilder.of(accelerators, step.iterations(), step.layerNames(), xor.representative(),
                xor.toOrigin(), tasks, step.fill());
    }

    /**
     * Refuses a graph of more tasks than a replay may hold ({@link Limits#maxTasks()}): the step's
     * share by orbits of a group of {@code order} elements (the step over the order, every
     * accelerator of an orbit having as many tasks), or the whole step where {@code order} is 1.
     */
    private static void checkHeld(long tasks, int order) {
        long max = Limits.maxTasks();
        if (tasks / order <= max) {
            return;
        }
        String limit = "more than the limit of " + max + " tasks held in memory (system property "
                + Limits.property("maxTasks") + ")";
        throw new InputException(null, "accelerators", "the training step has " + tasks + " tasks, "
                + (order == 1 ? "and no symmetry of the topology that maps it onto itself to replay it by orbits: " + limit
                        : "and the symmetries of the topology that map it onto itself (a group of " + order + ") leave "
                                + tasks / order + " to replay by orbits, " + limit));
    }

    /** Each accelerator's compute model: one instance per hardware group. */
    private static IntFunction<ComputeModel> computeModels(ArrayConfig array) {
        List<ComputeModel> models = array.groups().stream().map(g -> g.hardware().accelerator().newComputeModel())
                .toList();
        if (models.size() == 1) {
            ComputeModel only = models.get(0);
            return a -> only;
        }
        int[] groupOf = new int[array.accelerators()];
        for (int a = 0; a < groupOf.length; a++) {
            groupOf[a] = array.groupOf(a);
        }
        return a -> models.get(groupOf[a]);
    }
}
