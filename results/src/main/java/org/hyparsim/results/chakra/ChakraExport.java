package org.hyparsim.results.chakra;

import java.util.Locale;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hyparsim.core.Named;
import org.hyparsim.core.step.TrainingStep;
import org.hyparsim.results.chakra.EtSchema.CollectiveType;
import org.hyparsim.results.chakra.EtSchema.Names;
import org.hyparsim.results.chakra.EtSchema.NodeType;

/**
 * A training step as Chakra ET nodes, one list per rank (accelerator). Compute tasks become
 * COMP nodes (duration in whole microseconds, the exact picoseconds in our own attribute);
 * transfers become SEND/RECV pairs (tag: the transfer's task id); with {@link Collectives#AS_NODES}
 * the all-reduces become one COMM_COLL node per member. A task's dependencies become data_deps
 * between the nodes that stand for the two tasks on the same rank; each rank's sends and
 * collectives are chained by ctrl_deps in the step's task order, one order for every rank.
 */
public final class ChakraExport {
    /** How the step's collectives are exported. */
    public enum Collectives implements Named {
        /** One COMM_COLL node per member (ASTRA-sim times the collective with its own algorithm). */
        AS_NODES,
        /** Our algorithm's transfers, as SEND/RECV pairs. */
        AS_TRANSFERS;

        @Override
        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** The exported trace: nodes per rank, the communicator groups (key from 1 to members), edges not expressible. */
    public record Trace(List<List<EtNode>> ranks, Map<Integer, int[]> groups, int droppedDependencies) {
    }

    /** Per task, its compute duration in picoseconds (transfers: ignored), and its MACs. */
    public interface Durations {
        long picoseconds(int task);

        double macs(int task);
    }

    private ChakraExport() {
    }

    /** The node that stands for a task on one rank: rank and node id, both -1 where none. */
    private static final class Nodes {
        final int[] rankA;
        final long[] nodeA;
        final int[] rankB;
        final long[] nodeB;

        Nodes(int size) {
            rankA = filled(size);
            rankB = filled(size);
            nodeA = new long[size];
            nodeB = new long[size];
        }

        private static int[] filled(int n) {
            int[] a = new int[n];
            Arrays.fill(a, -1);
            return a;
        }

        long on(int task, int rank) {
            return rankA[task] == rank ? nodeA[task] : rankB[task] == rank ? nodeB[task] : -1;
        }
    }

    public static Trace export(TrainingStep step, Durations durations, Collectives mode) {
        int n = step.accelerators();
        CollectiveInstances coll = mode == Collectives.AS_NODES ? new CollectiveInstances(step) : null;
        List<List<NodeDraft>> ranks = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            ranks.add(new ArrayList<>());
        }
        Nodes nodes = new Nodes(step.size());
        Map<String, Integer> groupKeys = new LinkedHashMap<>();
        Map<Integer, int[]> groups = new LinkedHashMap<>();
        long[][] collNode = coll == null ? null : new long[coll.instances.size()][];
        for (int id = 0; id < step.size(); id++) {
            int inst = coll == null ? -1 : coll.instanceOf[id];
            if (inst >= 0) {
                CollectiveInstances.Instance c = coll.instances.get(inst);
                if (collNode[inst] == null) {
                    String key = Arrays.toString(c.members());
                    int g = groupKeys.computeIfAbsent(key, k -> groupKeys.size() + 1);
                    groups.putIfAbsent(g, c.members());
                    collNode[inst] = addCollective(ranks, step, id, c, g);
                }
                int src = step.accelerator(id);
                int dst = step.peer(id);
                nodes.rankA[id] = src;
                nodes.nodeA[id] = collNode[inst][Arrays.binarySearch(c.members(), src)];
                nodes.rankB[id] = dst;
                nodes.nodeB[id] = collNode[inst][Arrays.binarySearch(c.members(), dst)];
            } else if (step.isTransfer(id)) {
                addTransfer(ranks, step, id, nodes);
            } else {
                int a = step.accelerator(id);
                nodes.rankA[id] = a;
                nodes.nodeA[id] = add(ranks.get(a), compute(step, id, durations));
            }
        }
        int dropped = dependencies(step, nodes, ranks);
        return new Trace(finish(ranks), groups, dropped);
    }

    /** A node being built: its fields and growing dependency sets. */
    static final class NodeDraft {
        final String name;
        final NodeType type;
        final long durationMicros;
        final List<EtAttr> attrs;
        final Set<Long> dataDeps = new LinkedHashSet<>();
        long id;

        NodeDraft(String name, NodeType type, long durationMicros, List<EtAttr> attrs) {
            this.name = name;
            this.type = type;
            this.durationMicros = durationMicros;
            this.attrs = attrs;
        }
    }

    private static long add(List<NodeDraft> rank, NodeDraft d) {
        d.id = rank.size();
        rank.add(d);
        return d.id;
    }

