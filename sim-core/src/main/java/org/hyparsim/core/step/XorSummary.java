package org.hyparsim.core.step;

import static org.hyparsim.core.step.RepresentativeBuilder.mix;

import java.util.Arrays;

/**
 * Per accelerator, a 64-bit summary of its tasks as a step is built, relative to the accelerator
 * (peers and predecessors' accelerators as XOR distances), without holding the graph: per task
 * only its accelerator and slot (8 bytes). A task in slot k adds a hash of (k, kind, iteration,
 * layer, work or bytes and transfer kind, the peer's XOR distance); a dependency adds a hash of
 * (k, the predecessor's XOR distance and slot). Sums do not depend on the order dependencies are
 * given, as invariance does not. Where XOR by m maps the graph onto itself, every accelerator's
 * summary equals its image's; {@link #invariantMasks} keeps the masks for which they all do.
 */
public final class XorSummary implements StepSink {
    private final int accelerators;
    private final int[] count;
    private final long[] summary;
    private int[] accOf = new int[1024];
    private int[] slotOf = new int[1024];
    private int size;

    public XorSummary(int accelerators) {
        this.accelerators = accelerators;
        this.count = new int[accelerators];
        this.summary = new long[accelerators];
    }

    /** The summaries of a graph built already, its tasks and dependencies given in its order. */
    public static XorSummary of(TrainingStep step) {
        XorSummary s = new XorSummary(step.accelerators());
        for (Task t : step.tasks()) {
            if (t.isTransfer()) {
                s.transfer(t.iteration(), t.accelerator(), t.peer(), t.level(), t.layer(), t.transferKind(), t.bytes());
            } else {
                s.compute(t.iteration(), t.accelerator(), t.work(), t.layer());
            }
        }
        for (Task t : step.tasks()) {
            for (int p : step.predecessors(t.id())) {
                s.depends(t.id(), p);
            }
        }
        return s;
    }

    @Override
    public int compute(int iteration, int accelerator, ComputeWork work, int layer) {
        TrainingStep.checkAccelerator(accelerators, accelerator);
        return add(accelerator, mix(key(work.phase(), iteration, layer) ^ work.hashCode()));
    }

    @Override
    public int transfer(int iteration, int src, int dst, int level, int layer, TransferKind kind, double bytes) {
        TrainingStep.checkTransfer(accelerators, src, dst, bytes);
        return add(src, mix(key(TaskKind.TRANSFER, iteration, layer) ^ mix(Double.doubleToLongBits(bytes))
                ^ mix(((long) kind.ordinal() << 32) | (src ^ dst))));
    }

    @Override
    public void depends(int task, int on) {
        if (task < 0 || on < 0 || task >= size || on >= size || task == on) {
            throw new IllegalArgumentException("bad dependency " + task + " on " + on);
        }
        int a = accOf[task];
        summary[a] += mix(mix(slotOf[task] + 0x5851F42D4C957F2DL) ^ mix(accOf[on] ^ a, slotOf[on]));
    }

    /** Tasks added so far. */
    public int size() {
        return size;
    }

    /**
     * The masks, of those given, whose XOR of accelerator indices maps the graph onto itself as far
     * as the summaries tell: they include every mask that does, and where summaries do not
     * collide, no other; the caller checks the group they span exactly.
     */
    public int[] invariantMasks(int[] masks) {
        return Arrays.stream(masks).filter(m -> {
            for (int a = 0; a < accelerators; a++) {
                if (count[a] != count[a ^ m] || summary[a] != summary[a ^ m]) {
                    return false;
                }
            }
            return true;
        }).toArray();
    }

    static long key(TaskKind kind, int iteration, int layer) {
        return ((long) kind.ordinal() << 40) ^ ((long) iteration << 20) ^ layer;
    }

    private int add(int accelerator, long task) {
        int id = size++;
        if ((id & 0xffff) == 0) {
            org.hyparsim.core.engine.Deadline.check();
        }
        if (id == accOf.length) {
            int grown = (int) Math.min(Integer.MAX_VALUE - 8, 2L * id);
            accOf = Arrays.copyOf(accOf, grown);
            slotOf = Arrays.copyOf(slotOf, grown);
        }
        int slot = count[accelerator]++;
        accOf[id] = accelerator;
        slotOf[id] = slot;
        summary[accelerator] += mix(mix(slot + 0x2545F4914F6CDD1DL) ^ task);
        return id;
    }
}
