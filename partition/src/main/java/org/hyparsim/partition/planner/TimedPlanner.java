package org.hyparsim.partition.planner;

import java.util.Collections;
import org.hyparsim.core.InputException;
import org.hyparsim.core.kind.StrategyKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.hyparsim.core.engine.Deadline;
import org.hyparsim.core.step.ComputeModel;
import org.hyparsim.core.step.ComputeWork;
import org.hyparsim.core.step.Fabric;
import org.hyparsim.core.step.Schedule;
import org.hyparsim.core.step.StepResult;
import org.hyparsim.core.step.TaskKind;
import org.hyparsim.core.workload.Layer;
import org.hyparsim.core.workload.LayerType;
import org.hyparsim.core.workload.Network;
import org.hyparsim.core.workload.Shortcut;
import org.hyparsim.partition.CommunicationModel;
import org.hyparsim.core.kind.Parallelism;
import org.hyparsim.partition.Plan;
import org.hyparsim.partition.Split;
import org.hyparsim.partition.collective.CollectiveOp;
import org.hyparsim.partition.collective.Collectives;

/**
 * Strategy {@code timed}: plans chosen by simulated time.
 *
 * <p><b>The estimate.</b> A plan's step time is estimated from the models the replay uses: each
 * layer's forward, error, gradient and update compute on its shard (the compute model of the
 * accelerator's hardware group; the slowest group's representative counts), plus the
 * communication on the critical path. A level's exchanges are timed on the array's fabric: an
 * intra-layer sum as an all-reduce over the level's pairs with the collective algorithm in
 * force, a transition or a shortcut as one round of messages between the pairs. mp's forward
 * sums, mp-out's backward sums and every transition are on the critical path; dp's gradient sum
 * of layer l hides behind the error and gradient compute of the layers below it under the
 * overlapped schedule and shows whole under the serial one.
 *
 * <p><b>The planner.</b> Level by level from the top, a dynamic program over the layers picks
 * each layer's type (dp, mp or mp-out) minimising that estimate, the lower levels taken as even
 * batch splits. Where a level's two halves run on different hardware (a heterogeneous array whose
 * groups split at that level), each layer's split follows the halves' speeds: the first half
 * takes r = T2 / (T1 + T2) of the split dimension, T1 and T2 the layer's compute on each half's
 * hardware, so both halves finish together.
 *
 * <p><b>Refinement.</b> The candidates are replayed in a fixed order, at most {@code budget} of
 * them, and the fastest kept (the first on a tie): dp, mp, trick, hypar and accpar first (always),
 * then the dynamic program's plan, then, on a heterogeneous array, the baselines with the
 * balanced splits, then a beam of plans mixing, level by level, the dynamic program's row with
 * the baselines' rows, best estimate first. The same inputs always give the same plan. Where
 * the array admits only plans that fit in memory ({@link ArrayPort#admits}), the candidates that
 * do not fit are skipped; when none fits, all are replayed as before and the fastest chosen (the
 * run reports that it does not fit). A candidate the array refuses to replay (its step passes a
 * task or time limit) is skipped and listed; when the array refuses them all, the first refusal is
 * the planner's.
 */
public final class TimedPlanner {
    /** The fewest replays: the five baselines and the dynamic program's plan. */
    public static final int MIN_BUDGET = 6;
    /** The most replays a timed plan may ask for. */
    public static final int MAX_BUDGET = 4096;
    /** Partial plans kept per level by the beam of candidates. */
    static final int BEAM = 4;

    private static final List<StrategyKind> BASELINES = List.of(StrategyKind.DP, StrategyKind.MP, StrategyKind.TRICK,
            StrategyKind.HYPAR, StrategyKind.ACCPAR);

    private final ArrayPort array;
    private final CommunicationModel model;
    private final Network net;
    private final int levels;
    private final int n;
    private final Collectives collectives;
    private final Fabric fabric;
    private final List<ComputeModel> groupModels;
    private final int[] groupOf;
    private final int[] representatives;
    private final Map<String, Double> computeCache = new HashMap<>();
    private final Map<Integer, Fabric.RoundCost> pairRounds = new HashMap<>();

    /** A replayed candidate: where it came from, the plan, its estimate and its replayed step time. */
    public record Candidate(String origin, Plan plan, double estimateSeconds, double replaySeconds) {
    }

