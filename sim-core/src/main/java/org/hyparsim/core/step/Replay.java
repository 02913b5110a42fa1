package org.hyparsim.core.step;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
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
    private final java.util.function.IntFunction<ComputeModel> computeModels;
    private final Interconnect interconnect;
    private final EnergyParams energy;
    private final Schedule schedule;
    private final boolean recordTrace;
    /** How many accelerators' tasks each replayed task stands for: 1, or the order of the group in a representatives' replay. */
    private final int copies;
    /** In a representatives' replay, each accelerator's representative. */
    private final java.util.function.IntUnaryOperator representative;

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
        this(step, a -> computeModel, interconnect, energy, schedule, recordTrace, computeModel, 1, a -> a);
    }

    /**
     * A replay where accelerators compute at different speeds: {@code computeModels} gives each
     * accelerator's model (accelerators of one group share one instance); energy per action is
     * the array's.
     */
    public static Replay perAccelerator(TrainingStep step, java.util.function.IntFunction<ComputeModel> computeModels,
            Interconnect interconnect, EnergyParams energy, Schedule schedule, boolean recordTrace) {
        return new Replay(step, computeModels, interconnect, energy, schedule, recordTrace, computeModels, 1, a -> a);
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
    public static Replay representatives(TrainingStep reduced, int order,
            java.util.function.IntUnaryOperator representative, ComputeModel computeModel, Interconnect interconnect,
            EnergyParams energy, Schedule schedule, boolean recordTrace) {
        return new Replay(reduced, a -> computeModel, interconnect, energy, schedule, recordTrace, computeModel,
                order, representative);
    }

    private Replay(TrainingStep step, java.util.function.IntFunction<ComputeModel> computeModels,
            Interconnect interconnect, EnergyParams energy, Schedule schedule, boolean recordTrace, Object given,
            int copies, java.util.function.IntUnaryOperator representative) {
        if (step == null || given == null || interconnect == null || energy == null || schedule == null) {
            throw new IllegalArgumentException("step, compute model, interconnect, energy and schedule are required");
        }
        this.step = step;
        this.computeModels = computeModels;
        this.interconnect = interconnect;
        this.energy = energy;
        this.schedule = schedule;
        this.recordTrace = recordTrace;
        this.copies = copies;
        this.representative = representative;
    }

    public StepResult run() {
        int n = step.size();
        costs = new ComputeCost[n];
        java.util.Map<ComputeModel, java.util.Map<ComputeWork, ComputeCost>> cache = new java.util.IdentityHashMap<>();
        for (int id = 0; id < n; id++) {
            if (!step.isTransfer(id)) {
                ComputeModel m = computeModels.apply(step.accelerator(id));
                costs[id] = cache.computeIfAbsent(m, k -> new java.util.HashMap<>()).computeIfAbsent(step.work(id), m::cost);
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
        int stages = schedule == Schedule.SERIAL ? 3 * step.iterations() : 1;
        stageSize = new int[stages];
        stageDone = new int[stages];
        for (int id = 0; id < n; id++) {
            int s = schedule == Schedule.SERIAL ? 3 * step.iteration(id) + stageWithinStep(step.kind(id)) : 0;
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
        interconnect.attach(engine);
        engine.run();
        if (finished < n) {
            throw new IllegalStateException(stuckMessage());
        }
        return result();
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
            interconnect.send(a, step.peer(id), bytes, () -> {
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
        int layers = step.layerNames().size();
        long[] iterationEnd = new long[step.iterations()];
        double[] layerMacs = new double[layers];
        double[][] layerJoules = new double[layers][6]; // mac, register file, array network, global buffer, dram, link
        double[] layerDram = new double[layers];
        double[] layerCompute = new double[layers];
        double[] layerStall = new double[layers];
        double[] layerIntra = new double[layers];
        double[] layerInter = new double[layers];
        long[] layerFwdEnd = new long[layers];
        long[] layerBwdEnd = new long[layers];
        long[] busyCompute = new long[accelerators];
        long[] busyStall = new long[accelerators];
        double comm = 0;
        double linkBytes = 0;
        double dram = 0;
        double sram = 0;
        double macs = 0;
        long transfers = 0;
        double sent = 0;
        double taskJoules = 0; // energy accumulated task by task: the check on the components
        double rf = 0;
        double noc = 0;
        List<TraceEvent> trace = recordTrace ? new ArrayList<>() : List.of();
        int traced = recordTrace ? tracedAccelerators(org.hyparsim.core.Limits.maxTraceEvents()) : 0;
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
            int l = t.layer();
            if (t.isTransfer()) {
                transfers++;
                comm += t.bytes();
                sent += t.bytes();
                double crossed = t.bytes() * interconnect.hops(t.accelerator(), t.peer());
                double linkJoules = crossed * 8 * energy.linkPjPerBit() * 1e-12;
                linkBytes += crossed;
                taskJoules += linkJoules;
                layerJoules[l][5] += linkJoules;
                if (t.transferKind().intraLayer()) {
                    layerIntra[l] += t.bytes();
                } else {
                    layerInter[l] += t.bytes();
                }
                continue;
            }
            ComputeCost c = costs[id];
            ComputeCost.OnChip o = c.onChip();
            double[] joules = {c.macs() * energy.macPj() * 1e-12,
                o.registerFileAccesses() * energy.registerFilePj() * 1e-12,
                o.arrayNetworkAccesses() * energy.arrayNetworkPj() * 1e-12,
                o.globalBufferBytes() * energy.sramPjPerByte() * 1e-12,
                c.dramBytes() * 8 * energy.dramPjPerBit() * 1e-12};
            for (int k = 0; k < joules.length; k++) {
                layerJoules[l][k] += joules[k];
                taskJoules += joules[k];
            }
            rf += o.registerFileAccesses();
            noc += o.arrayNetworkAccesses();
            macs += c.macs();
            dram += c.dramBytes();
            sram += c.sramBytes();
            layerMacs[l] += c.macs();
            layerDram[l] += c.dramBytes();
            layerCompute[l] += c.durationPs();
            layerStall[l] += c.memoryStallPs();
            busyCompute[t.accelerator()] += c.computePs();
            busyStall[t.accelerator()] += c.memoryStallPs();
            if (t.kind() == TaskKind.FORWARD) {
                layerFwdEnd[l] = Math.max(layerFwdEnd[l], end[id]);
            } else if (t.kind() != TaskKind.UPDATE) {
                layerBwdEnd[l] = Math.max(layerBwdEnd[l], end[id]);
            }
        }
        if (copies > 1) { // a representative's replay: each of its tasks stands for one on every accelerator
            for (double[] v : new double[][] {layerMacs, layerDram, layerCompute, layerStall, layerIntra, layerInter}) {
                for (int l = 0; l < layers; l++) {
                    v[l] *= copies;
                }
            }
            for (double[] v : layerJoules) {
                for (int k = 0; k < v.length; k++) {
                    v[k] *= copies;
                }
            }
            for (int a = 0; a < accelerators; a++) {
                int r = representative.applyAsInt(a);
                busyCompute[a] = busyCompute[r];
                busyStall[a] = busyStall[r];
            }
            comm *= copies;
            linkBytes *= copies;
            dram *= copies;
            sram *= copies;
            macs *= copies;
            transfers *= copies;
            sent *= copies;
            taskJoules *= copies;
            rf *= copies;
            noc *= copies;
        }
        long stepPs = iterationEnd[0];
        long steadyPs = step.iterations() == 1 ? stepPs
                : (iterationEnd[step.iterations() - 1] - iterationEnd[0]) / (step.iterations() - 1);
        int critical = 0;
        for (int a = 1; a < accelerators; a++) {
            if (busyCompute[a] + busyStall[a] > busyCompute[critical] + busyStall[critical]) {
                critical = a;
            }
        }
        long criticalBusy = busyCompute[critical] + busyStall[critical];
        List<LayerResult> layerRows = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            layerRows.add(new LayerResult(step.layerNames().get(l), new LayerResult.Work(layerMacs[l], layerDram[l],
                    layerCompute[l] / accelerators * PS, layerStall[l] / accelerators * PS),
                    new LayerResult.Bytes(layerIntra[l], layerInter[l]), layerFwdEnd[l] * PS, layerBwdEnd[l] * PS,
                    new StepResult.Energy(layerJoules[l][0], layerJoules[l][1], layerJoules[l][2], layerJoules[l][3],
                            layerJoules[l][4], layerJoules[l][5], 0, 0)));
        }
        double stepSeconds = stepPs * PS;
        StepResult.Energy e = new StepResult.Energy(
                macs * energy.macPj() * 1e-12,
                rf * energy.registerFilePj() * 1e-12,
                noc * energy.arrayNetworkPj() * 1e-12,
                sram * energy.sramPjPerByte() * 1e-12,
                dram * 8 * energy.dramPjPerBit() * 1e-12,
                linkBytes * 8 * energy.linkPjPerBit() * 1e-12,
                energy.staticWattsPerAccelerator() * accelerators * stepSeconds,
                taskJoules + energy.staticWattsPerAccelerator() * accelerators * stepSeconds);
        StepResult.Times times = new StepResult.Times(stepSeconds, steadyPs * PS, busyCompute[critical] * PS,
                busyStall[critical] * PS, Math.max(0, stepPs - criticalBusy) * PS);
        StepResult.Traffic traffic = new StepResult.Traffic(comm, linkBytes, dram, sram, macs, sent, delivered * copies);
        return new StepResult(accelerators, step.iterations(), times, traffic, e,
                new StepResult.Counts(engine.events(), transfers, engine.meanPendingEvents()),
                new StepResult.Detail(layerRows, interconnect.linkUsage(), trace, seconds(busyCompute), seconds(busyStall)));
    }

    private static List<Double> seconds(long[] ps) {
        List<Double> out = new ArrayList<>(ps.length);
        for (long v : ps) {
            out.add(v * PS);
        }
        return out;
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
