package org.hyparsim.scenarios.collective;

import java.util.ArrayList;
import java.util.List;
import org.hyparsim.core.kind.TopologyKind;
import org.hyparsim.noc.LinkParams;
import org.hyparsim.noc.LinkProfile;
import org.hyparsim.partition.collective.CollectiveOp;

/**
 * A time no algorithm can beat for a collective on a topology: the most of a latency term and
 * of bandwidth terms through the topology's port sets and cuts. Unlike an algorithm's ideal
 * time it assumes nothing about how the collective is done, only what any schedule must move.
 *
 * <p><b>What must move.</b> N accelerators, S bytes each (an element is the unit; a message
 * carries elements; sums are formed only in accelerators, never in the network):
 * <ul>
 * <li>Over the array: an all-reduce injects at least 2(N-1) S. Per element it is one-way gossip
 * among N (every member must learn a sum of all N contributions, and a partial sum tells no
 * more than the contributions it holds), which takes at least 2N-2 one-way messages (Harary and
 * Schwenk, 1974). A reduce-scatter injects at least (N-1) S: each element is summed into one
 * member along a tree over N members, N-1 messages. An all-gather likewise (each shard reaches
 * N-1 others), and an all-to-all sends (N-1)/N x S distinct bytes from each member.</li>
 * <li>Across a cut that leaves k members in a set X: out of X at least S for an all-reduce
 * (every element's sum outside X needs X's contributions, and one message carries them), (N-k)/N
 * x S for a reduce-scatter (the shards owned outside X), k/N x S for an all-gather (the shards
 * owned in X), k(N-k)/N x S for an all-to-all; into X the same with k and N-k exchanged.</li>
 * <li>Latency: every member's result depends on every other member's data, so the farthest pair's
 * path latency (the diameter D).</li>
 * </ul>
 *
 * <p><b>The bound</b> is max(D, injected / P, max over cuts of max(out / C_out, in / C_in)),
 * where P is what all accelerators can inject at once (the sum of their distinct outgoing links'
 * bandwidths; every message leaves its sender on one of them; the ejection ports have the same
 * sum on every topology here) and C_out, C_in a cut's capacity per direction. Any subset of cuts
 * gives a valid bound; the cuts taken per topology (BW the link bandwidth, a its latency, N = R x C
 * on a grid of R = 2^floor(H/2) rows and C = N / R columns, p(s) = min(2, s - 1) the links to
 * neighbours along a ring of s):
 * <ul>
 * <li>ring: P = N p(N) BW; one accelerator (k = 1, p(N) BW each way) and half the ring (k = N/2,
 * p(N) BW each way); D = floor(N/2) a. Ring-bidir all-reduce meets it: (N-1)/N x S/BW.</li>
 * <li>torus: P = N (p(C) + p(R)) BW; one accelerator; the halves of the columns (R p(C) links each
 * way) and of the rows (C p(R)); D = (floor(C/2) + floor(R/2)) a.</li>
 * <li>mesh: P = 2 (R(C-1) + C(R-1)) BW; a corner accelerator ([C > 1] + [R > 1] links); the halves
 * of the columns (R links each way) and of the rows (C); D = (R - 1 + C - 1) a.</li>
 * <li>switch: P = N BW; one accelerator (one link each way); half the array (N/2 links);
 * D = 2a (up and down).</li>
 * <li>bus: every message crosses the one channel: P = BW_bus; D = a.</li>
 * <li>H tree: P = N BW_H (each leaf's link at level H); the subtree under each node at depth h =
 * 1..H (k = N/2^h, its one link up and one down at level h's bandwidth BW_h); D = 2H a.</li>
 * </ul>
 * Worked for an all-reduce of S on a 16-ring: max(8a, 2 x 15 S/(32 BW), S/(2 BW)) = 15/16 x S/BW,
 * which ring-bidir meets and a one-way ring doubles.
 */
public record LowerBound(double seconds, String limit) {
    /** A set X of {@code members} accelerators and its links' capacity out of it and into it, bytes/s. */
    record Cut(String name, int members, double outCapacity, double inCapacity) {
    }

    /** A topology's terms: the diameter's latency, what all accelerators inject at once, and its cuts. */
    record Shape(double diameterSeconds, double injectionCapacity, List<Cut> cuts) {
    }

    /** The bound for {@code op} of {@code bytes} (S) per accelerator over {@code n} on the topology. */
    public static LowerBound of(CollectiveOp op, double bytes, int n, TopologyKind kind, LinkProfile links) {
        if (n < 2 || !(bytes > 0)) {
            return new LowerBound(0, "nothing to move");
        }
        Shape shape = shape(kind, n, links);
        LowerBound best = new LowerBound(shape.diameterSeconds(), "latency of the farthest pair");
        best = most(best, leastInjected(op, n, bytes) / shape.injectionCapacity(), "the injection ports");
        for (Cut c : shape.cuts()) {
            double out = leastOut(op, n, c.members(), bytes) / c.outCapacity();
            double in = leastOut(op, n, n - c.members(), bytes) / c.inCapacity();
            best = most(best, Math.max(out, in), c.name());
        }
        return best;
    }

