package org.hyparsim.core.step;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The task graph of one or more training steps on an array: compute tasks per accelerator and
 * transfers between accelerators, with their dependencies. Built with {@link Builder}.
 */
public final class TrainingStep {
    private final int accelerators;
    private final int iterations;
    private final List<String> layerNames;
    private final List<Task> tasks;
    private final int[][] successors;
    private final int[][] predecessors;

    private TrainingStep(int accelerators, int iterations, List<String> layerNames, List<Task> tasks,
            int[][] successors, int[][] predecessors) {
        this.accelerators = accelerators;
        this.iterations = iterations;
        this.layerNames = List.copyOf(layerNames);
        this.tasks = tasks;
        this.successors = successors;
        this.predecessors = predecessors;
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

    public List<Task> tasks() {
        return tasks;
    }

    public Task task(int id) {
        return tasks.get(id);
    }

    public int size() {
        return tasks.size();
    }

    public int[] successors(int id) {
        return successors[id];
    }

    public int[] predecessors(int id) {
        return predecessors[id];
    }

    /** Sum of transfer bytes. */
    public double transferBytes() {
        double s = 0;
        for (Task t : tasks) {
            if (t.isTransfer()) {
                s += t.bytes();
            }
        }
        return s;
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
        private final List<Task> tasks = new ArrayList<>();
        private int[][] succ = new int[1024][];
        private int[] succCount = new int[1024];
        private int[] predCount = new int[1024];
        private int edges;

        /** Tasks this graph may hold ({@link org.hyparsim.core.Limits#maxTasks()}). */
        private final long maxTasks;

        public Builder(int accelerators, int iterations, List<String> layerNames) {
            if (accelerators < 1 || iterations < 1) {
                throw new IllegalArgumentException("at least one accelerator and one iteration");
            }
            this.accelerators = accelerators;
            this.iterations = iterations;
            this.layerNames = layerNames;
            this.maxTasks = org.hyparsim.core.Limits.maxTasks();
        }

        @Override
        public int compute(int iteration, int accelerator, ComputeWork work, int layer) {
            checkAccelerator(accelerator);
            return add(new Task(tasks.size(), work.phase(), iteration, layer, accelerator, null, work));
        }

        @Override
        public int transfer(int iteration, int src, int dst, int level, int layer, TransferKind kind, double bytes) {
            checkTransfer(accelerators, src, dst, bytes);
            return add(new Task(tasks.size(), TaskKind.TRANSFER, iteration, layer, src,
                    new Task.Transfer(dst, level, kind, bytes), null));
        }

        /** Task {@code task} cannot start before {@code on} has finished. */
        @Override
        public void depends(int task, int on) {
            if (task < 0 || on < 0 || task >= tasks.size() || on >= tasks.size() || task == on) {
                throw new IllegalArgumentException("bad dependency " + task + " on " + on);
            }
            int[] s = succ[on];
            if (s == null) {
                s = new int[2];
                succ[on] = s;
            } else if (succCount[on] == s.length) {
                s = Arrays.copyOf(s, s.length * 2);
                succ[on] = s;
            }
            s[succCount[on]++] = task;
            predCount[task]++;
            edges++;
        }

        public int edges() {
            return edges;
        }

        /** Tasks added so far. */
        public int size() {
            return tasks.size();
        }

        /** The task with this id, added earlier. */
        public Task task(int id) {
            return tasks.get(id);
        }

        private int add(Task t) {
            int id = t.id();
            if (id >= maxTasks) {
                throw new org.hyparsim.core.InputException(null, "accelerators", "the task graph to replay reaches "
                        + maxTasks + " tasks, the limit of a graph held in memory (system property "
                        + org.hyparsim.core.Limits.property("maxTasks") + "): the array's symmetry, if any, does not cut"
                        + " the step below it");
            }
            if (id == succ.length) {
                succ = Arrays.copyOf(succ, id * 2);
                succCount = Arrays.copyOf(succCount, id * 2);
                predCount = Arrays.copyOf(predCount, id * 2);
            }
            tasks.add(t);
            return id;
        }

        private void checkAccelerator(int a) {
            TrainingStep.checkAccelerator(accelerators, a);
        }

        public TrainingStep build() {
            int n = tasks.size();
            int[][] successors = new int[n][];
            int[][] predecessors = new int[n][];
            int[] fill = new int[n];
            for (int i = 0; i < n; i++) {
                successors[i] = succ[i] == null ? new int[0] : Arrays.copyOf(succ[i], succCount[i]);
                predecessors[i] = new int[predCount[i]];
            }
            for (int i = 0; i < n; i++) {
                for (int s : successors[i]) {
                    predecessors[s][fill[s]++] = i;
                }
            }
            return new TrainingStep(accelerators, iterations, layerNames, List.copyOf(tasks), successors, predecessors);
        }
    }
}
