package org.hyparsim.paper;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hyparsim.core.workload.Network;
import org.hyparsim.partition.Plan;
import org.hyparsim.core.kind.StrategyKind;
import org.hyparsim.results.RunColumn;
import org.hyparsim.results.RunRecord;
import org.hyparsim.results.RunRow;
import org.hyparsim.results.charts.Charts;
import org.hyparsim.paper.report.ReproductionReport;
import org.hyparsim.results.report.Table;
import org.hyparsim.input.scenario.Scenario;
import org.hyparsim.scenarios.run.ScenarioRunner;

/**
 * The timed section: per network, size, topology and link bandwidth, the step time of dp, trick,
 * hypar, accpar and timed, which baseline wins, the timed plan's gain over it, and the estimate's
 * error on the timed plan; then the mixed array.
 */
public final class TimedSection {
    public static final String KEY = "timed";
    public static final String ESTIMATE_KEY = "timed_estimate";
    public static final String MIXED_KEY = "timed_mixed";
    static final String AXIS = "network, accelerators, topology, link GB/s";

    /** The section: its tables for the report, its charts. */
    public record Result(ReproductionReport.Timed forReport, List<Chart> charts) implements FigureOutput {
        @Override
        public List<NamedTable> tables() {
            return List.of(new NamedTable(KEY, forReport.table()), new NamedTable(ESTIMATE_KEY, forReport.estimate()),
                    new NamedTable(MIXED_KEY, forReport.mixed()));
        }
    }

    private TimedSection() {
    }

    public static Result build(Context ctx) {
        Table t = new Table(List.of("network", "accelerators", "topology", "link GB/s", "dp ms", "trick ms", "hypar ms",
                "accpar ms", "timed ms", "best baseline", "timed gain vs best", "estimate error"));
        List<String> cats = new ArrayList<>();
        List<Double> gains = new ArrayList<>();
        Map<String, double[]> errors = new LinkedHashMap<>();
        Map<StrategyKind, List<Double>> speedups = new LinkedHashMap<>();
        for (Runs.Run r : ctx.runs().of(Suite.TIMED)) {
            if (r.strategy() != StrategyKind.TIMED) {
                continue;
            }
            Map<StrategyKind, RunRow> all = ctx.runs().caseOf(r);
            StrategyKind winner = null;
            for (StrategyKind k : StrategySets.TIMED_BASELINES) {
                if (winner == null || step(all.get(k)) < step(all.get(winner))) {
                    winner = k;
                }
            }
            double timed = step(r.row());
            double gain = step(all.get(winner)) / timed;
            Scenario sc = r.scenario();
            Network n = sc.network();
            String bw = Table.num(sc.hardware().links().linkBandwidthGBps());
            Plan plan = new Plan(n.size(), r.row().grid().levels());
            double estimate = ScenarioRunner.timedPlanner(sc).estimate(plan);
            double error = estimate / timed - 1;
            t.add(List.of(n.name(), String.valueOf(r.accelerators()), r.topology().label(), bw,
                    ms(all.get(StrategyKind.DP)), ms(all.get(StrategyKind.TRICK)), ms(all.get(StrategyKind.HYPAR)),
                    ms(all.get(StrategyKind.ACCPAR)), Table.num(timed * 1e3), winner.label(), Table.num(gain),
                    Table.num(error)));
            cats.add(n.name() + " " + r.accelerators() + " " + r.topology().label() + " " + bw);
            gains.add(gain);
            for (StrategyKind k : StrategySets.TIMED) {
                speedups.computeIfAbsent(k, z -> new ArrayList<>()).add(step(all.get(StrategyKind.DP)) / step(all.get(k)));
            }
            double[] e = errors.computeIfAbsent(n.name(), k -> new double[2]);
            e[0] += Math.abs(error);
            e[1] += 1;
        }
        Table estimates = new Table(List.of("network", "mean absolute estimate error of the timed plan"));
        errors.forEach((k, v) -> estimates.add(List.of(k, Table.num(v[0] / v[1]))));
        Map<String, double[]> series = new LinkedHashMap<>();
        series.put("timed over the best of dp, trick, hypar, accpar",
                gains.stream().mapToDouble(Double::doubleValue).toArray());
        Map<String, double[]> steps = new LinkedHashMap<>();
        speedups.forEach((k, v) -> steps.put(k.label(), v.stream().mapToDouble(Double::doubleValue).toArray()));
        List<Chart> charts = new ArrayList<>(List.of(
                new Chart(KEY + "_step", Charts.note(Charts.bars("Step time of each plan: speedup over dp, where each wins",
                        AXIS, "speedup over dp (x, log scale)", cats, steps, true),
                        "the highest bar of each group wins; timed is never below the others")),
                new Chart(KEY + "_gain", Charts.note(Charts.bars("Timed plans against the best byte-optimal or baseline "
                        + "plan", AXIS, "speedup (x, log scale)", cats, series, true),
                        "hmc-rs, overlapped schedule, flow-level links"))));
        Table mixed = mixed(ctx, charts);
        return new Result(new ReproductionReport.Timed(t, estimates, mixed), charts);
    }

    /** The mixed array's table; adds its chart. */
    private static Table mixed(Context ctx, List<Chart> charts) {
        Table m = new Table(List.of("network", "strategy", "step ms", "full-clock group busy ms", "half-clock group busy ms",
                "speedup vs best even split"));
        List<String> names = ctx.scope().mixedNetworks();
        Map<String, double[]> series = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            Map<StrategyKind, RunRow> r = new EnumMap<>(StrategyKind.class);
            ctx.runs().of(Suite.TIMED_MIXED).stream().filter(x -> x.network().equals(name))
                    .forEach(x -> r.put(x.strategy(), x.row()));
            double best = StrategySets.TIMED_BASELINES.stream().mapToDouble(k -> step(r.get(k))).min().orElseThrow();
            for (StrategyKind k : StrategySets.TIMED) {
                RunRow x = r.get(k);
                List<RunRecord.GroupResult> g = ctx.runs().mixedGroups(name, k);
                m.add(List.of(name, k.label(), ms(x), g.isEmpty() ? "" : Table.num(g.get(0).busySeconds() * 1e3),
                        g.isEmpty() ? "" : Table.num(g.get(1).busySeconds() * 1e3), Table.num(best / step(x))));
                series.computeIfAbsent(k.label(), z -> new double[names.size()])[i] = step(x) * 1e3;
            }
        }
        charts.add(new Chart(MIXED_KEY, Charts.note(Charts.bars("A mixed array: 8 accelerators at full clock, 8 at half",
                "network", "step time (ms, log scale)", names, series, true),
                "hmc-rs, H tree, overlapped schedule; timed splits each layer by the halves' speeds")));
        return m;
    }

    private static double step(RunRow r) {
        return r.value(RunColumn.STEP_TIME);
    }

    private static String ms(RunRow r) {
        return Table.num(step(r) * 1e3);
    }
}
