package org.hyparsim.core.step;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.IntBinaryOperator;
import java.util.function.IntUnaryOperator;
import org.hyparsim.core.Hashes;

/**
 * Builds the representatives' share of a step directly, as {@link SymmetricStep#reduce} would
 * cut it from the whole graph, while checking, task by task, that the graph being built is
 * symmetric. The whole graph is never held: per task only its accelerator, its slot and a hash of
 * its content and dependencies (16 bytes).
 *
 * <p>Each accelerator a has a representative r(a) (one per orbit of the group) and an element
 * h_a of the group taking r(a) to a; {@code toRep(a, x)} is h_a^-1(x). The graph is invariant
 * under the group exactly when every task in slot k of every accelerator a is h_a of r(a)'s task
 * in slot k (for any g, g h_a is an element taking r(a) to g(a)). Each task is compared with its
 * representative as it is added where that has come already (kind, iteration, layer, work or bytes
 * and transfer kind, its peer taken back by h_a^-1), and a difference ends the build
 * ({@link NotSymmetric}). A 64-bit hash of that content and of its dependencies, as (accelerator
 * taken back by h_a^-1, slot), is compared with the representative's at the end (which also
 * covers a task that came before its representative's). The
 * representatives' tasks are kept in the order the whole graph lists them, and their dependencies
 * carried over by slot (a wait for slot k of b becomes one for slot k of r(b)) in the order the
 * whole graph lists them, so the reduced graph is the one {@link SymmetricStep#reduce} makes.
 */
