package org.hyparsim.noc;

import org.hyparsim.core.kind.TopologyKind;
import java.util.List;

/**
 * The paper's H tree (Fig. 4c): a binary tree whose leaves are the accelerators, so that the
 * hierarchy's level h (the split of a group of 2^(H-h+1) accelerators in halves) is the tree
 * node at depth h-1 above them. The links between depth h-1 and depth h form tree level h and
 * share its bandwidth. Routing goes up to the lowest common ancestor and down.
 */
public final class HTreeTopology extends TableTopology {
    private final int depth;
    /** Per climb c (levels up to the lowest common ancestor), a route's latency: c levels up and down, ps. */
    private final long[] climbLatencyPs;

    /** @param levelParams per tree level h = 1..H (level 1 joins the root to its children) */
    public HTreeTopology(int accelerators, List<LinkParams> levelParams) {
        super(TopologyKind.HTREE, check(accelerators));
        this.depth = Integer.numberOfTrailingZeros(accelerators);
        if (levelParams.size() < depth) {
            throw new IllegalArgumentException("an H tree of " + accelerators + " accelerators needs link parameters for "
                    + depth + " levels, got " + levelParams.size());
        }
        // heap numbering: root 1, children 2i and 2i+1, leaves accelerators .. 2*accelerators-1
        for (int node = 2; node < 2 * accelerators; node++) {
            int d = 31 - Integer.numberOfLeadingZeros(node);
            LinkParams p = levelParams.get(d - 1);
            int up = table.add(node, node / 2, name(node) + " up", p);
            int down = table.add(node / 2, node, name(node) + " down", p);
            if (up != up(node) || down != down(node)) {
                throw new IllegalStateException("the H tree's links are numbered node by node, up then down");
            }
        }
        climbLatencyPs = new long[depth + 1];
        for (int c = 1; c <= depth; c++) {
            climbLatencyPs[c] = climbLatencyPs[c - 1] + 2 * levelParams.get(depth - c).latencyPs();
        }
    }

    /**
     * The routes' loads counted without walking them: a message puts 1 on the up links from its
     * source's leaf to below the lowest common ancestor, and on the down links from there to its
     * destination's. So a link's load is a sum over the subtree below it: +1 at each source's
     * leaf and -1 at each pair's ancestor for the up links, the same from the destinations for the
     * down links, summed leaves first.
     */
    @Override
    public long addRoundLoads(int[][] pairs, double[] load) {
        int n = accelerators();
        double[] up = new double[2 * n];
        double[] down = new double[2 * n];
        long latencyPs = 0;
        for (int[] p : pairs) {
            int climb = 32 - Integer.numberOfLeadingZeros(p[0] ^ p[1]);
            int ancestor = (n + p[0]) >> climb;
            up[n + p[0]] += 1;
            up[ancestor] -= 1;
            down[n + p[1]] += 1;
            down[ancestor] -= 1;
            latencyPs = Math.max(latencyPs, climbLatencyPs[climb]);
        }
        for (int node = 2 * n - 1; node >= 2; node--) {
            if (up[node] != 0) {
                load[up(node)] += up[node];
                up[node / 2] += up[node];
            }
            if (down[node] != 0) {
                load[down(node)] += down[node];
                down[node / 2] += down[node];
            }
        }
        return latencyPs;
    }

    /** The link from a node (2 and above) to its parent: links are added node by node, up then down. */
    private static int up(int node) {
        return 2 * (node - 2);
    }

    /** The link from a node's parent down to it. */
    private static int down(int node) {
        return 2 * (node - 2) + 1;
    }

    private static int check(int accelerators) {
        if (accelerators < 1 || Integer.bitCount(accelerators) != 1) {
            throw new IllegalArgumentException("an H tree joins a power of two of accelerators");
        }
        return accelerators;
    }

    private String name(int node) {
        if (node >= accelerators()) {
            return "A" + (node - accelerators());
        }
        return "R" + node;
    }




    /** Generator k exchanges the two subtrees under every node of height k + 1 (accelerator index XOR 2^k). */
    @Override
    protected int symmetryGenerators() {
        return depth;
    }

    @Override
    protected int nodeImage(int g, int node) {
        int height = depth - (31 - Integer.numberOfLeadingZeros(node));
        return height <= g ? node ^ (1 << (g - height)) : node;
    }

    /** Every XOR of accelerator indices: the generators' span. */
    @Override
    public int[] xorAutomorphisms() {
        return generatorBits();
    }

    /** The group's elements are the XORs of accelerator indices: a ^ a takes a to 0. */
    @Override
    protected int toOrigin(int a, int x) {
        return a ^ x;
    }

    @Override
    protected int acceleratorNode(int accelerator) {
        return accelerators() + accelerator;
    }

    @Override
    protected int acceleratorOf(int node) {
        return node - accelerators();
    }

    @Override
    public int[] route(int src, int dst) {
        int a = accelerators() + src;
        int b = accelerators() + dst;
        int climb = 0; // levels up to the lowest common ancestor
        for (int x = a, y = b; x != y; x /= 2, y /= 2) {
            climb++;
        }
        int[] route = new int[2 * climb];
        for (int i = 0, x = a, y = b; i < climb; i++, x /= 2, y /= 2) {
            route[i] = up(x);
            route[2 * climb - 1 - i] = down(y);
        }
        return route;
    }
}