    private static NodeDraft compute(TrainingStep step, int id, Durations durations) {
        long ps = durations.picoseconds(id);
        double macs = durations.macs(id);
        return new NodeDraft(step.task(id).describe(step.layerNames()), NodeType.COMP_NODE, Math.round(ps / 1e6),
                List.of(EtAttr.bool(Names.IS_CPU_OP, false), EtAttr.int64(Names.NUM_OPS, Math.round(2 * macs)),
                        EtAttr.uint64(Names.TENSOR_SIZE, 0), EtAttr.int64(Names.DURATION_PS, ps),
                        EtAttr.string(Names.PHASE, step.kind(id).label())));
    }

    private static long[] addCollective(List<List<NodeDraft>> ranks, TrainingStep step, int id,
            CollectiveInstances.Instance c, int group) {
        long[] out = new long[c.members().length];
        String layer = step.layerNames().get(step.task(id).layer());
        for (int i = 0; i < out.length; i++) {
            NodeDraft d = new NodeDraft("all-reduce " + step.task(id).transferKind().label() + " " + layer + " group "
                    + group, NodeType.COMM_COLL_NODE, 0, List.of(
                            EtAttr.int64(Names.COMM_TYPE, CollectiveType.ALL_REDUCE.number()),
                            EtAttr.int64(Names.COMM_SIZE, Math.round(c.bytes())),
                            EtAttr.string(Names.PG_NAME, Integer.toString(group))));
            out[i] = add(ranks.get(c.members()[i]), d);
        }
        return out;
    }

    private static void addTransfer(List<List<NodeDraft>> ranks, TrainingStep step, int id, Nodes nodes) {
        int src = step.accelerator(id);
        int dst = step.peer(id);
        List<EtAttr> attrs = List.of(EtAttr.int32(Names.COMM_SRC, src), EtAttr.int32(Names.COMM_DST, dst),
                EtAttr.int32(Names.COMM_TAG, id), EtAttr.int64(Names.COMM_SIZE, Math.round(step.bytes(id))));
        String name = step.task(id).describe(step.layerNames());
        nodes.rankA[id] = src;
        nodes.nodeA[id] = add(ranks.get(src), new NodeDraft("send " + name, NodeType.COMM_SEND_NODE, 0, attrs));
        nodes.rankB[id] = dst;
        nodes.nodeB[id] = add(ranks.get(dst), new NodeDraft("recv " + name, NodeType.COMM_RECV_NODE, 0, attrs));
    }

    /** Data dependencies on each rank; returns how many task dependencies had no node on a shared rank. */
    private static int dependencies(TrainingStep step, Nodes nodes, List<List<NodeDraft>> ranks) {
        int dropped = 0;
        for (int id = 0; id < step.size(); id++) {
            for (int k = step.predecessorStart(id); k < step.predecessorStart(id + 1); k++) {
                int on = step.predecessorAt(k);
                boolean kept = false;
                for (int side = 0; side < 2; side++) {
                    int r = side == 0 ? nodes.rankA[id] : nodes.rankB[id];
                    long node = side == 0 ? nodes.nodeA[id] : nodes.nodeB[id];
                    long dep = r < 0 ? -1 : nodes.on(on, r);
                    if (dep >= 0 && dep != node) {
                        ranks.get(r).get((int) node).dataDeps.add(dep);
                    }
                    kept |= dep >= 0;
                }
                dropped += kept ? 0 : 1;
            }
        }
        return dropped;
    }

    /** Ctrl deps chaining each rank's sends and collectives in node order; an idle rank gets one empty COMP node. */
    private static List<List<EtNode>> finish(List<List<NodeDraft>> ranks) {
        List<List<EtNode>> out = new ArrayList<>();
        for (List<NodeDraft> rank : ranks) {
            List<EtNode> nodes = new ArrayList<>(rank.size());
            long previous = -1;
            for (NodeDraft d : rank) {
                boolean ordered = d.type == NodeType.COMM_SEND_NODE || d.type == NodeType.COMM_COLL_NODE;
                List<Long> ctrl = ordered && previous >= 0 ? List.of(previous) : List.of();
                List<EtAttr> attrs = d.attrs;
                if (!ctrl.isEmpty()) {
                    attrs = new ArrayList<>(d.attrs);
                    attrs.add(EtAttr.bool(Names.ISSUE_ORDER, true));
                }
                nodes.add(new EtNode(d.id, d.name, d.type, ctrl, new ArrayList<>(d.dataDeps), 0, d.durationMicros,
                        attrs));
                previous = ordered ? d.id : previous;
            }
            if (nodes.isEmpty()) {
                nodes.add(new EtNode(0, "idle", NodeType.COMP_NODE, List.of(), List.of(), 0, 0,
                        List.of(EtAttr.bool(Names.IS_CPU_OP, false), EtAttr.int64(Names.DURATION_PS, 0))));
            }
            out.add(nodes);
        }
        return out;
    }
}
