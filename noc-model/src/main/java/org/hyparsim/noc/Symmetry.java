package org.hyparsim.noc;

import java.util.List;
import java.util.function.IntBinaryOperator;
import java.util.function.IntUnaryOperator;
import java.util.stream.IntStream;

/**
 * A topology's symmetry: generators of a group of automorphisms, each given by its images of
 * the accelerators and of the links, under which every route maps onto a route. The group acts
 * on the accelerators freely (only the identity fixes an accelerator), so every orbit of
 * accelerators has {@code order} members and one representative; where it acts regularly (one
 * orbit) the representative is accelerator 0. A link's orbit times its stabiliser is the order.
 *
 * @param accelerators per generator, each accelerator's image
 * @param links per generator, each link's image
 * @param toOrigin (a, x) -> the image of accelerator x under the element that takes a to its representative
 * @param representative each accelerator's representative: the least accelerator of its orbit
 * @param order how many elements the group has
 */
public record Symmetry(List<int[]> accelerators, List<int[]> links, IntBinaryOperator toOrigin,
        IntUnaryOperator representative, int order) {
    public Symmetry {
        accelerators = List.copyOf(accelerators);
        links = List.copyOf(links);
    }

    /** A group acting regularly: accelerator 0 represents all, and the group has one element per accelerator. */
    public static Symmetry regular(List<int[]> accelerators, List<int[]> links, IntBinaryOperator toOrigin) {
        return new Symmetry(accelerators, links, toOrigin, a -> 0, accelerators.get(0).length);
    }

    /**
     * The group of XORs of accelerator indices by the span of {@code masks} (each an automorphism
     * whose accelerator and link images are given, in the same order): its representatives are the
     * least of each coset, found by reducing an index by a basis with distinct leading bits.
     */
    public static Symmetry xor(int[] masks, List<int[]> accelerators, List<int[]> links) {
        int[] basis = basis(masks);
        // looked up per transfer and dependency as steps are built: tabled once
        int[] rep = new int[accelerators.get(0).length];
        for (int a = 0; a < rep.length; a++) {
            rep[a] = reduce(a, basis);
        }
        return new Symmetry(accelerators, links, (a, x) -> x ^ a ^ rep[a], a -> rep[a], 1 << basis.length);
    }

    /** A basis of the masks' span, each with a distinct leading bit, leading bits in decreasing order. */
    public static int[] basis(int[] masks) {
        int[] byLead = new int[32];
        for (int m : masks) {
            for (int lead = 31 - Integer.numberOfLeadingZeros(m); m != 0; lead = 31 - Integer.numberOfLeadingZeros(m)) {
                if (byLead[lead] == 0) {
                    byLead[lead] = m;
                    break;
                }
                m ^= byLead[lead];
            }
        }
        return IntStream.range(0, 32).map(i -> 31 - i).filter(i -> byLead[i] != 0)
                .map(i -> byLead[i]).toArray();
    }

    /** Every non-zero element of the span of a basis (from {@link #basis}). */
    public static int[] span(int[] basis) {
        int[] out = new int[(1 << basis.length) - 1];
        for (int i = 1; i <= out.length; i++) {
            int m = 0;
            for (int k = 0; k < basis.length; k++) {
                if ((i & (1 << k)) != 0) {
                    m ^= basis[k];
                }
            }
            out[i - 1] = m;
        }
        return out;
    }

    /** The least element of a's coset: every leading bit of the basis cleared, highest first. */
    private static int reduce(int a, int[] basis) {
        for (int v : basis) {
            if ((a & Integer.highestOneBit(v)) != 0) {
                a ^= v;
            }
        }
        return a;
    }

    /**
     * Each link's class: the least link id of its orbit under the generators (a union-find).
     */
    public int[] linkClasses() {
        int n = links.get(0).length;
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        for (int[] g : links) {
            for (int i = 0; i < n; i++) {
                int a = find(parent, i);
                int b = find(parent, g[i]);
                if (a != b) {
                    parent[Math.max(a, b)] = Math.min(a, b);
                }
            }
        }
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = find(parent, i);
        }
        return out;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }
}
