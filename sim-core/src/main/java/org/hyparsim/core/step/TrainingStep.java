package org.hyparsim.core.step;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;
import org.hyparsim.core.InputException;
import org.hyparsim.core.Limits;

/**
 * The task graph of one or more training steps on an array: compute tasks per accelerator and
 * transfers between accelerators, with their dependencies. Built with {@link Builder}.
 *
 * <p>Held as columns, one array per field indexed by task id, and the dependencies as two
 * adjacency lists packed in arrays (each task's successors in the order they were given, its
 * predecessors by the id of the task waited for): a replay holds about half the memory it held
 * with a task object and two lists per task (the README has the figures). {@link #task} makes
 * one task as a {@link Task}; a replay reads the columns through the accessors by id.
 */
public final class TrainingStep {
    private static final TaskKind[] KINDS = TaskKind.values();
    private static final TransferKind[] TRANSFER_KINDS = TransferKind.values();
    private final int accelerators;
    private final int iterations;
    private final List<String> layerNames;
    private final int size;
    private final byte[] kind;
    private final int[] iteration;
    private final int[] layer;
    private final int[] accelerator;
    /** A transfer's receiver, level, kind (ordinal) and bytes; a compute task's work. */
    private final int[] peer;
    private final int[] level;
    private final byte[] transferKind;
    private final double[] bytes;
    private final ComputeWork[] work;
    /** The same columns, for {@link #task}. */
    private final Columns columns;
    /** Task i's successors are successor[successorStart[i] .. successorStart[i + 1]), its predecessors alike. */
    private final int[] successorStart;
    private final int[] successor;
    private final int[] predecessorStart;
    private final int[] predecessor;

    private TrainingStep(Builder b, int[] successorStart, int[] successor, int[] predecessorStart, int[] predecessor) {
        this.accelerators = b.accelerators;
        this.iterations = b.iterations;
        this.layerNames = List.copyOf(b.layerNames);
        this.size = b.size;
        if (b.kind.length != size) {
            b.resize(size); // the builder's spare room is not kept
        }
        this.kind = b.kind;
        this.iteration = b.iteration;
        this.layer = b.layer;
        this.accelerator = b.accelerator;
        this.peer = b.peer;
        this.level = b.level;
        this.transferKind = b.transferKind;
        this.bytes = b.bytes;
        this.work = b.work;
        this.columns = new Columns(kind, iteration, layer, accelerator, peer, level, transferKind, bytes, work);
        this.successorStart = successorStart;
        this.successor = successor;
        this.predecessorStart = predecessorStart;
        this.predecessor = predecessor;
    }

    public int accelerators() {
        return accelerators;
    }

    public int iterations() {
        return iterations;
    }

    public List<String> layerNames() {
        return layerNames;
    }

    /** The tasks by id, each made from the columns as it is read. */
    public List<Task> tasks() {
        return new TaskList();
    }

    public Task task(int id) {
        return columns.task(id);
    }

    public int size() {
        return size;
    }

    /** Task {@code id}'s kind, without making the task. */
    public TaskKind kind(int id) {
        return KINDS[kind[id]];
    }

    public boolean isTransfer(int id) {
        return kind[id] == TaskKind.TRANSFER.ordinal();
    }

    public int iteration(int id) {
        return iteration[id];
    }

    public int accelerator(int id) {
        return accelerator[id];
    }

    /** A transfer's receiver; -1 for a compute task. */
    public int peer(int id) {
        return peer[id];
    }

    /** A transfer's bytes; 0 for a compute task. */
    public double bytes(int id) {
        return bytes[id];
    }

    /** A compute task's work; null for a transfer. */
    public ComputeWork work(int id) {
        return work[id];
    }

    /** The tasks that wait for this one, in the order the dependencies were given (a copy). */
    public int[] successors(int id) {
        return Arrays.copyOfRange(successor, successorStart[id], successorStart[id + 1]);
    }

    /** The tasks this one waits for, by id (a copy). */
    public int[] predecessors(int id) {
        return Arrays.copyOfRange(predecessor, predecessorStart[id], predecessorStart[id + 1]);
    }

    /** Where task id's successors start in {@link #successorAt}; they end where id + 1's start. */
    public int successorStart(int id) {
        return successorStart[id];
    }

    public int successorAt(int index) {
        return successor[index];
    }

    /** Where task id's predecessors start in {@link #predecessorAt}; they end where id + 1's start. */
    public int predecessorStart(int id) {
        return predecessorStart[id];
    }

    public int predecessorAt(int index) {
        return predecessor[index];
    }

    /** Sum of transfer bytes. */
    public double transferBytes() {
        double s = 0;
        for (int i = 0; i < size; i++) {
            if (isTransfer(i)) {
                s += bytes[i];
            }
        }
        return s;
    }

