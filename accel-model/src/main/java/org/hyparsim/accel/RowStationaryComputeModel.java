package org.hyparsim.accel;

import org.hyparsim.core.step.ComputeCost;
import org.hyparsim.core.step.ComputeModel;
import org.hyparsim.core.step.ComputeWork;
import org.hyparsim.core.step.MemoryModel;
import org.hyparsim.core.step.TaskKind;
import org.hyparsim.core.workload.Layer;

/**
 * A row-stationary PE array (Eyeriss-style) with an on-chip buffer and HMC memory.
 *
 * <p><b>Compute.</b> A PE set is k' x e PEs: k' = min(k, rows) filter rows down the array, e =
 * min(output height, columns) output rows across it; each PE convolves one input row with one
 * filter row, outW x k' MACs per pass (a kernel taller than the array folds: ceil(k / rows)
 * passes). floor(rows / k') x floor(cols / e) sets fit in one engine, and each set handles one
 * (sample, input channel, output channel, band of e output rows). The shard's sets are spread
 * over all engines; cycles = ceil(sets needed / sets available) x outW x k x ceil(k / rows).
 * Utilisation = MACs / (cycles x PEs) falls below 1 when k or the output height leave rows or
 * columns idle, and when the work does not fill the last pass. An fc layer is the case
 * k = outH = outW = 1. Error and gradient compute map as the forward pass does (an
 * approximation). The update is one MAC per weight of the shard.
 *
 * <p><b>Memory.</b> Each phase reads two operands and writes one result (forward: F_l and W_l
 * to F_{l+1}; error: E_{l+1} and W_l to E_l; gradient: F_l and E_{l+1} to dW_l; update: W_l and
 * dW_l to W_l, element-wise: each moved once). When they fit in the buffer (engines x buffer per engine) each is moved once;
 * otherwise one operand is tiled into half the buffer and the other re-read once per tile,
 * whichever order moves fewer bytes. Memory time = bytes / (vaults x vault bandwidth) +
 * latency; compute and memory of a task overlap (double buffering), so the task takes the
 * longer of the two. Buffer traffic: every byte moved is written into and read out of the
 * buffer once (2 x memory bytes).
 */
public final class RowStationaryComputeModel implements ComputeModel {
    private final AcceleratorProfile hw;
    private final OnChipBuffer buffer;
    private final MemoryModel memory;

    public RowStationaryComputeModel(AcceleratorProfile hw) {
        this.hw = hw;
        this.buffer = new OnChipBuffer(hw.array().engines() * hw.memory().bufferKiBPerEngine() * 1024);
        this.memory = new HmcMemoryModel(hw.memory().vaults(), hw.memory().vaultBandwidthGBps(), hw.memory().memoryLatencyNs());
    }

    /** PE-array cycles for the phase. */
    public long cycles(ComputeWork w) {
        Layer l = w.layer();
        int pes = hw.array().engines() * hw.array().peRows() * hw.array().peCols();
        if (w.phase() == TaskKind.UPDATE) {
            return (long) Math.ceil(w.weightElements() / pes);
        }
        int k = l.kernel();
        int kRows = Math.min(k, hw.array().peRows());
        int folds = (k + hw.array().peRows() - 1) / hw.array().peRows();
        int e = Math.min(l.outHeight(), hw.array().peCols());
        long setsPerEngine = (long) (hw.array().peRows() / kRows) * (hw.array().peCols() / e);
        double bands = Math.ceil((double) l.outHeight() / e);
        double setsNeeded = w.samples() * w.inChannels() * l.outChannels() * bands;
        double passes = Math.ceil(setsNeeded / (setsPerEngine * hw.array().engines()) - 1e-9);
        return (long) (Math.max(1, passes) * l.outWidth() * k * folds);
    }

    /** Memory (DRAM) bytes the phase moves, after tiling into the buffer. */
    public double dramBytes(ComputeWork w) {
        if (w.phase() == TaskKind.UPDATE) {
            // element-wise: read W and dW, write W, each once
            return 3 * w.weightElements() * hw.memory().bytesPerElement();
        }
        double in = w.inputElements();
        double weights = w.weightElements();
        double out = w.outputElements();
        double a;
        double b;
        double result;
        switch (w.phase()) {
            case FORWARD -> {
                a = in;
                b = weights;
                result = out;
            }
            case ERROR -> {
                a = out;
                b = weights;
                result = in;
            }
            case GRADIENT -> {
                a = in;
                b = out;
                result = weights;
            }
            default -> throw new IllegalArgumentException("no operands for " + w.phase());
        }
        double bpe = hw.memory().bytesPerElement();
        return buffer.memoryTraffic(a * bpe, b * bpe, result * bpe);
    }

    /** Utilisation of the PE array for the phase: MACs over cycles x PEs. */
    public double utilisation(ComputeWork w) {
        double pes = (double) hw.array().engines() * hw.array().peRows() * hw.array().peCols();
        return w.macs() / (cycles(w) * pes);
    }

    @Override
    public ComputeCost cost(ComputeWork w) {
        long computePs = Math.round(cycles(w) * 1e6 / hw.array().clockMHz());
        double dram = dramBytes(w);
        long memoryPs = memory.transferPs(dram);
        return new ComputeCost(Math.max(computePs, memoryPs), computePs, w.macs(), 2 * dram, dram);
    }
}