    /** A candidate the array refused to replay (too many tasks, too long a step): where it came from, and why. */
    public record Refusal(String origin, String reason) {
    }

    /** The chosen plan, its replay, every candidate replayed, in order, and those the array refused. */
    public record Outcome(Plan plan, StepResult result, List<Candidate> replayed, List<Refusal> refused) {
    }

    /** A planner over the array's models, replaying its candidates through the port. */
    public TimedPlanner(ArrayPort array, CommunicationModel model) {
        this.array = array;
        this.model = model;
        this.net = model.network();
        this.levels = array.levels();
        this.n = array.accelerators();
        this.fabric = array.fabric();
        this.collectives = array.collectives();
        this.groupModels = array.groupModels();
        this.groupOf = new int[n];
        List<Integer> counts = array.groupCounts();
        this.representatives = new int[counts.size()];
        int first = 0;
        for (int g = 0; g < counts.size(); g++) {
            for (int a = first; a < first + counts.get(g); a++) {
                groupOf[a] = g;
            }
            representatives[g] = first;
            first += counts.get(g);
        }
    }

    /** The dynamic program's plan (no replay): the planner before refinement. */
    public Plan plan() {
        Plan p = new Plan(net.size(), List.of());
        for (int h = 1; h <= levels; h++) {
            Deadline.check();
            Row row = solveLevel(p, h, Parallelism.THREE_TYPES);
            p = p.withLevel(row.types(), row.ratios());
        }
        return p;
    }

    /** The plan chosen by replaying the candidates, at most {@code budget} replays. */
    public Outcome choose(int budget) {
        if (budget < MIN_BUDGET) {
            throw new IllegalArgumentException("a plan budget is at least " + MIN_BUDGET + ", got " + budget);
        }
        Map<String, Plan> ordered = new LinkedHashMap<>();
        Map<StrategyKind, Plan> baselines = new LinkedHashMap<>();
        for (StrategyKind k : BASELINES) {
            baselines.put(k, Strategy.of(k, 2).planner().plan(model, levels));
            putNew(ordered, k.label(), baselines.get(k));
        }
        Plan timed = plan();
        putNew(ordered, "estimate", timed);
        if (array.heterogeneous()) {
            baselines.forEach((k, p) -> putNew(ordered, k.label() + "+balanced", balanced(p)));
        }
        List<Plan> beam = beam();
        beam.sort(Comparator.comparingDouble(this::estimate));
        for (int i = 0; i < beam.size(); i++) {
            putNew(ordered, "beam " + (i + 1), beam.get(i));
        }
        List<Candidate> replayed = new ArrayList<>();
        List<Refusal> refused = new ArrayList<>();
        InputException firstRefusal = null;
        Plan best = null;
        StepResult bestResult = null;
        boolean anyAdmitted = ordered.values().stream().anyMatch(array::admits);
        for (Map.Entry<String, Plan> e : ordered.entrySet()) {
            if (replayed.size() == budget) {
                break;
            }
            if (anyAdmitted && !array.admits(e.getValue())) {
                continue; // a plan that does not fit where plans must: never replayed, never chosen
            }
            StepResult r;
            try {
                r = array.replay(e.getValue());
            } catch (InputException refusal) {
                // the array cannot replay this plan (its step passes a limit): another candidate may still be replayed
                refused.add(new Refusal(e.getKey(), refusal.getMessage()));
                firstRefusal = firstRefusal == null ? refusal : firstRefusal;
                continue;
            }
            replayed.add(new Candidate(e.getKey(), e.getValue(), estimate(e.getValue()), r.stepTimeSeconds()));
            if (bestResult == null || r.stepTimeSeconds() < bestResult.stepTimeSeconds()) {
                best = e.getValue();
                bestResult = r;
            }
        }
        if (bestResult == null && firstRefusal != null) {
            throw firstRefusal; // the array replays none of the candidates: the first one's reason is the plan's
        }
        return new Outcome(best, bestResult, replayed, refused);
    }

    private static void putNew(Map<String, Plan> ordered, String origin, Plan p) {
        if (!ordered.containsValue(p)) {
            ordered.put(origin, p);
        }
    }

    // ------------------------------------------------------------------ the estimate

