package org.hyparsim.paper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hyparsim.core.workload.Network;
import org.hyparsim.partition.Accounting;
import org.hyparsim.partition.CommunicationModel;
import org.hyparsim.core.kind.Parallelism;
import org.hyparsim.partition.Plan;
import org.hyparsim.partition.planner.LayerwisePlanner;
import org.hyparsim.results.charts.Charts;
import org.hyparsim.paper.report.ReproductionReport;
import org.hyparsim.results.report.Table;

/** Fig. 5: HyPar's partition of each network on 16 accelerators, and the paper's two known patterns. */
public final class Fig5Partition {
    public static final String KEY = "fig5_partition";
    static final String TITLE = "Fig. 5: HyPar's partition of %s on 16 accelerators";
    static final int LEVELS = 4;
    /** SFC's first layer (fc1) over H1..H4 in the paper's figure. */
    static final List<Parallelism> SFC_FC1 = List.of(Parallelism.MP, Parallelism.MP, Parallelism.DP, Parallelism.MP);

    /** The figure: the table, the known patterns beside ours, one chart per network. */
    public record Result(Table table, List<ReproductionReport.KnownPattern> known, List<Chart> charts)
            implements FigureOutput {
        public ReproductionReport.Fig5 forReport() {
            return new ReproductionReport.Fig5(table, known);
        }

        @Override
        public List<NamedTable> tables() {
            return List.of(new NamedTable(KEY, table));
        }
    }

    private Fig5Partition() {
    }

    public static Result build(Context ctx) {
        Table t = new Table(List.of("network", "level", "partition (layer: choice)"));
        List<Chart> charts = new ArrayList<>();
        Map<String, Plan> plans = new LinkedHashMap<>();
        for (Network n : ctx.networks()) {
            CommunicationModel m = new CommunicationModel(n, Accounting.hypar(Accounting.DEFAULT_BATCH));
            Plan plan = LayerwisePlanner.hypar().plan(m, LEVELS);
            plans.put(n.name(), plan);
            for (int h = 1; h <= LEVELS; h++) {
                t.add(List.of(n.name(), "H" + h, level(n, plan, h)));
            }
            charts.add(new Chart(KEY + "_" + n.name().replace('-', '_'), Charts.partitionMap(
                    String.format(Locale.ROOT, TITLE, n.name()), n.layerNames(), plan.rows())));
        }
        return new Result(t, known(ctx, plans), charts);
    }

    /** A level of a plan as "layer:choice" cells. */
    private static String level(Network n, Plan plan, int h) {
        List<String> cells = new ArrayList<>();
        for (int l = 0; l < n.size(); l++) {
            cells.add(n.layer(l).name() + ":" + plan.choice(h, l).label());
        }
        return String.join(" ", cells);
    }

    /** The paper's known patterns (reference networks.json) for the networks shown. */
    private static List<ReproductionReport.KnownPattern> known(Context ctx, Map<String, Plan> plans) {
        List<ReproductionReport.KnownPattern> out = new ArrayList<>();
        Plan sfc = plans.get("SFC");
        if (sfc != null) {
            List<Parallelism> fc1 = new ArrayList<>();
            for (int h = 1; h <= LEVELS; h++) {
                fc1.add(sfc.choice(h, 0));
            }
            out.add(new ReproductionReport.KnownPattern("SFC fc1 over H1..H4",
                    String.join(", ", fc1.stream().map(Parallelism::label).toList()), "mp, mp, dp, mp",
                    fc1.equals(SFC_FC1)));
        }
        Plan alex = plans.get("AlexNet");
        if (alex != null) {
            Network n = ctx.networks().stream().filter(x -> x.name().equals("AlexNet")).findFirst().orElseThrow();
            boolean match = choiceOf(n, alex, "fc1") == Parallelism.MP && choiceOf(n, alex, "fc2") == Parallelism.DP
                    && choiceOf(n, alex, "fc3") == Parallelism.DP;
            out.add(new ReproductionReport.KnownPattern("AlexNet H4", level(n, alex, LEVELS),
                    "fc1 mp, fc2 and fc3 dp", match));
        }
        return out;
    }

    /** The choice at the last level for the layer of that name, null when there is none. */
    private static Parallelism choiceOf(Network n, Plan plan, String layer) {
        for (int l = 0; l < n.size(); l++) {
            if (n.layer(l).name().equals(layer)) {
                return plan.choice(LEVELS, l);
            }
        }
        return null;
    }
}
