package org.hyparsim.core.step;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.IntUnaryOperator;
import org.hyparsim.core.engine.Deadline;

/**
 * A training step reduced by a symmetry of the array: where a group acting regularly on the
 * accelerators maps the task graph onto itself, every task is the image of one of accelerator
 * 0's (its representative), and a replay of accelerator 0's tasks alone gives every task's times.
 *
 * <p>A task's slot is its rank among its accelerator's tasks in the order they were built (a
 * transfer belongs to its sender). The graph is invariant under a generator g when every
 * accelerator a has as many tasks as accelerator 0 and the task in slot k of g(a) is the task in
 * slot k of a moved by g: the same kind, iteration, layer, work or bytes and transfer kind, its
 * peer moved by g, and its predecessors, as (accelerator, slot), moved by g. (A transfer's
 * hierarchy level, a label, is not compared.) Invariance under every generator is invariance
 * under the group, so the task in slot k of any accelerator is its representative's image, and
 * the reduced graph's task k depends on task j wherever any task in slot k depends on one in
 * slot j.
 *
 * <p>Replays build this share directly ({@link RepresentativeBuilder}), never the whole graph;
 * this cut from a whole graph, checked generator by generator, is the reference the tests hold
 * that builder to.
 */
public final class SymmetricStep {
    private SymmetricStep() {
    }

    /**
     * Accelerator 0's tasks with their dependencies carried over by symmetry, or empty where the
     * graph is not invariant under every generator (each an image of every accelerator).
     */
    public static Optional<TrainingStep> reduce(TrainingStep step, List<int[]> generators) {
        return reduce(step, generators, a -> 0);
    }

    /**
     * The tasks of one representative accelerator per orbit of a group acting freely (each
     * accelerator's representative given), in the order the whole graph lists them, with their
     * dependencies carried over by symmetry: a task that waits for slot k of accelerator b waits
     * for slot k of b's representative. Empty where the graph is not invariant under every
     * generator.
     */
    public static Optional<TrainingStep> reduce(TrainingStep step, List<int[]> generators,
            IntUnaryOperator representative) {
        int n = step.accelerators();
        if (generators.isEmpty() || n == 1) {
            return Optional.empty();
        }
        int[] count = new int[n];
        int[] slot = new int[step.size()];
        for (Task t : step.tasks()) {
            slot[t.id()] = count[t.accelerator()]++;
        }
        int[] rep = new int[n];
        for (int a = 0; a < n; a++) {
            rep[a] = representative.applyAsInt(a);
            if (count[a] != count[rep[a]]) {
                return Optional.empty();
            }
        }
        int[][] bySlot = new int[n][];
        for (int a = 0; a < n; a++) {
            bySlot[a] = new int[count[a]];
        }
        for (Task t : step.tasks()) {
            bySlot[t.accelerator()][slot[t.id()]] = t.id();
        }
        for (int[] g : generators) {
            if (!invariant(step, g, slot, bySlot)) {
                return Optional.empty();
            }
        }
        TrainingStep.Builder b = new TrainingStep.Builder(n, step.iterations(), step.layerNames());
        int[] reducedId = new int[step.size()];
        for (Task t : step.tasks()) {
            int a = t.accelerator();
            if (rep[a] != a) {
                continue;
            }
            reducedId[t.id()] = t.isTransfer()
                    ? b.transfer(t.iteration(), a, t.peer(), t.level(), t.layer(), t.transferKind(), t.bytes())
                    : b.compute(t.iteration(), a, t.work(), t.layer());
        }
        for (Task t : step.tasks()) {
            if (rep[t.accelerator()] != t.accelerator()) {
                continue;
            }
            for (int p : step.predecessors(t.id())) {
                b.depends(reducedId[t.id()], reducedId[bySlot[rep[step.task(p).accelerator()]][slot[p]]]);
            }
        }
        return Optional.of(b.build());
    }

    private static boolean invariant(TrainingStep step, int[] g, int[] slot, int[][] bySlot) {
        for (int a = 0; a < bySlot.length; a++) {
            if (bySlot[g[a]].length != bySlot[a].length) {
                return false;
            }
        }
        for (Task t : step.tasks()) {
            if ((t.id() & 0xffff) == 0) {
                Deadline.check();
            }
            Task u = step.task(bySlot[g[t.accelerator()]][slot[t.id()]]);
            if (t.kind() != u.kind() || t.iteration() != u.iteration() || t.layer() != u.layer()) {
                return false;
            }
            if (t.isTransfer()) {
                if (t.transferKind() != u.transferKind() || t.bytes() != u.bytes() || g[t.peer()] != u.peer()) {
                    return false;
                }
            } else if (!t.work().equals(u.work())) {
                return false;
            }
            int[] pt = step.predecessors(t.id());
            int[] pu = step.predecessors(u.id());
            if (pt.length != pu.length) {
                return false;
            }
            // in the order listed first (the builders list an image's dependencies alike), as multisets otherwise
            boolean inOrder = true;
            for (int i = 0; i < pt.length && inOrder; i++) {
                inOrder = g[step.task(pt[i]).accelerator()] == step.task(pu[i]).accelerator()
                        && slot[pt[i]] == slot[pu[i]];
            }
            if (inOrder) {
                continue;
            }
            long[] mapped = new long[pt.length];
            long[] actual = new long[pu.length];
            for (int i = 0; i < pt.length; i++) {
                mapped[i] = ((long) g[step.task(pt[i]).accelerator()] << 32) | slot[pt[i]];
                actual[i] = ((long) step.task(pu[i]).accelerator() << 32) | slot[pu[i]];
            }
            Arrays.sort(mapped);
            Arrays.sort(actual);
            if (!Arrays.equals(mapped, actual)) {
                return false;
            }
        }
        return true;
    }
}
