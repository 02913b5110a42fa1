package org.hyparsim.core.step;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.IntUnaryOperator;
import org.hyparsim.core.Limits;
import org.hyparsim.core.engine.SimEngine;

/**
 * Replays a {@link TrainingStep} on the engine: each accelerator's compute unit serves its
 * compute tasks one at a time in the order they become ready; transfers go to the
 * interconnect as soon as their inputs are ready. Returns a {@link StepResult}.
 *
 * <p>With {@link Schedule#SERIAL}, each step runs in three stages separated by barriers: all
 * forward, error and gradient compute; then all transfers; then the weight updates. Inside a
 * stage only the dependencies between tasks of that stage are honoured.
 */
public final class Replay {
    private static final double PS = 1e-12;

    private final TrainingStep step;
    private final Config config;

    /**
     * What a replay runs on and how.
     *
     * @param computeModels each accelerator's compute model (accelerators of one group share one instance)
     * @param energy energy per action of the array
     * @param recordTrace whether to keep the tasks' trace
     * @param copies how many accelerators' tasks each replayed task stands for: 1, or the order of the
     *        group in a representatives' replay
     * @param representative in a representatives' replay, each accelerator's representative
     */
    public record Config(IntFunction<ComputeModel> computeModels, Interconnect interconnect, EnergyParams energy,
            Schedule schedule, boolean recordTrace, int copies, IntUnaryOperator representative) {
        public Config {
            if (computeModels == null || interconnect == null || energy == null || schedule == null
                    || representative == null || copies < 1) {
                throw new IllegalArgumentException("compute model, interconnect, energy and schedule are required");
            }
        }
    }

    // run state
    private SimEngine engine;
    private ComputeCost[] costs;
    private int[] remaining;
    private long[] start;
    private long[] end;
    private boolean[] done;
    private boolean[] busy;
    private List<ArrayDeque<Integer>> queues;
    private int finished;
    private int[] stageOf;
    private int[][] stageTasks;
    private int[] stageSize;
    private int[] stageDone;
    private int stage;
    private double delivered;

    public Replay(TrainingStep step, ComputeModel computeModel, Interconnect interconnect, EnergyParams energy,
            Schedule schedule, boolean recordTrace) {
        this(step, new Config(one(computeModel), interconnect, energy, schedule, recordTrace, 1, a -> a));
    }

    /**
     * A replay where accelerators compute at different speeds: {@code computeModels} gives each
     * accelerator's model (accelerators of one group share one instance); energy per action is
     * the array's.
     */
    public static Replay perAccelerator(TrainingStep step, IntFunction<ComputeModel> computeModels,
            Interconnect interconnect, EnergyParams energy, Schedule schedule, boolean recordTrace) {
        return new Replay(step, new Config(computeModels, interconnect, energy, schedule, recordTrace, 1, a -> a));
    }

    /**
     * The replay of a representative accelerator's tasks ({@link RepresentativeBuilder}) on links
     * that carry each of its flows for its whole orbit: every accelerator's times are its times,
     * and totals (bytes, MACs, energy, transfers) are its own times the accelerator count. The
     * trace holds the representative's tasks; the event count is the replay's own.
     */
    public static Replay representative(TrainingStep reduced, ComputeModel computeModel, Interconnect interconnect,
            EnergyParams energy, Schedule schedule, boolean recordTrace) {
        return representatives(reduced, reduced.accelerators(), a -> 0, computeModel, interconnect, energy, schedule,
                recordTrace);
    }

    /**
     * The replay of one representative accelerator per orbit of a group of {@code order} elements
     * acting freely ({@link SymmetricStep#reduce}): every accelerator's times are its
     * representative's, and totals are the representatives' times the order.
     */
    public static Replay representatives(TrainingStep reduced, int order, IntUnaryOperator representative,
            ComputeModel computeModel, Interconnect interconnect, EnergyParams energy, Schedule schedule,
            boolean recordTrace) {
        return new Replay(reduced, new Config(one(computeModel), interconnect, energy, schedule, recordTrace, order,
                representative));
    }