    /** The estimated step time of a whole plan, in seconds. */
    public double estimate(Plan p) {
        int layers = net.size();
        double[] perLayer = new double[layers];
        double[] backward = new double[layers];
        double slowest = -1;
        for (int rep : representativesOf(p)) {
            double[] all = new double[layers];
            double[] bwd = new double[layers];
            double sum = 0;
            for (int l = 0; l < layers; l++) {
                double[] shares = p.shares(rep, l);
                double[] t = phases(groupOf[rep], net.layer(l), shares);
                all[l] = t[0] + t[1] + t[2] + t[3];
                bwd[l] = t[1] + t[2];
                sum += all[l];
            }
            for (Shortcut s : net.shortcuts()) {
                if (s.projection() != null) {
                    double[] t = phases(groupOf[rep], s.projection(), p.shares(rep, s.to()));
                    sum += t[0] + t[1] + t[2] + t[3];
                }
            }
            if (sum > slowest) {
                slowest = sum;
                perLayer = all;
                backward = bwd;
            }
        }
        double comm = 0;
        for (int h = 1; h <= p.levels(); h++) {
            Split[] above = p.splitsAbove(h - 1);
            double groups = Math.scalb(1.0, h - 1);
            double window = 0;
            for (int l = 0; l < layers; l++) {
                Parallelism t = p.choice(h, l);
                comm += intraExposed(h, l, t, above[l], groups, window);
                window += backward[l];
                if (l + 1 < layers) {
                    comm += pairSeconds(h, groups * model.interBytes(l, t, p.choice(h, l + 1), above[l + 1],
                            p.ratio(h, l), p.ratio(h, l + 1)));
                }
            }
            for (Shortcut s : net.shortcuts()) {
                int end = model.shortcutEnd(s);
                comm += pairSeconds(h, groups * model.shortcutBytes(s, p.choice(h, s.from()), p.choice(h, end), above[end],
                        p.ratio(h, s.from()), p.ratio(h, end)));
            }
        }
        double compute = 0;
        for (double v : perLayer) {
            compute += v;
        }
        return compute + comm;
    }

