package org.hyparsim.accel;

import org.hyparsim.core.step.ComputeCost;
import org.hyparsim.core.step.ComputeModel;
import org.hyparsim.core.step.ComputeWork;
import org.hyparsim.core.step.MemoryModel;
import org.hyparsim.core.step.TaskKind;
import org.hyparsim.core.workload.Layer;
import org.hyparsim.core.workload.LayerType;

/**
 * A row-stationary PE array (Eyeriss-style) with its global buffer and off-chip memory, each
 * phase mapped as Eyeriss maps a convolution ({@link RowStationaryMapping}).
 *
 * <p><b>Phases.</b> Forward: F_l convolved with W_l into F_{l+1} (the pooled output written
 * back). Error: the output error (at the pre-pooling size) convolved with the kernel back into
 * the input's channels and size, at stride 1 (an approximation for strided layers). Gradient:
 * the forward loop nest (same MACs, same mapping) with dW_l's tile resident while F_l and the
 * output error stream past it ({@link OnChipBuffer#reductionTraffic}); its traffic grows
 * linearly with the batch shard. An fc layer is the case R = E = F = 1: a pass holds n samples,
 * so each weight it loads is used n times. Update: one MAC per weight of the shard, W and dW
 * read and W written once.
 *
 * <p><b>Time.</b> The mapping's processing cycles (passes and their ramp-ups) at the clock.
 * Where the profile's memory overlaps compute the task takes the longer of processing and
 * memory time, otherwise (the Eyeriss chip stops for DRAM) their sum.
 *
 * <p><b>Accesses.</b> Register files, array network, global buffer and DRAM follow from the
 * same mapping and its passes.
 */
public final class RowStationaryComputeModel implements ComputeModel {
    private final AcceleratorProfile hw;
    private final OnChipBuffer buffer;
    private final MemoryModel memory;
    private final TokenOpsModel tokenOps;
    private final RowStationaryMapping.Array array;
    /** The most channels a network's input image has (RGB). */
    static final int IMAGE_CHANNELS = 3;

    public RowStationaryComputeModel(AcceleratorProfile hw) {
        this.hw = hw;
        this.buffer = new OnChipBuffer(hw.array().engines() * hw.memory().bufferKiBPerEngine() * 1024);
        this.memory = new HmcMemoryModel(hw.memory().vaults(), hw.memory().vaultBandwidthGBps(), hw.memory().memoryLatencyNs());
        this.tokenOps = new TokenOpsModel(this, memory, hw.array().engines() * hw.array().peRows() * hw.array().peCols(),
                hw.array().clockMHz(), hw.memory().bytesPerElement());
        PeArray a = hw.array();
        MemorySystem m = hw.memory();
        double wordsPerCycle = m.vaults() * m.vaultBandwidthGBps() * 1e9 / m.bytesPerElement() / (a.clockMHz() * 1e6);
        this.array = new RowStationaryMapping.Array(a.engines(), a.peRows(), a.peCols(), a.filterSpadWords(),
                a.ifmapSpadWords(), a.psumSpadWords(), m.bufferKiBPerEngine() * 1024 / m.bytesPerElement(), a.rampCycles(),
                a.filterWordsPerCycle(), a.bufferWordsPerCycle(), wordsPerCycle, !m.dramOverlapsCompute(), a.foldFirst(), costs(hw));
    }

    /**
     * The forward phase's activations off chip: the output (after its ReLU) run-length coded as
     * the profile says, the input too unless it is the network's image (at most
     * {@link #IMAGE_CHANNELS} channels, which no ReLU made sparse). The backward phases' tensors
     * move uncompressed.
     */
    private RowStationaryMapping.Compression compression(ComputeWork w) {
        double f = hw.memory().activationWordsFactor();
        if (w.phase() != TaskKind.FORWARD || f == 1) {
            return RowStationaryMapping.Compression.NONE;
        }
        return new RowStationaryMapping.Compression(w.layer().inChannels() <= IMAGE_CHANNELS ? 1 : f, f);
    }

