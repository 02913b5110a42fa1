package org.hyparsim.accel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The row-stationary mapping as Eyeriss makes it (Chen et al., ISCA 2016 section V-B; JSSC 2017
 * section IV-A), found by a search over mappings and memoised by shape.
 *
 * <p>A logical PE set is R x E PEs (filter rows x output rows). When E exceeds what fits, the
 * set is strip-mined to e output rows (strips = ceil(E / e)); a strip wider than the array's
 * columns is folded into ceil(e / columns) segments stacked down the array (AlexNet's CONV2,
 * 5 x 27 as 5 x 14 and 5 x 13). Sets are replicated r (different input channels) x t
 * (different filters) to fill the array. A filter taller than the array is cut into
 * ceil(R / rows) row folds, each a pass of its own.
 *
 * <p>Folding into processing passes: in one pass each PE holds p filters x q channels of a
 * filter row in its filter scratchpad (p q S words), q channels of an input row's window in its
 * input scratchpad (q S words) and p partial sums in its psum scratchpad (p words); the pass
 * covers n samples, q r input channels, p t filters and one strip. The global buffer holds the
 * pass's input rows (n q r rows x width) and the partial sums of m output channels (m a
 * multiple of p t; n m e F words); the input in the buffer is reused across the m / (p t)
 * filter blocks, the partial sums across all input channels.
 *
 * <p>A pass takes n p q S F cycles on every active PE, after a ramp-up: a fixed
 * {@code rampCycles} plus its filter words at {@code bufferWordsPerCycle} from the global
 * buffer. The search takes the mapping of least latency (processing plus, where the chip stops
 * for it, DRAM time), then of fewest processing cycles, global-buffer and DRAM words; mappings equal on all three
 * are ties, counted.
 */
public final class RowStationaryMapping {
    /** How many of the largest part sizes the search tries per split (with the powers of two below). */
    static final int CANDIDATES = 4;
    private static final Map<Key, Mapping> MEMO = new ConcurrentHashMap<>();

    /**
     * A convolution as one engine array sees it, per group: {@code samples} (n may not exceed
     * their ceiling) of {@code c} input channels of h x w (padded by {@code pad}) into {@code m}
     * output channels of e x f, an r x r kernel at {@code stride}; {@code outWords} the words
     * written back per sample and group (after any on-chip pooling); {@code groups} side by side.
     */
    public record Conv(double samples, int groups, int c, int m, int r, int e, int f, int h, int w, int stride, int pad,
            double outWords, Compression dram) {
    }

    /**
     * DRAM words per word of the input and output activations (1 where nothing is compressed;
     * below 1 where zeros are run-length coded off chip, as the Eyeriss chip does).
     */
    public record Compression(double input, double output) {
        /** Nothing compressed. */
        public static final Compression NONE = new Compression(1, 1);
    }

    /**
     * The array it maps onto.
     *
     * @param rampCycles the fixed part of a pass's ramp-up, cycles
     * @param filterWordsPerCycle words per cycle at which a pass's filter words reach the scratchpads while it ramps up
     * @param bufferWordsPerCycle words per cycle the global buffer streams to and from the array during a pass
     *        (input rows in, partial sums in and out)
     * @param dramWordsPerCycle the off-chip interface's words per core cycle
     * @param dramStalls whether the array stops while DRAM is read or written
     * @param foldFirst whether a set keeps its whole E, folded, wherever it fits, and is strip-mined only
     *        where it does not (the Eyeriss chip's mapper), or the search tries every strip width
     */
    public record Array(int engines, int rows, int cols, int filterSpad, int ifmapSpad, int psumSpad, double bufferWords,
            double rampCycles, double filterWordsPerCycle, double bufferWordsPerCycle, double dramWordsPerCycle,
            boolean dramStalls, boolean foldFirst, Costs costs) {
    }