    /**
     * The task columns, for making a task from them: the graph keeps one (its hot accessors read
     * its own array fields), the builder makes one where a task is asked of it.
     */
    private record Columns(byte[] kind, int[] iteration, int[] layer, int[] accelerator, int[] peer, int[] level,
            byte[] transferKind, double[] bytes, ComputeWork[] work) {
        Task task(int id) {
            TaskKind k = KINDS[kind[id]];
            return new Task(id, k, iteration[id], layer[id], accelerator[id], k == TaskKind.TRANSFER
                    ? new Task.Transfer(peer[id], level[id], TRANSFER_KINDS[transferKind[id]], bytes[id]) : null, work[id]);
        }
    }

    /** The tasks as a list, each made as it is read. */
    private final class TaskList extends AbstractList<Task> implements RandomAccess {
        @Override
        public Task get(int index) {
            if (index < 0 || index >= size) {
                throw new IndexOutOfBoundsException(index);
            }
            return task(index);
        }

        @Override
        public int size() {
            return size;
        }
    }

    /** Refuses an accelerator index outside the array. */
    static void checkAccelerator(int accelerators, int a) {
        if (a < 0 || a >= accelerators) {
            throw new IllegalArgumentException("accelerator " + a + " outside 0.." + (accelerators - 1));
        }
    }

    /** Refuses a transfer that does not join two accelerators of the array or carries no bytes. */
    static void checkTransfer(int accelerators, int src, int dst, double bytes) {
        checkAccelerator(accelerators, src);
        checkAccelerator(accelerators, dst);
        if (src == dst) {
            throw new IllegalArgumentException("a transfer joins two accelerators");
        }
        if (!(bytes > 0) || Double.isInfinite(bytes)) {
            throw new IllegalArgumentException("a transfer carries a positive, finite number of bytes");
        }
    }

    /** Assembles a graph; task ids are given in the order tasks are added. */
    public static final class Builder implements StepSink {
        private final int accelerators;
        private final int iterations;
        private final List<String> layerNames;
        private int size;
        private byte[] kind = new byte[0];
        private int[] iteration = new int[0];
        private int[] layer = new int[0];
        private int[] accelerator = new int[0];
        private int[] peer = new int[0];
        private int[] level = new int[0];
        private byte[] transferKind = new byte[0];
        private double[] bytes = new double[0];
        private ComputeWork[] work = new ComputeWork[0];
        /** Dependencies in the order given: edge e makes edgeTask[e] wait for edgeOn[e]. */
        private int[] edgeTask = new int[1024];
        private int[] edgeOn = new int[1024];
        private int edges;
        /** Whether {@link #build} has handed the columns over to the graph (the builder takes nothing after). */
        private boolean built;

        /** Tasks this graph may hold ({@link Limits#maxTasks()}). */
        private final long maxTasks;

        public Builder(int accelerators, int iterations, List<String> layerNames) {
            this(accelerators, iterations, layerNames, 1024);
        }

        /** A builder with room for {@code tasks} tasks from the start (a graph of that size is held without copies). */
        public Builder(int accelerators, int iterations, List<String> layerNames, int tasks) {
            if (accelerators < 1 || iterations < 1) {
                throw new IllegalArgumentException("at least one accelerator and one iteration");
            }
            this.accelerators = accelerators;
            this.iterations = iterations;
            this.layerNames = layerNames;
            this.maxTasks = Limits.maxTasks();
            resize((int) Math.max(16, Math.min(tasks, maxTasks)));
        }

        /** Room for {@code more} dependencies beyond those given so far. */
        public void reserveDependencies(int more) {
            if (edgeTask.length - edges < more) {
                int grown = (int) Math.min(Integer.MAX_VALUE - 8, (long) edges + more);
                edgeTask = Arrays.copyOf(edgeTask, grown);
                edgeOn = Arrays.copyOf(edgeOn, grown);
            }
        }

        @Override
        public int compute(int iteration, int accelerator, ComputeWork work, int layer) {
            checkAccelerator(accelerator);
            int id = add(work.phase(), iteration, layer, accelerator);
            this.peer[id] = -1;
            this.work[id] = work;
            return id;
        }

        @Override
        public int transfer(int iteration, int src, int dst, int level, int layer, TransferKind kind, double bytes) {
            checkTransfer(accelerators, src, dst, bytes);
            int id = add(TaskKind.TRANSFER, iteration, layer, src);
            this.peer[id] = dst;
            this.level[id] = level;
            this.transferKind[id] = (byte) kind.ordinal();
            this.bytes[id] = bytes;
            return id;
        }

