package org.hyparsim.scenarios.scenario;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hyparsim.core.step.Interconnect;
import org.hyparsim.core.step.Replay;
import org.hyparsim.core.step.ComputeModel;
import org.hyparsim.core.step.EnergyParams;
import org.hyparsim.core.step.RepresentativeBuilder;
import org.hyparsim.core.step.XorSummary;
import org.hyparsim.core.step.StepSink;
import org.hyparsim.noc.LinkModel;
import org.hyparsim.noc.Symmetry;
import org.hyparsim.noc.SymmetricInterconnect;
import org.hyparsim.core.step.RunPhase;
import org.hyparsim.core.step.Schedule;
import org.hyparsim.core.step.StepResult;
import org.hyparsim.core.step.TrainingStep;
import org.hyparsim.noc.LinkProfile;
import org.hyparsim.noc.Topology;
import org.hyparsim.noc.TopologyFabric;
import org.hyparsim.partition.collective.Collectives;
import org.hyparsim.partition.Accounting;
import org.hyparsim.partition.CommunicationModel;
import org.hyparsim.partition.Plan;
import org.hyparsim.partition.StepBuilder;
import org.hyparsim.partition.planner.Strategy;
import org.hyparsim.results.PlanGrid;
import org.hyparsim.results.RunKey;
import org.hyparsim.results.RunRecord;

/** Runs a scenario: per strategy, plan, build the training step, replay it, check the invariants. */
public final class ScenarioRunner {
    private ScenarioRunner() {
    }

    public static List<RunRecord> run(Scenario s, boolean trace) {
        return run(s, trace, 1, strategy -> null);
    }

    /**
     * Every strategy's run, on up to {@code threads} threads, in the scenario's order (see
     * {@link #runAll}).
     */
    public static List<RunRecord> run(Scenario s, boolean trace, int threads,
            java.util.function.Function<Strategy, org.hyparsim.core.engine.EngineProgress> progress) {
        return runAll(List.of(s), trace, threads, progress).get(0);
    }

