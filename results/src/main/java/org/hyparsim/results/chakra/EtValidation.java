package org.hyparsim.results.chakra;

import java.util.Arrays;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hyparsim.core.InputException;
import org.hyparsim.results.chakra.EtSchema.Names;
import org.hyparsim.results.chakra.EtSchema.NodeType;

/**
 * The checks a trace must pass to be replayed (by ASTRA-sim or by us) without hanging: every
 * dependency names a node of the same rank, no cycles, every collective on every member of its
 * group with the same type and size in the same order, groups ordered alike by every rank that
 * shares them, sends and receives paired. The first problem is refused naming rank, node and
 * reason.
 */
public final class EtValidation {
    private EtValidation() {
    }

    private static InputException problem(String source, int rank, EtNode n, String reason) {
        return new InputException(source, "rank " + rank + ", node " + n.id() + " '" + n.name() + "'", reason);
    }

    /** Checks the ranks' nodes; {@code groups} maps pg_name keys to members (an empty name: every rank). */
    public static void check(List<List<EtNode>> ranks, Map<String, int[]> groups, String source) {
        for (int r = 0; r < ranks.size(); r++) {
            dependencies(ranks.get(r), r, source);
        }
        collectives(ranks, groups, source);
        pairs(ranks, source);
    }

    private static void dependencies(List<EtNode> nodes, int rank, String source) {
        Map<Long, EtNode> byId = new HashMap<>();
        for (EtNode n : nodes) {
            if (byId.put(n.id(), n) != null) {
                throw problem(source, rank, n, "a second node with id " + n.id());
            }
        }
        Map<Long, Integer> waiting = new HashMap<>();
        Map<Long, List<Long>> successors = new HashMap<>();
        for (EtNode n : nodes) {
            List<Long> deps = new ArrayList<>(n.dataDeps());
            deps.addAll(n.ctrlDeps());
            for (long d : deps) {
                if (!byId.containsKey(d)) {
                    throw problem(source, rank, n, "depends on node " + d + ", which rank " + rank + "'s file does not have");
                }
                successors.computeIfAbsent(d, k -> new ArrayList<>()).add(n.id());
            }
            waiting.put(n.id(), deps.size());
        }
        ArrayDeque<Long> ready = new ArrayDeque<>();
        waiting.forEach((id, w) -> {
            if (w == 0) {
                ready.add(id);
            }
        });
        int done = 0;
        while (!ready.isEmpty()) {
            long id = ready.poll();
            done++;
            for (long s : successors.getOrDefault(id, List.of())) {
                if (waiting.merge(s, -1, Integer::sum) == 0) {
                    ready.add(s);
                }
            }
        }
        if (done < nodes.size()) {
            EtNode stuck = nodes.stream().filter(n -> waiting.get(n.id()) > 0).findFirst().orElseThrow();
            throw problem(source, rank, stuck, "is on a dependency cycle");
        }
    }

    /** A collective's identity across ranks: its group and its position among the group's collectives. */
    private record Instance(String group, int index) {
    }

    private static void collectives(List<List<EtNode>> ranks, Map<String, int[]> groups, String source) {
        Map<String, List<long[]>> first = new HashMap<>();
        Map<String, Integer> firstRank = new HashMap<>();
        Map<Instance, List<Instance>> after = new LinkedHashMap<>();
        for (int rank = 0; rank < ranks.size(); rank++) {
            final int r = rank;
            Map<String, List<long[]>> seq = new LinkedHashMap<>();
            Instance previous = null;
            for (EtNode n : ranks.get(r)) {
                if (n.type() != NodeType.COMM_COLL_NODE) {
                    continue;
                }
                String g = n.text(Names.PG_NAME).orElse("");
                int[] members = g.isEmpty() ? null : groups.get(g);
                if (!g.isEmpty() && members == null) {
                    throw problem(source, r, n, "its communicator group '" + g + "' is not in the groups file");
                }
                if (members != null && Arrays.stream(members).noneMatch(m -> m == r)) {
                    throw problem(source, r, n, "rank " + r + " is not a member of its group '" + g + "'");
                }
                long type = n.integer(Names.COMM_TYPE).orElseThrow(() -> problem(source, r, n, "no comm_type"));
                long size = n.integer(Names.COMM_SIZE).orElseThrow(() -> problem(source, r, n, "no comm_size"));
                List<long[]> list = seq.computeIfAbsent(g, k -> new ArrayList<>());
                list.add(new long[] {type, size, n.id()});
                Instance inst = new Instance(g, list.size() - 1);
                after.computeIfAbsent(inst, k -> new ArrayList<>());
                if (previous != null) {
                    after.get(previous).add(inst);
                }
                previous = inst;
            }
            for (Map.Entry<String, List<long[]>> e : seq.entrySet()) {
                agree(source, ranks, r, e.getKey(), e.getValue(), first, firstRank);
            }
        }
        order(after, source);
    }

