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

/** Where the step time goes: the paper's networks on hmc-rs (H tree and torus, overlapped schedule). */
public final class HmcRs {
    public static final String KEY = "hmc_rs";
    static final String TITLE = "Where the step time goes: hmc-rs on an H tree";
    /** The breakdown's parts, in the chart's order. */
    static final List<RunColumn> PARTS = List.of(RunColumn.COMPUTE, RunColumn.MEMORY_STALL,
            RunColumn.EXPOSED_COMMUNICATION);
    static final List<String> PART_NAMES = List.of("compute", "memory stall", "exposed communication");

    private HmcRs() {
    }

    public static OneTableFigure build(Context ctx) {
        Table t = new Table(List.of("network", "topology", "strategy", "step time ms", "speedup vs dp", "compute ms",
                "memory stall ms", "exposed communication ms", "communication GB", "energy J"));
        List<String> labels = new ArrayList<>();
        List<RunRow> shown = new ArrayList<>();
        for (Network n : ctx.scope().hmcRsNetworks()) {
            for (TopologyKind topo : Suite.HMC_RS.topologies()) {
                Map<StrategyKind, RunRow> r = ctx.runs().at(Suite.HMC_RS, n.name(), topo, Scope.ARRAY);
                double dp = r.get(StrategyKind.DP).value(RunColumn.STEP_TIME);
                for (StrategyKind s : StrategySets.PAPER) {
                    RunRow x = r.get(s);
                    t.add(List.of(n.name(), topo.label(), s.label(), Table.num(x.value(RunColumn.STEP_TIME) * 1e3),
                            Table.num(dp / x.value(RunColumn.STEP_TIME)), Table.num(x.value(RunColumn.COMPUTE) * 1e3),
                            Table.num(x.value(RunColumn.MEMORY_STALL) * 1e3),
                            Table.num(x.value(RunColumn.EXPOSED_COMMUNICATION) * 1e3),
                            Table.num(x.value(RunColumn.COMMUNICATION_BYTES) / 1e9),
                            Table.num(x.value(RunColumn.ENERGY))));
                    if (topo == TopologyKind.HTREE) {
                        labels.add(n.name() + " " + s.label());
                        shown.add(x);
                    }
                }
            }
        }
        // absolute times first, then each run's shares of its step as a second chart
        Map<String, double[]> parts = new LinkedHashMap<>();
        for (int k = 0; k < PARTS.size(); k++) {
            RunColumn part = PARTS.get(k);
            parts.put(PART_NAMES.get(k), shown.stream().mapToDouble(x -> x.value(part)).toArray());
        }
        List<Chart> charts = new ArrayList<>();
        for (boolean shares : new boolean[] {false, true}) {
            charts.add(new Chart(KEY + (shares ? "_breakdown_share" : "_breakdown"), Charts.note(Charts.breakdown(TITLE,
                    "network and strategy", labels, parts, shares), "overlapped schedule, flow-level links, 16 accelerators")));
        }
        return new OneTableFigure(KEY, t, charts);
    }
}