    /**
     * What the search weighs a mapping by: energy per register-file access, per word over the
     * array's network, per global-buffer word and per DRAM word, and the static energy per cycle
     * (pJ), as the profile's energy model counts them.
     */
    public record Costs(double registerFile, double network, double bufferWord, double dramWord, double staticPerCycle) {
    }

    private record Key(Conv conv, Array array) {
    }

    /**
     * A mapping and what follows from it, for the whole convolution on one accelerator.
     *
     * @param m output channels whose partial sums the buffer holds
     * @param n samples per pass
     * @param e output rows of a strip
     * @param p filters per PE
     * @param q channels per PE
     * @param r sets on different channels
     * @param t sets on different filters
     * @param activePes PEs the mapping occupies in one engine
     * @param passes processing passes (over all engines)
     * @param cycles processing cycles (ramp-ups included, DRAM overlapped)
     * @param bufferWords global-buffer accesses, words
     * @param dramWords DRAM accesses, words
     * @param registerFileAccesses scratchpad accesses
     * @param networkWords words over the array's network
     * @param ties other mappings as good on latency, buffer and DRAM words
     */
    public record Mapping(int m, int n, int e, int p, int q, int r, int t, int activePes, double passes, double cycles,
            double bufferWords, double dramWords, double registerFileAccesses, double networkWords, int ties) {
        /** m/n/e/p/q/r/t, as Eyeriss's Table III writes a mapping. */
        public String label() {
            return m + "/" + n + "/" + e + "/" + p + "/" + q + "/" + r + "/" + t;
        }
    }

    private RowStationaryMapping() {
    }

    /** The best mapping of {@code conv} on {@code array} (memoised). */
    public static Mapping of(Conv conv, Array array) {
        return MEMO.computeIfAbsent(new Key(conv, array), k -> search(k.conv(), k.array()));
    }

    private static Mapping search(Conv c, Array a) {
        Mapping best = search(c, a, false);
        // a buffer too small for even one sample's pass: the smallest passes, their partial sums spilling
        return best != null ? best : search(c, a, true);
    }

    /** The best mapping whose pass fits the buffer (any, with {@code spill}), with its ties counted; null if none. */
    private static Mapping search(Conv c, Array a, boolean spill) {
        int rEff = Math.min(c.r(), a.rows());
        int rowFolds = (c.r() + a.rows() - 1) / a.rows();
        Mapping best = null;
        double bestEnergy = Double.POSITIVE_INFINITY;
        int ties = 0;
        for (int e : stripWidths(c.e(), rEff, a)) {
            int segs = (e + a.cols() - 1) / a.cols();
            if (rEff * segs > a.rows()) {
                continue;
            }
            int fit = (a.rows() / (rEff * segs)) * (a.cols() / Math.min(e, a.cols()));
            for (int r : candidates(c.c(), fit)) {
                // as many sets on different filters as fill the array beside them
                int t = Math.max(1, Math.min(c.m(), fit / r));
                for (Mapping x : folds(c, a, new Set(e, r, t, rEff, rowFolds), spill)) {
                    double energy = energy(x, a);
                    int cmp = best == null || energy < bestEnergy ? -1 : energy > bestEnergy ? 1 : compare(x, best, a);
                    if (cmp < 0) {
                        best = x;
                        bestEnergy = energy;
                        ties = 0;
                    } else if (cmp == 0) {
                        ties++;
                    }
                }
            }
        }
        if (best == null) {
            return null;
        }
        Mapping b = best;
        return new Mapping(b.m(), b.n(), b.e(), b.p(), b.q(), b.r(), b.t(), b.activePes(), b.passes(), b.cycles(),
                b.bufferWords(), b.dramWords(), b.registerFileAccesses(), b.networkWords(), ties);
    }

    /** A set's shape and replication. */
    private record Set(int e, int r, int t, int rEff, int rowFolds) {
    }

