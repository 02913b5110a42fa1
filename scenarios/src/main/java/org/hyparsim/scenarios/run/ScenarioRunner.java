package org.hyparsim.scenarios.run;

import org.hyparsim.input.scenario.Scenario;
import org.hyparsim.input.scenario.HardwareGroup;
import org.hyparsim.input.scenario.ArrayConfig;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.Supplier;
import org.hyparsim.core.InputException;
import org.hyparsim.core.engine.Deadline;
import org.hyparsim.core.engine.EngineProgress;
import org.hyparsim.core.engine.SimulationTimeoutException;
import org.hyparsim.core.step.ComputeModel;
import org.hyparsim.core.step.Fabric;
import org.hyparsim.core.step.Interconnect;
import org.hyparsim.core.step.RunPhase;
import org.hyparsim.core.step.Schedule;
import org.hyparsim.core.step.StepResult;
import org.hyparsim.noc.LinkPerturbation;
import org.hyparsim.noc.LinkScaling;
import org.hyparsim.partition.Accounting;
import org.hyparsim.partition.CommunicationModel;
import org.hyparsim.partition.Plan;
import org.hyparsim.partition.StepBuilder;
import org.hyparsim.partition.collective.Collectives;
import org.hyparsim.partition.memory.FitPolicy;
import org.hyparsim.partition.memory.MemoryFootprint;
import org.hyparsim.partition.memory.MemorySettings;
import org.hyparsim.partition.planner.ArrayPort;
import org.hyparsim.partition.planner.Strategy;
import org.hyparsim.partition.planner.TimedPlanner;
import org.hyparsim.results.PlanGrid;
import org.hyparsim.results.RunKey;
import org.hyparsim.results.RunRecord;
import org.hyparsim.scenarios.array.SimulatedArray;

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
            Function<Strategy, EngineProgress> progress) {
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
            Function<Strategy, EngineProgress> progress) {
        List<Supplier<RunRecord>> tasks = new ArrayList<>();
        for (Scenario s : scenarios) {
            Map<Plan, StepResult> replays = new ConcurrentHashMap<>();
            for (Strategy strategy : s.strategies()) {
                EngineProgress listener = progress.apply(strategy);
                tasks.add(Deadline.carried(() -> {
                    EngineProgress before = EngineProgress.CURRENT.get();
                    EngineProgress.CURRENT.set(listener);
                    try {
                        return run(s, strategy, trace, replays);
                    } finally {
                        EngineProgress.CURRENT.set(before);
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
        ExecutorService pool = Executors.newFixedThreadPool(n, r -> {
            Thread t = new Thread(r, "run-strategy");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<RunRecord>> futures = new ArrayList<>(
                    Collections.nCopies(tasks.size(), null));
            for (int i = tasks.size() - 1; i >= 0; i--) {
                futures.set(i, pool.submit(tasks.get(i)::get));
            }
            for (Future<RunRecord> f : futures) {
                done.add(f.get());
            }
            return byScenario(scenarios, done);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SimulationTimeoutException("the run was interrupted");
        } catch (ExecutionException e) {
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
        ArrayPort port = port(s, model, replays);
        Plan plan = strategy.planner(port).plan(model, s.levels());
        StepResult r = trace ? replay(s, model, plan, true) : port.replay(plan);
        double plannerBytes = model.evaluate(plan).totalBytes();
        RunRecord rec = new RunRecord(key(s, strategy), new PlanGrid(s.network().layerNames(), plan.rows(), plan.uneven() ? plan.ratios() : List.of()), plannerBytes,
                r, groups(s.array(), r));
        if (s.perturbation() != null) {
            rec = rec.withSpread(spread(s, model, plan));
        }
        return s.workload().reportsMemory() ? rec.withMemory(memory(s, plan)) : rec;
    }

    /**
     * The plan replayed once per sample of the scenario's perturbation, each link orbit's bandwidth
     * (each link's where the replay is whole) scaled by that sample's factor: the step times in the
     * samples' order.
     */
    public static RunRecord.Spread spread(Scenario s, CommunicationModel model, Plan plan) {
        LinkPerturbation p = s.perturbation();
        List<Double> times = new ArrayList<>();
        for (int k = 0; k < p.samples(); k++) {
            times.add(replay(s, model, plan, false, p.sample(k)).stepTimeSeconds());
        }
        return new RunRecord.Spread(p.range(), p.seed(), times);
    }

    /** A plan's memory footprint on the scenario's array against each accelerator's capacity. */
    public static RunRecord.Memory memory(Scenario s, Plan plan) {
        MemorySettings settings = s.workload().memorySettings();
        double peak = MemoryFootprint.peakBytes(plan, s.network(), s.batch(), settings);
        long capacity = capacityBytes(s);
        return new RunRecord.Memory(peak, capacity, MemoryFootprint.fits(peak, capacity),
                settings.fit() == FitPolicy.REQUIRED);
    }

    /** Each accelerator's capacity: the smallest of the array's hardware groups'. */
    static long capacityBytes(Scenario s) {
        return s.array().groups().stream().mapToLong(g -> g.hardware().capacity().bytes()).min()
                .orElse(s.hardware().capacity().bytes());
    }

    /** The model a scenario plans with: the paper's accounting at the hardware's bytes per element, per phase. */
    public static CommunicationModel model(Scenario s) {
        CommunicationModel training = new CommunicationModel(s.network(),
                Accounting.hypar(s.batch()).withBytesPerElement(s.hardware().accelerator().memory().bytesPerElement()));
        return s.workload().phase() == RunPhase.INFERENCE ? training.inference() : training;
    }

    /** The timed planner over the scenario's array, replaying afresh. */
    public static TimedPlanner timedPlanner(Scenario s) {
        CommunicationModel model = model(s);
        return new TimedPlanner(port(s, model, new HashMap<>()), model);
    }

    /**
     * The scenario's array as the planners that time their plans see it: its models, and replays
     * kept in {@code replays} (a plan replayed once however often it is asked for).
     */
    public static ArrayPort port(Scenario s, CommunicationModel model, Map<Plan, StepResult> replays) {
        List<Integer> counts = s.array().groups().stream().map(HardwareGroup::count).toList();
        return new ArrayPort() {
            // made on first use: only a planner that times its plans asks for them
            private SimulatedArray.Wiring wiring;
            private List<ComputeModel> models;

            private SimulatedArray.Wiring wiring() {
                if (wiring == null) {
                    wiring = SimulatedArray.of(s.array(), s.schedule()).wire();
                }
                return wiring;
            }

            @Override
            public int accelerators() {
                return s.accelerators();
            }

            @Override
            public int batch() {
                return s.batch();
            }

            @Override
            public Schedule schedule() {
                return s.schedule();
            }

            @Override
            public boolean inference() {
                return s.workload().phase() == RunPhase.INFERENCE;
            }

            @Override
            public Fabric fabric() {
                return wiring().fabric();
            }

            @Override
            public Collectives collectives() {
                return wiring().collectives();
            }

            @Override
            public List<ComputeModel> groupModels() {
                if (models == null) {
                    models = s.array().groups().stream().map(g -> g.hardware().accelerator().newComputeModel()).toList();
                }
                return models;
            }

            @Override
            public List<Integer> groupCounts() {
                return counts;
            }

            @Override
            public boolean halvesUniform(int level) {
                return s.array().halvesUniform(level);
            }

            @Override
            public boolean admits(Plan plan) {
                MemorySettings settings = s.workload().memorySettings();
                return settings.fit() != FitPolicy.REQUIRED || MemoryFootprint.fits(
                        MemoryFootprint.peakBytes(plan, s.network(), s.batch(), settings), capacityBytes(s));
            }

            @Override
            public StepResult replay(Plan plan) {
                return replays.computeIfAbsent(plan, p -> ScenarioRunner.replay(s, model, p, false));
            }
        };
    }

    /** One plan replayed on the scenario's array, the invariants checked. */
    public static StepResult replay(Scenario s, CommunicationModel model, Plan plan, boolean trace) {
        return replay(s, model, plan, trace, LinkScaling.NONE);
    }

    /** One plan replayed on the scenario's array with its links' bandwidths scaled, the invariants checked. */
    public static StepResult replay(Scenario s, CommunicationModel model, Plan plan, boolean trace,
            LinkScaling scaling) {
        double plannerBytes = model.evaluate(plan).totalBytes();
        SimulatedArray array = SimulatedArray.of(s.array(), s.schedule()).withScaling(scaling);
        SimulatedArray.Wiring w = array.wire();
        StepResult r;
        try {
            r = array.replay(w, new SimulatedArray.Step(s.iterations(), s.network().layerNames(),
                    b -> StepBuilder.fill(b, model, plan, s.iterations(), w.collectives())), trace);
        } catch (InputException e) {
            throw e.withSource(s.source()); // a step too large to hold, found as it was built
        }
        Invariants.check(r, plannerBytes, s.schedule());
        return r;
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