        /** Task {@code task} cannot start before {@code on} has finished. */
        @Override
        public void depends(int task, int on) {
            checkOpen();
            if (task < 0 || on < 0 || task >= size || on >= size || task == on) {
                throw new IllegalArgumentException("bad dependency " + task + " on " + on);
            }
            if (edges == edgeTask.length) {
                int grown = (int) Math.min(Integer.MAX_VALUE - 8, 2L * edges);
                edgeTask = Arrays.copyOf(edgeTask, grown);
                edgeOn = Arrays.copyOf(edgeOn, grown);
            }
            edgeTask[edges] = task;
            edgeOn[edges] = on;
            edges++;
        }

        public int edges() {
            return edges;
        }

        /** Tasks added so far. */
        public int size() {
            return size;
        }

        /**
         * Whether the task with this id, added earlier, is a compute task of this phase, iteration,
         * layer and work (compared without making the task).
         */
        public boolean isCompute(int id, TaskKind phase, int iteration, int layer, ComputeWork work) {
            return kind[id] == phase.ordinal() && this.iteration[id] == iteration
                    && this.layer[id] == layer && this.work[id].equals(work);
        }

        /** Whether the task with this id, added earlier, is a transfer of this iteration, layer, kind, bytes and receiver. */
        public boolean isTransfer(int id, int iteration, int layer, TransferKind kind, double bytes, int peer) {
            return this.kind[id] == TaskKind.TRANSFER.ordinal() && this.iteration[id] == iteration
                    && this.layer[id] == layer && transferKind[id] == kind.ordinal() && this.bytes[id] == bytes
                    && this.peer[id] == peer;
        }

        /** The task with this id, added earlier. */
        public Task task(int id) {
            if (id < 0 || id >= size) {
                throw new IndexOutOfBoundsException(id);
            }
            return new Columns(kind, iteration, layer, accelerator, peer, level, transferKind, bytes, work).task(id);
        }

        private int add(TaskKind k, int it, int l, int a) {
            checkOpen();
            int id = size;
            if (id >= maxTasks) {
                throw new InputException(null, "accelerators", "the task graph to replay reaches "
                        + maxTasks + " tasks, the limit of a graph held in memory (system property "
                        + Limits.property("maxTasks") + "): the array's symmetry, if any, does not cut"
                        + " the step below it");
            }
            if (id == kind.length) {
                resize((int) Math.min(Integer.MAX_VALUE - 8, 2L * id));
            }
            kind[id] = (byte) k.ordinal();
            iteration[id] = it;
            layer[id] = l;
            accelerator[id] = a;
            size++;
            return id;
        }

        private void checkOpen() {
            if (built) {
                throw new IllegalStateException("the graph was built: its builder takes no more tasks");
            }
        }

        private void resize(int n) {
            kind = Arrays.copyOf(kind, n);
            iteration = Arrays.copyOf(iteration, n);
            layer = Arrays.copyOf(layer, n);
            accelerator = Arrays.copyOf(accelerator, n);
            peer = Arrays.copyOf(peer, n);
            level = Arrays.copyOf(level, n);
            transferKind = Arrays.copyOf(transferKind, n);
            bytes = Arrays.copyOf(bytes, n);
            work = Arrays.copyOf(work, n);
        }

        private void checkAccelerator(int a) {
            TrainingStep.checkAccelerator(accelerators, a);
        }

        /**
         * The graph: each task's successors in the order its dependencies were given, its
         * predecessors by the id of the task waited for (in the order of that task's successors).
         */
        public TrainingStep build() {
            checkOpen();
            built = true;
            int n = size;
            int[] succStart = new int[n + 1];
            for (int e = 0; e < edges; e++) {
                succStart[edgeOn[e] + 1]++;
            }
            for (int i = 0; i < n; i++) {
                succStart[i + 1] += succStart[i];
            }
            int[] succ = new int[edges];
            int[] at = Arrays.copyOf(succStart, n);
            for (int e = 0; e < edges; e++) {
                succ[at[edgeOn[e]]++] = edgeTask[e];
            }
            int[] predStart = new int[n + 1];
            for (int e = 0; e < edges; e++) {
                predStart[edgeTask[e] + 1]++;
            }
            for (int i = 0; i < n; i++) {
                predStart[i + 1] += predStart[i];
            }
            int[] pred = new int[edges];
            at = Arrays.copyOf(predStart, n);
            for (int i = 0; i < n; i++) {
                for (int k = succStart[i]; k < succStart[i + 1]; k++) {
                    pred[at[succ[k]]++] = i;
                }
            }
            return new TrainingStep(this, succStart, succ, predStart, pred);
        }
    }
}
