package org.hyparsim.paper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hyparsim.core.kind.Parallelism;
import org.hyparsim.core.kind.StrategyKind;
import org.hyparsim.core.kind.TopologyKind;
import org.hyparsim.core.workload.Network;
import org.hyparsim.partition.Plan;
import org.hyparsim.partition.memory.FitPolicy;
import org.hyparsim.partition.memory.MemoryFootprint;
import org.hyparsim.partition.memory.MemorySettings;
import org.hyparsim.partition.memory.Optimizer;
import org.hyparsim.partition.memory.Precision;
import org.hyparsim.partition.memory.Recompute;
import org.hyparsim.results.charts.Charts;
import org.hyparsim.results.report.Table;

/**
 * The transformer section: BERT-large, GPT-2 and GPT-3-175B over array sizes and topologies
 * (hmc-rs): each strategy's step time, communication, energy and footprint, the layout each level
 * chose (a partition map like Fig. 5's, {@link PartitionMap}), where dp fits, and the replays the
 * simulator refuses. Everything is computed from the runs and the footprint model.
 */
public final class TransformerSection {
    public static final String KEY = "transformers";
    public static final String LAYOUT_KEY = "transformers_layout";
    public static final String DP_FIT_KEY = "transformers_dp_fit";
    public static final String REFUSED_KEY = "transformers_refused";
    /** The memory settings the dp-fit table sets beside the section's own. */
    static final List<MemorySettings> DP_FIT_SETTINGS = List.of(
            new MemorySettings(Optimizer.SGD, Precision.FP32, Recompute.NONE, FitPolicy.REPORTED),
            new MemorySettings(Optimizer.SGD, Precision.MIXED, Recompute.FULL, FitPolicy.REPORTED),
            new MemorySettings(Optimizer.MOMENTUM, Precision.MIXED, Recompute.FULL, FitPolicy.REPORTED),
            TransformerScope.MEMORY);

    /** The section's tables and charts, and the sentences that say where dp fits. */
    public record Result(Table table, Table layout, Table dpFit, Table refused, List<String> sentences,
            double longestStepSeconds, List<Chart> charts) implements FigureOutput {
        @Override
        public List<NamedTable> tables() {
            return List.of(new NamedTable(KEY, table), new NamedTable(LAYOUT_KEY, layout),
                    new NamedTable(DP_FIT_KEY, dpFit), new NamedTable(REFUSED_KEY, refused));
        }
    }

    private TransformerSection() {
    }

    public static Result build(TransformerScope scope, List<TransformerRuns.Outcome> runs, long capacityBytes) {
        Table t = new Table(List.of("network", "batch", "accelerators", "topology", "strategy", "step s",
                "speedup vs dp", "communication GB", "energy kJ", "peak memory GB", "fits", "replay"));
        Table layout = new Table(List.of("network", "accelerators", "topology", "strategy", "layout per level"));
        Table refused = new Table(List.of("refusal", "network", "accelerators", "topology", "strategy", "reason"));
        Map<String, Integer> reasons = new LinkedHashMap<>();
        for (TransformerRuns.Outcome o : runs) {
            TransformerRuns.Outcome dp = find(runs, o.network(), o.accelerators(), o.topology(), StrategyKind.DP);
            String replay = "replayed";
            if (o.refusal() != null) {
                int id = reasons.computeIfAbsent(o.refusal(), r -> reasons.size() + 1);
                replay = "refused (" + id + ")";
                refused.add(List.of(String.valueOf(id), o.network(), String.valueOf(o.accelerators()),
                        o.topology().label(), o.strategy().label(), o.refusal()));
            }
            double speedup = dp == null ? Double.NaN : dp.stepSeconds() / o.stepSeconds();
            t.add(List.of(o.network(), String.valueOf(o.scenario().batch()), String.valueOf(o.accelerators()),
                    o.topology().label(), o.strategy().label(), Table.num(o.stepSeconds()), Table.num(speedup),
                    Table.num(o.plannerBytes() / 1e9), Table.num(o.energyJoules() / 1e3),
                    o.memory() == null ? "n/a" : Table.num(o.memory().peakMemoryBytes() / 1e9),
                    o.memory() == null ? "n/a" : o.memory().fits() ? "yes" : "no", replay));
            if (o.plan() != null && o.strategy() != StrategyKind.DP && o.strategy() != StrategyKind.MP) {
                Network n = o.scenario().network();
                layout.add(List.of(o.network(), String.valueOf(o.accelerators()), o.topology().label(),
                        o.strategy().label(), PartitionMap.levels(n, o.plan().rows())));
            }
        }
        Table dpFit = dpFit(scope, capacityBytes);
        double longest = runs.stream().filter(TransformerRuns.Outcome::replayed)
                .mapToDouble(TransformerRuns.Outcome::stepSeconds).max().orElse(Double.NaN);
        return new Result(t, layout, dpFit, refused, sentences(scope, runs, capacityBytes), longest,
                charts(scope, runs));
    }

