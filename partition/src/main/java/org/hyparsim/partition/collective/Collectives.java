package org.hyparsim.partition.collective;

import org.hyparsim.core.kind.CollectiveAlgorithm;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.hyparsim.core.engine.Deadline;
import org.hyparsim.core.step.Fabric;
import org.hyparsim.core.step.StepSink;
import org.hyparsim.core.step.TransferKind;

/**
 * The system layer: expands a collective over groups of accelerators into transfers with
 * causal dependencies, by the scenario's algorithm ({@code auto}: per collective, the least
 * estimated time on the fabric). A group is the set of accelerators that differ only in the
 * bits of {@code mask} (level h of H is bit H - h of the accelerator index).
 */
public final class Collectives {
    /** Auto offers ring and ring-bidir to groups of at most this many members (their transfers grow as n^2). */
    public static final int AUTO_RING_MAX_MEMBERS = 256;
    /**
     * Auto offers ring and ring-bidir only where one collective's transfers over all its groups
     * (about four per member and member of its group: the array's size times the group's, times 4)
     * stay within this many; past it (groups of 256 on 16384 accelerators and more) the step would
     * not be built and held within a minute, and auto takes the best of the others (hierarchical's
     * transfers grow as the array times its levels).
     */
    public static final long AUTO_RING_MAX_TRANSFERS = 1L << 22;
    /** Auto offers direct to groups of at most this many members (its dependencies grow as n^3). */
    public static final int AUTO_DIRECT_MAX_MEMBERS = 64;

    private final CollectiveAlgorithm algorithm;
    private final Fabric fabric;
    private final int levels;
    private final Map<String, CollectiveAlgorithm> chosen = new HashMap<>();
    /** Whether auto's rings were withdrawn from the step ({@link #withdrawRings}). */
    private boolean ringsWithdrawn;
    /** Per (op, algorithm, mask): the estimate's latency seconds and seconds per byte of S, summed over rounds. */
    private final Map<String, double[]> estimates = new HashMap<>();
    private final Map<String, List<Rounds.Round>> rounds = new HashMap<>();

    /**
     * @param fabric the network's dimensions and round costs; null: one dimension, and auto chooses hierarchical
     * @param levels H, for 2^H accelerators
     */
    public Collectives(CollectiveAlgorithm algorithm, Fabric fabric, int levels) {
        if (algorithm == null) {
            throw new IllegalArgumentException("an algorithm is required");
        }
        this.algorithm = algorithm;
        this.fabric = fabric;
        this.levels = levels;
    }

    public CollectiveAlgorithm algorithm() {
        return algorithm;
    }

    /**
     * The most sends per accelerator of a layer's two all-reduces (over complementary groups of
     * 2^d and 2^(H-d) members) under an algorithm, for sizing the task graph before it is built.
     */
    public static double maxSendsPerAccelerator(CollectiveAlgorithm algorithm, int accelerators) {
        int levels = Integer.numberOfTrailingZeros(accelerators);
        return switch (algorithm) {
            case HIERARCHICAL, HALVING_DOUBLING -> 2.0 * levels;
            case RING, DIRECT -> 2.0 * (accelerators - 1);
            case RING_BIDIR -> 4.0 * (accelerators - 1);
            case AUTO -> accelerators <= AUTO_RING_MAX_MEMBERS ? 4.0 * (accelerators - 1) : 2.0 * levels;
        };
    }

    /** What an expansion made: every transfer as {id, dst, src}. */
    public record Expansion(List<int[]> transfers) {
    }

    /** The mask of index bits of the given hierarchy levels (1 = top). */
    public static int mask(int levels, List<Integer> hierarchyLevels) {
        int m = 0;
        for (int h : hierarchyLevels) {
            m |= 1 << (levels - h);
        }
        return m;
    }

    /** The hierarchy level that separates two accelerators: the highest index bit in which they differ. */
    public static int level(int levels, int a, int b) {
        return levels - (31 - Integer.numberOfLeadingZeros(a ^ b));
    }

    /**
     * Expands the collective over every group of {@code mask}: each accelerator holds
     * {@code bytes} (S), and its first send waits for {@code ready[accelerator]} (a task id, or -1).
     */
    public Expansion expand(StepSink b, int iteration, int layer, TransferKind kind, CollectiveOp op,
            int mask, double bytes, int[] ready) {
        List<int[]> transfers = new ArrayList<>();
        add(b, new Collective(iteration, layer, kind, op, mask, bytes), ready, transfers);
        return new Expansion(transfers);
    }

    /** {@link #expand} where nothing waits for the collective's transfers: they are not listed. */
    public void expandAlone(StepSink b, int iteration, int layer, TransferKind kind, CollectiveOp op, int mask,
            double bytes, int[] ready) {
        add(b, new Collective(iteration, layer, kind, op, mask, bytes), ready, null);
    }

