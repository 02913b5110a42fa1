package org.hyparsim.accel;

import org.hyparsim.core.step.ComputeCost;
import org.hyparsim.core.step.ComputeModel;
import org.hyparsim.core.step.ComputeWork;
import org.hyparsim.core.step.MemoryModel;
import org.hyparsim.core.step.TaskKind;
import org.hyparsim.core.workload.Layer;

/**
 * The compute of the transformer kinds that are not a convolution or a linear layer (those map
 * as 1 x 1 convolutions over the tokens, on the array's own path), for an array whose matrix
 * products another model maps.
 *
 * <ul>
 *   <li><b>Attention</b>: its two batched products are linear layers of the matrix model, one per
 *   (sample, head) of the shard: Q K^T a linear layer of headDim -> s features over s tokens,
 *   P V one of s -> headDim over s tokens; the softmax between them reads the s x s scores and
 *   writes the probabilities (memory-bound, below). The error phase runs four products shaped as
 *   the forward's two, so it costs twice the forward; there is no gradient phase (no weights).</li>
 *   <li><b>Layernorm, softmax, element-wise</b>: memory-bound. Each element streams through the
 *   PE array once (one element per PE and cycle) and from and to memory: forward reads the input
 *   and writes the output, error reads the output error and the kept input and writes the input
 *   error; a layernorm's gain and bias gradients come out of the error pass (no gradient phase).</li>
 *   <li><b>Embedding</b>: a gather forward (each token's row read, the output written), no input
 *   error, a scatter-add backward (the output error read, each token's row read and written).</li>
 * </ul>
 * The update is element-wise over the shard's weights (read W and dW, write W), as the matrix model's.
 */
final class TokenOpsModel {
    private final ComputeModel matrix;
    private final MemoryModel memory;
    private final int pes;
    private final double clockMHz;
    private final double bytesPerElement;

    TokenOpsModel(ComputeModel matrix, MemoryModel memory, int pes, double clockMHz, double bytesPerElement) {
        this.matrix = matrix;
        this.memory = memory;
        this.pes = pes;
        this.clockMHz = clockMHz;
        this.bytesPerElement = bytesPerElement;
    }

    ComputeCost cost(ComputeWork w) {
        Layer l = w.layer();
        if (w.phase() == TaskKind.UPDATE) {
            return streamed(w.weightElements(), 3 * w.weightElements(), 0);
        }
        return switch (l.type()) {
            case ATTENTION -> attention(w);
            case EMBEDDING -> embedding(w);
            default -> tokenwise(w);
        };
    }

    /** The two products and the softmax on the shard's heads; the error phase twice the forward. */
    private ComputeCost attention(ComputeWork w) {
        if (w.phase() == TaskKind.GRADIENT) {
            return ComputeCost.timeOnly(0, 0);
        }
        Layer l = w.layer();
        int s = l.tokens();
        int headDim = l.outChannels() / l.heads();
        double heads = l.heads() * w.outFraction();
        double instances = w.samples() * heads;
        ComputeCost scores = matrix.cost(new ComputeWork(Layer.linear(l.name(), headDim, s, s, false), TaskKind.FORWARD,
                instances, headDim));
        ComputeCost context = matrix.cost(new ComputeWork(Layer.linear(l.name(), s, headDim, s, false), TaskKind.FORWARD,
                instances, s));
        double scoreElements = instances * s * (double) s;
        ComputeCost softmax = streamed(scoreElements, 2 * scoreElements, 0);
        ComputeCost forward = sum(sum(scores, softmax), context);
        return w.phase() == TaskKind.ERROR ? sum(forward, forward) : forward;
    }

    /** Layernorm, softmax and element-wise layers: every element through the array and memory once per tensor. */
    private ComputeCost tokenwise(ComputeWork w) {
        if (w.phase() == TaskKind.GRADIENT) {
            return ComputeCost.timeOnly(0, 0);
        }
        double elements = w.samples() * w.outFraction() * w.layer().outputElementsPerSample();
        double tensors = w.phase() == TaskKind.FORWARD ? 2 : 3;
        return streamed(elements, tensors * elements, 0);
    }

    /** A gather forward, no error, a scatter-add of the output error into the rows backward. */
    private ComputeCost embedding(ComputeWork w) {
        double elements = w.samples() * w.outFraction() * w.layer().outputElementsPerSample();
        return switch (w.phase()) {
            case FORWARD -> streamed(elements, 2 * elements, 0);
            case GRADIENT -> streamed(elements, 3 * elements, 0);
            default -> ComputeCost.timeOnly(0, 0);
        };
    }

    /** Elements through the PE array, one per PE and cycle, overlapped with their memory traffic. */
    private ComputeCost streamed(double elements, double memoryElements, double macs) {
        if (!(elements > 0)) {
            return ComputeCost.timeOnly(0, 0);
        }
        long cycles = (long) Math.ceil(elements / pes);
        long computePs = Math.round(cycles * 1e6 / clockMHz);
        double dram = memoryElements * bytesPerElement;
        long memoryPs = memory.transferPs(dram);
        // each element read from and written to a register file once; every memory byte passes the buffer
        return new ComputeCost(Math.max(computePs, memoryPs), computePs, macs,
                new ComputeCost.OnChip(2 * elements, elements, dram), dram);
    }

    /** Two costs run one after the other. */
    private static ComputeCost sum(ComputeCost a, ComputeCost b) {
        return new ComputeCost(a.durationPs() + b.durationPs(), a.computePs() + b.computePs(), a.macs() + b.macs(),
                new ComputeCost.OnChip(a.onChip().registerFileAccesses() + b.onChip().registerFileAccesses(),
                        a.onChip().arrayNetworkAccesses() + b.onChip().arrayNetworkAccesses(),
                        a.onChip().globalBufferBytes() + b.onChip().globalBufferBytes()),
                a.dramBytes() + b.dramBytes());
    }
}
