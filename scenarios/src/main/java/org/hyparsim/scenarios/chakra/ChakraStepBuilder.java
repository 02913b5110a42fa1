package org.hyparsim.scenarios.chakra;

import java.util.Collections;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hyparsim.core.InputException;
import org.hyparsim.core.step.ComputeCost;
import org.hyparsim.core.step.ComputeWork;
import org.hyparsim.core.step.StepSink;
import org.hyparsim.core.step.TaskKind;
import org.hyparsim.core.step.TrainingStep;
import org.hyparsim.core.step.TransferKind;
import org.hyparsim.core.workload.Layer;
import org.hyparsim.partition.collective.CollectiveOp;
import org.hyparsim.partition.collective.Collectives;
import org.hyparsim.results.chakra.EtAttr;
import org.hyparsim.results.chakra.EtNode;
import org.hyparsim.results.chakra.EtSchema.CollectiveType;
import org.hyparsim.results.chakra.EtSchema.Names;
import org.hyparsim.results.chakra.EtSchema.NodeType;

/**
 * A checked Chakra trace as our task graph. COMP nodes become compute tasks of their duration
 * (our picosecond attribute, else duration_micros), or, with num_ops and no duration, work for the
 * accelerator's compute model ({@link #opsWork}); a SEND and its RECV one transfer; the k-th
 * collective of a group on every member one expansion by the array's collective algorithm over
 * that group (a sub-cube of the array); METADATA and other nodes zero-time compute tasks that
 * keep their dependencies. Data and control dependencies both order the tasks (a node's first
 * tasks wait for the last tasks of the nodes it depends on), except the control chain our own
 * exporter adds for ASTRA-sim's issue order (marked by our attribute), honoured only under the
 * one-communication-at-a-time option.
 */
final class ChakraStepBuilder {
    /** The one layer every imported task belongs to. */
    private static final Layer TRACE_LAYER = Layer.fc("chakra", 1, 1);
    private static final List<String> LAYER_NAMES = List.of("trace");
    /** A node with num_ops and no duration: the name of the linear layer it becomes for our compute model. */
    private static final String OPS_LAYER_NAME = "chakra.num_ops";
    /** Its square weights' width when the node gives no tensor_size, and the widest it may be. */
    private static final long OPS_DEFAULT_WIDTH = 1024;
    private static final long OPS_MAX_WIDTH = 1 << 16;
    /** Bytes per weight of that layer (fp32). */
    private static final double OPS_BYTES_PER_WEIGHT = 4;

    private final ChakraImport.Trace trace;
    private final Collectives collectives;
    private final ChakraImport.Options options;
    private final int n;
    private final TrainingStep.Builder b;
    /** Per rank and node index: the tasks that start it and those that end it. */
    private final List<List<int[]>> starts = new ArrayList<>();
    private final List<List<int[]>> ends = new ArrayList<>();

    ChakraStepBuilder(ChakraImport.Trace trace, Collectives collectives, ChakraImport.Options options) {
        this.trace = trace;
        this.collectives = collectives;
        this.options = options;
        this.n = trace.ranks().size();
        this.b = new TrainingStep.Builder(n, 1, LAYER_NAMES);
    }

    /** The cost of an imported compute task: its duration, carried in the work as samples - 1. */
    static ComputeCost cost(ComputeWork w) {
        return ChakraImport.costOf(Math.round(w.samples() - 1));
    }

    TrainingStep build() {
        for (int r = 0; r < n; r++) {
            int size = trace.ranks().get(r).size();
            starts.add(new ArrayList<>(Collections.nCopies(size, (int[]) null)));
            ends.add(new ArrayList<>(Collections.nCopies(size, (int[]) null)));
        }
        tasks();
        for (int r = 0; r < n; r++) {
            dependencies(r);
        }
        return b.build();
    }

