package org.hyparsim.noc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Max-min fair rates of flows over links of fixed capacity, by progressive filling (water-filling),
 * re-rated incrementally as flows join and leave. It knows nothing of time, bytes sent or messages:
 * a link model feeds it ({@link #open}, {@link #join}, {@link #leave}, {@link #close}) and asks it
 * to {@link #rerate}, as SimGrid's network models feed their {@code lmm} solver.
 *
 * <p>Flows on one route at once meet the same links, so max-min gives them one rate: they are one
 * <em>bundle</em> (the solver's variable), rated as one with its flows counted on each link. Rates
 * are per flow, in the capacities' unit (bytes per ps for the link models).
 *
 * <p>The cost of a re-rating does not grow with unrelated traffic: only the bundles connected to a
 * join or a leave through shared links (its component) are re-rated, since max-min rates of flows
 * that share no link, directly or through others, are independent; each component is filled on its
 * own. Within a component, a bundle slower than a floor keeps its rate, and only the others
 * connected to a join or a leave through links are re-rated, over what the slower leave of each
 * link. The floor is the least of the leaving flows' rates and, over each joining flow's links, of
 * a lower bound of the level at which the link can saturate with the rates below it kept
 * (capacity over flows at the least, raised by counting the flows held below it by other links at
 * their rates): a leaving flow's links are no bottleneck below its rate (it would have been frozen
 * there), and no joining flow's link saturates below that bound, so progressive filling freezes the
 * same links at the same levels up to the floor with or without them. Joins and leaves between two
 * re-ratings are re-rated together, once.
 *
 * <p>State lives in arrays indexed by slot (reused once a bundle closes), and each link lists its
 * bundles' slots in the order they opened: re-rating walks every bundle of a component across its
 * links, and dense arrays keep that walk in cache. Nothing is allocated per re-rating once the
 * arrays have grown to the traffic.
 */
final class MaxMinSolver {
    /** Relative difference under which two links' shares are one tie (rounding, not bandwidth). */
    static final double TIE = 1e-12;
    /**
     * The filling scans only the links whose share is within this factor of the least (the
     * candidates), until the least among them could be matched by another link; then all again.
     */
    private static final double SPREAD = 2;
    /** Steps of the iteration toward a joining flow's links' saturation level ({@link #saturationBound}). */
    private static final int SATURATION_STEPS = 4;
    /** Relative margin below that level, so that rounding never puts the floor above it. */
    private static final double SATURATION_MARGIN = 1e-9;

    /** Per link, its capacity (bytes per ps). */
    private final double[] capacity;
    /** Per link, the slots of its bundles in the order they opened, and how many; and how many flows it carries. */
    private final int[][] onLink;
    private final int[] onLinkCount;
    private final int[] linkFlowCount;

    // the bundles, by slot
    private final FreeSlots slots = new FreeSlots();
    private int[][] route = new int[64][];
    /** Flows in the bundle: its weight on each of its links. */
    private int[] count = new int[64];
    /** Per flow of the bundle, in the capacities' unit. */
    private double[] rate = new double[64];
    private double[] previousRate = new double[64];
    /** Whether rated since its last flow joined (a bundle with a new flow is re-rated whatever the floor). */
    private boolean[] rated = new boolean[64];
    private boolean[] frozen = new boolean[64];
    private long[] mark = new long[64];

    /** Routes whose flows joined or left since the last re-rating. */
    private final List<int[]> seeds = new ArrayList<>();
    /** The routes of the flows that joined since then, and the least rate of those that left. */
    private final List<int[]> started = new ArrayList<>();
    private double endedFloor = Double.POSITIVE_INFINITY;

    // scratch for the re-rating
    private final double[] residual;
    private final int[] unfrozen;
    /** Per link of the component being filled, residual over unfrozen as of its last change (read only while unfrozen > 0). */
    private final double[] share;
    private final long[] seen;
    private final int[] compLinks;
    private final int[] activeLinks;
    private final int[] tiedLinks;
    private final int[] candidateLinks;
    /** The bundles of the component being filled. */
    private int[] comp = new int[64];
    /** The bundles whose rate the last re-rating changed (or set first), in the order re-rated. */
    private int[] changed = new int[64];
    private int changedCount;
    private long round;

    /** A solver over links of these capacities (per link id, each positive). */
    MaxMinSolver(double[] capacity) {
        int n = capacity.length;
        this.capacity = capacity.clone();
        onLink = new int[n][];
        onLinkCount = new int[n];
        linkFlowCount = new int[n];
        for (int i = 0; i < n; i++) {
            onLink[i] = new int[4];
        }
        residual = new double[n];
        unfrozen = new int[n];
        share = new double[n];
        seen = new long[n];
        compLinks = new int[n];
        activeLinks = new int[n];
        tiedLinks = new int[n];
        candidateLinks = new int[n];
    }

    /** Opens a bundle on these links (its route, kept by identity) with no flow yet; returns its slot. */
    int open(int[] links) {
        int b = slots.take();
        if (b == route.length) {
            grow(b * 2);
        }
        route[b] = links;
        count[b] = 0;
        rate[b] = 0;
        previousRate[b] = 0;
        rated[b] = false;
        frozen[b] = false;
        mark[b] = 0;
        for (int l : links) {
            if (onLinkCount[l] == onLink[l].length) {
                onLink[l] = Arrays.copyOf(onLink[l], onLinkCount[l] * 2);
            }
            onLink[l][onLinkCount[l]++] = b;
        }
        return b;
    }

    /** A flow joins bundle {@code b}: the bundle is re-rated at the next {@link #rerate}, whatever the floor. */
    void join(int b) {
        int[] r = route[b];
        for (int l : r) {
            linkFlowCount[l]++;
        }
        count[b]++;
        rated[b] = false;
        seeds.add(r);
        started.add(r);
    }

    /** A flow of bundle {@code b} leaves it (at the bundle's rate). */
    void leave(int b) {
        int[] r = route[b];
        for (int l : r) {
            linkFlowCount[l]--;
        }
        seeds.add(r);
        endedFloor = Math.min(endedFloor, rate[b]);
        count[b]--;
    }

    /** Closes a bundle whose last flow has left; its slot may be reused. */
    void close(int b) {
        for (int l : route[b]) {
            removeFromLink(l, b);
        }
        route[b] = null;
        slots.release(b);
    }

    /** Per flow of bundle {@code b}, its rate as of the last re-rating (0 before the first). */
    double rate(int b) {
        return rate[b];
    }

    /** The rate of bundle {@code b} before the last re-rating changed it. */
    double previousRate(int b) {
        return previousRate[b];
    }

    /** How many flows bundle {@code b} holds. */
    int count(int b) {
        return count[b];
    }

    /** The route bundle {@code b} was opened on. */
    int[] route(int b) {
        return route[b];
    }

    /** The {@code i}-th bundle whose rate the last {@link #rerate} changed or set first. */
    int changed(int i) {
        return changed[i];
    }

    /**
     * Re-rates the bundles connected to the joins and leaves since the last call, component by
     * component; returns how many bundles' rates changed or were set first ({@link #changed}). A
     * bundle whose rate did not change is not counted.
     */
    int rerate() {
        // bundles rated before, slower than every flow that left and than a lower bound of the level at which each
        // joining one's links can saturate, keep their rates; each link bounded once, however many flows cross it
        double floor = endedFloor;
        round++;
        for (int[] r : started) {
            for (int l : r) {
                if (seen[l] != round) {
                    seen[l] = round;
                    floor = Math.min(floor, saturationBound(l, floor));
                }
            }
        }
        started.clear();
        endedFloor = Double.POSITIVE_INFINITY;
        round++;
        changedCount = 0;
        for (int[] r : seeds) {
            for (int seed : r) {
                if (seen[seed] != round) {
                    seen[seed] = round;
                    rerateComponent(seed, floor);
                }
            }
        }
        seeds.clear();
        return changedCount;
    }

    /**
     * Fills the component of link {@code seed}: breadth first over the bundles at or above the
     * floor (compLinks is the queue and the component; each link's residual is its capacity less
     * the rates kept below the floor), then progressive filling; the bundles whose rate changed
     * are added to {@link #changed}.
     */
    private void rerateComponent(int seed, double floor) {
        compLinks[0] = seed;
        int size = 1;
        int found = 0;
        for (int head = 0; head < size; head++) {
            int link = compLinks[head];
            double left = capacity[link];
            int above = 0;
            int[] on = onLink[link];
            for (int i = 0, n = onLinkCount[link]; i < n; i++) {
                int b = on[i];
                if (rate[b] < floor && rated[b]) {
                    left -= rate[b] * count[b];
                    continue;
                }
                above += count[b];
                if (mark[b] == round) {
                    continue;
                }
                mark[b] = round;
                if (found == comp.length) {
                    comp = Arrays.copyOf(comp, found * 2);
                }
                comp[found++] = b;
                previousRate[b] = rate[b];
                frozen[b] = false;
                for (int m : route[b]) {
                    if (seen[m] != round) {
                        seen[m] = round;
                        compLinks[size++] = m;
                    }
                }
            }
            residual[link] = left;
            unfrozen[link] = above;
            share[link] = left / above;
        }
        if (found == 0) {
            return;
        }
        rates(found, size);
        for (int i = 0; i < found; i++) {
            int b = comp[i];
            if (rated[b] && rate[b] == previousRate[b]) {
                continue;
            }
            rated[b] = true;
            if (changedCount == changed.length) {
                changed = Arrays.copyOf(changed, changedCount * 2);
            }
            changed[changedCount++] = b;
        }
    }

    /**
     * A lower bound of the level at which link {@code l} can saturate in the filling after this
     * round's joins, where the filling below {@code cap} is as before (the rates of rated bundles
     * below it kept): the least x with the link's bundles taking min(rate, x) per flow (x for every
     * flow of a bundle not yet rated) filling its capacity. From x = capacity / flows, each step
     * x' = (capacity - the rates below x) / (the flows at or above x) stays at or below that level
     * and rises toward it; a few steps, and the bound is taken a hair below (rounding).
     */
    private double saturationBound(int l, double cap) {
        double bandwidth = capacity[l];
        double x = bandwidth / linkFlowCount[l];
        int[] on = onLink[l];
        int n = onLinkCount[l];
        for (int step = 0; step < SATURATION_STEPS && x < cap; step++) {
            double below = 0;
            int above = 0;
            for (int i = 0; i < n; i++) {
                int b = on[i];
                if (rated[b] && rate[b] < x) {
                    below += rate[b] * count[b];
                } else {
                    above += count[b];
                }
            }
            if (above == 0) {
                return cap; // every flow on it is held below x by other links: it cannot saturate below cap
            }
            double next = (bandwidth - below) / above;
            if (!(next > x)) {
                break;
            }
            x = next;
        }
        return x * (1 - SATURATION_MARGIN);
    }

    /**
     * Max-min fair rates (per flow) of a component's bundles ({@code comp[0..count)}, unfrozen,
     * over the links {@code compLinks[0..usedCount)}, each with its flows counted in
     * {@code unfrozen}) by progressive filling: the link whose residual capacity per unfrozen flow
     * is least freezes its flows at that share. A component holds every bundle of its links, so the
     * flows to freeze are the bottleneck's own.
     *
     * <p>A link's share never falls as flows freeze (losing k flows at the least share s leaves
     * (r - k s) / (u - k) >= r / u), so links tied at the least share are the next bottlenecks at
     * that same share, and all are frozen in one pass at that one share (frozen one at a time, a
     * tied link's share is recomputed after the others' flows leave it and can come out an ulp
     * off). Ties are taken within a relative {@link #TIE}, so shares equal but for rounding are one
     * tie too. Flows that a symmetry of the array maps onto each other so get one rate, and the
     * full replay keeps the symmetry exactly (the replay of one accelerator per orbit is compared
     * with it).
     */
    private void rates(int count, int usedCount) {
        int[] active = activeLinks;
        System.arraycopy(compLinks, 0, active, 0, usedCount);
        int activeCount = usedCount;
        int left = count;
        int[] tied = tiedLinks;
        int[] cand = candidateLinks;
        int candCount = 0;
        // every active link not a candidate has a share above bound (shares only rise)
        double bound = Double.NEGATIVE_INFINITY;
        while (left > 0) {
            // the candidates' least share, and those within TIE of it, in the component's order; links with no
            // unfrozen flow leave the list
            double least = Double.POSITIVE_INFINITY;
            int tiedCount = 0;
            int kept = 0;
            for (int i = 0; i < candCount; i++) {
                int l = cand[i];
                if (unfrozen[l] > 0) {
                    cand[kept++] = l;
                    double s = share[l];
                    if (s <= least * (1 + TIE)) {
                        least = Math.min(least, s);
                        tied[tiedCount++] = l;
                    }
                }
            }
            candCount = kept;
            if (tiedCount == 0 || least * (1 + TIE) > bound) {
                // the candidates no longer hold every link tied at the least share: take, from every active link,
                // those within SPREAD of the least
                least = Double.POSITIVE_INFINITY;
                kept = 0;
                for (int i = 0; i < activeCount; i++) {
                    int l = active[i];
                    if (unfrozen[l] > 0) {
                        active[kept++] = l;
                        least = Math.min(least, share[l]);
                    }
                }
                activeCount = kept;
                bound = Math.max(least, 0) * SPREAD * (1 + TIE);
                candCount = 0;
                for (int i = 0; i < activeCount; i++) {
                    if (share[active[i]] <= bound) {
                        cand[candCount++] = active[i];
                    }
                }
                continue;
            }
            left -= freezeTied(least, tiedCount);
        }
    }

    /**
     * Freezes at {@code least} the unfrozen bundles of the links tied at this scan (the first
     * {@code tiedCount} of {@link #tiedLinks}, less those met before a lesser share); returns how many.
     */
    private int freezeTied(double least, int tiedCount) {
        int[] tied = tiedLinks;
        double limit = least * (1 + TIE);
        int ties = 0;
        for (int t = 0; t < tiedCount; t++) {
            if (share[tied[t]] <= limit) {
                tied[ties++] = tied[t];
            }
        }
        int frozenNow = 0;
        for (int t = 0; t < ties; t++) {
            int bottleneck = tied[t];
            int[] on = onLink[bottleneck];
            for (int i = 0, n = onLinkCount[bottleneck]; i < n; i++) {
                int b = on[i];
                if (frozen[b]) {
                    continue;
                }
                frozen[b] = true;
                rate[b] = least;
                frozenNow++;
                int k = count[b];
                double taken = least * k;
                for (int l : route[b]) {
                    residual[l] -= taken;
                    unfrozen[l] -= k;
                    share[l] = residual[l] / unfrozen[l];
                }
            }
        }
        return frozenNow;
    }

    /** Takes a bundle off a link's list, keeping the others in the order they opened. */
    private void removeFromLink(int l, int b) {
        int[] on = onLink[l];
        int n = onLinkCount[l];
        for (int i = 0; i < n; i++) {
            if (on[i] == b) {
                System.arraycopy(on, i + 1, on, i, n - i - 1);
                onLinkCount[l] = n - 1;
                return;
            }
        }
    }

    private void grow(int n) {
        route = Arrays.copyOf(route, n);
        count = Arrays.copyOf(count, n);
        rate = Arrays.copyOf(rate, n);
        previousRate = Arrays.copyOf(previousRate, n);
        rated = Arrays.copyOf(rated, n);
        frozen = Arrays.copyOf(frozen, n);
        mark = Arrays.copyOf(mark, n);
    }
}