    private static LowerBound most(LowerBound b, double seconds, String limit) {
        return seconds > b.seconds() ? new LowerBound(seconds, limit) : b;
    }

    /** The least bytes any schedule injects over the array. */
    static double leastInjected(CollectiveOp op, int n, double bytes) {
        return (op == CollectiveOp.ALL_REDUCE ? 2.0 : 1.0) * (n - 1) * bytes;
    }

    /** The least bytes any schedule sends out of a set of k of the n members. */
    static double leastOut(CollectiveOp op, int n, int k, double bytes) {
        return switch (op) {
            case ALL_REDUCE -> bytes;
            case REDUCE_SCATTER -> (double) (n - k) / n * bytes;
            case ALL_GATHER -> (double) k / n * bytes;
            case ALL_TO_ALL -> (double) k * (n - k) / n * bytes;
        };
    }

    /** The terms of a topology of n accelerators (a power of two, at least 2) with these links. */
    static Shape shape(TopologyKind kind, int n, LinkProfile links) {
        LinkParams link = links.link();
        double bw = link.bandwidthBytesPerSecond();
        double a = link.latencyPs() * 1e-12;
        int h = Integer.numberOfTrailingZeros(n);
        int rows = 1 << (h / 2);
        int cols = n / rows;
        List<Cut> cuts = new ArrayList<>();
        return switch (kind) {
            case RING -> {
                int p = neighbours(n);
                cuts.add(new Cut("one accelerator's links", 1, p * bw, p * bw));
                cuts.add(new Cut("the bisection", n / 2, p * bw, p * bw));
                yield new Shape(n / 2 * a, n * p * bw, cuts);
            }
            case TORUS -> {
                int pc = neighbours(cols);
                int pr = neighbours(rows);
                cuts.add(new Cut("one accelerator's links", 1, (pc + pr) * bw, (pc + pr) * bw));
                gridHalves(cuts, n, rows * pc * bw, cols * pr * bw);
                yield new Shape((cols / 2 + rows / 2) * a, n * (pc + pr) * bw, cuts);
            }
            case MESH -> {
                int corner = (cols > 1 ? 1 : 0) + (rows > 1 ? 1 : 0);
                cuts.add(new Cut("a corner accelerator's links", 1, corner * bw, corner * bw));
                gridHalves(cuts, n, cols > 1 ? rows * bw : 0, rows > 1 ? cols * bw : 0);
                yield new Shape((rows - 1 + cols - 1) * a, 2.0 * (rows * (cols - 1) + cols * (rows - 1)) * bw, cuts);
            }
            case SWITCH -> {
                cuts.add(new Cut("one accelerator's links", 1, bw, bw));
                cuts.add(new Cut("half the array's links", n / 2, n / 2 * bw, n / 2 * bw));
                yield new Shape(2 * a, n * bw, cuts);
            }
            case BUS -> new Shape(links.bus().latencyPs() * 1e-12, links.bus().bandwidthBytesPerSecond(), cuts);
            case HTREE -> htree(n, h, links);
        };
    }

    /** The two halvings of a grid: across its columns and across its rows (0: no such halving). */
    private static void gridHalves(List<Cut> cuts, int n, double acrossColumns, double acrossRows) {
        if (acrossColumns > 0) {
            cuts.add(new Cut("the bisection across the columns", n / 2, acrossColumns, acrossColumns));
        }
        if (acrossRows > 0) {
            cuts.add(new Cut("the bisection across the rows", n / 2, acrossRows, acrossRows));
        }
    }

    /** The H tree: leaves' links at level H, one cut per subtree size. */
    private static Shape htree(int n, int levels, LinkProfile links) {
        List<Cut> cuts = new ArrayList<>();
        double latencyPs = 0;
        for (int depth = 1; depth <= levels; depth++) {
            LinkParams l = links.htreeLevel(depth);
            cuts.add(new Cut("a subtree's link at level " + depth, n >> depth, l.bandwidthBytesPerSecond(),
                    l.bandwidthBytesPerSecond()));
            latencyPs += 2 * l.latencyPs();
        }
        return new Shape(latencyPs * 1e-12, n * links.htreeLevel(levels).bandwidthBytesPerSecond(), cuts);
    }

    /** Distinct neighbours along a ring of s places: 2, 1 for two places, 0 for one. */
    private static int neighbours(int s) {
        return Math.min(2, s - 1);
    }
}