    /**
     * One collective of a step: the step and layer its transfers belong to, their kind, the
     * operation, the groups (the accelerators that differ only in the bits of {@code mask}) and
     * the bytes each member holds (S).
     */
    private record Collective(int iteration, int layer, TransferKind kind, CollectiveOp op, int mask, double bytes) {
    }

    /** Adds the collective's transfers to the sink, and to {@code transfers} as {id, dst, src} unless null. */
    private void add(StepSink b, Collective c, int[] ready, List<int[]> transfers) {
        int n = 1 << levels;
        int members = 1 << Integer.bitCount(c.mask());
        if (members == 1 || !(c.bytes() > 0)) {
            return;
        }
        CollectiveAlgorithm alg = choose(c.op(), c.mask(), c.bytes());
        GroupSends sends = new GroupSends(b, c, rounds(c.op(), alg, c.mask()), ready, transfers);
        for (int key = 0; key < n; key++) {
            if ((key & c.mask()) != 0) {
                continue;
            }
            Deadline.check();
            sends.add(key);
        }
    }

    /**
     * The sends of one collective's rounds, group by group: each send waits for what its sender
     * holds ({@code ready}) and for the sends of the latest earlier round into its sender on its chain.
     */
    private final class GroupSends {
        private final StepSink b;
        private final Collective c;
        private final List<Rounds.Round> rs;
        private final int[] ready;
        private final List<int[]> transfers;
        private final int[] offset;
        private final int members;
        private final int chains;
        /** Per round, each send's task id and the next send of the round into the same member and chain. */
        private final int[][] ids;
        private final int[][] next;
        /**
         * Per chain and member: the latest round with sends into it, and its first such send there (-1:
         * none yet in this group); the first send into it in the round being added (-1: none yet).
         */
        private final int[] lastRound;
        private final int[] lastHead;
        private final int[] nowHead;
        /** The chain-and-member slots the round being added sent into, and those the group did: reset after. */
        private final int[] touchedNow;
        private final int[] touchedGroup;

        GroupSends(StepSink b, Collective c, List<Rounds.Round> rs, int[] ready, List<int[]> transfers) {
            this.b = b;
            this.c = c;
            this.rs = rs;
            this.ready = ready;
            this.transfers = transfers;
            this.offset = offsets(c.mask());
            this.members = 1 << Integer.bitCount(c.mask());
            int most = 1;
            for (Rounds.Round r : rs) {
                for (int ch : r.chain()) {
                    most = Math.max(most, ch + 1);
                }
            }
            this.chains = most;
            ids = new int[rs.size()][];
            next = new int[rs.size()][];
            for (int k = 0; k < rs.size(); k++) {
                ids[k] = new int[rs.get(k).size()];
                next[k] = new int[rs.get(k).size()];
            }
            lastRound = new int[chains * members];
            lastHead = new int[chains * members];
            nowHead = new int[chains * members];
            Arrays.fill(lastHead, -1);
            Arrays.fill(nowHead, -1);
            touchedNow = new int[chains * members];
            touchedGroup = new int[chains * members];
        }

        /** Adds the sends of the group whose members' indices are {@code key} with the mask's bits set. */
        void add(int key) {
            int inGroup = 0;
            for (int k = 0; k < rs.size(); k++) {
                Rounds.Round r = rs.get(k);
                int inRound = 0;
                for (int i = 0; i < r.size(); i++) {
                    int from = r.from()[i];
                    int to = r.to()[i];
                    int ch = r.chain()[i];
                    int src = key | offset[from];
                    int dst = key | offset[to];
                    int id = b.transfer(c.iteration(), src, dst, level(levels, src, dst), c.layer(), c.kind(),
                            c.bytes() * r.fraction()[i]);
                    if (ready != null && ready[src] >= 0) {
                        b.depends(id, ready[src]);
                    }
                    int cf = ch * members + from;
                    if (lastHead[cf] >= 0) {
                        int[] pIds = ids[lastRound[cf]];
                        int[] pNext = next[lastRound[cf]];
                        for (int p = lastHead[cf]; p >= 0; p = pNext[p]) {
                            b.depends(id, pIds[p]);
                        }
                    }
                    ids[k][i] = id;
                    int ct = ch * members + to;
                    if (nowHead[ct] < 0) {
                        touchedNow[inRound++] = ct;
                    }
                    next[k][i] = nowHead[ct];
                    nowHead[ct] = i;
                    if (transfers != null) {
                        transfers.add(new int[] {id, dst, src});
                    }
                }
                for (int j = 0; j < inRound; j++) {
                    int cm = touchedNow[j];
                    if (lastHead[cm] < 0) {
                        touchedGroup[inGroup++] = cm;
                    }
                    lastRound[cm] = k;
                    lastHead[cm] = nowHead[cm];
                    nowHead[cm] = -1;
                }
            }
            for (int j = 0; j < inGroup; j++) {
                lastHead[touchedGroup[j]] = -1;
            }
        }
    }

