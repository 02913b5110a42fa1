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
import org.hyparsim.results.report.Table;

/** Fig. 11: VGG-E's gain over one accelerator and its communication, by array size (paper profile). */
public final class Fig11Scalability {
    public static final String KEY = "fig11_scalability";
    static final String PAPER_TABLE = "fig11_scalability.csv";
    static final String TITLE = "Fig. 11: scalability of VGG-E";
    static final String NETWORK = "VGG-E";

    private Fig11Scalability() {
    }

    public static OneTableFigure build(Context ctx) {
        Map<String, Map<String, String>> paper = PaperData.figure(PAPER_TABLE);
        List<Integer> sizes = ctx.scope().scalabilitySizes();
        double one = step(ctx.runs().at(Suite.SCALABILITY, NETWORK, TopologyKind.BUS, 1).get(StrategyKind.DP));
        Table t = new Table(List.of("accelerators", "ours hypar gain", "ours dp gain", "paper hypar gain", "paper dp gain",
                "diff hypar", "diff dp", "ours hypar GB", "ours dp GB", "paper hypar GB", "paper dp GB"));
        List<String> labels = new ArrayList<>();
        Map<String, double[]> gains = new LinkedHashMap<>();
        Map<String, double[]> comm = new LinkedHashMap<>();
        for (String k : List.of("ours: dp", "ours: hypar", "paper: dp", "paper: hypar")) {
            gains.put(k, new double[sizes.size()]);
        }
        comm.put("ours: dp", new double[sizes.size()]);
        comm.put("ours: hypar", new double[sizes.size()]);
        for (int i = 0; i < sizes.size(); i++) {
            String n = String.valueOf(sizes.get(i));
            labels.add(n);
            Map<StrategyKind, RunRow> r = ctx.runs().at(Suite.SCALABILITY, NETWORK, TopologyKind.BUS, sizes.get(i));
            double gh = one / step(r.get(StrategyKind.HYPAR));
            double gd = one / step(r.get(StrategyKind.DP));
            double ph = PaperData.value(paper, n, "hypar_gain");
            double pd = PaperData.value(paper, n, "dp_gain");
            double ch = r.get(StrategyKind.HYPAR).value(RunColumn.COMMUNICATION_BYTES) / 1e9;
            double cd = r.get(StrategyKind.DP).value(RunColumn.COMMUNICATION_BYTES) / 1e9;
            gains.get("ours: hypar")[i] = gh;
            gains.get("ours: dp")[i] = gd;
            gains.get("paper: hypar")[i] = ph;
            gains.get("paper: dp")[i] = pd;
            comm.get("ours: hypar")[i] = ch;
            comm.get("ours: dp")[i] = cd;
            t.add(List.of(n, Table.num(gh), Table.num(gd), Table.num(ph), Table.num(pd), Table.diff(gh, ph),
                    Table.diff(gd, pd), Table.num(ch), Table.num(cd),
                    Table.num(PaperData.value(paper, n, "hypar_comm_gb")),
                    Table.num(PaperData.value(paper, n, "dp_comm_gb"))));
        }
        Chart chart = new Chart(KEY, Charts.note(Charts.scalability(TITLE, labels, gains, comm),
                "bars: gain over one accelerator (paper profile); dashed lines: our communication per step"));
        return new OneTableFigure(KEY, t, List.of(chart));
    }

    private static double step(RunRow r) {
        return r.value(RunColumn.STEP_TIME);
    }
}