    private void tasks() {
        Map<String, ArrayDeque<int[]>> receives = new HashMap<>();
        Map<String, Integer> issued = new HashMap<>();
        Map<String, int[][]> instances = new HashMap<>();
        for (int r = 0; r < n; r++) {
            List<EtNode> nodes = trace.ranks().get(r);
            for (int i = 0; i < nodes.size(); i++) {
                EtNode e = nodes.get(i);
                if (e.type() == NodeType.COMM_RECV_NODE) {
                    receives.computeIfAbsent(key(e), k -> new ArrayDeque<>()).add(new int[] {r, i});
                }
            }
        }
        for (int r = 0; r < n; r++) {
            List<EtNode> nodes = trace.ranks().get(r);
            for (int i = 0; i < nodes.size(); i++) {
                EtNode e = nodes.get(i);
                switch (e.type()) {
                    case COMM_SEND_NODE -> send(r, i, e, receives);
                    case COMM_RECV_NODE -> { } // made with its send
                    case COMM_COLL_NODE -> collective(r, i, e, issued, instances);
                    default -> compute(r, i, e);
                }
            }
        }
    }

    private static String key(EtNode e) {
        return e.integer(Names.COMM_SRC).orElse(-1L) + ">" + e.integer(Names.COMM_DST).orElse(-1L) + "#"
                + e.integer(Names.COMM_TAG).orElse(-1L);
    }

    private void set(int r, int i, int[] start, int[] end) {
        starts.get(r).set(i, start);
        ends.get(r).set(i, end);
    }

    private void compute(int r, int i, EtNode e) {
        TaskKind phase = e.text(Names.PHASE).flatMap(ChakraStepBuilder::phase).orElse(TaskKind.FORWARD);
        long ops = e.type() == NodeType.COMP_NODE ? e.integer(Names.NUM_OPS).orElse(0L) : 0;
        boolean timed = e.integer(Names.DURATION_PS).isPresent() || e.durationMicros() > 0;
        if (!timed && ops > 0) {
            int id = b.compute(0, r, opsWork(ops, e.integer(Names.TENSOR_SIZE).orElse(0L), phase), 0);
            set(r, i, new int[] {id}, new int[] {id});
            return;
        }
        long ps = e.type() != NodeType.COMP_NODE ? 0
                : e.integer(Names.DURATION_PS).orElse(e.durationMicros() * 1_000_000L);
        int id = b.compute(0, r, new ComputeWork(TRACE_LAYER, phase, ps + 1.0, 1, 1), 0);
        set(r, i, new int[] {id}, new int[] {id});
    }

    /**
     * A node of {@code ops} operations on {@code bytes} bytes, without a duration, as work for our
     * compute model: a linear layer of d x d fp32 weights (d^2 x 4 bytes = the tensor size, d =
     * {@link #OPS_DEFAULT_WIDTH} without one) applied to ops / (2 d^2) samples, which is ops / 2
     * multiply-accumulates.
     */
    static ComputeWork opsWork(long ops, long bytes, TaskKind phase) {
        long d = bytes > 0 ? Math.max(1, Math.round(Math.sqrt(bytes / (double) OPS_BYTES_PER_WEIGHT)))
                : OPS_DEFAULT_WIDTH;
        d = Math.min(d, OPS_MAX_WIDTH);
        Layer layer = Layer.fc(OPS_LAYER_NAME, (int) d, (int) d);
        return new ComputeWork(layer, phase, ops / (2.0 * d * d), d, d);
    }

    /** True for the work of a node with a duration (costed by the trace), false for one costed by our model. */
    static boolean timed(ComputeWork w) {
        return w.layer() == TRACE_LAYER;
    }

    private static Optional<TaskKind> phase(String label) {
        return Arrays.stream(TaskKind.values()).filter(k -> k.isCompute() && k.label().equals(label)).findFirst();
    }

