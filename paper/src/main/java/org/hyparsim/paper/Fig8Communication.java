package org.hyparsim.paper;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hyparsim.core.workload.Network;
import org.hyparsim.core.kind.TopologyKind;
import org.hyparsim.partition.Accounting;
import org.hyparsim.core.kind.StrategyKind;
import org.hyparsim.results.RunColumn;
import org.hyparsim.results.RunRow;
import org.hyparsim.results.charts.Charts;
import org.hyparsim.paper.report.ReproductionReport.Comparison;
import org.hyparsim.results.report.Table;

/** Fig. 8: bytes exchanged per training step, per network and strategy, beside the paper's. */
public final class Fig8Communication {
    public static final String KEY = "fig8_communication";
    static final String PAPER_TABLE = "fig8_communication_gb.csv";
    static final String TITLE = "Fig. 8: communication per training step";

    /** The figure: its table, HyPar's GB per network (for the headline), its chart. */
    public record Result(Table table, List<Comparison> hypar, List<Chart> charts) implements FigureOutput {
        @Override
        public List<NamedTable> tables() {
            return List.of(new NamedTable(KEY, table));
        }
    }

    private Fig8Communication() {
    }

    public static Result build(Context ctx) {
        List<Network> networks = ctx.networks();
        Map<String, Map<String, String>> paper = PaperData.figure(PAPER_TABLE);
        Table t = new Table(List.of("network", "ours mp GB", "ours dp GB", "ours trick GB", "ours hypar GB", "paper mp GB",
                "paper dp GB", "paper hypar GB", "diff mp", "diff dp", "diff hypar"));
        Map<StrategyKind, double[]> ours = new EnumMap<>(StrategyKind.class);
        StrategySets.PAPER.forEach(s -> ours.put(s, new double[networks.size()]));
        List<Comparison> hypar = new ArrayList<>();
        for (int i = 0; i < networks.size(); i++) {
            String net = networks.get(i).name();
            Map<StrategyKind, RunRow> r = ctx.runs().at(Suite.PAPER, net, TopologyKind.BUS, Scope.ARRAY);
            List<String> row = new ArrayList<>(List.of(net));
            for (StrategyKind s : StrategySets.PAPER) {
                double gb = r.get(s).value(RunColumn.COMMUNICATION_BYTES) / 1e9;
                ours.get(s)[i] = gb;
                row.add(Table.num(gb));
            }
            double pm = PaperData.value(paper, net, "mp_gb");
            double pd = PaperData.value(paper, net, "dp_gb");
            double ph = PaperData.value(paper, net, "hypar_gb");
            row.addAll(List.of(Table.num(pm), Table.num(pd), Table.num(ph), Table.diff(ours.get(StrategyKind.MP)[i], pm),
                    Table.diff(ours.get(StrategyKind.DP)[i], pd), Table.diff(ours.get(StrategyKind.HYPAR)[i], ph)));
            t.add(row);
            hypar.add(new Comparison(ours.get(StrategyKind.HYPAR)[i], ph));
        }
        Map<String, double[]> series = new LinkedHashMap<>();
        StrategySets.PAPER.forEach(s -> series.put("ours: " + s.label(), ours.get(s)));
        for (String column : List.of("mp", "dp", "hypar")) {
            series.put("paper: " + column, networks.stream()
                    .mapToDouble(x -> PaperData.value(paper, x.name(), column + "_gb")).toArray());
        }
        Chart chart = new Chart(KEY, Charts.note(Charts.bars(TITLE, "network",
                "bytes exchanged per step, whole array (GB, log scale)", ctx.names(), series, true),
                "16 accelerators, batch " + Accounting.DEFAULT_BATCH + ", fp32"));
        return new Result(t, hypar, List.of(chart));
    }
}
