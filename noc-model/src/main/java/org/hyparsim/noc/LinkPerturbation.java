package org.hyparsim.noc;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.hyparsim.core.Checks;
import org.hyparsim.core.Hashes;

/**
 * Replays of one step with every link orbit's bandwidth (every link's where the replay is whole)
 * scaled by its own factor drawn uniformly from [1 - range, 1 + range]: how far a step moves
 * under tiny changes of the links. Sample k's factors are a function of the seed and k alone,
 * drawn in the order of the orbits' least link ids, so a seed gives the same numbers on every
 * run and machine.
 *
 * @param range the largest relative change of a bandwidth, 0 or more and below 1
 * @param samples how many perturbed replays, 1 or more
 * @param seed the draws' seed
 */
public record LinkPerturbation(double range, int samples, long seed) {
    /** Perturbed replays where none are asked for how many: the median of three. */
    public static final int DEFAULT_SAMPLES = 3;
    /** The seed where none is given. */
    public static final long DEFAULT_SEED = 1;
    /** The most perturbed replays of one run. */
    public static final int MAX_SAMPLES = 10_000;

    public LinkPerturbation {
        if (!problems(range, samples).isEmpty()) {
            throw new IllegalArgumentException(problems(range, samples).get(0).reason());
        }
    }

    /**
     * What is wrong with a range and a number of samples, as (field, reason) with the fields
     * {@code perturb} and {@code samples}; empty when both are usable.
     */
    public static List<Checks.Problem> problems(double range, long samples) {
        List<Checks.Problem> out = new ArrayList<>();
        if (!(range >= 0 && range < 1)) {
            out.add(new Checks.Problem("perturb", "must be a number from 0 up to (not including) 1, got " + range));
        }
        if (samples < 1 || samples > MAX_SAMPLES) {
            out.add(new Checks.Problem("samples", "must be a whole number from 1 to " + MAX_SAMPLES + ", got " + samples));
        }
        return out;
    }

    /** Sample k's scaling (k from 0). */
    public LinkScaling sample(int k) {
        if (k < 0 || k >= samples) {
            throw new IllegalArgumentException("sample " + k + " of " + samples);
        }
        long sampleSeed = Hashes.mix(seed * 0x9E3779B97F4A7C15L + k);
        return (topology, orbits) -> factors(topology.links().size(), orbits, sampleSeed);
    }

    /** One factor per link orbit (per link where {@code orbits} is null), drawn by the orbits' least link ids in order. */
    private double[] factors(int links, Symmetry orbits, long sampleSeed) {
        int[] classOf = orbits == null ? null : orbits.linkClasses();
        SplittableRandom random = new SplittableRandom(sampleSeed);
        double[] f = new double[links];
        for (int l = 0; l < links; l++) {
            int c = classOf == null ? l : classOf[l];
            f[l] = c == l ? 1 + range * (2 * random.nextDouble() - 1) : f[c];
        }
        return f;
    }
}