public final class RepresentativeBuilder implements StepSink {
    /** Thrown while building where the step is not symmetric: the caller builds it another way. */
    public static final class NotSymmetric extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotSymmetric(String why) {
            super(why, null, false, false);
        }
    }

    private final int accelerators;
    private final int[] repOf;
    private final IntBinaryOperator toRep;
    private final TrainingStep.Builder rep;
    private final TaskSlots slots;
    /** Per representative accelerator, per slot: the task's id in the whole graph and in the reduced one. */
    private final int[][] wholeIds;
    private final int[][] reducedIds;
    /** Per task, a hash of its content and dependencies as its representative's would be. */
    private long[] hash;
    /** The representatives' dependencies, each (reduced id of the task << 32 | whole id of the task it waits for). */
    private long[] repDeps = new long[1024];
    private int repDepCount;

    /**
     * Accelerator 0's share of the step that {@code fill} adds, or empty where the step is not
     * symmetric under a group acting regularly.
     *
     * @param toOrigin (a, x) -> h_a^-1(x), the image of accelerator x under the element taking a to 0
     */
    public static Optional<TrainingStep> of(int accelerators, int iterations, List<String> layerNames,
            IntBinaryOperator toOrigin, Consumer<StepSink> fill) {
        return of(accelerators, iterations, layerNames, a -> 0, toOrigin, fill);
    }

    /**
     * The representatives' share of the step that {@code fill} adds, or empty where the step is not
     * symmetric under the group.
     *
     * @param representative a -> r(a), its orbit's representative
     * @param toRep (a, x) -> h_a^-1(x), the image of accelerator x under the element taking a to r(a)
     */
    public static Optional<TrainingStep> of(int accelerators, int iterations, List<String> layerNames,
            IntUnaryOperator representative, IntBinaryOperator toRep, Consumer<StepSink> fill) {
        return of(accelerators, iterations, layerNames, representative, toRep, 1024, fill);
    }

    /** {@link #of(int, int, List, IntUnaryOperator, IntBinaryOperator, Consumer)} with room for {@code tasks} tasks from the start. */
    public static Optional<TrainingStep> of(int accelerators, int iterations, List<String> layerNames,
            IntUnaryOperator representative, IntBinaryOperator toRep, int tasks,
            Consumer<StepSink> fill) {
        RepresentativeBuilder b = new RepresentativeBuilder(accelerators, iterations, layerNames, representative,
                toRep, tasks);
        try {
            fill.accept(b);
        } catch (NotSymmetric e) {
            return Optional.empty();
        }
        return b.build();
    }

    /**
     * @param representative a -> r(a), its orbit's representative
     * @param toRep (a, x) -> h_a^-1(x), the image of accelerator x under the element taking a to r(a)
     */
    public RepresentativeBuilder(int accelerators, int iterations, List<String> layerNames,
            IntUnaryOperator representative, IntBinaryOperator toRep) {
        this(accelerators, iterations, layerNames, representative, toRep, 1024);
    }

    private RepresentativeBuilder(int accelerators, int iterations, List<String> layerNames,
            IntUnaryOperator representative, IntBinaryOperator toRep, int tasks) {
        this.accelerators = accelerators;
        this.toRep = toRep;
        this.slots = new TaskSlots(accelerators, tasks);
        this.hash = new long[slots.capacity()];
        this.repOf = new int[accelerators];
        this.wholeIds = new int[accelerators][];
        this.reducedIds = new int[accelerators][];
        int representatives = 0;
        for (int a = 0; a < accelerators; a++) {
            repOf[a] = representative.applyAsInt(a);
            if (repOf[a] < 0 || repOf[a] >= accelerators || representative.applyAsInt(repOf[a]) != repOf[a]) {
                throw new IllegalArgumentException("accelerator " + a + "'s representative " + repOf[a]
                        + " is not its own representative");
            }
            if (repOf[a] == a) {
                wholeIds[a] = new int[16];
                reducedIds[a] = new int[16];
                representatives++;
            }
        }
        // a symmetric step of that many tasks has this share: held without copies
        this.rep = new TrainingStep.Builder(accelerators, iterations, layerNames,
                (int) Math.min(Integer.MAX_VALUE - 8, (long) tasks * representatives / accelerators));
    }

    @Override
    public int compute(int iteration, int accelerator, ComputeWork work, int layer) {
        TrainingStep.checkAccelerator(accelerators, accelerator);
        int slot = slots.count(accelerator);
        int r = repOf[accelerator];
        int reduced = -1;
        if (r == accelerator) {
            reduced = rep.compute(iteration, accelerator, work, layer);
        } else if (slot < slots.count(r)) {
            if (!rep.isCompute(reducedIds[r][slot], work.phase(), iteration, layer, work)) {
                throw new NotSymmetric("compute task in slot " + slot + " of accelerator " + accelerator
                        + " differs from its representative's");
            }
        }
        return add(accelerator, reduced, TaskSlots.compute(iteration, work, layer));
    }

    @Override
    public int transfer(int iteration, int src, int dst, int level, int layer, TransferKind kind, double bytes) {
        TrainingStep.checkTransfer(accelerators, src, dst, bytes);
        int slot = slots.count(src);
        int r = repOf[src];
        int reduced = -1;
        if (r == src) {
            reduced = rep.transfer(iteration, src, dst, level, layer, kind, bytes);
        } else if (slot < slots.count(r)) {
            if (!rep.isTransfer(reducedIds[r][slot], iteration, layer, kind, bytes, toRep.applyAsInt(src, dst))) {
                throw new NotSymmetric("transfer in slot " + slot + " of accelerator " + src
                        + " differs from its representative's");
            }
        }
        return add(src, reduced, TaskSlots.transfer(iteration, layer, kind, bytes, toRep.applyAsInt(src, dst)));
    }

    @Override
    public void depends(int task, int on) {
        slots.checkDependency(task, on);
        int a = slots.accelerator(task);
        hash[task] += Hashes.mix(toRep.applyAsInt(a, slots.accelerator(on)), slots.slot(on));
        if (repOf[a] == a) {
            if (repDepCount == repDeps.length) {
                repDeps = Arrays.copyOf(repDeps, repDepCount * 2);
            }
            repDeps[repDepCount++] = (long) reducedIds[a][slots.slot(task)] << 32 | on;
        }
    }

    /**
     * The representatives' tasks with their dependencies by slot, or empty where the graph is not
     * symmetric after all (an accelerator with another number of tasks than its representative, or
     * a task whose dependencies are not its representative's).
     */
    public Optional<TrainingStep> build() {
        for (int a = 0; a < accelerators; a++) {
            if (slots.count(a) != slots.count(repOf[a])) {
                return Optional.empty();
            }
        }
        for (int id = 0; id < slots.size(); id++) {
            if (hash[id] != hash[wholeIds[repOf[slots.accelerator(id)]][slots.slot(id)]]) {
                return Optional.empty();
            }
        }
        // as the whole graph lists a task's predecessors: by the id of the task waited for
        Arrays.sort(repDeps, 0, repDepCount);
        rep.reserveDependencies(repDepCount);
        for (int i = 0; i < repDepCount; i++) {
            int on = (int) repDeps[i];
            rep.depends((int) (repDeps[i] >>> 32), reducedIds[repOf[slots.accelerator(on)]][slots.slot(on)]);
        }
        return Optional.of(rep.build());
    }

    /** Adds a task: {@code content} hashes it as its representative's would be (peer taken back by h_a^-1). */
    private int add(int accelerator, int reduced, long content) {
        int id = slots.add(accelerator);
        if (id == hash.length) {
            hash = Arrays.copyOf(hash, slots.capacity());
        }
        hash[id] = content;
        if (reduced >= 0) {
            int slot = slots.slot(id);
            if (slot == wholeIds[accelerator].length) {
                wholeIds[accelerator] = Arrays.copyOf(wholeIds[accelerator], slot * 2);
                reducedIds[accelerator] = Arrays.copyOf(reducedIds[accelerator], slot * 2);
            }
            wholeIds[accelerator][slot] = id;
            reducedIds[accelerator][slot] = reduced;
        }
        return id;
    }
}