    /**
     * The mappings of one set shape: every scratchpad-feasible p, q and buffer-feasible n, with the
     * largest m; with {@code spill}, one sample a pass and m = p t whatever the buffer holds.
     */
    private static List<Mapping> folds(Conv c, Array a, Set s, boolean spill) {
        List<Mapping> out = new ArrayList<>();
        int qMax = Math.max(1, Math.min(a.ifmapSpad() / c.r(), ceilDiv(c.c(), s.r())));
        int rows = Math.min(c.h() + 2 * c.pad(), (s.e() - 1) * c.stride() + c.r());
        int wp = c.w() + 2 * c.pad();
        for (int q : candidates(ceilDiv(c.c(), s.r()), qMax)) {
            int pMax = Math.min(a.psumSpad(), Math.min(a.filterSpad() / (q * c.r()), ceilDiv(c.m(), s.t())));
            if (pMax < 1) {
                continue;
            }
            for (int p : candidates(ceilDiv(c.m(), s.t()), pMax)) {
                for (int n : candidates((int) Math.ceil(c.samples() - 1e-9), Integer.MAX_VALUE)) {
                    double ifmap = (double) n * q * s.r() * rows * wp;
                    double block = (double) n * p * s.t() * s.e() * c.f();
                    if (spill) {
                        out.add(cost(c, a, s, new int[] {p * s.t(), n, p, q, 0}, rows));
                        break;
                    }
                    if (block + ifmap > a.bufferWords()) {
                        break;
                    }
                    int most = ceilDiv(c.m(), p * s.t());
                    int blocks = (int) Math.min(most, Math.floor((a.bufferWords() - ifmap) / block));
                    out.add(cost(c, a, s, new int[] {blocks * p * s.t(), n, p, q, 0}, rows));
                    // or the buffer keeps the m channels' filters too, so they come from DRAM once, not once a sample block and strip
                    double filters = (double) p * s.t() * c.c() * c.r() * c.r();
                    int withFilters = (int) Math.min(most, Math.floor((a.bufferWords() - ifmap) / (block + filters)));
                    if (withFilters >= 1) {
                        out.add(cost(c, a, s, new int[] {withFilters * p * s.t(), n, p, q, 1}, rows));
                    }
                }
            }
        }
        return out;
    }

    /** The costs of one mapping; {@code mnpq} = m, n, p, q and 1 where the buffer keeps the m channels' filters. */
    private static Mapping cost(Conv c, Array a, Set s, int[] mnpq, int rows) {
        int m = mnpq[0];
        int n = mnpq[1];
        int p = mnpq[2];
        int q = mnpq[3];
        int wp = c.w() + 2 * c.pad();
        double strips = Math.ceil((double) c.e() / s.e());
        double sampleBlocks = Math.ceil(c.samples() / n - 1e-9);
        double channelPasses = Math.ceil((double) c.c() / (q * s.r())) * s.rowFolds();
        double filterBlocks = Math.ceil((double) c.m() / (p * s.t()));
        double passes = c.groups() * sampleBlocks * channelPasses * filterBlocks * strips;
        double filterWords = (double) p * s.t() * q * s.r() * s.rEff() * c.r();
        double ifmapWords = (double) n * q * s.r() * rows * wp;
        double psums = (double) n * p * s.t() * s.e() * c.f();
        // partial sums stream out every pass and back in every pass but a channel block's first
        double streamed = ifmapWords + psums * (2 - 1 / channelPasses);
        double compute = Math.max((double) n * p * q * c.r() * c.f(), streamed / a.bufferWordsPerCycle());
        double perEngine = Math.ceil(passes / a.engines() - 1e-9);
        double cycles = perEngine * (compute + a.rampCycles() + filterWords / a.filterWordsPerCycle());
        double written = c.groups() * c.samples() * c.m() * c.e() * c.f();
        double buffer = passes * (ifmapWords + filterWords + 2 * psums) - written;
        double inputRows = Math.min(strips * rows, (double) strips * rows * c.h() / (c.h() + 2.0 * c.pad()));
        double dram = c.groups() * (c.samples() * c.outWords() * c.dram().output() + Math.ceil((double) c.m() / m)
                * c.samples() * c.c() * inputRows * c.w() * c.dram().input()
                + (mnpq[4] == 1 ? 1 : sampleBlocks * strips) * c.c() * c.m() * c.r() * c.r());
        int active = s.rEff() * s.e() * s.r() * s.t();
        double macs = c.groups() * c.samples() * (double) c.c() * c.m() * c.r() * c.r() * c.e() * c.f();
        double pes = (double) active;
        double rf = 4 * macs + passes * pes * ((double) p * q * c.r() + (double) n * q * wp + (double) n * p * c.f());
        double noc = passes * (filterWords * s.e() + pes * n * q * wp + psums * (s.rEff() + 1.0));
        return new Mapping(m, n, s.e(), p, q, s.r(), s.t(), active, passes, cycles, buffer, dram, rf, noc, 0);
    }

