package org.hyparsim.paper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hyparsim.core.workload.Network;
import org.hyparsim.core.kind.TopologyKind;
import org.hyparsim.core.kind.StrategyKind;
import org.hyparsim.results.RunColumn;
import org.hyparsim.results.RunRow;
import org.hyparsim.results.charts.ChartSet;
import org.hyparsim.results.charts.Charts;
import org.hyparsim.paper.report.ReproductionReport.Comparison;
import org.hyparsim.results.report.Table;

/** Figs. 6 and 7: ours normalised to dp (dp / strategy) per network of the paper suite, beside the paper's. */
public enum NormalisedFigure {
    FIG6("fig6_performance", "fig6_performance.csv", "Fig. 6: performance normalised to data parallelism",
            RunColumn.STEP_TIME, "speedup over dp (x, log scale)"),
    FIG7("fig7_energy", "fig7_energy.csv", "Fig. 7: energy efficiency normalised to data parallelism",
            RunColumn.ENERGY, "energy efficiency over dp (x, log scale)");

    private final String key;
    private final String paperTable;
    private final String title;
    private final RunColumn field;
    private final String axis;

    NormalisedFigure(String key, String paperTable, String title, RunColumn field, String axis) {
        this.key = key;
        this.paperTable = paperTable;
        this.title = title;
        this.field = field;
        this.axis = axis;
    }

    /** A row's label (a network, or the geometric mean) and HyPar's figure, ours beside the paper's. */
    public record HyparRow(String label, Comparison hypar) {
    }

    /** The figure: its table, HyPar's row by row (for the headline), its chart. */
    public record Result(String key, Table table, List<HyparRow> hypar, List<Chart> charts) implements FigureOutput {
        @Override
        public List<NamedTable> tables() {
            return List.of(new NamedTable(key, table));
        }
    }

    public Result build(Context ctx) {
        List<Network> networks = ctx.networks();
        Map<String, Map<String, String>> paper = PaperData.figure(paperTable);
        Map<StrategyKind, double[]> ours = normalised(ctx);
        Table t = new Table(List.of("network", "ours mp", "ours dp", "ours trick", "ours hypar", "paper mp", "paper hypar",
                "diff mp", "diff hypar"));
        List<HyparRow> hypar = new ArrayList<>();
        List<StrategyKind> strategies = StrategySets.PAPER;
        double[] gOurs = {1, 1, 1, 1};
        double[] gPaper = {1, 1};
        int n = networks.size();
        for (int i = 0; i < n; i++) {
            String net = networks.get(i).name();
            double pm = PaperData.value(paper, net, "mp");
            double ph = PaperData.value(paper, net, "hypar");
            List<String> row = new ArrayList<>(List.of(net));
            for (int s = 0; s < strategies.size(); s++) {
                row.add(Table.num(ours.get(strategies.get(s))[i]));
                gOurs[s] *= Math.pow(ours.get(strategies.get(s))[i], 1.0 / n);
            }
            gPaper[0] *= Math.pow(pm, 1.0 / n);
            gPaper[1] *= Math.pow(ph, 1.0 / n);
            row.addAll(List.of(Table.num(pm), Table.num(ph), Table.diff(ours.get(StrategyKind.MP)[i], pm),
                    Table.diff(ours.get(StrategyKind.HYPAR)[i], ph)));
            t.add(row);
            hypar.add(new HyparRow(net, new Comparison(ours.get(StrategyKind.HYPAR)[i], ph)));
        }
        String gmean = ctx.scope().quick() ? "Gmean of these" : "Gmean";
        t.add(List.of(gmean, Table.num(gOurs[0]), Table.num(gOurs[1]), Table.num(gOurs[2]), Table.num(gOurs[3]),
                Table.num(gPaper[0]), Table.num(gPaper[1]), Table.diff(gOurs[0], gPaper[0]),
                Table.diff(gOurs[3], gPaper[1])));
        hypar.add(new HyparRow(gmean, new Comparison(gOurs[3], gPaper[1])));
        Map<String, double[]> series = new LinkedHashMap<>();
        ours.forEach((k, v) -> series.put("ours: " + k.label(), v));
        series.put("paper: mp", networks.stream().mapToDouble(x -> PaperData.value(paper, x.name(), "mp")).toArray());
        series.put("paper: hypar", networks.stream().mapToDouble(x -> PaperData.value(paper, x.name(), "hypar"))
                .toArray());
        Chart chart = new Chart(key, Charts.note(Charts.bars(title, "network", axis, ctx.names(), series, true),
                "paper profile: serial schedule on one shared channel, 16 accelerators; dp = 1"));
        return new Result(key, t, hypar, List.of(chart));
    }

    private Map<StrategyKind, double[]> normalised(Context ctx) {
        Map<String, Map<StrategyKind, RunRow>> byNetwork = new LinkedHashMap<>();
        for (Network n : ctx.networks()) {
            byNetwork.put(n.name(), ctx.runs().at(Suite.PAPER, n.name(), TopologyKind.BUS, Scope.ARRAY));
        }
        return ChartSet.overDp(byNetwork, StrategySets.PAPER, field);
    }
}
