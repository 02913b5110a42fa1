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
 * <p><b>Memory.</b> Each phase has its own dataflow. Forward: F_l and W_l to F_{l+1} (pooled on
 * chip); error: E_l's source, the output error at the pre-pooling size, and W_l to E_l; when
 * they fit in the buffer (engines x buffer per engine) each moves once, otherwise one operand
 * is tiled into half the buffer and the other re-read once per tile, whichever order moves
 * fewer bytes. Weight gradient: F_l and the pre-pooling output error to dW_l, with dW_l's tile
 * resident while both stream past it ({@link OnChipBuffer#reductionTraffic}), so its traffic
 * grows linearly with the batch shard. Update: W_l and dW_l to W_l, element-wise, each once. Memory time = bytes / (vaults x vault bandwidth) +
 * latency; compute and memory of a task overlap (double buffering), so the task takes the
 * longer of the two. On-chip accesses, level by level: {@link #onChip}.
 */
public final class RowStationaryComputeModel implements ComputeModel {
    private final AcceleratorProfile hw;
    private final OnChipBuffer buffer;
    private final MemoryModel memory;
    private final TokenOpsModel tokenOps;

    public RowStationaryComputeModel(AcceleratorProfile hw) {
        this.hw = hw;
        this.buffer = new OnChipBuffer(hw.array().engines() * hw.memory().bufferKiBPerEngine() * 1024);
        this.memory = new HmcMemoryModel(hw.memory().vaults(), hw.memory().vaultBandwidthGBps(), hw.memory().memoryLatencyNs());
        this.tokenOps = new TokenOpsModel(this, memory, hw.array().engines() * hw.array().peRows() * hw.array().peCols(),
                hw.array().clockMHz(), hw.memory().bytesPerElement());
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
        // a set convolves one input channel into one output channel; in groups, each output channel sees 1/g of them
        double setsNeeded = w.samples() * w.inChannels() * w.outChannels() / l.groups() * bands;
        double passes = Math.ceil(setsNeeded / (setsPerEngine * hw.array().engines()) - 1e-9);
        return (long) (Math.max(1, passes) * l.outWidth() * k * folds);
    }

    /** Memory (DRAM) bytes the phase moves, after tiling into the buffer. */
    public double dramBytes(ComputeWork w) {
        if (w.phase() == TaskKind.UPDATE) {
            // element-wise: read W and dW, write W, each once
            return 3 * w.weightElements() * hw.memory().bytesPerElement();
        }
        double bpe = hw.memory().bytesPerElement();
        double in = w.inputElements() * bpe;
        double weights = w.weightElements() * bpe;
        Layer l = w.layer();
        ConvTiling.Plane inPlane = new ConvTiling.Plane(l.inHeight(), l.inWidth());
        ConvTiling.Plane outPlane = new ConvTiling.Plane(l.outHeight(), l.outWidth());
        return switch (w.phase()) {
            case FORWARD -> ConvTiling.traffic(new ConvTiling.Conv(w.samples(), w.inChannels(), w.outChannels(), inPlane,
                    outPlane, l.kernel(), l.stride()), l.groups(), bpe, w.outputElements() * bpe, buffer.capacityBytes());
            // backward data: the output error convolved with the kernel back into the input's channels and size
            case ERROR -> ConvTiling.traffic(new ConvTiling.Conv(w.samples(), w.outChannels(), w.inChannels(), outPlane,
                    inPlane, l.kernel(), 1), l.groups(), bpe, in, buffer.capacityBytes());
            case GRADIENT -> buffer.reductionTraffic(in, w.outputErrorElements() * bpe, weights,
                    w.inChannels() / l.groups(), w.outChannels());
            default -> throw new IllegalArgumentException("no operands for " + w.phase());
        };
    }

    /** Utilisation of the PE array for the phase: MACs over cycles x PEs. */
    public double utilisation(ComputeWork w) {
        double pes = (double) hw.array().engines() * hw.array().peRows() * hw.array().peCols();
        return w.macs() / (cycles(w) * pes);
    }

    /**
     * On-chip accesses of the phase, counted from the mapping (Eyeriss's row-stationary dataflow,
     * Chen et al., ISCA 2016). A PE set (k' filter rows x e output rows) convolves one input
     * channel into one output channel for a band of e output rows of one sample:
     * <ul>
     * <li>register files: per MAC, one filter weight and one input read, and the partial sum read
     * and written: 4 accesses;</li>
     * <li>array network: each set receives its k x k filter and its (e-1) x stride + k input rows
     * (an input row is multicast to the sets of the output channels in the array at once), passes
     * partial sums up its k rows (k-1 moves per output per channel) and sends its outputs out
     * once per q channels, q = the input scratchpad's words / k (the channels a PE accumulates
     * before its partial sums leave it);</li>
     * <li>global buffer: the deliveries and the partial sums (read and written once per q
     * channels) in words, and every byte that comes from or goes to memory once.</li>
     * </ul>
     * The update streams W and dW through the buffer and the array's adders: 3 words per weight
     * through the buffer, no register file. Words are the profile's bytes per element.
     */
    public ComputeCost.OnChip onChip(ComputeWork w) {
        return onChip(w, dramBytes(w));
    }

    /** {@link #onChip(ComputeWork)} with the phase's memory bytes already known (the tiling search runs once). */
    private ComputeCost.OnChip onChip(ComputeWork w, double dram) {
        double bpe = hw.memory().bytesPerElement();
        if (w.phase() == TaskKind.UPDATE) {
            return new ComputeCost.OnChip(0, 0, 3 * w.weightElements() * bpe + dram);
        }
        Layer l = w.layer();
        int k = l.kernel();
        int e = Math.min(l.outHeight(), hw.array().peCols());
        double bands = Math.ceil((double) l.outHeight() / e);
        double outputsPerGroup = w.outChannels() / (double) l.groups();
        double sets = w.samples() * w.inChannels() * outputsPerGroup * bands;
        int kRows = Math.min(k, hw.array().peRows());
        long setsInArray = (long) (hw.array().peRows() / kRows) * Math.max(1, hw.array().peCols() / e)
                * hw.array().engines();
        double filterWords = sets * k * k;
        double inputRows = Math.min(l.inHeight(), (e - 1.0) * l.stride() + k);
        double inputWords = w.samples() * w.inChannels() * bands * inputRows * l.inWidth()
                * Math.ceil(outputsPerGroup / Math.max(1, Math.min(setsInArray, outputsPerGroup)));
        double q = Math.max(1, Math.floor((double) hw.array().ifmapSpadWords() / k));
        double outputs = w.samples() * w.outChannels() * l.outHeight() * l.outWidth();
        double channelPasses = Math.ceil(w.inChannels() / l.groups() / q - 1e-9);
        double psumOut = outputs * channelPasses;
        double macs = w.macs();
        double noc = filterWords + inputWords + macs * (k - 1.0) / (k * k) + psumOut;
        double glbWords = filterWords + inputWords + 2 * psumOut;
        return new ComputeCost.OnChip(4 * macs, noc, glbWords * bpe + dram);
    }

    @Override
    public ComputeCost cost(ComputeWork w) {
        if (!w.layer().type().convolutional()) {
            return tokenOps.cost(w); // attention, norms, softmax, element-wise, embedding
        }
        long computePs = Math.round(cycles(w) * 1e6 / hw.array().clockMHz());
        double dram = dramBytes(w);
        long memoryPs = memory.transferPs(dram);
        return new ComputeCost(Math.max(computePs, memoryPs), computePs, w.macs(), onChip(w, dram), dram);
    }
}