    /**
     * Energy, static energy over the latency included (what the chip's mapper minimises: Chen et
     * al., ISCA 2016), then latency (the profile's DRAM rule), processing cycles, buffer words and
     * DRAM words; 0 for a tie.
     */
    private static int compare(Mapping x, Mapping y, Array a) {
        int c = Double.compare(energy(x, a), energy(y, a));
        if (c != 0) {
            return c;
        }
        c = Double.compare(latency(x, a), latency(y, a));
        if (c != 0) {
            return c;
        }
        c = Double.compare(x.cycles(), y.cycles());
        if (c != 0) {
            return c;
        }
        c = Double.compare(x.bufferWords(), y.bufferWords());
        return c != 0 ? c : Double.compare(x.dramWords(), y.dramWords());
    }

    /** The mapping's energy, pJ: its accesses at the profile's costs and its static energy over its latency (MACs are the same in every mapping). */
    static double energy(Mapping x, Array a) {
        Costs k = a.costs();
        return x.registerFileAccesses() * k.registerFile() + x.networkWords() * k.network()
                + x.bufferWords() * k.bufferWord() + x.dramWords() * k.dramWord() + latency(x, a) * k.staticPerCycle();
    }

    /** Cycles with the DRAM traffic as the array meets it: added where it stalls, overlapped otherwise. */
    static double latency(Mapping x, Array a) {
        double dram = x.dramWords() / a.dramWordsPerCycle();
        return a.dramStalls() ? x.cycles() + dram : Math.max(x.cycles(), dram);
    }

    /**
     * Strip widths worth trying: one per number of strips; with {@link Array#foldFirst} only the
     * whole E where the R x E set fits the array folded into segments of at most a row of columns
     * stacked down it (AlexNet's CONV2 on Eyeriss).
     */
    private static List<Integer> stripWidths(int e, int rEff, Array a) {
        if (a.foldFirst() && rEff * ceilDiv(e, a.cols()) <= a.rows()) {
            return List.of(e);
        }
        return candidates(e, a.cols() * (a.rows() / rEff), 2 * CANDIDATES);
    }

    /**
     * Part sizes worth trying when {@code total} is split into parts of at most {@code most}: the
     * largest ({@link #CANDIDATES} numbers of parts from the fewest that fit) and the powers of two
     * below them, so that the search stays quick on wide layers and large shards (strip widths try
     * twice as many: AlexNet's CONV1 on Eyeriss takes the eighth, 7 of 55 rows).
     */
    private static List<Integer> candidates(int total, int most) {
        return candidates(total, most, CANDIDATES);
    }

    /** {@link #candidates(int, int)} with the {@code largest} sizes. */
    private static List<Integer> candidates(int total, int most, int largest) {
        int cap = Math.max(1, Math.min(total, most));
        TreeSet<Integer> out = new TreeSet<>();
        int fewest = ceilDiv(total, cap);
        for (int k = fewest; k < fewest + largest && k <= total; k++) {
            out.add(ceilDiv(total, k));
        }
        for (int v = 1; v <= cap; v *= 2) {
            out.add(v);
        }
        out.add(cap);
        return List.copyOf(out);
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
