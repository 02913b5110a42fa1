package org.hyparsim.core.step;

/**
 * Where a step's builder puts its tasks: the whole graph ({@link TrainingStep.Builder}) or a
 * representative's share of it ({@link RepresentativeBuilder}). Ids are given in the order tasks
 * are added.
 */
public interface StepSink {
    /** A compute task on an accelerator; returns its id. */
    int compute(int iteration, int accelerator, ComputeWork work, int layer);

    /** A transfer from src to dst for a level of the hierarchy; returns its id. */
    int transfer(int iteration, int src, int dst, int level, int layer, TransferKind kind, double bytes);

    /** Task {@code task} cannot start before {@code on} has finished. */
    void depends(int task, int on);
}