    /**
     * The phase's convolution as the mapping sees it (the gradient maps as the forward pass). A
     * linear layer is a 1 x 1 convolution over its tokens, which may lie down a column (tokens x 1:
     * a set per token row, each weight reloaded per token) or along a row (1 x tokens: a PE uses a
     * weight once per token, as a convolution's row reuses its filter); a 1 x 1 kernel leaves both
     * the same MACs and data, and the one whose mapping takes fewer cycles is taken.
     */
    RowStationaryMapping.Conv conv(ComputeWork w) {
        Layer l = w.layer();
        if (l.type() != LayerType.LINEAR || l.outHeight() * l.outWidth() == 1) {
            return conv(w, l.inHeight(), l.inWidth(), l.outHeight(), l.outWidth());
        }
        RowStationaryMapping.Conv column = conv(w, l.inHeight() * l.inWidth(), 1, l.outHeight() * l.outWidth(), 1);
        RowStationaryMapping.Conv row = conv(w, 1, l.inHeight() * l.inWidth(), 1, l.outHeight() * l.outWidth());
        return RowStationaryMapping.of(row, array).cycles() < RowStationaryMapping.of(column, array).cycles() ? row : column;
    }

    private RowStationaryMapping.Conv conv(ComputeWork w, int inH, int inW, int outH, int outW) {
        Layer l = w.layer();
        int g = l.groups();
        int c = Math.max(1, (int) Math.ceil(w.inChannels() / g - 1e-9));
        int m = Math.max(1, (int) Math.ceil(w.outChannels() / g - 1e-9));
        if (w.phase() == TaskKind.ERROR) {
            double written = w.inputElements() / w.samples() / g;
            int pad = Math.max(0, l.kernel() - 1 - l.padding());
            return new RowStationaryMapping.Conv(w.samples(), g, m, c, l.kernel(), inH, inW, outH, outW, 1, pad, written,
                    RowStationaryMapping.Compression.NONE);
        }
        double written = w.outputElements() / w.samples() / g;
        return new RowStationaryMapping.Conv(w.samples(), g, c, m, l.kernel(), outH, outW, inH, inW, l.stride(),
                l.padding(), written, compression(w));
    }

    /** The search's weights: the profile's energy per access, a word being the profile's element. */
    private static RowStationaryMapping.Costs costs(AcceleratorProfile hw) {
        AcceleratorEnergy e = hw.energy();
        double bpe = hw.memory().bytesPerElement();
        return new RowStationaryMapping.Costs(e.registerFilePj(), e.arrayNetworkPj(), e.sramPjPerByte() * bpe,
                e.dramPjPerBit() * 8 * bpe, e.staticWatts() / (hw.array().clockMHz() * 1e6) * 1e12);
    }

    /** The phase's mapping (not for the update). */
    public RowStationaryMapping.Mapping mapping(ComputeWork w) {
        if (w.phase() == TaskKind.UPDATE) {
            throw new IllegalArgumentException("the update is element-wise, not mapped");
        }
        return RowStationaryMapping.of(conv(w), array);
    }

    /** PE-array cycles for the phase, ramp-ups included, memory overlapped. */
    public long cycles(ComputeWork w) {
        if (w.phase() == TaskKind.UPDATE) {
            int pes = hw.array().engines() * hw.array().peRows() * hw.array().peCols();
            return (long) Math.ceil(w.weightElements() / pes);
        }
        return (long) Math.ceil(mapping(w).cycles() * share(w) - 1e-6);
    }

    /**
     * The phase's MACs over the mapped convolution's: below 1 where a shard holds a fraction of a
     * channel (the mapping counts whole ones) or where the error phase of a strided layer is mapped
     * as a stride-1 convolution over the whole input (which has more MACs than the phase); the
     * mapping's cycles, DRAM and on-chip counts are scaled by it.
     */
    double share(ComputeWork w) {
        return Math.min(1, w.macs() / mappedMacs(conv(w)));
    }