    /** A replay of {@code step} as {@code config} says. */
    public Replay(TrainingStep step, Config config) {
        if (step == null || config == null) {
            throw new IllegalArgumentException("step, compute model, interconnect, energy and schedule are required");
        }
        this.step = step;
        this.config = config;
    }

    private static IntFunction<ComputeModel> one(ComputeModel computeModel) {
        if (computeModel == null) {
            throw new IllegalArgumentException("step, compute model, interconnect, energy and schedule are required");
        }
        return a -> computeModel;
    }

    public StepResult run() {
        int n = step.size();
        costs = new ComputeCost[n];
        Map<ComputeModel, Map<ComputeWork, ComputeCost>> cache = new IdentityHashMap<>();
        for (int id = 0; id < n; id++) {
            if (!step.isTransfer(id)) {
                ComputeModel m = config.computeModels().apply(step.accelerator(id));
                costs[id] = cache.computeIfAbsent(m, k -> new HashMap<>()).computeIfAbsent(step.work(id), m::cost);
            }
        }
        remaining = new int[n];
        start = new long[n];
        end = new long[n];
        done = new boolean[n];
        busy = new boolean[step.accelerators()];
        queues = new ArrayList<>();
        for (int a = 0; a < step.accelerators(); a++) {
            queues.add(new ArrayDeque<>());
        }
        stageOf = new int[n];
        int stages = config.schedule() == Schedule.SERIAL ? 3 * step.iterations() : 1;
        stageSize = new int[stages];
        stageDone = new int[stages];
        for (int id = 0; id < n; id++) {
            int s = config.schedule() == Schedule.SERIAL ? 3 * step.iteration(id) + stageWithinStep(step.kind(id)) : 0;
            stageOf[id] = s;
            stageSize[s]++;
        }
        stageTasks = new int[stages][];
        int[] fill = new int[stages];
        for (int s = 0; s < stages; s++) {
            stageTasks[s] = new int[stageSize[s]];
        }
        for (int i = 0; i < n; i++) {
            stageTasks[stageOf[i]][fill[stageOf[i]]++] = i;
        }
        for (int i = 0; i < n; i++) {
            for (int k = step.predecessorStart(i), e = step.predecessorStart(i + 1); k < e; k++) {
                if (stageOf[step.predecessorAt(k)] == stageOf[i]) {
                    remaining[i]++;
                }
            }
        }
        engine = new SimEngine("replay", () -> startStage(0));
        config.interconnect().attach(engine);
        expect(config.interconnect());
        engine.run();
        if (finished < n) {
            throw new IllegalStateException(stuckMessage());
        }
        return result();
    }

    /**
     * Tells the links what the step asks of them before it runs: the longest any accelerator of the
     * replay computes, and every transfer.
     */
    private void expect(Interconnect links) {
        double[] computing = new double[step.accelerators()];
        double longest = 0;
        for (int id = 0; id < step.size(); id++) {
            if (!step.isTransfer(id)) {
                int a = step.accelerator(id);
                computing[a] += costs[id].durationPs() * 1e-12;
                longest = Math.max(longest, computing[a]);
            }
        }
        links.expectStep(longest, step.iterations());
        for (int id = 0; id < step.size(); id++) {
            if (step.isTransfer(id)) {
                links.expectTransfer(step.accelerator(id), step.peer(id), step.bytes(id));
            }
        }
    }

    private static int stageWithinStep(TaskKind kind) {
        return switch (kind) {
            case FORWARD, ERROR, GRADIENT -> 0;
            case TRANSFER -> 1;
            case UPDATE -> 2;
        };
    }

    private void startStage(int s) {
        stage = s;
        if (stageSize[s] == 0) {
            advanceStage();
            return;
        }
        for (int i : stageTasks[s]) {
            if (remaining[i] == 0) {
                ready(i);
            }
        }
    }

    private void advanceStage() {
        if (stage + 1 < stageSize.length) {
            startStage(stage + 1);
        }
    }