    private void send(int r, int i, EtNode e, Map<String, ArrayDeque<int[]>> receives) {
        int[] recv = receives.get(key(e)).poll(); // the validation paired every send
        int dst = recv[0];
        long bytes = e.integer(Names.COMM_SIZE).orElse(0L);
        int id = bytes > 0 && dst != r
                ? b.transfer(0, r, dst, Collectives.level(Integer.numberOfTrailingZeros(n), r, dst), 0,
                        TransferKind.INTER_FORWARD, bytes)
                : b.compute(0, r, new ComputeWork(TRACE_LAYER, TaskKind.FORWARD, 1, 1, 1), 0);
        set(r, i, new int[] {id}, new int[] {id});
        set(dst, recv[1], new int[] {id}, new int[] {id});
    }

    private void collective(int r, int i, EtNode e, Map<String, Integer> issued, Map<String, int[][]> instances) {
        String group = e.text(Names.PG_NAME).orElse("");
        int k = issued.merge(group + "@" + r, 1, Integer::sum) - 1;
        String instance = group + "#" + k;
        int[] members = group.isEmpty() ? IntStream.range(0, n).toArray() : trace.groups().get(group);
        int[][] perMember = instances.computeIfAbsent(instance, x -> expand(r, e, members));
        int m = Arrays.binarySearch(members, r);
        set(r, i, perMember[2 * m], perMember[2 * m + 1]);
        perMember[2 * m] = null; // each member takes its part once: the instance is dropped when all have
        perMember[2 * m + 1] = null;
        if (Arrays.stream(perMember).allMatch(Objects::isNull)) {
            instances.remove(instance);
        }
    }

    /** One group's collective: per member, its sends and the transfers into it. */
    private int[][] expand(int r, EtNode e, int[] members) {
        long type = e.integer(Names.COMM_TYPE).orElse(0L);
        CollectiveOp op = CollectiveType.of(type).map(ChakraStepBuilder::op).orElse(null);
        if (op == null) {
            throw new InputException(trace.source(), "rank " + r + ", node " + e.id() + " '" + e.name() + "'",
                    "collective type " + type + " is not replayed (all-reduce, reduce-scatter, all-gather and all-to-all are)");
        }
        int mask = 0;
        for (int a : members) {
            mask |= a ^ members[0];
        }
        if (members.length != 1 << Integer.bitCount(mask)) {
            throw new InputException(trace.source(), "rank " + r + ", node " + e.id() + " '" + e.name() + "'",
                    "its group " + Arrays.toString(members) + " is not a sub-cube of the array (ranks that differ only"
                            + " in some bits of their index): our collectives run over such groups");
        }
        double size = e.integer(Names.COMM_SIZE).orElse(0L);
        double bytes = op == CollectiveOp.ALL_GATHER ? size * members.length : size; // ASTRA-sim's all-gather size is per rank
        boolean[] in = new boolean[n];
        for (int a : members) {
            in[a] = true;
        }
        List<int[]> made = collectives.expand(new GroupSink(b, in), 0, 0, TransferKind.GRADIENT_SUM, op, mask, bytes,
                null).transfers();
        return perMember(members, made);
    }

    /** Per member: its sends and the transfers into it, in the order made (one pass over the transfers). */
    private int[][] perMember(int[] members, List<int[]> made) {
        int[] slot = new int[n];
        Arrays.fill(slot, -1);
        for (int m = 0; m < members.length; m++) {
            slot[members[m]] = m;
        }
        int[] sendCount = new int[members.length];
        int[] intoCount = new int[members.length];
        for (int[] t : made) {
            if (t[0] >= 0) {
                sendCount[slot[t[2]]]++;
                intoCount[slot[t[1]]]++;
            }
        }
        int[][] out = new int[2 * members.length][];
        for (int m = 0; m < members.length; m++) {
            out[2 * m] = new int[sendCount[m]];
            out[2 * m + 1] = new int[intoCount[m]];
            sendCount[m] = 0;
            intoCount[m] = 0;
        }
        for (int[] t : made) {
            if (t[0] >= 0) {
                int src = slot[t[2]];
                int dst = slot[t[1]];
                out[2 * src][sendCount[src]++] = t[0];
                out[2 * dst + 1][intoCount[dst]++] = t[0];
            }
        }
        for (int m = 0; m < members.length; m++) {
            if (out[2 * m].length == 0) {
                int id = b.compute(0, members[m], new ComputeWork(TRACE_LAYER, TaskKind.FORWARD, 1, 1, 1), 0);
                out[2 * m] = new int[] {id};
                out[2 * m + 1] = new int[] {id};
            }
        }
        return out;
    }

