package org.hyparsim.partition;

import org.hyparsim.core.kind.Parallelism;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A partition plan: for every level of the hierarchy (level 1 first) and every weighted layer,
 * dp, mp or mp-out, and the share of the split dimension the level's first half takes (its
 * ratio: 0.5, an even split, unless the two halves run at different speeds). A plan for one
 * accelerator has no levels.
 */
public record Plan(int layers, List<List<Parallelism>> rows, List<List<Double>> ratios) {
    /** An even split. */
    public static final double EVEN = 0.5;

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
        if (ratios.size() != rows.size()) {
            throw new IllegalArgumentException("a plan has a row of ratios per level: " + rows.size() + " levels, "
                    + ratios.size() + " rows of ratios");
        }
        List<List<Double>> r = new ArrayList<>();
        for (List<Double> row : ratios) {
            if (row.size() != layers) {
                throw new IllegalArgumentException("every level of a plan has " + layers + " ratios, got " + row.size());
            }
            for (double v : row) {
                if (!(v > 0 && v < 1)) {
                    throw new IllegalArgumentException("a ratio is a share strictly between 0 and 1, got " + v);
                }
            }
            r.add(List.copyOf(row));
        }
        ratios = List.copyOf(r);
    }

    /** A plan of even splits. */
    public Plan(int layers, List<List<Parallelism>> rows) {
        this(layers, rows, evenRatios(rows.size(), layers));
    }

    /** Rows of even ratios. */
    public static List<List<Double>> evenRatios(int levels, int layers) {
        List<Double> row = Collections.nCopies(layers, EVEN);
        return Collections.nCopies(levels, row);
    }

    /** The share of layer l's split dimension the first half takes at a level (from 1). */
    public double ratio(int level, int layer) {
        return ratios.get(level - 1).get(layer);
    }

    /** True when some split is uneven. */
    public boolean uneven() {
        return ratios.stream().anyMatch(r -> r.stream().anyMatch(v -> v != EVEN));
    }

    /** This plan with other ratios. */
    public Plan withRatios(List<List<Double>> r) {
        return new Plan(layers, rows, r);
    }

    /** Where a type's split lands in {@link #shares}: 0 the batch (dp), 1 the input channels (mp), 2 the output channels (mp-out). */
    public static int dimension(Parallelism p) {
        return switch (p) {
            case DP -> 0;
            case MP -> 1;
            case MP_OUT -> 2;
        };
    }

    /**
     * Accelerator a's share of layer l's batch, input channels and output channels after every
     * level: at each level a takes the ratio of its half (the first half: the ratio, the second:
     * 1 - ratio) of the dimension the layer splits there.
     */
    public double[] shares(int accelerator, int layer) {
        double[] s = {1, 1, 1};
        int levels = levels();
        for (int h = 1; h <= levels; h++) {
            boolean second = ((accelerator >> (levels - h)) & 1) == 1;
            double r = ratio(h, layer);
            s[dimension(choice(h, layer))] *= second ? 1 - r : r;
        }
        return s;
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
        return new Plan(layers, rows.subList(0, levels), ratios.subList(0, levels));
    }

    /** This plan with one more level below its last, split evenly. */
    public Plan withLevel(List<Parallelism> row) {
        return withLevel(row, Collections.nCopies(layers, EVEN));
    }

    /** This plan with one more level below its last, split by the given ratios. */
    public Plan withLevel(List<Parallelism> row, List<Double> ratioRow) {
        List<List<Parallelism>> next = new ArrayList<>(rows);
        next.add(row);
        List<List<Double>> r = new ArrayList<>(ratios);
        r.add(ratioRow);
        return new Plan(layers, next, r);
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
        Arrays.fill(out, Split.NONE);
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
        return Arrays.asList(row);
    }
}
