package org.hyparsim.core.step;

/**
 * One task of a training step's graph. A compute task runs on {@code accelerator}; a transfer
 * moves {@code bytes} from {@code accelerator} to {@code peer} for a level of the hierarchy.
 * Iteration counts training steps replayed back to back, from 0.
 */
public record Task(int id, TaskKind kind, int iteration, int layer, int accelerator, Transfer transfer,
        ComputeWork work) {

    /** What a transfer moves: bytes to a peer, for a level of the hierarchy. */
    public record Transfer(int peer, int level, TransferKind kind, double bytes) {
    }

    /** The receiving accelerator of a transfer; -1 for a compute task. */
    public int peer() {
        return transfer == null ? -1 : transfer.peer();
    }

    /** The hierarchy level of a transfer; 0 for a compute task. */
    public int level() {
        return transfer == null ? 0 : transfer.level();
    }

    /** The kind of a transfer; null for a compute task. */
    public TransferKind transferKind() {
        return transfer == null ? null : transfer.kind();
    }

    /** The bytes of a transfer; 0 for a compute task. */
    public double bytes() {
        return transfer == null ? 0 : transfer.bytes();
    }

    public boolean isTransfer() {
        return kind == TaskKind.TRANSFER;
    }

    /** A short readable name, for traces and error messages. */
    public String describe(java.util.List<String> layerNames) {
        String layerName = layer >= 0 && layer < layerNames.size() ? layerNames.get(layer) : "layer " + layer;
        String it = iteration > 0 ? " (step " + (iteration + 1) + ")" : "";
        if (isTransfer()) {
            return transferKind().label() + " " + layerName + " H" + level() + " A" + accelerator + "->A" + peer() + it;
        }
        return kind.label() + " " + layerName + " on A" + accelerator + it;
    }
}
