package org.hyparsim.paper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hyparsim.core.kind.TopologyKind;
import org.hyparsim.core.kind.StrategyKind;
import org.hyparsim.results.RunColumn;
import org.hyparsim.results.RunRow;
import org.hyparsim.results.charts.Charts;
import org.hyparsim.paper.report.ReproductionReport;
import org.hyparsim.results.report.Table;

/**
 * Where the answer flips, from runs: on hmc-rs (H tree, overlap), as the links slow down and as the
 * array grows, the first point where dp's exposed communication passes {@link #FLIP_SHARE} of its
 * step, and HyPar's gain there.
 */
public final class Flip {
    public static final String KEY = "flip";
    static final String TITLE = "Where dp's communication shows: HyPar's gain on hmc-rs (H tree)";
    /** The share of dp's step that its exposed communication must pass for the answer to count as flipped. */
    static final double FLIP_SHARE = 0.05;

    /** The section: its sentences and table for the report, its charts. */
    public record Result(ReproductionReport.Flip forReport, List<Chart> charts) implements FigureOutput {
        @Override
        public List<NamedTable> tables() {
            return List.of(new NamedTable(KEY, forReport.table()));
        }
    }

    /** One axis of the flip for a network: what varies, its values and their labels, and the runs at each. */
    private record Axis(String network, String varied, List<String> values, List<String> labels,
            List<Map<StrategyKind, RunRow>> points) {
    }

    private Flip() {
    }

    public static Result build(Context ctx) {
        Table t = new Table(List.of("network", "varied", "value", "dp step ms", "dp exposed communication ms",
                "dp exposed share", "hypar step ms", "HyPar gain"));
        Scope.Axes scope = ctx.scope().flip();
        List<String> bandwidths = scope.bandwidthsGBps().stream().map(Table::num).toList();
        List<String> sizes = scope.sizes().stream().map(String::valueOf).toList();
        Map<String, double[]> gainByBandwidth = new LinkedHashMap<>();
        Map<String, double[]> gainBySize = new LinkedHashMap<>();
        List<String> sentences = new ArrayList<>();
        for (String net : scope.networks()) {
            List<Map<StrategyKind, RunRow>> atBandwidth = scope.bandwidthsGBps().stream().map(bw -> ctx.runs()
                    .at(Suite.FLIP_BANDWIDTH, net, TopologyKind.HTREE, Scope.ARRAY, bw)).toList();
            gainByBandwidth.put(net, rows(t, sentences, new Axis(net, "link bandwidth GB/s", bandwidths,
                    bandwidths.stream().map(b -> b + " GB/s links").toList(), atBandwidth)));
            List<Map<StrategyKind, RunRow>> atSize = scope.sizes().stream().map(n -> ctx.runs()
                    .at(Suite.FLIP_SIZE, net, TopologyKind.HTREE, n)).toList();
            gainBySize.put(net, rows(t, sentences, new Axis(net, "accelerators", sizes,
                    sizes.stream().map(n -> n + " accelerators").toList(), atSize)));
        }
        List<Chart> charts = List.of(
                new Chart(KEY + "_bandwidth", Charts.note(Charts.bars(TITLE + ": slower links", "link bandwidth (GB/s)",
                        "HyPar speedup over dp (x, log scale)", bandwidths, gainByBandwidth, true),
                        "16 accelerators, overlapped schedule, auto collectives, flow-level links")),
                new Chart(KEY + "_size", Charts.note(Charts.bars(TITLE + ": larger arrays", "accelerators",
                        "HyPar speedup over dp (x, log scale)", sizes, gainBySize, true),
                        "30 GB/s links, overlapped schedule, auto collectives, " + ReproductionReport.DEFAULT_LINKS)));
        return new Result(new ReproductionReport.Flip(sentences, t), charts);
    }

    /** One axis's rows of the table; adds the sentence saying where it flips; returns the gains. */
    private static double[] rows(Table t, List<String> sentences, Axis a) {
        double[] gains = new double[a.points().size()];
        String flipped = null;
        for (int i = 0; i < a.points().size(); i++) {
            RunRow dp = a.points().get(i).get(StrategyKind.DP);
            RunRow hypar = a.points().get(i).get(StrategyKind.HYPAR);
            double share = dp.value(RunColumn.EXPOSED_COMMUNICATION) / dp.value(RunColumn.STEP_TIME);
            gains[i] = dp.value(RunColumn.STEP_TIME) / hypar.value(RunColumn.STEP_TIME);
            t.add(List.of(a.network(), a.varied(), a.values().get(i), Table.num(dp.value(RunColumn.STEP_TIME) * 1e3),
                    Table.num(dp.value(RunColumn.EXPOSED_COMMUNICATION) * 1e3), Table.num(100 * share) + "%",
                    Table.num(hypar.value(RunColumn.STEP_TIME) * 1e3), Table.num(gains[i])));
            if (flipped == null && share > FLIP_SHARE) {
                flipped = String.format(Locale.ROOT, "%s, by %s: dp's exposed communication passes %d%% of "
                        + "its step at %s (%s%%), where HyPar's gain over dp is %sx; at %s it was %sx.", a.network(),
                        a.varied(), Math.round(FLIP_SHARE * 100), a.labels().get(i), Table.num(100 * share),
                        Table.num(gains[i]), a.labels().get(0), Table.num(gains[0]));
            }
        }
        sentences.add(flipped != null ? flipped : String.format(Locale.ROOT, "%s, by %s: dp's exposed "
                + "communication stays under %d%% of its step from %s to %s; HyPar's gain goes from %sx to %sx.",
                a.network(), a.varied(), Math.round(FLIP_SHARE * 100), a.labels().get(0),
                a.labels().get(a.labels().size() - 1), Table.num(gains[0]), Table.num(gains[gains.length - 1])));
        return gains;
    }
}