    /**
     * The estimated seconds of a collective over the groups of {@code mask} (all at once), each
     * member holding {@code bytes}, by the algorithm in force (auto's choice under auto); 0 without
     * a fabric or with nothing to send.
     */
    public double seconds(CollectiveOp op, int mask, double bytes) {
        if (fabric == null || Integer.bitCount(mask) == 0 || !(bytes > 0)) {
            return 0;
        }
        double[] ab = estimateOf(op, choose(op, mask, bytes), mask);
        return ab[0] + ab[1] * bytes;
    }

    /**
     * The latency of an algorithm's rounds over the groups of {@code mask}: each round's longest
     * path, summed; 0 without a fabric.
     */
    public double latencySeconds(CollectiveOp op, CollectiveAlgorithm a, int mask) {
        return fabric == null ? 0 : estimateOf(op, a, mask)[0];
    }

    /** The estimate of an algorithm over the groups of a mask, as latency seconds and seconds per byte, kept. */
    private double[] estimateOf(CollectiveOp op, CollectiveAlgorithm a, int mask) {
        return estimates.computeIfAbsent(op + "/" + a + "/" + mask, k -> estimate(rounds(op, a, mask), mask));
    }

    /** The algorithm for a collective: the scenario's, or auto's choice for this group and size. */
    public CollectiveAlgorithm choose(CollectiveOp op, int mask, double bytes) {
        if (algorithm != CollectiveAlgorithm.AUTO) {
            return algorithm;
        }
        if (fabric == null) {
            return CollectiveAlgorithm.HIERARCHICAL;
        }
        return chosen.computeIfAbsent(op + "/" + mask + "/" + bytes, k -> fastest(op, mask, bytes));
    }

    /** Auto: the least estimated time among the candidates for a group of this size, the first on a tie. */
    private CollectiveAlgorithm fastest(CollectiveOp op, int mask, double bytes) {
        int members = 1 << Integer.bitCount(mask);
        CollectiveAlgorithm best = CollectiveAlgorithm.HIERARCHICAL;
        double bestSeconds = Double.POSITIVE_INFINITY;
        for (CollectiveAlgorithm a : CollectiveAlgorithm.values()) {
            if (a == CollectiveAlgorithm.AUTO
                    || (a == CollectiveAlgorithm.RING || a == CollectiveAlgorithm.RING_BIDIR) && !ringsOffered(members)
                    || a == CollectiveAlgorithm.DIRECT && members > AUTO_DIRECT_MAX_MEMBERS) {
                continue;
            }
            double[] ab = estimateOf(op, a, mask);
            double seconds = ab[0] + ab[1] * bytes;
            if (seconds < bestSeconds * (1 - 1e-12)) {
                bestSeconds = seconds;
                best = a;
            }
        }
        return best;
    }

    /**
     * The most members of a group to which auto offers rings on an array of {@code accelerators}
     * ({@link #AUTO_RING_MAX_MEMBERS}, and fewer where {@link #AUTO_RING_MAX_TRANSFERS} binds).
     */
    public static int autoRingMaxMembers(int accelerators) {
        return (int) Math.min(AUTO_RING_MAX_MEMBERS, AUTO_RING_MAX_TRANSFERS / (4L * accelerators));
    }

    /** Whether auto offers rings to groups of this many members on this array ({@link #AUTO_RING_MAX_TRANSFERS}). */
    private boolean ringsOffered(int members) {
        return !ringsWithdrawn && members <= autoRingMaxMembers(1 << levels);
    }

    /**
     * Auto offers no rings from now on, and forgets what it chose (a step is built again after this):
     * true where it had chosen a ring for some exchange, false (and nothing changed) where not.
     */
    public boolean withdrawRings() {
        boolean rings = chosen.containsValue(CollectiveAlgorithm.RING) || chosen.containsValue(CollectiveAlgorithm.RING_BIDIR);
        if (rings) {
            ringsWithdrawn = true;
            chosen.clear();
        }
        return rings;
    }

    /** Whether {@link #withdrawRings} took auto's rings away. */
    public boolean ringsWithdrawn() {
        return ringsWithdrawn;
    }

