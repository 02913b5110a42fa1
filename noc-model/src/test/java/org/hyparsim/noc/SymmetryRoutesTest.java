package org.hyparsim.noc;

import org.hyparsim.core.kind.TopologyKind;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The declared symmetries: each generator maps links onto links with their ends and every route
 * onto a route (every pair, ties included), and the group they generate acts on the
 * accelerators regularly (as many elements as accelerators, accelerator 0 taken to each).
 */
class SymmetryRoutesTest {
    private static final LinkProfile LINKS = new LinkProfile(1, 0, List.of(), 1, 65536, 0);

    @Test
    void generatorsMapRoutesOntoRoutesAndActRegularly() {
        for (TopologyKind kind : List.of(TopologyKind.HTREE, TopologyKind.SWITCH, TopologyKind.TORUS, TopologyKind.RING)) {
            for (int n : new int[] {2, 8, 16, 32}) {
                Topology t = Topologies.create(kind, n, LINKS);
                Symmetry sym = t.symmetry();
                assertNotNull(sym, kind + " " + n);
                for (int g = 0; g < sym.accelerators().size(); g++) {
                    int[] a = sym.accelerators().get(g);
                    int[] l = sym.links().get(g);
                    assertEquals(n, Arrays.stream(a).distinct().count(), kind + " generator " + g + " permutes accelerators");
                    assertEquals(l.length, Arrays.stream(l).distinct().count(), kind + " generator " + g + " permutes links");
                    for (int s = 0; s < n; s++) {
                        for (int d = 0; d < n; d++) {
                            if (s == d) {
                                continue;
                            }
                            Set<List<Integer>> mapped = new HashSet<>();
                            for (int[] r : t.routes(s, d)) {
                                mapped.add(Arrays.stream(r).map(x -> l[x]).boxed().toList());
                            }
                            Set<List<Integer>> actual = new HashSet<>();
                            for (int[] r : t.routes(a[s], a[d])) {
                                actual.add(Arrays.stream(r).boxed().toList());
                            }
                            assertEquals(actual, mapped, kind + " " + n + " generator " + g + " route " + s + "->" + d);
                        }
                    }
                }
                assertEquals(n, groupOrder(sym.accelerators(), n), kind + " " + n + ": a regular action");
                // toOrigin(a, .) is the group's element taking a to 0: for any element g, h_g(a)^-1 g = h_a^-1
                for (int a = 0; a < n; a++) {
                    assertEquals(0, sym.toOrigin().applyAsInt(a, a), kind + " " + n + " takes " + a + " to 0");
                    for (int[] g : sym.accelerators()) {
                        for (int x = 0; x < n; x++) {
                            assertEquals(sym.toOrigin().applyAsInt(a, x), sym.toOrigin().applyAsInt(g[a], g[x]),
                                    kind + " " + n + " toOrigin(" + a + ", " + x + ")");
                        }
                    }
                }
            }
        }
        assertNull(Topologies.create(TopologyKind.MESH, 16, LINKS).symmetry());
    }

