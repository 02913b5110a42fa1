package org.hyparsim.noc;

import java.util.List;

/**
 * A topology's symmetry: generators of a group of automorphisms, each given by its images of
 * the accelerators and of the links, under which every route maps onto a route. The group acts
 * on the accelerators regularly (as many elements as accelerators, one taking accelerator 0 to
 * each), so a link's orbit times its stabiliser is the accelerator count.
 *
 * @param accelerators per generator, each accelerator's image
 * @param links per generator, each link's image
 * @param toOrigin (a, x) -> the image of accelerator x under the element that takes a to 0
 */
public record Symmetry(List<int[]> accelerators, List<int[]> links, java.util.function.IntBinaryOperator toOrigin) {
    public Symmetry {
        accelerators = List.copyOf(accelerators);
        links = List.copyOf(links);
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