    private static CollectiveOp op(CollectiveType t) {
        return switch (t) {
            case ALL_REDUCE -> CollectiveOp.ALL_REDUCE;
            case REDUCE_SCATTER -> CollectiveOp.REDUCE_SCATTER;
            case ALL_GATHER -> CollectiveOp.ALL_GATHER;
            case ALL_TO_ALL -> CollectiveOp.ALL_TO_ALL;
            default -> null;
        };
    }

    private void dependencies(int r) {
        List<EtNode> nodes = trace.ranks().get(r);
        Map<Long, Integer> index = new HashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            index.put(nodes.get(i).id(), i);
        }
        int previousComm = -1;
        for (int i = 0; i < nodes.size(); i++) {
            EtNode e = nodes.get(i);
            List<Long> deps = new ArrayList<>(e.dataDeps());
            // our exporter's ctrl chain only orders communication for ASTRA-sim: honoured under its rule
            boolean issueOrder = e.attr(Names.ISSUE_ORDER).map(EtAttr::flag).orElse(false);
            if (!issueOrder || options.oneCommunicationAtATime()) {
                deps.addAll(e.ctrlDeps());
            }
            for (long d : deps) {
                wait(starts.get(r).get(i), ends.get(r).get(index.get(d)));
            }
            boolean comm = e.type() == NodeType.COMM_COLL_NODE || e.type() == NodeType.COMM_SEND_NODE;
            if (comm && options.oneCommunicationAtATime()) {
                if (previousComm >= 0) {
                    wait(starts.get(r).get(i), ends.get(r).get(previousComm));
                }
                previousComm = i;
            }
        }
    }

    /**
     * Tasks {@code tasks} (a node's first tasks on one rank) wait for {@code on} (the last tasks of
     * a node it depends on there). Where both are many (a collective after a collective: every
     * send of the later one and every arrival of the earlier one on this rank), the product would
     * grow as n^2 per rank and collective; instead the first send waits for every arrival and the
     * other sends wait for that first send: linear in the transfers, and in a symmetric ring the
     * same times (a member's later sends wait for arrivals that end with its first send anyway).
     */
    private void wait(int[] tasks, int[] on) {
        if (tasks.length > 1 && on.length > 1) {
            int first = tasks[0];
            each(new int[] {first}, on);
            for (int k = 1; k < tasks.length; k++) {
                if (tasks[k] != first) {
                    b.depends(tasks[k], first);
                }
            }
            return;
        }
        each(tasks, on);
    }

    private void each(int[] tasks, int[] on) {
        for (int t : tasks) {
            for (int o : on) {
                if (t != o) {
                    b.depends(t, o);
                }
            }
        }
    }

    /** The collectives' sink restricted to one group: transfers of the other groups of the mask are not made. */
    private record GroupSink(TrainingStep.Builder b, boolean[] member) implements StepSink {
        @Override
        public int compute(int iteration, int accelerator, ComputeWork work, int layer) {
            return b.compute(iteration, accelerator, work, layer);
        }

        @Override
        public int transfer(int iteration, int src, int dst, int level, int layer, TransferKind kind, double bytes) {
            return member[src] ? b.transfer(iteration, src, dst, level, layer, kind, bytes) : -1;
        }

        @Override
        public void depends(int task, int on) {
            if (task >= 0 && on >= 0) {
                b.depends(task, on);
            }
        }
    }
}