    /**
     * Every mask in the span of a topology's XOR automorphisms maps links onto links and every
     * route onto a route (the torus's and ring's half turns and reflections, the mesh's
     * reflections, every XOR on the H tree and the switch); a subgroup's representatives are the
     * least of their orbits, and toOrigin takes each accelerator to its representative.
     */
    @Test
    void xorAutomorphismsMapRoutesOntoRoutes() {
        for (TopologyKind kind : List.of(TopologyKind.HTREE, TopologyKind.SWITCH, TopologyKind.TORUS, TopologyKind.RING,
                TopologyKind.MESH)) {
            for (int n : new int[] {2, 8, 16, 32, 64}) {
                Topology t = Topologies.create(kind, n, LINKS);
                int[] masks = t.xorAutomorphisms();
                int[] basis = Symmetry.basis(masks);
                int expected = switch (kind) {
                    case HTREE, SWITCH -> n;
                    // per dimension of s places: {0, s/2, s/2 - 1, s - 1} (s > 2), {0, 1} (s = 2); mesh {0, s - 1}
                    case TORUS, RING -> kind == TopologyKind.RING ? (n > 2 ? 4 : 2) : dims(n, 4);
                    default -> dims(n, 2);
                };
                assertEquals(expected, 1 << basis.length, kind + " " + n + " XOR automorphisms");
                assertEquals(expected - 1, java.util.Arrays.stream(Symmetry.span(basis)).distinct().count());
                for (int m : Symmetry.span(basis)) {
                    Symmetry sym = t.xorSymmetry(new int[] {m});
                    int[] a = sym.accelerators().get(0);
                    int[] l = sym.links().get(0);
                    assertEquals(l.length, Arrays.stream(l).distinct().count(), kind + " XOR " + m + " permutes links");
                    for (int s = 0; s < n; s++) {
                        assertEquals(s ^ m, a[s]);
                        for (int d = 0; d < n; d++) {
                            if (s != d) {
                                assertEquals(routeSet(t, a[s], a[d], null), routeSet(t, s, d, l),
                                        kind + " " + n + " XOR " + m + " route " + s + "->" + d);
                            }
                        }
                    }
                }
                Symmetry all = t.xorSymmetry(masks);
                assertEquals(expected, all.order(), kind + " " + n);
                for (int x = 0; x < n; x++) {
                    int least = x;
                    for (int m : Symmetry.span(basis)) {
                        least = Math.min(least, x ^ m);
                    }
                    assertEquals(least, all.representative().applyAsInt(x), kind + " " + n + " representative of " + x);
                    assertEquals(least, all.toOrigin().applyAsInt(x, x), kind + " " + n + " takes " + x + " to it");
                }
            }
        }
    }

    /** 2D grids: per dimension of s places, k automorphisms (2 where s = 2). */
    private static int dims(int n, int k) {
        int h = Integer.numberOfTrailingZeros(n);
        int rows = 1 << (h / 2);
        int cols = n / rows;
        int out = 1;
        for (int s : new int[] {rows, cols}) {
            out *= s == 1 ? 1 : s == 2 ? 2 : k;
        }
        return out;
    }

    private static Set<List<Integer>> routeSet(Topology t, int s, int d, int[] linkImage) {
        Set<List<Integer>> out = new HashSet<>();
        for (int[] r : t.routes(s, d)) {
            out.add(Arrays.stream(r).map(x -> linkImage == null ? x : linkImage[x]).boxed().toList());
        }
        return out;
    }

    @Test
    void linkClassesAreOrbits() {
        // an H tree of 16: each tree level's up links form one orbit, as do its down links (8 classes)
        Symmetry h = Topologies.create(TopologyKind.HTREE, 16, LINKS).symmetry();
        assertEquals(8, Arrays.stream(h.linkClasses()).distinct().count());
        // a 4 x 4 torus: one orbit per direction
        Symmetry t = Topologies.create(TopologyKind.TORUS, 16, LINKS).symmetry();
        assertEquals(4, Arrays.stream(t.linkClasses()).distinct().count());
        int[] classes = Topologies.create(TopologyKind.RING, 8, LINKS).symmetry().linkClasses();
        assertArrayEquals(new int[] {0, 1}, Arrays.stream(classes).distinct().sorted().toArray());
    }

    /** The number of distinct permutations the generators generate (breadth first over products). */
    private static int groupOrder(List<int[]> generators, int n) {
        Set<List<Integer>> seen = new HashSet<>();
        ArrayDeque<int[]> queue = new ArrayDeque<>();
        int[] id = new int[n];
        for (int i = 0; i < n; i++) {
            id[i] = i;
        }
        queue.add(id);
        seen.add(Arrays.stream(id).boxed().toList());
        Set<Integer> images = new HashSet<>();
        while (!queue.isEmpty()) {
            int[] p = queue.poll();
            images.add(p[0]);
            for (int[] g : generators) {
                int[] q = new int[n];
                for (int i = 0; i < n; i++) {
                    q[i] = g[p[i]];
                }
                if (seen.add(Arrays.stream(q).boxed().toList())) {
                    queue.add(q);
                }
            }
        }
        assertEquals(n, images.size(), "accelerator 0 reaches every accelerator");
        return new ArrayList<>(seen).size();
    }
}
