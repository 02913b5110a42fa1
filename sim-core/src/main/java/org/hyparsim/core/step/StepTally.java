package org.hyparsim.core.step;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntUnaryOperator;

/**
 * A replayed step's figures, summed task by task over the first step: per layer, per
 * accelerator and in total, with the amounts each {@link EnergyComponent} is priced by (MACs,
 * accesses, bytes; bytes x hops for links). The replay's bookkeeping, apart from its events.
 */
final class StepTally {
    private static final double PS = 1e-12;
    private static final int COMPONENTS = EnergyComponent.values().length;
    /** The components a compute task spends, in the order they are summed. */
    private static final List<EnergyComponent> COMPUTE = List.of(EnergyComponent.MAC, EnergyComponent.REGISTER_FILE,
            EnergyComponent.ARRAY_NETWORK, EnergyComponent.GLOBAL_BUFFER, EnergyComponent.DRAM);
    /** The components spent on chip, whose sum over a layer's time is its power. */
    private static final List<EnergyComponent> ON_CHIP = List.of(EnergyComponent.MAC, EnergyComponent.REGISTER_FILE,
            EnergyComponent.ARRAY_NETWORK, EnergyComponent.GLOBAL_BUFFER);

    private final EnergyParams energy;
    private final int accelerators;
    private final int layers;
    private final double[] layerMacs;
    private final double[] layerDram;
    private final double[] layerCompute;
    private final double[] layerStall;
    private final double[] layerIntra;
    private final double[] layerInter;
    private final double[][] layerJoules;
    private final String[] layerMapping;
    private final int[] layerActivePes;
    private final int[] layerTies;
    private final double[] layerPasses;
    private final double[] layerProcessing;
    private final double[] layerBuffer;
    private final long[] layerForwardEnd;
    private final long[] layerBackwardEnd;
    private final long[] busyCompute;
    private final long[] busyStall;
    /** By component, the amount it is priced by, summed over tasks. */
    private final double[] amount = new double[COMPONENTS];
    /** MACs performed (the MAC component's amount leaves out the gated ones, which spend no energy). */
    private double macs;
    private double sent;
    /** Energy summed task by task: the check on the components. */
    private double taskJoules;
    private long transfers;

    StepTally(EnergyParams energy, int accelerators, int layers) {
        this.energy = energy;
        this.accelerators = accelerators;
        this.layers = layers;
        layerMacs = new double[layers];
        layerDram = new double[layers];
        layerCompute = new double[layers];
        layerStall = new double[layers];
        layerIntra = new double[layers];
        layerInter = new double[layers];
        layerJoules = new double[layers][COMPONENTS];
        layerMapping = new String[layers];
        layerActivePes = new int[layers];
        layerTies = new int[layers];
        layerPasses = new double[layers];
        layerProcessing = new double[layers];
        layerBuffer = new double[layers];
        layerForwardEnd = new long[layers];
        layerBackwardEnd = new long[layers];
        busyCompute = new long[accelerators];
        busyStall = new long[accelerators];
    }

    /** A transfer of the first step that crossed {@code hops} links. */
    void transfer(Task t, int hops) {
        int l = t.layer();
        transfers++;
        sent += t.bytes();
        double crossed = t.bytes() * hops;
        double linkJoules = energy.joules(EnergyComponent.LINK, crossed);
        amount[EnergyComponent.LINK.ordinal()] += crossed;
        taskJoules += linkJoules;
        layerJoules[l][EnergyComponent.LINK.ordinal()] += linkJoules;
        if (t.transferKind().intraLayer()) {
            layerIntra[l] += t.bytes();
        } else {
            layerInter[l] += t.bytes();
        }
    }

    /** A compute task of the first step, of cost {@code c}, that ended at {@code endPs}. */
    void compute(Task t, ComputeCost c, long endPs) {
        int l = t.layer();
        for (EnergyComponent k : COMPUTE) {
            double joules = energy.joules(k, amount(c, k));
            layerJoules[l][k.ordinal()] += joules;
            taskJoules += joules;
        }
        for (EnergyComponent k : COMPUTE) {
            amount[k.ordinal()] += amount(c, k);
        }
        layerMacs[l] += c.macs();
        macs += c.macs();
        layerDram[l] += c.dramBytes();
        layerCompute[l] += c.durationPs();
        layerStall[l] += c.memoryStallPs();
        layerPasses[l] += c.mapping().passes();
        layerProcessing[l] += c.computePs(); // the array's time alone: memory overlapped
        layerBuffer[l] += c.onChip().globalBufferBytes();
        if (t.kind() == TaskKind.FORWARD && layerMapping[l] == null) {
            layerMapping[l] = c.mapping().label();
            layerActivePes[l] = c.mapping().activePes();
            layerTies[l] = c.mapping().ties();
        }
        busyCompute[t.accelerator()] += c.computePs();
        busyStall[t.accelerator()] += c.memoryStallPs();
        if (t.kind() == TaskKind.FORWARD) {
            layerForwardEnd[l] = Math.max(layerForwardEnd[l], endPs);
        } else if (t.kind() != TaskKind.UPDATE) {
            layerBackwardEnd[l] = Math.max(layerBackwardEnd[l], endPs);
        }
    }