    /**
     * The rounds' estimated time on the fabric, as latency seconds and seconds per byte of S:
     * every group of the mask runs its round at once, so groups that share links contend.
     */
    double[] estimate(List<Rounds.Round> rs, int mask) {
        int[] offset = offsets(mask);
        int n = 1 << levels;
        List<Integer> keys = new ArrayList<>();
        for (int key = 0; key < n; key++) {
            if ((key & mask) == 0) {
                keys.add(key);
            }
        }
        double latency = 0;
        double perByte = 0;
        // rounds that pair the same members cost the same (a ring's rounds along one dimension): routed once
        List<Rounds.Round> seen = new ArrayList<>();
        List<Fabric.RoundCost> costs = new ArrayList<>();
        for (Rounds.Round r : rs) {
            double most = 0;
            for (int i = 0; i < r.size(); i++) {
                most = Math.max(most, r.fraction()[i]);
            }
            Fabric.RoundCost c = null;
            for (int i = seen.size() - 1; i >= 0 && c == null; i--) {
                if (Arrays.equals(seen.get(i).from(), r.from()) && Arrays.equals(seen.get(i).to(), r.to())) {
                    c = costs.get(i);
                }
            }
            if (c == null) {
                int[][] pairs = new int[r.size() * keys.size()][];
                int p = 0;
                for (int key : keys) {
                    for (int i = 0; i < r.size(); i++) {
                        pairs[p++] = new int[] {key | offset[r.from()[i]], key | offset[r.to()[i]]};
                    }
                }
                c = fabric.round(pairs);
                seen.add(r);
                costs.add(c);
            }
            latency += c.latencySeconds();
            perByte += c.secondsPerByte() * most;
        }
        return new double[] {latency, perByte};
    }

    /** The rounds of a collective by an algorithm over the group of {@code mask}, in member indices. */
    public List<Rounds.Round> rounds(CollectiveOp op, CollectiveAlgorithm a, int mask) {
        return rounds.computeIfAbsent(op + "/" + a + "/" + mask, k -> Rounds.of(op, a, dims(mask),
                a == CollectiveAlgorithm.HALVING_DOUBLING ? partnerOrder(mask) : null));
    }

    /**
     * Halving-doubling's partner order over the groups of {@code mask}, from the topology: the
     * member bits by the cost of a round of every member sending across that bit (all groups at
     * once, on the fabric), cheapest per byte first, then shortest path, then the lower bit. The
     * reduce-scatter sends S/2 in its first round, S/4 in its second, ...; putting the cheapest
     * link per byte under the largest share minimises the sum of shares x seconds per byte (an
     * exchange argument), and the latencies add up alike in any order. Where distance costs hops
     * (ring, torus, mesh, H tree) this is the nearest partner first; where it does not (switch,
     * bus) every bit costs the same and the order is the index's, lowest bit first (ASTRA-sim's
     * order, offsets 1, 2, 4, ..., which {@code hierarchical} also runs). Without a fabric:
     * lowest bit first.
     */
    int[] partnerOrder(int mask) {
        int d = Integer.bitCount(mask);
        if (fabric == null) {
            return Rounds.lowestFirst(d);
        }
        int[] offset = offsets(mask);
        int members = offset.length;
        int n = 1 << levels;
        Fabric.RoundCost[] cost = new Fabric.RoundCost[d];
        for (int bit = 0; bit < d; bit++) {
            List<int[]> pairs = new ArrayList<>();
            for (int key = 0; key < n; key++) {
                if ((key & mask) == 0) {
                    for (int m = 0; m < members; m++) {
                        pairs.add(new int[] {key | offset[m], key | offset[m ^ (1 << bit)]});
                    }
                }
            }
            cost[bit] = fabric.round(pairs.toArray(new int[0][]));
        }
        return IntStream.range(0, d).boxed()
                .sorted(Comparator.<Integer>comparingDouble(b -> cost[b].secondsPerByte())
                        .thenComparingDouble(b -> cost[b].latencySeconds()).thenComparingInt(b -> b))
                .mapToInt(Integer::intValue).toArray();
    }

    /** The group's bits split by the fabric's dimensions (lowest first), empty dimensions left out. */
    int[] dims(int mask) {
        int[] fabricDims = fabric == null ? new int[] {levels} : fabric.dimensionBits();
        List<Integer> out = new ArrayList<>();
        int shift = 0;
        for (int bits : fabricDims) {
            int inDim = Integer.bitCount(mask & (((1 << bits) - 1) << shift));
            if (inDim > 0) {
                out.add(inDim);
            }
            shift += bits;
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Member i's offset in its group: i's bits deposited into the mask's bit positions, lowest first. */
    static int[] offsets(int mask) {
        int members = 1 << Integer.bitCount(mask);
        int[] out = new int[members];
        for (int i = 0; i < members; i++) {
            int v = 0;
            int bit = 0;
            for (int p = 0; p < 31; p++) {
                if ((mask & (1 << p)) != 0) {
                    if ((i & (1 << bit)) != 0) {
                        v |= 1 << p;
                    }
                    bit++;
                }
            }
            out[i] = v;
        }
        return out;
    }
}
