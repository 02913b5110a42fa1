package org.hyparsim.paper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hyparsim.core.kind.TopologyKind;
import org.hyparsim.core.kind.StrategyKind;
import org.hyparsim.results.RunColumn;
import org.hyparsim.results.RunRow;
import org.hyparsim.results.charts.Charts;
import org.hyparsim.paper.report.ReproductionReport;
import org.hyparsim.results.report.Table;

/**
 * AccPar's section: per network and array size, the communication of dp, hypar and accpar and
 * their hmc-rs step time and energy; and (in {@link AccParReleased}) the released planner against
 * the exact one.
 */
public final class AccParSection {
    public static final String KEY = "accpar";

    /** The section: its tables for the report, its charts. */
    public record Result(ReproductionReport.AccPar forReport, List<Chart> charts) implements FigureOutput {
        @Override
        public List<NamedTable> tables() {
            return List.of(new NamedTable(KEY, forReport.table()),
                    new NamedTable(AccParReleased.KEY, forReport.released()));
        }
    }

    private AccParSection() {
    }

    public static Result build(Context ctx) {
        Table t = new Table(List.of("network", "accelerators", "dp GB", "hypar GB", "accpar GB", "accpar / hypar bytes",
                "dp step ms", "hypar step ms", "accpar step ms", "accpar speedup vs hypar", "dp J", "hypar J", "accpar J"));
        Scope.Axes scope = ctx.scope().accpar();
        int largest = scope.largest();
        List<String> cats = new ArrayList<>();
        Map<String, double[]> comm = new LinkedHashMap<>();
        Map<String, double[]> speed = new LinkedHashMap<>();
        List<double[]> commRows = new ArrayList<>();
        List<double[]> speedRows = new ArrayList<>();
        for (String name : scope.networks()) {
            for (int size : scope.sizes()) {
                Map<StrategyKind, RunRow> r = ctx.runs().at(Suite.ACCPAR, name, TopologyKind.HTREE, size);
                RunRow dp = r.get(StrategyKind.DP);
                RunRow hy = r.get(StrategyKind.HYPAR);
                RunRow ac = r.get(StrategyKind.ACCPAR);
                double gbDp = dp.value(RunColumn.COMMUNICATION_BYTES) / 1e9;
                double gbHy = hy.value(RunColumn.COMMUNICATION_BYTES) / 1e9;
                double gbAc = ac.value(RunColumn.COMMUNICATION_BYTES) / 1e9;
                t.add(List.of(name, String.valueOf(size), Table.num(gbDp), Table.num(gbHy), Table.num(gbAc),
                        Table.num(gbHy > 0 ? gbAc / gbHy : 1), Table.num(step(dp) * 1e3), Table.num(step(hy) * 1e3),
                        Table.num(step(ac) * 1e3), Table.num(step(hy) / step(ac)),
                        Table.num(dp.value(RunColumn.ENERGY)), Table.num(hy.value(RunColumn.ENERGY)),
                        Table.num(ac.value(RunColumn.ENERGY))));
                if (size == largest) {
                    cats.add(name);
                    commRows.add(new double[] {gbDp, gbHy, gbAc});
                    speedRows.add(new double[] {step(dp) / step(hy), step(dp) / step(ac)});
                }
            }
        }
        List<StrategyKind> strategies = StrategySets.ACCPAR;
        for (int k = 0; k < strategies.size(); k++) {
            int kk = k;
            comm.put(strategies.get(k).label(), commRows.stream().mapToDouble(v -> v[kk]).toArray());
        }
        for (int k = 0; k < 2; k++) {
            int kk = k;
            speed.put(strategies.get(k + 1).label(), speedRows.stream().mapToDouble(v -> v[kk]).toArray());
        }
        List<Chart> charts = List.of(
                new Chart(KEY + "_communication", Charts.note(Charts.bars("Communication per step on " + largest
                        + " accelerators", "network", "communication per step (GB, log scale)", cats, comm, true),
                        "hypar: dp and mp per layer and level; accpar: dp, mp and mp-out")),
                new Chart(KEY + "_speedup", Charts.note(Charts.bars("Speedup over dp on " + largest
                        + " accelerators (hmc-rs)", "network", "speedup over dp (x, log scale)", cats, speed, true),
                        "H tree, overlapped schedule, flow-level links")));
        return new Result(new ReproductionReport.AccPar(t, AccParReleased.table()), charts);
    }

    private static double step(RunRow r) {
        return r.value(RunColumn.STEP_TIME);
    }
}
