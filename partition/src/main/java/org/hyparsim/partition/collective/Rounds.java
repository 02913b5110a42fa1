package org.hyparsim.partition.collective;

import org.hyparsim.core.kind.CollectiveAlgorithm;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A collective as rounds of sends between members 0..n-1 (n a power of two), each send a
 * fraction of S. A send from member m depends on m's own data and on every send into m, in the
 * same chain, of the latest earlier round that had one: a transfer carries only data that
 * exists when it starts. Member indices are the group's bits of the accelerator index, lowest
 * first; {@code dims} splits those bits into the topology's dimensions (lowest first).
 */
public final class Rounds {
    /** One round: send i goes from member from[i] to member to[i] with fraction[i] of S, in chain chain[i]. */
    public record Round(int[] from, int[] to, double[] fraction, int[] chain) {
        public int size() {
            return from.length;
        }
    }

    private Rounds() {
    }

    /**
     * The rounds of a collective by an algorithm (not AUTO) over 2^(sum of dims) members, halving-doubling
     * pairing across the lowest member bit first.
     */
    public static List<Round> of(CollectiveOp op, CollectiveAlgorithm algorithm, int[] dims) {
        return of(op, algorithm, dims, null);
    }

    /**
     * The rounds of a collective by an algorithm (not AUTO) over 2^(sum of dims) members.
     *
     * @param partnerOrder halving-doubling's member bits in the order its reduce-scatter pairs across
     *        them (its all-gather retraces them); null: lowest first. Ignored by the other algorithms.
     */
    public static List<Round> of(CollectiveOp op, CollectiveAlgorithm algorithm, int[] dims, int[] partnerOrder) {
        int d = 0;
        for (int b : dims) {
            d += b;
        }
        int n = 1 << d;
        List<Round> out = new ArrayList<>();
        if (n == 1) {
            return out;
        }
        if (op == CollectiveOp.ALL_TO_ALL) {
            if (algorithm == CollectiveAlgorithm.RING || algorithm == CollectiveAlgorithm.RING_BIDIR) {
                for (int k = 1; k < n; k++) {
                    Builder r = new Builder(n);
                    for (int m = 0; m < n; m++) {
                        r.add(m, (m + k) % n, 1.0 / n, 0);
                    }
                    out.add(r.build());
                }
            } else {
                out.add(allPairs(n, 1.0 / n));
            }
            return out;
        }
        boolean rs = op != CollectiveOp.ALL_GATHER;
        boolean ag = op != CollectiveOp.REDUCE_SCATTER;
        switch (algorithm) {
            case RING -> ring(out, dims, rs, ag, 1);
            case RING_BIDIR -> ring(out, dims, rs, ag, 2);
            case HIERARCHICAL -> butterfly(out, lowestFirst(d), rs, ag);
            case HALVING_DOUBLING -> butterfly(out, partnerOrder == null ? lowestFirst(d) : checked(partnerOrder, d), rs, ag);
            case DIRECT -> {
                if (rs) {
                    out.add(allPairs(n, 1.0 / n));
                }
                if (ag) {
                    out.add(allPairs(n, 1.0 / n));
                }
            }
            case AUTO -> throw new IllegalArgumentException("auto is resolved to an algorithm before expansion");
        }
        return out;
    }

    /** Rings per dimension: reduce-scatter along each dimension in turn, all-gather back in reverse. */
    private static void ring(List<Round> out, int[] dims, boolean rs, boolean ag, int chains) {
        int n = 1;
        for (int b : dims) {
            n <<= b;
        }
        double frac = 1.0 / chains;
        if (rs) {
            int shift = 0;
            for (int bits : dims) {
                int s = 1 << bits;
                for (int k = 0; k < s - 1; k++) {
                    out.add(ringRound(n, shift, bits, chains, frac / s));
                }
                frac /= s;
                shift += bits;
            }
        } else {
            frac /= n;
        }
        if (ag) {
            int shift = 0;
            for (int bits : dims) {
                shift += bits;
            }
            for (int j = dims.length - 1; j >= 0; j--) {
                int bits = dims[j];
                shift -= bits;
                int s = 1 << bits;
                for (int k = 0; k < s - 1; k++) {
                    out.add(ringRound(n, shift, bits, chains, frac));
                }
                frac *= s;
            }
        }
    }

    /** Every member sends to its next along the dimension (bits shift..shift+bits-1); chain 1 the other way. */
    private static Round ringRound(int n, int shift, int bits, int chains, double fraction) {
        Builder r = new Builder(n * chains);
        int s = 1 << bits;
        int mask = (s - 1) << shift;
        for (int c = 0; c < chains; c++) {
            int step = c == 0 ? 1 : s - 1;
            for (int m = 0; m < n; m++) {
                int coord = (m & mask) >>> shift;
                int next = (m & ~mask) | (((coord + step) % s) << shift);
                r.add(m, next, fraction, c);
            }
        }
        return r.build();
    }

    /**
     * Recursive halving then doubling: the reduce-scatter pairs across the member bits in
     * {@code order} (order[0] first, with S/2 each way; then S/4, ...), the all-gather retraces
     * them in reverse (the last pairing first, with the smallest share).
     */
    private static void butterfly(List<Round> out, int[] order, boolean rs, boolean ag) {
        int d = order.length;
        int n = 1 << d;
        if (rs) {
            for (int t = 0; t < d; t++) {
                out.add(pairRound(n, order[t], 1.0 / (1 << (t + 1))));
            }
        }
        if (ag) {
            for (int t = d - 1; t >= 0; t--) {
                out.add(pairRound(n, order[t], 1.0 / (1 << (t + 1))));
            }
        }
    }

    /** Bits 0..d-1: the hierarchy's lowest level (neighbours in index order) first. */
    static int[] lowestFirst(int d) {
        int[] out = new int[d];
        for (int t = 0; t < d; t++) {
            out[t] = t;
        }
        return out;
    }

    /** The order, if it holds each of bits 0..d-1 once. */
    private static int[] checked(int[] order, int d) {
        int seen = 0;
        for (int bit : order) {
            seen |= bit >= 0 && bit < d ? 1 << bit : 1 << 31;
        }
        if (order.length != d || seen != (1 << d) - 1) {
            throw new IllegalArgumentException("a partner order holds each of the " + d + " member bits once, got "
                    + Arrays.toString(order));
        }
        return order;
    }

    private static Round pairRound(int n, int bit, double fraction) {
        Builder r = new Builder(n);
        for (int m = 0; m < n; m++) {
            r.add(m, m ^ (1 << bit), fraction, 0);
        }
        return r.build();
    }

    private static Round allPairs(int n, double fraction) {
        Builder r = new Builder(n * (n - 1));
        for (int m = 0; m < n; m++) {
            for (int k = 1; k < n; k++) {
                r.add(m, (m + k) % n, fraction, 0);
            }
        }
        return r.build();
    }

    /** Fills a round's arrays. */
    private static final class Builder {
        final int[] from;
        final int[] to;
        final double[] fraction;
        final int[] chain;
        int size;

        Builder(int capacity) {
            from = new int[capacity];
            to = new int[capacity];
            fraction = new double[capacity];
            chain = new int[capacity];
        }

        void add(int f, int t, double x, int c) {
            from[size] = f;
            to[size] = t;
            fraction[size] = x;
            chain[size] = c;
            size++;
        }

        Round build() {
            return new Round(from, to, fraction, chain);
        }
    }
}