    private static void agree(String source, List<List<EtNode>> ranks, int r, String g, List<long[]> mine,
            Map<String, List<long[]>> first, Map<String, Integer> firstRank) {
        List<long[]> theirs = first.putIfAbsent(g, mine);
        if (theirs == null) {
            firstRank.put(g, r);
            return;
        }
        int other = firstRank.get(g);
        for (int k = 0; k < Math.max(mine.size(), theirs.size()); k++) {
            EtNode at = k < mine.size() ? node(ranks.get(r), mine.get(k)[2]) : ranks.get(r).get(ranks.get(r).size() - 1);
            if (k >= mine.size() || k >= theirs.size()) {
                throw problem(source, r, at, "group '" + g + "' has " + mine.size() + " collectives here but "
                        + theirs.size() + " on rank " + other);
            }
            if (mine.get(k)[0] != theirs.get(k)[0] || mine.get(k)[1] != theirs.get(k)[1]) {
                throw problem(source, r, at, "collective " + (k + 1) + " of group '" + g + "' is type " + mine.get(k)[0]
                        + " of " + mine.get(k)[1] + " bytes here but type " + theirs.get(k)[0] + " of "
                        + theirs.get(k)[1] + " bytes on rank " + other);
            }
        }
    }

    private static EtNode node(List<EtNode> nodes, long id) {
        return nodes.stream().filter(n -> n.id() == id).findFirst().orElseThrow();
    }

    /** Two ranks must not order two groups' collectives differently (they would wait for each other). */
    private static void order(Map<Instance, List<Instance>> after, String source) {
        Map<Instance, Integer> indegree = new HashMap<>();
        after.keySet().forEach(i -> indegree.putIfAbsent(i, 0));
        after.values().forEach(l -> l.forEach(i -> indegree.merge(i, 1, Integer::sum)));
        ArrayDeque<Instance> ready = new ArrayDeque<>();
        indegree.forEach((i, d) -> {
            if (d == 0) {
                ready.add(i);
            }
        });
        int done = 0;
        while (!ready.isEmpty()) {
            Instance i = ready.poll();
            done++;
            for (Instance s : after.get(i)) {
                if (indegree.merge(s, -1, Integer::sum) == 0) {
                    ready.add(s);
                }
            }
        }
        if (done < indegree.size()) {
            Instance i = indegree.entrySet().stream().filter(e -> e.getValue() > 0).findFirst().orElseThrow().getKey();
            throw new InputException(source, "group '" + i.group() + "', collective " + (i.index() + 1),
                    "ranks order their groups' collectives differently (they would wait for each other)");
        }
    }

    private static void pairs(List<List<EtNode>> ranks, String source) {
        Map<String, long[]> sends = new HashMap<>();
        for (int r = 0; r < ranks.size(); r++) {
            for (EtNode n : ranks.get(r)) {
                if (n.type() == NodeType.COMM_SEND_NODE) {
                    long[] key = endpoints(source, r, n, ranks.size());
                    if (key[0] != r) {
                        throw problem(source, r, n, "a send from rank " + key[0] + " in rank " + r + "'s file");
                    }
                    sends.merge(key[0] + ">" + key[1] + "#" + key[2], new long[] {1, key[3], r, n.id()},
                            (a, b) -> new long[] {a[0] + 1, a[1], a[2], a[3]});
                }
            }
        }
        for (int r = 0; r < ranks.size(); r++) {
            for (EtNode n : ranks.get(r)) {
                if (n.type() == NodeType.COMM_RECV_NODE) {
                    long[] key = endpoints(source, r, n, ranks.size());
                    long[] s = sends.get(key[0] + ">" + key[1] + "#" + key[2]);
                    if (key[1] != r || s == null || s[0] == 0) {
                        throw problem(source, r, n, "a receive from rank " + key[0] + " (tag " + key[2]
                                + ") without its send");
                    }
                    if (s[1] != key[3]) {
                        throw problem(source, r, n, "receives " + key[3] + " bytes, its send sends " + s[1]);
                    }
                    s[0]--;
                }
            }
        }
        for (long[] s : sends.values()) {
            if (s[0] > 0) {
                EtNode n = node(ranks.get((int) s[2]), s[3]);
                throw problem(source, (int) s[2], n, "a send without its receive");
            }
        }
    }

    /** comm_src, comm_dst, comm_tag, comm_size of a send or receive. */
    private static long[] endpoints(String source, int rank, EtNode n, int ranks) {
        long[] out = new long[4];
        String[] names = {Names.COMM_SRC, Names.COMM_DST, Names.COMM_TAG, Names.COMM_SIZE};
        for (int i = 0; i < 4; i++) {
            String name = names[i];
            out[i] = n.integer(name).orElseThrow(() -> problem(source, rank, n, "no " + name));
        }
        if (out[0] < 0 || out[0] >= ranks || out[1] < 0 || out[1] >= ranks) {
            throw problem(source, rank, n, "rank " + out[0] + " -> " + out[1] + " outside 0.." + (ranks - 1));
        }
        return out;
    }
}
