package org.hyparsim.paper;

import java.util.ArrayList;
import java.util.List;
import org.hyparsim.core.workload.Network;
import org.hyparsim.partition.Accounting;
import org.hyparsim.partition.CommunicationModel;
import org.hyparsim.core.kind.Parallelism;
import org.hyparsim.partition.Plan;
import org.hyparsim.partition.planner.LayerwisePlanner;
import org.hyparsim.results.RunColumn;
import org.hyparsim.results.charts.Charts;
import org.hyparsim.paper.report.ReproductionReport;
import org.hyparsim.results.report.Table;

/** Fig. 9: Lenet-c's design space on 16 accelerators: H1 and H4 over all choices, H2 and H3 as HyPar chose. */
public final class Fig9LenetSpace {
    public static final String KEY = "fig9_lenet_space";
    public static final String NETWORK = "Lenet-c";
    static final String TITLE = "Fig. 9: Lenet-c design space on 16 accelerators";
    static final int LEVELS = 4;

    /** The figure: its table, its facts for the report, its chart. */
    public record Result(Table table, ReproductionReport.Fig9 facts, List<Chart> charts) implements FigureOutput {
        @Override
        public List<NamedTable> tables() {
            return List.of(new NamedTable(KEY, table));
        }
    }

    private Fig9LenetSpace() {
    }

    private static Plan hypar(Network lenet) {
        return LayerwisePlanner.hypar().plan(new CommunicationModel(lenet, Accounting.hypar(Accounting.DEFAULT_BATCH)),
                LEVELS);
    }

    /** The space, in the order it is run: H1 by H4, each over every choice, H2 and H3 as HyPar chose. */
    public static List<Plan> space(Network lenet) {
        Plan hypar = hypar(lenet);
        int n = lenet.size();
        List<Plan> out = new ArrayList<>();
        for (int a = 0; a < (1 << n); a++) {
            for (int b = 0; b < (1 << n); b++) {
                out.add(new Plan(n, List.of(Plan.rowFromMask(a, n), hypar.rows().get(1), hypar.rows().get(2),
                        Plan.rowFromMask(b, n))));
            }
        }
        return out;
    }

    private static String letters(List<Parallelism> row) {
        StringBuilder sb = new StringBuilder();
        row.forEach(p -> sb.append(p.letter()));
        return sb.toString();
    }

    public static Result build(Context ctx) {
        Network lenet = Scope.network(NETWORK);
        List<Plan> space = space(lenet);
        Plan hypar = hypar(lenet);
        int n = 1 << lenet.size();
        double[][] comm = new double[n][n];
        List<Runs.Run> rows = ctx.runs().of(Suite.LENET_SPACE);
        double hyparTime = Double.NaN;
        int hx = 0;
        int hy = 0;
        double best = Double.POSITIVE_INFINITY;
        double[] times = new double[space.size()];
        for (int i = 0; i < space.size(); i++) {
            times[i] = rows.get(i).row().value(RunColumn.STEP_TIME);
            if (space.get(i).equals(hypar)) {
                hyparTime = times[i];
                hx = i / n;
                hy = i % n;
            }
        }
        Table t = new Table(List.of("H1 (conv1 conv2 fc1 fc2)", "H4", "communication GB", "step time s",
                "performance vs HyPar"));
        for (int i = 0; i < space.size(); i++) {
            Plan p = space.get(i);
            double gb = rows.get(i).row().value(RunColumn.COMMUNICATION_BYTES) / 1e9;
            comm[i / n][i % n] = gb;
            best = Math.min(best, gb);
            t.add(List.of(letters(p.rows().get(0)), letters(p.rows().get(3)), Table.num(gb), Table.num(times[i]),
                    Table.num(hyparTime / times[i])));
        }
        ReproductionReport.Fig9 facts = new ReproductionReport.Fig9(comm[hx][hy], best,
                Math.abs(comm[hx][hy] - best) <= 1e-12 * best);
        Chart chart = new Chart(KEY, Charts.note(Charts.heatmap(TITLE,
                "H1 choice (conv1 conv2 fc1 fc2 as bits, mp = 1)", "H4 choice (bits as for H1)", comm,
                "communication per step (GB)", hx, hy, "HyPar's choice"), "H2 and H3 as HyPar chose them"));
        return new Result(t, facts, List.of(chart));
    }
}
