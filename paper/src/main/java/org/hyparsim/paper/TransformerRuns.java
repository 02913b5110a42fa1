package org.hyparsim.paper;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.hyparsim.core.InputException;
import org.hyparsim.core.kind.StrategyKind;
import org.hyparsim.core.kind.TopologyKind;
import org.hyparsim.core.step.StepResult;
import org.hyparsim.core.workload.Network;
import org.hyparsim.input.scenario.Hardware;
import org.hyparsim.input.scenario.Scenario;
import org.hyparsim.input.scenario.Sweep;
import org.hyparsim.partition.CommunicationModel;
import org.hyparsim.partition.Plan;
import org.hyparsim.partition.planner.Strategy;
import org.hyparsim.results.RunRecord;
import org.hyparsim.scenarios.run.ScenarioRunner;
import org.hyparsim.scenarios.sweep.SweepRunner;

/**
 * The transformer section's runs: per network, array size and topology one case, its strategies
 * run in order on one thread (the timed planner reuses the baselines' replays), the cases on
 * several. A strategy whose replay the simulator refuses (a step past its task limits, or past the
 * heap) keeps its plan, communication and footprint from the planner alone, with the reason.
 */
public final class TransformerRuns {
    /**
     * One strategy's outcome in one case.
     *
     * @param run the replayed run, or null when the replay was refused
     * @param plan the plan (the planner's alone where the replay was refused; null for timed then)
     * @param plannerBytes the plan's accounted communication, bytes (NaN without a plan)
     * @param memory the plan's footprint against the capacity (null without a plan)
     * @param refusal why the replay was refused, or null
     */
    public record Outcome(String network, int accelerators, TopologyKind topology, StrategyKind strategy,
            Scenario scenario, RunRecord run, Plan plan, double plannerBytes, RunRecord.Memory memory, String refusal) {
        public boolean replayed() {
            return run != null;
        }

        public double stepSeconds() {
            return run == null ? Double.NaN : run.result().stepTimeSeconds();
        }

        public double energyJoules() {
            return run == null ? Double.NaN : run.result().energyJoules();
        }
    }

    private TransformerRuns() {
    }

    /** Every case of the scope, on {@code threads} threads, in the scope's order. */
    public static List<Outcome> collect(TransformerScope scope, Hardware hardware, int threads,
            SweepRunner.Listener listener) {
        List<Sweep.Point> points = new ArrayList<>();
        for (TransformerScope.Net net : scope.networks()) {
            Network n = Scope.network(net.name());
            for (int size : scope.sizes()) {
                for (TopologyKind t : scope.topologies()) {
                    List<Strategy> run = scope.strategies().stream()
                            .filter(k -> scope.skipReason(net.name(), size, k) == null)
                            .map(k -> Strategy.of(k, 2)).toList();
                    if (run.isEmpty()) {
                        continue;
                    }
                    Scenario s = Suite.TRANSFORMERS.scenario(n, net.batch(), size, t, hardware, scope.memory(),
                            scope.collective());
                    points.add(new Sweep.Point(points.size(), Map.of("suite", Suite.TRANSFORMERS.label()),
                            s.withStrategies(run)));
                }
            }
        }
        listener.starting(points, threads);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread th = new Thread(r, "transformer-case");
            th.setDaemon(true);
            return th;
        });
        AtomicInteger done = new AtomicInteger();
        try {
            List<Future<List<Outcome>>> futures = new ArrayList<>();
            for (Sweep.Point p : points) {
                futures.add(pool.submit(() -> {
                    List<Outcome> out = runCase(p.scenario());
                    boolean failed = out.stream().anyMatch(o -> !o.replayed());
                    listener.pointDone(p, done.incrementAndGet(), points.size(), failed);
                    return out;
                }));
            }
            List<Outcome> all = new ArrayList<>();
            for (Future<List<Outcome>> f : futures) {
                all.addAll(f.get());
            }
            return all;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the transformer section was interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
            listener.ended();
        }
    }

    /** One case: each strategy replayed, or planned only where the replay is refused. */
    static List<Outcome> runCase(Scenario s) {
        Map<Plan, StepResult> replays = new HashMap<>();
        List<Outcome> out = new ArrayList<>();
        String network = s.network().name();
        int n = s.array().accelerators();
        TopologyKind t = s.array().topology();
        for (Strategy strategy : s.strategies()) {
            StrategyKind k = strategy.kind();
            try {
                RunRecord r = ScenarioRunner.run(s, strategy, false, replays);
                Plan plan = new Plan(s.network().size(), r.plan().levels());
                out.add(new Outcome(network, n, t, k, s, r, plan, r.plannerBytes(), r.memory(), null));
            } catch (InputException | IllegalArgumentException | OutOfMemoryError e) {
                String reason = reason(e);
                if (k == StrategyKind.TIMED) {
                    out.add(new Outcome(network, n, t, k, s, null, null, Double.NaN, null, reason));
                } else {
                    CommunicationModel model = ScenarioRunner.model(s);
                    Plan plan = strategy.planner().plan(model, s.levels());
                    out.add(new Outcome(network, n, t, k, s, null, plan, model.evaluate(plan).totalBytes(),
                            ScenarioRunner.memory(s, plan), reason));
                }
            }
        }
        return out;
    }

    /** A refusal's reason without the file and field an input error names. */
    private static String reason(Throwable e) {
        if (e instanceof InputException ie && !ie.problems().isEmpty()) {
            return String.join("; ", ie.problems().stream().map(InputException.Problem::reason).toList());
        }
        if (e instanceof OutOfMemoryError) {
            return "the replay ran out of the JVM's heap (-Xmx)";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
