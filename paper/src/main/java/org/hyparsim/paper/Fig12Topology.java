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
import org.hyparsim.results.charts.Charts;
import org.hyparsim.results.report.Table;

/** Fig. 12: HyPar on a 2D torus and an H tree, normalised to dp on the H tree; the paper profile and hmc-rs. */
public final class Fig12Topology {
    public static final String KEY = "fig12_topology";
    static final String PAPER_TABLE = "fig12_topology.csv";
    static final String TITLE = "Fig. 12: HyPar on a 2D torus and an H tree";
    static final String OFF_SCALE = ">10 (off scale)";

    private Fig12Topology() {
    }

    public static OneTableFigure build(Context ctx) {
        List<Network> networks = ctx.networks();
        Map<String, Map<String, String>> paper = PaperData.figure(PAPER_TABLE);
        Table t = new Table(List.of("network", "ours torus", "ours htree", "paper torus", "paper htree", "diff torus",
                "diff htree", "hmc-rs torus", "hmc-rs htree"));
        Map<String, double[]> series = new LinkedHashMap<>();
        for (String k : List.of("ours: torus", "ours: htree", "paper: torus", "paper: htree")) {
            series.put(k, new double[networks.size()]);
        }
        List<String> offScale = new ArrayList<>();
        Runs runs = ctx.runs();
        for (int i = 0; i < networks.size(); i++) {
            String net = networks.get(i).name();
            Map<StrategyKind, RunRow> tree = runs.at(Suite.PAPER_TOPOLOGY, net, TopologyKind.HTREE, Scope.ARRAY);
            Map<StrategyKind, RunRow> torus = runs.at(Suite.PAPER_TOPOLOGY, net, TopologyKind.TORUS, Scope.ARRAY);
            double dp = step(tree, StrategyKind.DP);
            double ot = dp / step(torus, StrategyKind.HYPAR);
            double oh = dp / step(tree, StrategyKind.HYPAR);
            double pt = PaperData.value(paper, net, "torus_perf_vs_dp");
            double ph = PaperData.value(paper, net, "htree_perf_vs_dp");
            Map<StrategyKind, RunRow> hTree = runs.at(Suite.HMC_RS, net, TopologyKind.HTREE, Scope.ARRAY);
            Map<StrategyKind, RunRow> hTorus = runs.at(Suite.HMC_RS, net, TopologyKind.TORUS, Scope.ARRAY);
            String ht = hTree.isEmpty() ? "not run" : Table.num(step(hTree, StrategyKind.DP)
                    / step(hTorus, StrategyKind.HYPAR));
            String hh = hTree.isEmpty() ? "not run" : Table.num(step(hTree, StrategyKind.DP)
                    / step(hTree, StrategyKind.HYPAR));
            series.get("ours: torus")[i] = ot;
            series.get("ours: htree")[i] = oh;
            series.get("paper: torus")[i] = pt;
            series.get("paper: htree")[i] = ph;
            t.add(List.of(net, Table.num(ot), Table.num(oh), Double.isNaN(pt) ? OFF_SCALE : Table.num(pt),
                    Double.isNaN(ph) ? OFF_SCALE : Table.num(ph), Table.diff(ot, pt), Table.diff(oh, ph), ht, hh));
            if (Double.isNaN(pt) || Double.isNaN(ph)) {
                offScale.add(net);
            }
        }
        String mark = offScale.isEmpty() ? "" : "; no paper bar for " + String.join(", ", offScale)
                + ": off the paper's scale (>10x)";
        Chart chart = new Chart(KEY, Charts.note(Charts.bars(TITLE, "network",
                "speedup over dp on the H tree (x, log scale)", ctx.names(), series, true),
                "ours: paper profile (serial) on each topology's links; 16 accelerators" + mark));
        return new OneTableFigure(KEY, t, List.of(chart));
    }

    private static double step(Map<StrategyKind, RunRow> runs, StrategyKind k) {
        return runs.get(k).value(RunColumn.STEP_TIME);
    }
}
