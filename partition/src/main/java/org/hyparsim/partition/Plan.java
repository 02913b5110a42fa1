package org.hyparsim.partition;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A partition plan: for every level of the hierarchy (level 1 first) and every weighted layer,
 * dp, mp or mp-out. A plan for one accelerator has no levels.
 */
public record Plan(int layers, List<List<Parallelism>> rows) {

    public Plan {
        if (layers < 1) {
            throw new IllegalArgumentException("a plan covers at least one layer");
        }
        List<List<Parallelism>> copy = new ArrayList<>(rows.size());
        for (List<Parallelism> row : rows) {
            if (row.size() != layers) {
                throw new IllegalArgumentException("every level of a plan has " + layers + " choices, got " + row.size());
            }
            copy.add(List.copyOf(row));
        }
        rows = List.copyOf(copy);
    }

    /** The same choice for every layer at every level. */
    public static Plan uniform(int layers, int levels, Parallelism p) {
        List<List<Parallelism>> rows = new ArrayList<>();
        for (int h = 0; h < levels; h++) {
            Parallelism[] row = new Parallelism[layers];
            Arrays.fill(row, p);
            rows.add(Arrays.asList(row));
        }
        return new Plan(layers, rows);
    }

    public int levels() {
        return rows.size();
    }

    /** The choice of a layer at a level; levels count from 1 as in the paper (H1 splits the array in halves). */
    public Parallelism choice(int level, int layer) {
        return rows.get(level - 1).get(layer);
    }

    /** The plan's first {@code levels} levels. */
    public Plan prefix(int levels) {
        return new Plan(layers, rows.subList(0, levels));
    }

    /** This plan with one more level below its last. */
    public Plan withLevel(List<Parallelism> row) {
        List<List<Parallelism>> next = new ArrayList<>(rows);
        next.add(row);
        return new Plan(layers, next);
    }

    /** Per layer, how many of the first {@code levelsAbove} levels chose {@code p}. */
    public int[] countAbove(int levelsAbove, Parallelism p) {
        int[] count = new int[layers];
        for (int h = 0; h < levelsAbove; h++) {
            List<Parallelism> row = rows.get(h);
            for (int l = 0; l < layers; l++) {
                if (row.get(l) == p) {
                    count[l]++;
                }
            }
        }
        return count;
    }

    /** Per layer, how the first {@code levelsAbove} levels have split it. */
    public Split[] splitsAbove(int levelsAbove) {
        Split[] out = new Split[layers];
        java.util.Arrays.fill(out, Split.NONE);
        for (int h = 0; h < levelsAbove; h++) {
            List<Parallelism> row = rows.get(h);
            for (int l = 0; l < layers; l++) {
                out[l] = out[l].and(row.get(l));
            }
        }
        return out;
    }

    /** True when some layer chooses mp-out (AccPar's Type III) at some level. */
    public boolean usesThirdType() {
        return rows.stream().anyMatch(r -> r.contains(Parallelism.MP_OUT));
    }

    /** Labels per level, as lists of "dp"/"mp"/"mp-out". */
    public List<List<String>> labels() {
        return rows.stream().map(r -> r.stream().map(Parallelism::label).toList()).toList();
    }

    /** A level's choices from a mask over n layers, the first layer in the highest bit (0: dp, 1: mp). */
    public static List<Parallelism> rowFromMask(long mask, int n) {
        return rowFromIndex(mask, n, Parallelism.TWO_TYPES);
    }

    /**
     * A level's choices from an index over n layers in base k = types.size(), the first layer the
     * most significant digit (digit i: types.get(i)).
     */
    public static List<Parallelism> rowFromIndex(long index, int n, List<Parallelism> types) {
        int k = types.size();
        Parallelism[] row = new Parallelism[n];
        long rest = index;
        for (int l = n - 1; l >= 0; l--) {
            row[l] = types.get((int) (rest % k));
            rest /= k;
        }
        return java.util.Arrays.asList(row);
    }
}
