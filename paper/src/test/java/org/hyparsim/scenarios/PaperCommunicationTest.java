package org.hyparsim.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hyparsim.core.workload.Network;
import org.hyparsim.partition.Accounting;
import org.hyparsim.partition.CommunicationModel;
import org.hyparsim.partition.Plan;
import org.hyparsim.partition.planner.DataParallelPlanner;
import org.hyparsim.partition.planner.LayerwisePlanner;
import org.hyparsim.partition.planner.Planner;
import org.hyparsim.input.networks.NetworkCatalog;
import org.junit.jupiter.api.Test;

/**
 * The paper's Fig. 8 (communication per training step, 16 accelerators): our dp totals within 1%
 * and HyPar totals within 8% for all ten networks. The mp totals are not compared: the paper's
 * are not reproduced by this accounting (see the reference communication-model.md).
 */
class PaperCommunicationTest {
    static Map<String, double[]> fig8() throws Exception {
        Map<String, double[]> out = new LinkedHashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                PaperCommunicationTest.class.getResourceAsStream("/paper/fig8_communication_gb.csv"), StandardCharsets.UTF_8))) {
            r.readLine();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] f = line.split(",");
                if (!f[0].equals("Gmean")) {
                    out.put(f[0], new double[] {Double.parseDouble(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3])});
                }
            }
        }
        return out;
    }

    static double gb(Network n, Planner p) {
        CommunicationModel m = new CommunicationModel(n, Accounting.hypar(256));
        Plan plan = p.plan(m, 4);
        return m.evaluate(plan).totalBytes() / 1e9;
    }

    @Test
    void dpAndHyParTotalsMatchFig8() throws Exception {
        Map<String, double[]> paper = fig8();
        assertEquals(10, paper.size());
        for (Network n : NetworkCatalog.paperNetworks()) {
            double[] ref = paper.get(n.name());
            double dp = gb(n, new DataParallelPlanner());
            double hypar = gb(n, LayerwisePlanner.hypar());
            assertEquals(ref[1], dp, 0.01 * ref[1], n.name() + " dp");
            assertEquals(ref[2], hypar, 0.08 * ref[2], n.name() + " hypar");
        }
    }

    @Test
    void workedFigureVggA16AllDp() {
        double gb = gb(NetworkCatalog.builtIn().get("VGG-A"), new DataParallelPlanner());
        assertEquals(15 * 2 * 4 * 132_851_392L / 1e9, gb, 1e-9);
        assertEquals(15.94, gb, 0.005);
    }

    @Test
    void hyParFig5PatternForSfcFc1() {
        // the paper's Fig. 5: SFC's fc1 is mp, mp, dp, mp over H1..H4
        Network sfc = NetworkCatalog.builtIn().get("SFC");
        Plan plan = LayerwisePlanner.hypar().plan(new CommunicationModel(sfc, Accounting.hypar(256)), 4);
        StringBuilder fc1 = new StringBuilder();
        for (int h = 1; h <= 4; h++) {
            fc1.append(plan.choice(h, 0).label()).append(' ');
        }
        assertEquals("mp mp dp mp", fc1.toString().trim());
        assertTrue(gb(sfc, LayerwisePlanner.hypar()) < gb(sfc, new DataParallelPlanner()) / 10);
    }
}
