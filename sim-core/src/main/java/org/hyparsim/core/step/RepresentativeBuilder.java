package org.hyparsim.core.step;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.IntBinaryOperator;

/**
 * Builds accelerator 0's share of a step directly, as {@link SymmetricStep#reduce} would cut it
 * from the whole graph, while checking, task by task, that the graph being built is symmetric.
 * The whole graph is never held: per task only its accelerator, its slot and a hash of its
 * dependencies.
 *
 * <p>The group acts regularly, so for each accelerator a exactly one element h_a takes 0 to a;
 * {@code toOrigin(a, x)} is h_a^-1(x). The graph is invariant under the group exactly when every
 * task in slot k of every accelerator a is h_a of accelerator 0's task in slot k (for any g,
 * g h_a = h_g(a)). Each task is compared with its representative as it is added (kind, iteration,
 * layer, work or bytes and transfer kind, its peer taken back by h_a^-1); a task that arrives
 * before its representative, or differs from it, ends the build ({@link NotSymmetric}). Its
 * dependencies, as (accelerator taken back by h_a^-1, slot), are summed as 64-bit hashes and
 * compared with the representative's at the end. The representative's dependencies are carried
 * over by slot in the order the whole graph would list them, so the reduced graph is the one
 * {@link SymmetricStep#reduce} makes.
 */
public final class RepresentativeBuilder implements StepSink {
    /** Thrown while building where the step is not symmetric: the caller builds it whole instead. */
    public static final class NotSymmetric extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotSymmetric(String why) {
            super(why, null, false, false);
        }
    }

    private final int accelerators;
    private final IntBinaryOperator toOrigin;
    private final TrainingStep.Builder rep;
    private final int[] count;
    /** Per slot of accelerator 0, that task's id in the whole graph. */
    private int[] repIds = new int[1024];
    private int[] accOf = new int[1024];
    private int[] slotOf = new int[1024];
    private long[] depHash = new long[1024];
    private int size;
    /** Accelerator 0's dependencies, each (slot << 32 | id of the task it waits for) then that task's slot. */
    private long[] repDeps = new long[1024];
    private int[] repDepSlots = new int[1024];
    private int repDepCount;

    /**
     * Accelerator 0's share of the step that {@code fill} adds, or empty where the step is not
     * symmetric under the group.
     *
     * @param toOrigin (a, x) -> h_a^-1(x), the image of accelerator x under the element taking a to 0
     */
    public static Optional<TrainingStep> of(int accelerators, int iterations, List<String> layerNames,
            IntBinaryOperator toOrigin, java.util.function.Consumer<StepSink> fill) {
        RepresentativeBuilder b = new RepresentativeBuilder(accelerators, iterations, layerNames, toOrigin);
        try {
            fill.accept(b);
        } catch (NotSymmetric e) {
            return Optional.empty();
        }
        return b.build();
    }

    /**
     * @param toOrigin (a, x) -> h_a^-1(x), the image of accelerator x under the element taking a to 0
     */
    public RepresentativeBuilder(int accelerators, int iterations, List<String> layerNames,
            IntBinaryOperator toOrigin) {
        this.accelerators = accelerators;
        this.toOrigin = toOrigin;
        this.rep = new TrainingStep.Builder(accelerators, iterations, layerNames);
        this.count = new int[accelerators];
    }

    @Override
    public int compute(int iteration, int accelerator, ComputeWork work, int layer) {
        TrainingStep.checkAccelerator(accelerators, accelerator);
        int slot = count[accelerator];
        if (accelerator == 0) {
            rep.compute(iteration, 0, work, layer);
        } else {
            Task r = representative(accelerator, slot);
            if (r.isTransfer() || r.kind() != work.phase() || r.iteration() != iteration || r.layer() != layer
                    || !r.work().equals(work)) {
                throw new NotSymmetric("compute task in slot " + slot + " of accelerator " + accelerator
                        + " differs from accelerator 0's");
            }
        }
        return add(accelerator);
    }

    @Override
    public int transfer(int iteration, int src, int dst, int level, int layer, TransferKind kind, double bytes) {
        TrainingStep.checkTransfer(accelerators, src, dst, bytes);
        int slot = count[src];
        if (src == 0) {
            rep.transfer(iteration, 0, dst, level, layer, kind, bytes);
        } else {
            Task r = representative(src, slot);
            if (!r.isTransfer() || r.iteration() != iteration || r.layer() != layer || r.transferKind() != kind
                    || r.bytes() != bytes || r.peer() != toOrigin.applyAsInt(src, dst)) {
                throw new NotSymmetric("transfer in slot " + slot + " of accelerator " + src
                        + " differs from accelerator 0's");
            }
        }
        return add(src);
    }

    @Override
    public void depends(int task, int on) {
        if (task < 0 || on < 0 || task >= size || on >= size || task == on) {
            throw new IllegalArgumentException("bad dependency " + task + " on " + on);
        }
        int a = accOf[task];
        int onSlot = slotOf[on];
        depHash[task] += mix(toOrigin.applyAsInt(a, accOf[on]), onSlot);
        if (a == 0) {
            if (repDepCount == repDeps.length) {
                repDeps = Arrays.copyOf(repDeps, repDepCount * 2);
                repDepSlots = Arrays.copyOf(repDepSlots, repDepCount * 2);
            }
            repDeps[repDepCount] = (long) slotOf[task] << 32 | on;
            repDepSlots[repDepCount++] = onSlot;
        }
    }

    /**
     * Accelerator 0's tasks with their dependencies by slot, or empty where the graph is not
     * symmetric after all (an accelerator with another number of tasks, or a task whose
     * dependencies are not its representative's).
     */
    public Optional<TrainingStep> build() {
        int slots = count[0];
        for (int c : count) {
            if (c != slots) {
                return Optional.empty();
            }
        }
        for (int id = 0; id < size; id++) {
            if (depHash[id] != depHash[repIds[slotOf[id]]]) {
                return Optional.empty();
            }
        }
        // as the whole graph lists a task's predecessors: by the id of the task waited for
        Integer[] order = new Integer[repDepCount];
        for (int i = 0; i < repDepCount; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> Long.compare(repDeps[x], repDeps[y]));
        for (int i : order) {
            rep.depends((int) (repDeps[i] >>> 32), repDepSlots[i]);
        }
        return Optional.of(rep.build());
    }

    private Task representative(int accelerator, int slot) {
        if (slot >= count[0]) {
            throw new NotSymmetric("accelerator " + accelerator + " has a task in slot " + slot
                    + " before accelerator 0 has one");
        }
        return rep.task(slot);
    }

    private int add(int accelerator) {
        int id = size++;
        if (id == accOf.length) {
            accOf = Arrays.copyOf(accOf, id * 2);
            slotOf = Arrays.copyOf(slotOf, id * 2);
            depHash = Arrays.copyOf(depHash, id * 2);
        }
        int slot = count[accelerator]++;
        accOf[id] = accelerator;
        slotOf[id] = slot;
        if (accelerator == 0) {
            if (slot == repIds.length) {
                repIds = Arrays.copyOf(repIds, slot * 2);
            }
            repIds[slot] = id;
        }
        return id;
    }

    /** A 64-bit hash of (accelerator, slot), SplitMix64's finaliser. */
    private static long mix(int accelerator, int slot) {
        return mix(((long) accelerator << 32 | slot & 0xffffffffL) + 0x9E3779B97F4A7C15L);
    }

    /** A 64-bit finaliser (SplitMix64's): every input bit moves about half the output bits. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
