package org.hyparsim.core.step;

import java.util.Arrays;
import org.hyparsim.core.Hashes;
import org.hyparsim.core.engine.Deadline;

/**
 * What a sink that does not hold the graph keeps of each task as a step is built: its
 * accelerator and its slot (its rank among that accelerator's tasks), by id, 8 bytes a task; and
 * the hashes of a task's content that the sinks compare.
 */
final class TaskSlots {
    private final int[] count;
    private int[] accOf;
    private int[] slotOf;
    private int size;

    TaskSlots(int accelerators, int capacity) {
        this.count = new int[accelerators];
        this.accOf = new int[Math.max(16, capacity)];
        this.slotOf = new int[accOf.length];
    }

    /** Adds a task of an accelerator; returns its id. */
    int add(int accelerator) {
        int id = size++;
        if ((id & 0xffff) == 0) {
            Deadline.check();
        }
        if (id == accOf.length) {
            int grown = (int) Math.min(Integer.MAX_VALUE - 8, 2L * id);
            accOf = Arrays.copyOf(accOf, grown);
            slotOf = Arrays.copyOf(slotOf, grown);
        }
        accOf[id] = accelerator;
        slotOf[id] = count[accelerator]++;
        return id;
    }

    /** Room for ids below this without growing. */
    int capacity() {
        return accOf.length;
    }

    int size() {
        return size;
    }

    int accelerator(int id) {
        return accOf[id];
    }

    int slot(int id) {
        return slotOf[id];
    }

    /** An accelerator's tasks so far. */
    int count(int accelerator) {
        return count[accelerator];
    }

    /** Checks a dependency's ids. */
    void checkDependency(int task, int on) {
        if (task < 0 || on < 0 || task >= size || on >= size || task == on) {
            throw new IllegalArgumentException("bad dependency " + task + " on " + on);
        }
    }

    /** A compute task's content: kind, iteration, layer and work. */
    static long compute(int iteration, ComputeWork work, int layer) {
        return Hashes.mix(key(work.phase(), iteration, layer) ^ work.hashCode());
    }

    /** A transfer's content: iteration, layer, bytes, kind and its peer as {@code peerKey}. */
    static long transfer(int iteration, int layer, TransferKind kind, double bytes, int peerKey) {
        return Hashes.mix(key(TaskKind.TRANSFER, iteration, layer)
                ^ Hashes.mix(Double.doubleToLongBits(bytes))
                ^ Hashes.mix(((long) kind.ordinal() << 32) | peerKey));
    }

    private static long key(TaskKind kind, int iteration, int layer) {
        return ((long) kind.ordinal() << 40) ^ ((long) iteration << 20) ^ layer;
    }
}