    /** Memory (DRAM) bytes the phase moves. */
    public double dramBytes(ComputeWork w) {
        double bpe = hw.memory().bytesPerElement();
        return switch (w.phase()) {
            // element-wise: read W and dW, write W, each once
            case UPDATE -> 3 * w.weightElements() * bpe;
            case GRADIENT -> buffer.reductionTraffic(w.inputElements() * bpe, w.outputErrorElements() * bpe,
                    w.weightElements() * bpe, w.inChannels() / w.layer().groups(), w.outChannels());
            case FORWARD, ERROR -> mapping(w).dramWords() * share(w) * bpe;
            default -> throw new IllegalArgumentException("no operands for " + w.phase());
        };
    }

    /** Utilisation of the PE array for the phase: MACs over cycles x PEs. */
    public double utilisation(ComputeWork w) {
        double pes = (double) hw.array().engines() * hw.array().peRows() * hw.array().peCols();
        return w.macs() / (cycles(w) * pes);
    }

    /**
     * On-chip accesses of the phase, from its mapping: register files (four per MAC: filter and
     * input read, partial sum read and written; plus each pass's scratchpad fills), the array
     * network (filter rows to the PEs of their row, input rows to the PEs that use them, partial
     * sums up a set and in and out of it), the global buffer (each pass's input rows, filter
     * words and partial sums, read back in every pass but a channel block's first). The update
     * streams W and dW through the buffer: 3 words per weight, no register file.
     */
    public ComputeCost.OnChip onChip(ComputeWork w) {
        double bpe = hw.memory().bytesPerElement();
        if (w.phase() == TaskKind.UPDATE) {
            return new ComputeCost.OnChip(0, 0, 3 * w.weightElements() * bpe);
        }
        RowStationaryMapping.Mapping m = mapping(w);
        // the mapping counts whole channels; scale to the shard's MACs; a gated MAC skips its filter read
        double scale = share(w);
        return new ComputeCost.OnChip(m.registerFileAccesses() * scale - gatedMacs(w), m.networkWords() * scale,
                m.bufferWords() * scale * bpe);
    }

    /**
     * The phase's MACs on a zero input, which the array clock-gates (Eyeriss's data gating, JSSC
     * 2017: no MAC and no filter read): the forward phase's, in the profile's share of zeros, where
     * the input came from a ReLU (not the network's image).
     */
    public double gatedMacs(ComputeWork w) {
        double z = hw.memory().activationZeroFraction();
        boolean image = w.layer().inChannels() <= IMAGE_CHANNELS;
        return w.phase() == TaskKind.FORWARD && !image ? w.macs() * z : 0;
    }

    private static double mappedMacs(RowStationaryMapping.Conv c) {
        return c.groups() * c.samples() * (double) c.c() * c.m() * c.r() * c.r() * c.e() * c.f();
    }

    @Override
    public ComputeCost cost(ComputeWork w) {
        if (!w.layer().type().convolutional()) {
            return tokenOps.cost(w); // attention, norms, softmax, element-wise, embedding
        }
        long processingPs = Math.round(cycles(w) * 1e6 / hw.array().clockMHz());
        double dram = dramBytes(w);
        long memoryPs = memory.transferPs(dram);
        long duration = hw.memory().dramOverlapsCompute() ? Math.max(processingPs, memoryPs) : processingPs + memoryPs;
        ComputeCost.Mapping mapped;
        if (w.phase() != TaskKind.UPDATE) {
            RowStationaryMapping.Mapping m = mapping(w);
            mapped = new ComputeCost.Mapping(m.label(), m.activePes(), m.passes() * share(w), m.ties(), gatedMacs(w));
        } else {
            mapped = ComputeCost.Mapping.NONE;
        }
        return new ComputeCost(duration, processingPs, w.macs(), onChip(w), dram, mapped);
    }
}
