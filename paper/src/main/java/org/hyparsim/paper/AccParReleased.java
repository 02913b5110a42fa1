package org.hyparsim.paper;

import java.util.List;
import org.hyparsim.core.workload.Network;
import org.hyparsim.partition.Accounting;
import org.hyparsim.partition.CommunicationModel;
import org.hyparsim.partition.Plan;
import org.hyparsim.partition.planner.LayerwisePlanner;
import org.hyparsim.results.report.Table;

/**
 * With AccPar's accounting on its generated ResNets (batch 512, as its released planner runs), the
 * released planner's plans against the exact planner's, both priced by the same model: where the
 * released behaviours cost something.
 */
public final class AccParReleased {
    public static final String KEY = "accpar_released";
    /** AccPar's generated ResNets, where its released planner and the exact one are compared, at its batch. */
    static final List<String> NETWORKS = List.of("AccPar-ResNet-18", "AccPar-ResNet-34", "AccPar-ResNet-50");
    static final int BATCH = 512;
    static final int LEVELS = 7;

    private AccParReleased() {
    }

    public static Table table() {
        Table t = new Table(List.of("network", "types", "accelerators", "released Melem", "exact Melem",
                "released / exact", "layer choices that differ"));
        for (String name : NETWORKS) {
            Network n = Scope.network(name);
            CommunicationModel m = new CommunicationModel(n, Accounting.accpar(BATCH));
            for (LayerwisePlanner p : List.of(LayerwisePlanner.hypar(), LayerwisePlanner.accpar())) {
                Plan released = p.plan(m, LEVELS);
                Plan exact = p.exact().plan(m, LEVELS);
                for (int h = 1; h <= LEVELS; h += 2) {
                    double a = m.evaluate(released.prefix(h)).totalBytes();
                    double b = m.evaluate(exact.prefix(h)).totalBytes();
                    t.add(List.of(name, String.valueOf(p.types().size()), String.valueOf(1 << h), Table.num(a / 1e6),
                            Table.num(b / 1e6), Table.num(a / b), String.valueOf(differ(n, released, exact, h))));
                }
            }
        }
        return t;
    }

    /** How many layer choices of the first {@code levels} levels differ between two plans. */
    static int differ(Network n, Plan a, Plan b, int levels) {
        int differ = 0;
        for (int level = 1; level <= levels; level++) {
            for (int l = 0; l < n.size(); l++) {
                differ += a.choice(level, l) == b.choice(level, l) ? 0 : 1;
            }
        }
        return differ;
    }
}