    /** The outcome of a strategy in a case, or null. */
    static TransformerRuns.Outcome find(List<TransformerRuns.Outcome> runs, String network, int accelerators,
            TopologyKind topology, StrategyKind strategy) {
        return runs.stream().filter(o -> o.network().equals(network) && o.accelerators() == accelerators
                && o.topology() == topology && o.strategy() == strategy).findFirst().orElse(null);
    }

    /**
     * dp's footprint per network and memory setting: dp holds every parameter on every accelerator,
     * so its footprint is its model state plus its activations per sequence times the sequences
     * each accelerator holds, whatever the array's size.
     */
    static Table dpFit(TransformerScope scope, long capacityBytes) {
        Table t = new Table(List.of("network", "optimizer", "precision", "recompute", "dp model state GB",
                "dp activations GB per sequence", "sequences per accelerator that fit", "fits the suite's batch at"));
        for (TransformerScope.Net net : scope.networks()) {
            Network n = Scope.network(net.name());
            for (MemorySettings m : DP_FIT_SETTINGS) {
                double[] f = dpFootprint(n, m);
                double room = (capacityBytes - f[0]) / f[1];
                List<String> at = new ArrayList<>();
                for (int size : scope.sizes()) {
                    if (MemoryFootprint.fits(f[0] + f[1] * net.batch() / (double) size, capacityBytes)) {
                        at.add(String.valueOf(size));
                    }
                }
                t.add(List.of(net.name(), m.optimizer().label(), m.precision().label(), m.recompute().label(),
                        Table.num(f[0] / 1e9), Table.num(f[1] / 1e9), room < 0 ? "none" : Table.num(room),
                        at.isEmpty() ? "none" : String.join(", ", at)));
            }
        }
        return t;
    }

    /** dp's model-state bytes and activation bytes per sequence on one accelerator (the footprint is linear in the batch). */
    static double[] dpFootprint(Network n, MemorySettings m) {
        Plan dp = Plan.uniform(n.size(), 1, Parallelism.DP);
        double one = MemoryFootprint.peakBytes(dp, n, 2, m);
        double two = MemoryFootprint.peakBytes(dp, n, 4, m);
        return new double[] {2 * one - two, two - one};
    }

    /** Per network: where dp fits under the section's settings, and which strategies' plans fit at each size. */
    private static List<String> sentences(TransformerScope scope, List<TransformerRuns.Outcome> runs, long capacity) {
        List<String> out = new ArrayList<>();
        TopologyKind first = scope.topologies().get(0);
        for (TransformerScope.Net net : scope.networks()) {
            double[] f = dpFootprint(Scope.network(net.name()), scope.memory());
            List<String> fitting = new ArrayList<>();
            for (int size : scope.sizes()) {
                List<String> ks = new ArrayList<>();
                for (StrategyKind k : scope.strategies()) {
                    TransformerRuns.Outcome o = find(runs, net.name(), size, first, k);
                    if (o != null && o.memory() != null && o.memory().fits()) {
                        ks.add(k.label());
                    }
                }
                fitting.add(size + ": " + (ks.isEmpty() ? "none" : String.join(", ", ks)));
            }
            double perAccelerator = (capacity - f[0]) / f[1];
            out.add(String.format(Locale.ROOT, "%s (batch %d): dp holds %s GB of model state on every accelerator "
                    + "and %s GB of activations per sequence, so it %s; plans that fit (%s), by size: %s.",
                    net.name(), net.batch(), Table.num(f[0] / 1e9), Table.num(f[1] / 1e9),
                    perAccelerator < 0 ? "fits at no size and no batch (its model state alone passes the capacity)"
                            : "fits up to " + Table.num(perAccelerator) + " sequences per accelerator, the batch of "
                                    + net.batch() + " from " + Table.num(Math.ceil(net.batch() / perAccelerator))
                                    + " accelerators",
                    first.label(), String.join("; ", fitting)));
        }
        return out;
    }

    /** Per network, each strategy's speedup over dp on the first topology, by array size. */
    private static List<Chart> charts(TransformerScope scope, List<TransformerRuns.Outcome> runs) {
        List<Chart> out = new ArrayList<>();
        TopologyKind first = scope.topologies().get(0);
        List<String> cats = scope.sizes().stream().map(String::valueOf).toList();
        for (TransformerScope.Net net : scope.networks()) {
            Map<String, double[]> series = new LinkedHashMap<>();
            for (StrategyKind k : scope.strategies()) {
                double[] v = new double[cats.size()];
                for (int i = 0; i < cats.size(); i++) {
                    int size = scope.sizes().get(i);
                    TransformerRuns.Outcome o = find(runs, net.name(), size, first, k);
                    TransformerRuns.Outcome dp = find(runs, net.name(), size, first, StrategyKind.DP);
                    v[i] = o == null || dp == null ? Double.NaN : dp.stepSeconds() / o.stepSeconds();
                }
                series.put(k.label(), v);
            }
            out.add(new Chart(KEY + "_" + net.name().replace('-', '_'), Charts.note(Charts.bars(net.name()
                    + ": speedup over dp (batch " + net.batch() + ", " + first.label() + ")", "accelerators",
                    "speedup over dp (x, log scale)", cats, series, true),
                    "hmc-rs, overlapped schedule, flow-level links; a missing bar: the replay was refused")));
        }
        return out;
    }
}