    /** One accelerator per hardware group and half of every level: where the shards can differ. */
    private int[] representativesOf(Plan p) {
        if (!p.uneven()) {
            return representatives;
        }
        TreeSet<Integer> reps = new TreeSet<>();
        for (int h = 0; h <= p.levels(); h++) {
            int size = n >> h;
            for (int start = 0; start < n; start += size) {
                reps.add(start);
            }
        }
        for (int r : representatives) {
            reps.add(r);
        }
        return reps.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The exposed seconds of layer l's intra-layer sum at level h. */
    private double intraExposed(int h, int l, Parallelism t, Split above, double groups, double window) {
        double total = groups * model.intraBytes(l, t, above);
        if (!(total > 0)) {
            return 0;
        }
        // the level's pairs all-reduce together; each member holds the level's total over the array
        double seconds = collectives.seconds(CollectiveOp.ALL_REDUCE, 1 << (levels - h), total / n);
        if (t == Parallelism.DP && array.schedule() == Schedule.OVERLAP) {
            return Math.max(0, seconds - window);
        }
        return seconds;
    }

    /** Seconds for a level's amount sent between its pairs in one round (each accelerator sends 1/N of it). */
    private double pairSeconds(int h, double total) {
        if (!(total > 0)) {
            return 0;
        }
        Fabric.RoundCost c = pairRounds.computeIfAbsent(h, k -> {
            int half = n >> h;
            List<int[]> pairs = new ArrayList<>();
            for (int start = 0; start < n; start += 2 * half) {
                for (int i = 0; i < half; i++) {
                    pairs.add(new int[] {start + i, start + i + half});
                    pairs.add(new int[] {start + i + half, start + i});
                }
            }
            return fabric.round(pairs.toArray(new int[0][]));
        });
        return c.seconds(total / n);
    }

    /** Forward, error, gradient and update seconds of a layer's shard on a hardware group. */
    private double[] phases(int group, Layer layer, double[] shares) {
        double samples = array.batch() * shares[0];
        double in = layer.inChannels() * shares[1];
        double out = layer.outChannels() * shares[2];
        String key = group + "/" + layer.name() + "/" + samples + "/" + in + "/" + out;
        double[] t = new double[4];
        TaskKind[] kinds = {TaskKind.FORWARD, TaskKind.ERROR, TaskKind.GRADIENT, TaskKind.UPDATE};
        for (int k = 0; k < 4; k++) {
            int kk = k;
            t[k] = computeCache.computeIfAbsent(key + "/" + k, x -> groupModels.get(group)
                    .cost(new ComputeWork(layer, kinds[kk], samples, in, out)).durationPs() * 1e-12);
        }
        if (array.inference()) {
            t[1] = 0;
            t[2] = 0;
            t[3] = 0;
        }
        return t;
    }

    // ------------------------------------------------------------------ the dynamic program

    /** A level's choice: a type and a split ratio per layer. */
    record Row(List<Parallelism> types, List<Double> ratios) {
    }

    /**
     * The two hardware groups of level h's halves when every level-h group's halves each hold one
     * group and they differ (where an uneven split balances them), else null.
     */
    int[] unevenHalves(int h) {
        if (!array.halvesUniform(h)) {
            return null;
        }
        int half = n >> h;
        int a = groupOf[0];
        int b = groupOf[half];
        for (int start = 0; start < n; start += 2 * half) {
            if (groupOf[start] != a || groupOf[start + half] != b) {
                return null;
            }
        }
        return a == b ? null : new int[] {a, b};
    }

    /**
     * A layer of type t split at level h between halves on hardware groups {@code halves}: the
     * first half's share r = T2 / (T1 + T2) (kept within 0.05 to 0.95), T1 and T2 its compute at an
     * even split on each; then the time the slower half takes at that share, and its backward part.
     */
    private double[] balance(int[] halves, Layer layer, double[] shares, Parallelism t) {
        double[] t1 = phases(halves[0], layer, halved(shares, t));
        double[] t2 = phases(halves[1], layer, halved(shares, t));
        double a = t1[0] + t1[1] + t1[2] + t1[3];
        double b = t2[0] + t2[1] + t2[2] + t2[3];
        double r = a + b > 0 ? Math.min(0.95, Math.max(0.05, b / (a + b))) : Plan.EVEN;
        return new double[] {r, Math.max(a * r, b * (1 - r)) / Plan.EVEN, (t1[1] + t1[2]) * r / Plan.EVEN};
    }

    /**
     * Level h by a dynamic program over the layers, its cost each layer's compute on its shard
     * (lower levels as even batch splits), its intra-layer sum's exposed time and the transition
     * from the layer before.
     */
    Row solveLevel(Plan prefix, int h, List<Parallelism> types) {
        int layers = net.size();
        int k = types.size();
        Split[] above = prefix.splitsAbove(h - 1);
        double groups = Math.scalb(1.0, h - 1);
        int[] halves = unevenHalves(h);
        double[][] own = new double[layers][k];
        double[][] ratio = new double[layers][k];
        double[] window = new double[layers];
        double below = Math.scalb(1.0, -(levels - h)); // lower levels split the batch evenly
        double sumBackward = 0;
        for (int l = 0; l < layers; l++) {
            window[l] = sumBackward;
            double bwdDp = 0;
            for (int i = 0; i < k; i++) {
                Parallelism t = types.get(i);
                double best = 0;
                double r = Plan.EVEN;
                double backward = 0;
                for (int rep : representatives) {
                    double[] shares = prefix.shares(rep, l);
                    shares[0] *= below;
                    if (halves != null) {
                        double[] split = balance(halves, net.layer(l), shares, t);
                        r = split[0];
                        best = Math.max(best, split[1]);
                        backward = Math.max(backward, split[2]);
                    } else {
                        double[] t1 = phases(groupOf[rep], net.layer(l), halved(shares, t));
                        best = Math.max(best, t1[0] + t1[1] + t1[2] + t1[3]);
                        backward = Math.max(backward, t1[1] + t1[2]);
                    }
                }
                ratio[l][i] = r;
                own[l][i] = best + intraExposed(h, l, t, above[l], groups, window[l]);
                if (t == Parallelism.DP) {
                    bwdDp = backward;
                }
            }
            sumBackward += bwdDp;
        }
        double[][] cost = new double[layers][k];
        int[][] back = new int[layers][k];
        for (int i = 0; i < k; i++) {
            cost[0][i] = own[0][i];
        }
        for (int l = 1; l < layers; l++) {
            for (int i = 0; i < k; i++) {
                double min = Double.POSITIVE_INFINITY;
                int arg = 0;
                for (int p = 0; p < k; p++) {
                    double c = cost[l - 1][p] + pairSeconds(h, groups * model.interBytes(l - 1, types.get(p), types.get(i),
                            above[l], ratio[l - 1][p], ratio[l][i]));
                    if (c < min) {
                        min = c;
                        arg = p;
                    }
                }
                cost[l][i] = min + own[l][i];
                back[l][i] = arg;
            }
        }
        int last = 0;
        for (int i = 1; i < k; i++) {
            if (cost[layers - 1][i] < cost[layers - 1][last]) {
                last = i;
            }
        }
        Parallelism[] row = new Parallelism[layers];
        Double[] ratios = new Double[layers];
        for (int l = layers - 1; l >= 0; l--) {
            row[l] = types.get(last);
            ratios[l] = ratio[l][last];
            last = back[l][last];
        }
        return new Row(List.of(row), List.of(ratios));
    }

    /** Shares after this level splits type t's dimension evenly. */
    private static double[] halved(double[] shares, Parallelism t) {
        double[] s = shares.clone();
        s[Plan.dimension(t)] *= Plan.EVEN;
        return s;
    }

    /** A plan with the balanced ratios at every level whose halves run on different hardware. */
    Plan balanced(Plan p) {
        Plan out = new Plan(net.size(), List.of());
        for (int h = 1; h <= p.levels(); h++) {
            List<Parallelism> types = p.rows().get(h - 1);
            List<Double> ratios = new ArrayList<>();
            int[] halves = unevenHalves(h);
            for (int l = 0; l < net.size(); l++) {
                double r = Plan.EVEN;
                if (halves != null) {
                    double[] shares = out.shares(0, l);
                    shares[0] *= Math.scalb(1.0, -(levels - h));
                    r = balance(halves, net.layer(l), shares, types.get(l))[0];
                }
                ratios.add(r);
            }
            out = out.withLevel(types, ratios);
        }
        return out;
    }

    /**
     * Complete plans mixing, level by level, the dynamic program's rows (three and two types)
     * with the rows dp, trick, hypar and accpar would choose there, the best {@link #BEAM} partial
     * plans kept per level by their estimate (the levels below as even dp).
     */
    List<Plan> beam() {
        List<Plan> prefixes = List.of(new Plan(net.size(), List.of()));
        List<Parallelism> dpRow = Collections.nCopies(net.size(), Parallelism.DP);
        List<Parallelism> trickRow = new ArrayList<>();
        for (int l = 0; l < net.size(); l++) {
            trickRow.add(net.layer(l).type() == LayerType.LINEAR ? Parallelism.MP : Parallelism.DP);
        }
        trickRow = model.conform(trickRow);
        for (int h = 1; h <= levels; h++) {
            Deadline.check();
            List<Plan> next = new ArrayList<>();
            for (Plan prefix : prefixes) {
                List<Row> rows = new ArrayList<>();
                rows.add(solveLevel(prefix, h, Parallelism.THREE_TYPES));
                rows.add(solveLevel(prefix, h, Parallelism.TWO_TYPES));
                Split[] above = prefix.splitsAbove(h - 1);
                for (List<Parallelism> types : List.of(dpRow, trickRow,
                        LayerwisePlanner.solveLevel(model, Parallelism.TWO_TYPES, above),
                        LayerwisePlanner.solveLevel(model, Parallelism.THREE_TYPES, above))) {
                    rows.add(new Row(types, Collections.nCopies(net.size(), Plan.EVEN)));
                }
                for (Row r : rows) {
                    Plan p = prefix.withLevel(r.types(), r.ratios());
                    if (!next.contains(p)) {
                        next.add(p);
                    }
                }
            }
            int remaining = levels - h;
            next.sort(Comparator.comparingDouble(p -> estimate(padded(p, remaining))));
            prefixes = next.subList(0, Math.min(BEAM, next.size()));
        }
        return new ArrayList<>(prefixes);
    }

    private Plan padded(Plan p, int remaining) {
        Plan out = p;
        for (int i = 0; i < remaining; i++) {
            out = out.withLevel(Collections.nCopies(net.size(), Parallelism.DP));
        }
        return out;
    }
}