    /**
     * Every strategy's run of every scenario, on up to {@code threads} threads, by scenario in the
     * scenarios' order. Each thread works under the caller's deadline and tells {@code progress}'s
     * listener for its strategy (null: none); within a scenario a plan replays once however many
     * strategies choose it (a thread that asks for a plan another is replaying waits for it), so a
     * timed strategy reuses the baselines' replays as it does on one thread. Runs start from the
     * last listed: scenarios list the baselines first and the plans that mix parallelisms, the
     * longest replays, after them. A failure is the first in that order, as on one thread.
     */
    public static List<List<RunRecord>> runAll(List<Scenario> scenarios, boolean trace, int threads,
            java.util.function.Function<Strategy, org.hyparsim.core.engine.EngineProgress> progress) {
        List<java.util.function.Supplier<RunRecord>> tasks = new ArrayList<>();
        for (Scenario s : scenarios) {
            Map<Plan, StepResult> replays = new java.util.concurrent.ConcurrentHashMap<>();
            for (Strategy strategy : s.strategies()) {
                org.hyparsim.core.engine.EngineProgress listener = progress.apply(strategy);
                tasks.add(org.hyparsim.core.engine.Deadline.carried(() -> {
                    org.hyparsim.core.engine.EngineProgress before = org.hyparsim.core.engine.EngineProgress.CURRENT.get();
                    org.hyparsim.core.engine.EngineProgress.CURRENT.set(listener);
                    try {
                        return run(s, strategy, trace, replays);
                    } finally {
                        org.hyparsim.core.engine.EngineProgress.CURRENT.set(before);
                    }
                }));
            }
        }
        int n = Math.min(Math.max(1, threads), tasks.size());
        List<RunRecord> done = new ArrayList<>();
        if (n <= 1) {
            tasks.forEach(t -> done.add(t.get()));
            return byScenario(scenarios, done);
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(n, r -> {
            Thread t = new Thread(r, "run-strategy");
            t.setDaemon(true);
            return t;
        });
        try {
            List<java.util.concurrent.Future<RunRecord>> futures = new ArrayList<>(
                    java.util.Collections.nCopies(tasks.size(), null));
            for (int i = tasks.size() - 1; i >= 0; i--) {
                futures.set(i, pool.submit(tasks.get(i)::get));
            }
            for (java.util.concurrent.Future<RunRecord> f : futures) {
                done.add(f.get());
            }
            return byScenario(scenarios, done);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new org.hyparsim.core.engine.SimulationTimeoutException("the run was interrupted");
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** The runs, listed scenario after scenario, split back by scenario. */
    private static List<List<RunRecord>> byScenario(List<Scenario> scenarios, List<RunRecord> runs) {
        List<List<RunRecord>> out = new ArrayList<>();
        int i = 0;
        for (Scenario s : scenarios) {
            out.add(List.copyOf(runs.subList(i, i + s.strategies().size())));
            i += s.strategies().size();
        }
        return out;
    }

    /** What a run of this scenario under this strategy is asked, as results name it. */
    public static RunKey key(Scenario s, Strategy strategy) {
        ArrayConfig a = s.array();
        return new RunKey(s.network().name(), s.batch(), new RunKey.Array(a.accelerators(), a.topology(),
                a.hardwareLabel(), a.linkModel(), a.collective()), s.schedule(), s.workload().phase(), strategy.kind());
    }

    public static RunRecord run(Scenario s, Strategy strategy, boolean trace) {
        return run(s, strategy, trace, new HashMap<>());
    }

    /**
     * One strategy's run; {@code replays} holds the plans this scenario has replayed already (the
     * replay is deterministic), so a timed plan does not replay the baselines run before it again.
     */
    public static RunRecord run(Scenario s, Strategy strategy, boolean trace, Map<Plan, StepResult> replays) {
        CommunicationModel model = model(s);
        Plan plan;
        StepResult r;
        if (strategy instanceof Strategy.Timed timed) {
            org.hyparsim.scenarios.timed.TimedPlanner.Outcome o = new org.hyparsim.scenarios.timed.TimedPlanner(s, model)
                    .choose(timed.budget(), p -> replays.computeIfAbsent(p, k -> replay(s, model, k, false)));
            plan = o.plan();
            r = trace ? replay(s, model, plan, true) : o.result();
        } else {
            plan = strategy.planner().plan(model, s.levels());
            r = trace ? replay(s, model, plan, true) : replays.computeIfAbsent(plan, k -> replay(s, model, k, false));
        }
        double plannerBytes = model.evaluate(plan).totalBytes();
        return new RunRecord(key(s, strategy), PlanGrid.of(s.network().layerNames(), plan), plannerBytes,
                r, groups(s.array(), r));
    }

    /** The model a scenario plans with: the paper's accounting at the hardware's bytes per element, per phase. */
    public static CommunicationModel model(Scenario s) {
        CommunicationModel training = new CommunicationModel(s.network(),
                Accounting.hypar(s.batch()).withBytesPerElement(s.hardware().accelerator().memory().bytesPerElement()));
        return s.workload().phase() == RunPhase.INFERENCE ? training.inference() : training;
    }

    /** One plan replayed on the scenario's array, the invariants checked. */
    public static StepResult replay(Scenario s, CommunicationModel model, Plan plan, boolean trace) {
        Hardware hw = s.hardware();
        double plannerBytes = model.evaluate(plan).totalBytes();
        Topology topology = s.array().topology().create(s.accelerators(), hw.links());
        Collectives collectives = new Collectives(s.array().collective(), new TopologyFabric(topology), s.levels());
        StepResult r;
        try {
            r = buildAndReplay(s.accelerators(), s.iterations(), s.network().layerNames(),
                    b -> StepBuilder.fill(b, model, plan, s.iterations(), collectives), topology, s.array().linkModel(),
                    hw.links(), mayReduce(s.array()), computeModels(s.array()), hw.energy(), s.schedule(), trace);
        } catch (org.hyparsim.core.InputException e) {
            throw e.withSource(s.source()); // a step too large to hold, found as it was built
        }
        Invariants.check(r, plannerBytes, s.schedule());
        return r;
    }

    /**
     * A step, as {@code fill} adds its tasks, replayed on a topology, where {@code mayReduce} and
     * the links are flows ({@link SymmetryMode}): accelerator 0's share alone, built without the
     * whole graph, where the topology's regular symmetry maps the step onto itself; otherwise one
     * accelerator per orbit, also built without the whole graph (summaries in a first pass, the
     * share in a second), where a group of the topology's XOR automorphisms maps it onto itself;
     * built and replayed whole otherwise, within {@link org.hyparsim.core.Limits#maxTasks()}.
     */
    public static StepResult buildAndReplay(int accelerators, int iterations, List<String> layerNames,
            java.util.function.Consumer<StepSink> fill, Topology topology, LinkModel linkModel, LinkProfile links,
            boolean mayReduce, java.util.function.IntFunction<ComputeModel> models, EnergyParams energy,
            Schedule schedule, boolean trace) {
        // the replay holds only what it runs: a whole graph cut by orbits is dropped before the run
        return replayOf(accelerators, iterations, layerNames, fill, topology, linkModel, links, mayReduce, models,
                energy, schedule, trace).run();
    }

    private static Replay replayOf(int accelerators, int iterations, List<String> layerNames,
            java.util.function.Consumer<StepSink> fill, Topology topology, LinkModel linkModel, LinkProfile links,
            boolean mayReduce, java.util.function.IntFunction<ComputeModel> models, EnergyParams energy,
            Schedule schedule, boolean trace) {
        boolean reduce = mayReduce && linkModel == LinkModel.FLOW;
        int tasks = 1024; // room for the whole graph, its size where the summaries counted it
        if (reduce) {
            Symmetry symmetry = topology.symmetry();
            java.util.Optional<TrainingStep> reduced = symmetry == null ? java.util.Optional.empty()
                    : RepresentativeBuilder.of(accelerators, iterations, layerNames, symmetry.toOrigin(), fill);
            if (reduced.isPresent()) {
                return Replay.representative(reduced.get(), models.apply(0),
                        new SymmetricInterconnect(topology, symmetry), energy, schedule, trace);
            }
            if (topology.xorAutomorphisms().length > 0) {
                // summaries as the step is built find the XORs that may map it onto itself; built again, one
                // accelerator per orbit of the group they span is kept, the others checked against it
                XorSummary summary = new XorSummary(accelerators);
                fill.accept(summary);
                Symmetry xor = xorSymmetry(summary, topology);
                int wholeTasks = summary.size();
                summary = null;
                if (xor != null) {
                    // every accelerator of an orbit has as many tasks (the summaries compared their counts): the share
                    // is the step over the group's order, refused before it is built where it could not be held
                    checkHeld(wholeTasks, xor.order());
                    java.util.Optional<TrainingStep> byOrbit = byOrbits(accelerators, iterations, layerNames, xor,
                            wholeTasks, fill);
                    if (byOrbit.isPresent()) {
                        return Replay.representatives(byOrbit.get(), xor.order(), xor.representative(), models.apply(0),
                                new SymmetricInterconnect(topology, xor), energy, schedule, trace);
                    }
                }
                checkHeld(wholeTasks, 1);
                tasks = wholeTasks;
            }
        }
        TrainingStep.Builder b = new TrainingStep.Builder(accelerators, iterations, layerNames, tasks);
        fill.accept(b);
        return Replay.perAccelerator(b.build(), models, linkModel.create(topology, links), energy, schedule, trace);
    }

    /** The group of the topology's XOR automorphisms that the summaries say map the step onto itself; null where none but the identity. */
    static Symmetry xorSymmetry(XorSummary summary, Topology topology) {
        int[] invariant = summary.invariantMasks(Symmetry.span(Symmetry.basis(topology.xorAutomorphisms())));
        return invariant.length == 0 ? null : topology.xorSymmetry(invariant);
    }

    /** One accelerator per orbit of an XOR group, built directly; empty where the group does not map the step onto itself. */
    static java.util.Optional<TrainingStep> byOrbits(int accelerators, int iterations, List<String> layerNames,
            Symmetry xor, int tasks, java.util.function.Consumer<StepSink> fill) {
        return RepresentativeBuilder.of(accelerators, iterations, layerNames, xor.representative(), xor.toOrigin(),
                tasks, fill);
    }

    /**
     * Refuses a graph of more tasks than a replay may hold ({@link org.hyparsim.core.Limits#maxTasks()}):
     * the step's share by orbits of a group of {@code order} elements (the step over the order,
     * every accelerator of an orbit having as many tasks), or the whole step where {@code order} is 1.
     */
    private static void checkHeld(long tasks, int order) {
        long max = org.hyparsim.core.Limits.maxTasks();
        if (tasks / order <= max) {
            return;
        }
        String limit = "more than the limit of " + max + " tasks held in memory (system property "
                + org.hyparsim.core.Limits.property("maxTasks") + ")";
        throw new org.hyparsim.core.InputException(null, "accelerators", "the training step has " + tasks + " tasks, "
                + (order == 1 ? "and no symmetry of the topology that maps it onto itself to replay it by orbits: " + limit
                        : "and the symmetries of the topology that map it onto itself (a group of " + order + ") leave "
                                + tasks / order + " to replay by orbits, " + limit));
    }

    /** Whether the array lets a replay stand one accelerator for all: symmetry not off, one kind of hardware. */
    static boolean mayReduce(ArrayConfig array) {
        return array.symmetry() != SymmetryMode.OFF && !array.heterogeneous();
    }

    /** Each accelerator's compute model: one instance per hardware group. */
    public static java.util.function.IntFunction<org.hyparsim.core.step.ComputeModel> computeModels(ArrayConfig array) {
        List<org.hyparsim.core.step.ComputeModel> models = array.groups().stream()
                .map(g -> g.hardware().accelerator().newComputeModel()).toList();
        if (models.size() == 1) {
            org.hyparsim.core.step.ComputeModel only = models.get(0);
            return a -> only;
        }
        int[] groupOf = new int[array.accelerators()];
        for (int a = 0; a < groupOf.length; a++) {
            groupOf[a] = array.groupOf(a);
        }
        return a -> models.get(groupOf[a]);
    }

    /** Per hardware group of a heterogeneous array, its accelerators' busiest compute and stall; empty when uniform. */
    static List<RunRecord.GroupResult> groups(ArrayConfig array, StepResult r) {
        if (!array.heterogeneous() || r.busyComputeSeconds().isEmpty()) {
            return List.of();
        }
        List<RunRecord.GroupResult> out = new ArrayList<>();
        int first = 0;
        for (HardwareGroup g : array.groups()) {
            double compute = 0;
            double stall = 0;
            double busy = 0;
            for (int a = first; a < first + g.count(); a++) {
                double c = r.busyComputeSeconds().get(a);
                double m = r.busyStallSeconds().get(a);
                if (c + m > busy) {
                    busy = c + m;
                    compute = c;
                    stall = m;
                }
            }
            out.add(new RunRecord.GroupResult(g.hardware().label(), first, g.count(), compute, stall,
                    r.stepTimeSeconds() > 0 ? busy / r.stepTimeSeconds() : 0));
            first += g.count();
        }
        return out;
    }

    /** The array's interconnect: its topology over its links, in its link model. */
    public static Interconnect interconnect(ArrayConfig array) {
        LinkProfile links = array.hardware().links();
        return array.linkModel().create(array.topology().create(array.accelerators(), links), links);
    }

    /** Checks that hold at the end of every run; a violation fails the run. */
    static final class Invariants {
        private Invariants() {
        }

        static void check(StepResult r, double plannerBytes, Schedule schedule) {
            double tol = 1e-9 * Math.max(1, plannerBytes);
            if (Math.abs(r.bytesSent() - r.bytesReceived()) > tol) {
                fail("bytes sent " + r.bytesSent() + " != bytes received " + r.bytesReceived());
            }
            if (Math.abs(r.communicationBytes() - plannerBytes) > tol) {
                fail("replayed communication " + r.communicationBytes() + " B != planner's " + plannerBytes + " B");
            }
            // the components were summed over the whole step, the check task by task: two ways to one figure
            double byTasks = r.energy().byTasks();
            if (!Double.isFinite(byTasks) || Math.abs(byTasks - r.energyJoules()) > 1e-9 * Math.max(1e-12, byTasks)) {
                fail("energy accumulated task by task " + byTasks + " J != the components' total "
                        + r.energyJoules() + " J");
            }
            double computeBound = r.computeSeconds() + r.memoryStallSeconds();
            double linkBound = 0;
            for (Interconnect.LinkUsage u : r.links()) {
                linkBound = Math.max(linkBound, u.busyPs() * 1e-12 / r.iterations());
            }
            // serial runs compute and communication one after the other: their sum bounds it
            double bound = schedule == Schedule.SERIAL ? computeBound + linkBound : Math.max(computeBound, linkBound);
            if (r.stepTimeSeconds() < bound * (1 - 1e-9) - 1e-12) {
                fail("step time " + r.stepTimeSeconds() + " s is below its lower bound " + bound + " s");
            }
        }

        private static void fail(String what) {
            throw new IllegalStateException("invariant violated: " + what);
        }
    }
}
