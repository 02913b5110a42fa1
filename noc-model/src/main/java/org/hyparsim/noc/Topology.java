package org.hyparsim.noc;

import org.hyparsim.core.kind.TopologyKind;
import java.util.List;

/**
 * How the accelerators are joined: the directed links (full duplex: each direction its own link
 * and bandwidth), and the minimal routes for every pair.
 */
public interface Topology {
    /** Which topology this is. */
    TopologyKind kind();

    /** The name used in scenarios: htree, torus, mesh, ring, switch, bus. */
    default String name() {
        return kind().label();
    }

    int accelerators();

    List<Link> links();

    /** The links, in order, that a message from src to dst crosses (src != dst): the first of {@link #routes}. */
    int[] route(int src, int dst);

    /**
     * Every minimal route from src to dst between which ties are split: a message sends an equal
     * share of its bytes on each. One route unless the topology has equal-cost choices.
     */
    default int[][] routes(int src, int dst) {
        return new int[][] {route(src, dst)};
    }

    /**
     * Adds to {@code load} (per link id) what a round of messages puts on each link, one message
     * per pair {src, dst} split evenly over its routes (1/k on each link of each of k routes), and
     * returns the longest route's latency in ps. A topology may count faster; the sums are the
     * same (they are sums of 1/k, exact in doubles).
     */
    default long addRoundLoads(int[][] pairs, double[] load) {
        return routedRoundLoads(this, pairs, load);
    }

    /** {@link #addRoundLoads} by routing every pair: the definition. */
    static long routedRoundLoads(Topology t, int[][] pairs, double[] load) {
        List<Link> links = t.links();
        long latencyPs = 0;
        for (int[] p : pairs) {
            int[][] rs = t.routes(p[0], p[1]);
            for (int[] r : rs) {
                long lat = 0;
                for (int l : r) {
                    load[l] += 1.0 / rs.length;
                    lat += links.get(l).latencyPs();
                }
                latencyPs = Math.max(latencyPs, lat);
            }
        }
        return latencyPs;
    }

    /**
     * The array's dimensions for collectives, as bits of the accelerator index, lowest first:
     * a torus of 2^c columns and 2^r rows is {c, r} (a ring per dimension, as ASTRA-sim's
     * [Ring, Ring]); every other topology one dimension of all the bits.
     */
    default int[] dimensionBits() {
        return new int[] {Integer.numberOfTrailingZeros(accelerators())};
    }

    /**
     * Generators of a group of this topology's automorphisms that acts on the accelerators
     * regularly (one element takes accelerator 0 to each accelerator, and no more), with routes
     * mapped onto routes; null where the topology has none declared. See {@link Symmetry}.
     */
    default Symmetry symmetry() {
        return null;
    }

    /**
     * Masks whose span is a group of automorphisms by XOR of accelerator indices (a -> a ^ m, with
     * every route mapped onto a route); empty where the topology declares none. A step invariant
     * under a subgroup of them is replayed one accelerator per orbit ({@link #xorSymmetry}).
     */
    default int[] xorAutomorphisms() {
        return new int[0];
    }

    /** The group spanned by some of {@link #xorAutomorphisms}' masks; null where the span is trivial. */
    default Symmetry xorSymmetry(int[] masks) {
        return null;
    }
}
