package org.hyparsim.results.chakra;

import java.util.stream.IntStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hyparsim.core.step.TrainingStep;
import org.hyparsim.core.step.TransferKind;

/**
 * The all-reduces of a training step recovered from its transfers: the intra-layer transfers of
 * one iteration, layer and kind are one collective expansion (the step builder adds them
 * together); the members each group of it joins are its communicator group. Every member holds S
 * = its sent bytes x n / (2(n - 1)): the builder sizes S so, whatever the algorithm.
 */
final class CollectiveInstances {
    /** One group's all-reduce: members in ascending order, the per-member buffer S, its first transfer. */
    record Instance(int[] members, double bytes, int firstTask) {
    }

    /** For each task, the index of its instance, or -1. */
    final int[] instanceOf;
    final List<Instance> instances = new ArrayList<>();

    CollectiveInstances(TrainingStep step) {
        instanceOf = new int[step.size()];
        Arrays.fill(instanceOf, -1);
        int i = 0;
        while (i < step.size()) {
            if (!intra(step, i)) {
                i++;
                continue;
            }
            int end = i;
            while (end < step.size() && sameExpansion(step, i, end)) {
                end++;
            }
            split(step, i, end);
            i = end;
        }
    }

    private static boolean intra(TrainingStep step, int id) {
        return step.isTransfer(id) && step.task(id).transferKind().intraLayer();
    }

    private static boolean sameExpansion(TrainingStep step, int first, int id) {
        if (!intra(step, id)) {
            return false;
        }
        TransferKind k = step.task(first).transferKind();
        return step.task(id).transferKind() == k && step.task(id).layer() == step.task(first).layer()
                && step.iteration(id) == step.iteration(first);
    }

    /** The expansion [from, to) split into its groups (connected components of its transfers). */
    private void split(TrainingStep step, int from, int to) {
        int n = step.accelerators();
        int[] parent = new int[n];
        for (int a = 0; a < n; a++) {
            parent[a] = a;
        }
        double[] sent = new double[n];
        for (int id = from; id < to; id++) {
            int a = find(parent, step.accelerator(id));
            int b = find(parent, step.peer(id));
            parent[a] = b;
            sent[step.accelerator(id)] += step.bytes(id);
        }
        int[] instanceOfRoot = new int[n];
        Arrays.fill(instanceOfRoot, -1);
        for (int id = from; id < to; id++) {
            int root = find(parent, step.accelerator(id));
            if (instanceOfRoot[root] < 0) {
                int src = step.accelerator(id);
                int[] members = IntStream.range(0, n)
                        .filter(a -> find(parent, a) == root && (sent[a] > 0 || a == src)).toArray();
                int m = members.length;
                instanceOfRoot[root] = instances.size();
                instances.add(new Instance(members, sent[src] * m / (2.0 * (m - 1)), id));
            }
            instanceOf[id] = instanceOfRoot[root];
        }
    }

    private static int find(int[] parent, int a) {
        while (parent[a] != a) {
            parent[a] = parent[parent[a]];
            a = parent[a];
        }
        return a;
    }
}