    private void ready(int id) {
        int a = step.accelerator(id);
        if (step.isTransfer(id)) {
            start[id] = engine.now();
            double bytes = step.bytes(id);
            boolean first = step.iteration(id) == 0;
            config.interconnect().send(a, step.peer(id), bytes, () -> {
                if (first) {
                    delivered += bytes;
                }
                finish(id);
            });
            return;
        }
        if (busy[a]) {
            queues.get(a).add(id);
        } else {
            startCompute(a, id);
        }
    }

    private void startCompute(int a, int id) {
        busy[a] = true;
        start[id] = engine.now();
        engine.scheduleIn(costs[id].durationPs(), () -> endCompute(a, id));
    }

    private void endCompute(int a, int id) {
        busy[a] = false;
        finish(id);
        if (!busy[a]) { // finish() may already have started a newly ready task here
            Integer next = queues.get(a).poll();
            if (next != null) {
                startCompute(a, next);
            }
        }
    }

    private void finish(int id) {
        end[id] = engine.now();
        done[id] = true;
        finished++;
        int s = stageOf[id];
        for (int k = step.successorStart(id), e = step.successorStart(id + 1); k < e; k++) {
            int succ = step.successorAt(k);
            if (stageOf[succ] == s && --remaining[succ] == 0) {
                ready(succ);
            }
        }
        if (++stageDone[s] == stageSize[s] && s == stage) {
            advanceStage();
        }
    }

    private String stuckMessage() {
        StringBuilder sb = new StringBuilder("the replay cannot finish: no event is pending while ")
                .append(step.size() - finished).append(" tasks remain, among them: ");
        int shown = 0;
        for (int i = 0; i < step.size() && shown < 5; i++) {
            if (!done[i]) {
                sb.append(shown == 0 ? "" : "; ").append(step.task(i).describe(step.layerNames()))
                        .append(" waiting for ").append(remaining[i]).append(" task(s)");
                shown++;
            }
        }
        return sb.toString();
    }

    private StepResult result() {
        int accelerators = step.accelerators();
        long[] iterationEnd = new long[step.iterations()];
        StepTally tally = new StepTally(config.energy(), accelerators, step.layerNames().size());
        List<TraceEvent> trace = config.recordTrace() ? new ArrayList<>() : List.of();
        int traced = config.recordTrace() ? tracedAccelerators(Limits.maxTraceEvents()) : 0;
        for (Task t : step.tasks()) {
            int id = t.id();
            iterationEnd[t.iteration()] = Math.max(iterationEnd[t.iteration()], end[id]);
            if (t.accelerator() < traced) {
                trace.add(new TraceEvent(t.describe(step.layerNames()), t.isTransfer() ? t.transferKind().label()
                        : t.kind().label(), t.accelerator(), t.isTransfer(), start[id], end[id]));
            }
            if (t.iteration() != 0) {
                continue;
            }
            if (t.isTransfer()) {
                tally.transfer(t, config.interconnect().hops(t.accelerator(), t.peer()));
            } else {
                tally.compute(t, costs[id], end[id]);
            }
        }
        int copies = config.copies();
        if (copies > 1) { // a representative's replay: each of its tasks stands for one on every accelerator
            tally.scale(copies, config.representative());
        }
        long stepPs = iterationEnd[0];
        long steadyPs = step.iterations() == 1 ? stepPs
                : (iterationEnd[step.iterations() - 1] - iterationEnd[0]) / (step.iterations() - 1);
        return new StepResult(accelerators, step.iterations(), tally.times(stepPs, steadyPs),
                tally.traffic(delivered * copies), tally.energy(stepPs * PS),
                new StepResult.Counts(engine.events(), tally.transfers(), engine.meanPendingEvents()),
                new StepResult.Detail(tally.layers(step.layerNames()), config.interconnect().linkUsage(), trace,
                        tally.busyComputeSeconds(), tally.busyStallSeconds()));
    }

    /** How many accelerators, from 0, the trace keeps: as many as fit in {@code max} slices, at least one. */
    private int tracedAccelerators(long max) {
        int[] count = new int[step.accelerators()];
        for (Task t : step.tasks()) {
            count[t.accelerator()]++;
        }
        long sum = count[0];
        int k = 1;
        while (k < count.length && sum + count[k] <= max) {
            sum += count[k++];
        }
        return k;
    }
}
