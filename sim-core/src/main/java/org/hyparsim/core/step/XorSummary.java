package org.hyparsim.core.step;

import static org.hyparsim.core.Hashes.mix;

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
    private final TaskSlots slots;
    private final long[] summary;

    public XorSummary(int accelerators) {
        this.accelerators = accelerators;
        this.slots = new TaskSlots(accelerators, 1024);
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
        return add(accelerator, TaskSlots.compute(iteration, work, layer));
    }

    @Override
    public int transfer(int iteration, int src, int dst, int level, int layer, TransferKind kind, double bytes) {
        TrainingStep.checkTransfer(accelerators, src, dst, bytes);
        return add(src, TaskSlots.transfer(iteration, layer, kind, bytes, src ^ dst));
    }

    @Override
    public void depends(int task, int on) {
        slots.checkDependency(task, on);
        int a = slots.accelerator(task);
        summary[a] += mix(mix(slots.slot(task) + 0x5851F42D4C957F2DL) ^ mix(slots.accelerator(on) ^ a, slots.slot(on)));
    }

    /** Tasks added so far. */
    public int size() {
        return slots.size();
    }

    /**
     * The masks, of those given, whose XOR of accelerator indices maps the graph onto itself as far
     * as the summaries tell: they include every mask that does, and where summaries do not
     * collide, no other; the caller checks the group they span exactly.
     */
    public int[] invariantMasks(int[] masks) {
        return Arrays.stream(masks).filter(m -> {
            for (int a = 0; a < accelerators; a++) {
                if (slots.count(a) != slots.count(a ^ m) || summary[a] != summary[a ^ m]) {
                    return false;
                }
            }
            return true;
        }).toArray();
    }

    private int add(int accelerator, long task) {
        int id = slots.add(accelerator);
        summary[accelerator] += mix(mix(slots.slot(id) + 0x2545F4914F6CDD1DL) ^ task);
        return id;
    }
}