    private static double amount(ComputeCost c, EnergyComponent k) {
        return switch (k) {
            case MAC -> c.macs() - c.mapping().gatedMacs();
            case REGISTER_FILE -> c.onChip().registerFileAccesses();
            case ARRAY_NETWORK -> c.onChip().arrayNetworkAccesses();
            case GLOBAL_BUFFER -> c.onChip().globalBufferBytes();
            case DRAM -> c.dramBytes();
            case LINK, STATIC -> throw new IllegalArgumentException(k + " is not a compute task's");
        };
    }

    /**
     * A representatives' replay: each task stands for one on each of {@code copies} accelerators,
     * and each accelerator's busy times are its representative's.
     */
    void scale(int copies, IntUnaryOperator representative) {
        for (double[] v : new double[][] {layerMacs, layerDram, layerCompute, layerStall, layerIntra, layerInter,
                layerPasses, layerProcessing, layerBuffer}) {
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
        for (int k = 0; k < COMPONENTS; k++) {
            amount[k] *= copies;
        }
        transfers *= copies;
        macs *= copies;
        sent *= copies;
        taskJoules *= copies;
    }

    /** The accelerator with the most compute and memory stall (the first of equals). */
    int critical() {
        int critical = 0;
        for (int a = 1; a < accelerators; a++) {
            if (busy(a) > busy(critical)) {
                critical = a;
            }
        }
        return critical;
    }

    /** Compute and memory stall of accelerator {@code a}, ps. */
    long busy(int a) {
        return busyCompute[a] + busyStall[a];
    }

    /** The step's times, given when it ended and the mean steady step. */
    StepResult.Times times(long stepPs, long steadyPs) {
        int c = critical();
        return new StepResult.Times(stepPs * PS, steadyPs * PS, busyCompute[c] * PS, busyStall[c] * PS,
                Math.max(0, stepPs - busy(c)) * PS);
    }

    /** The step's energy over {@code stepSeconds}, static energy included. */
    Energy energy(double stepSeconds) {
        double staticJoules = energy.staticJoules(accelerators, stepSeconds);
        return Energy.of(k -> k.dynamic() ? energy.joules(k, amount[k.ordinal()]) : staticJoules,
                taskJoules + energy.staticJoules(accelerators, stepSeconds));
    }

    /**
     * The step's bytes and MACs. The communication is what the interconnect delivered, counted at
     * the receiving side (the replay's delivery callbacks); the bytes sent are counted here, task by
     * task, so the two are independent counts of the same traffic.
     */
    StepResult.Traffic traffic(double delivered) {
        return new StepResult.Traffic(delivered, amount[EnergyComponent.LINK.ordinal()],
                amount[EnergyComponent.DRAM.ordinal()], amount[EnergyComponent.GLOBAL_BUFFER.ordinal()],
                macs, sent, delivered);
    }

    long transfers() {
        return transfers;
    }

    /** Per layer, its figures; times averaged over accelerators. */
    List<LayerResult> layers(List<String> names) {
        List<LayerResult> out = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            double[] joules = layerJoules[l];
            double latency = layerCompute[l] / accelerators * PS;
            double onChip = 0;
            for (EnergyComponent k : ON_CHIP) {
                onChip += joules[k.ordinal()];
            }
            double watts = latency > 0 ? onChip / accelerators / latency + energy.staticJoules(1, 1) : 0;
            out.add(new LayerResult(names.get(l), new LayerResult.Work(layerMacs[l], layerDram[l], latency,
                    layerStall[l] / accelerators * PS), new LayerResult.Bytes(layerIntra[l], layerInter[l]),
                    layerForwardEnd[l] * PS, layerBackwardEnd[l] * PS, Energy.of(k -> joules[k.ordinal()], 0),
                    new LayerResult.Mapped(layerMapping[l] == null ? "" : layerMapping[l], layerActivePes[l],
                            layerPasses[l] / accelerators, layerProcessing[l] / accelerators * PS, layerBuffer[l],
                            watts, layerTies[l])));
        }
        return out;
    }

    /** Per accelerator, its busy compute seconds. */
    List<Double> busyComputeSeconds() {
        return seconds(busyCompute);
    }

    /** Per accelerator, its memory-stall seconds. */
    List<Double> busyStallSeconds() {
        return seconds(busyStall);
    }

    private static List<Double> seconds(long[] ps) {
        List<Double> out = new ArrayList<>(ps.length);
        for (long v : ps) {
            out.add(v * PS);
        }
        return out;
    }
}
