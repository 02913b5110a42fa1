package org.hyparsim.scenarios.reproduce;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hyparsim.accel.HardwareProfile;
import org.hyparsim.core.step.Schedule;
import org.hyparsim.core.workload.Network;
import org.hyparsim.partition.Accounting;
import org.hyparsim.partition.ArrayHierarchy;
import org.hyparsim.partition.CommunicationModel;
import org.hyparsim.partition.Parallelism;
import org.hyparsim.partition.Plan;
import org.hyparsim.partition.planner.HyParPlanner;
import org.hyparsim.results.AtomicFiles;
import org.hyparsim.results.Csv;
import org.hyparsim.results.charts.ChartFiles;
import org.hyparsim.results.charts.Charts;
import org.hyparsim.results.report.ReproductionReport;
import org.hyparsim.results.report.Table;
import org.hyparsim.scenarios.networks.NetworkCatalog;
import org.hyparsim.scenarios.scenario.HardwareProfiles;
import org.hyparsim.scenarios.scenario.Scenario;
import org.hyparsim.scenarios.scenario.Sweep;
import org.hyparsim.scenarios.sweep.SweepRunner;
import org.jfree.chart.JFreeChart;

/**
 * The paper's evaluation, reproduced: Figs. 5, 6, 7, 8 (ten networks, 16 accelerators, the
 * paper profile), 9 (the Lenet-c space), 11 (VGG-E from 1 to 64 accelerators) and 12 (HyPar on
 * a torus and an H tree), plus the same networks on the hmc-rs profile; CSVs, charts and
 * REPORT.md with our numbers beside the paper's.
 */
public final class Reproduction {
    static final List<String> STRATEGIES = List.of("mp", "dp", "trick", "hypar");
    static final List<String> QUICK_NETWORKS = List.of("Lenet-c", "Cifar-c", "AlexNet", "VGG-A");
    static final List<String> QUICK_HMC_NETWORKS = List.of("Lenet-c", "AlexNet", "VGG-A");
    static final int ARRAY = 16;

    private final boolean quick;
    private final List<Network> networks;
    private final List<Network> hmcNetworks;
    private final List<Integer> sizes;
    private final List<Sweep.Point> points = new ArrayList<>();
    private final List<String> suites = new ArrayList<>();
    private final Map<String, List<Map<String, Object>>> rowsBySuite = new LinkedHashMap<>();
    private final List<Path> charts = new ArrayList<>();
    private final Map<String, Table> tables = new LinkedHashMap<>();
    // Fig. 9's facts for the report: HyPar's communication, the least in the space, whether they agree
    private boolean fig9HyparIsBest;
    private double fig9Best;
    private double fig9Hypar;

    public Reproduction(boolean quick) {
        this.quick = quick;
        this.networks = new ArrayList<>();
        this.hmcNetworks = new ArrayList<>();
        for (Network n : NetworkCatalog.paperNetworks()) {
            if (!quick || QUICK_NETWORKS.contains(n.name())) {
                networks.add(n);
            }
            if (!quick || QUICK_HMC_NETWORKS.contains(n.name())) {
                hmcNetworks.add(n);
            }
        }
        this.sizes = quick ? List.of(1, 2, 4, 8, 16) : List.of(1, 2, 4, 8, 16, 32, 64);
    }

    /** Runs everything on {@code threads} threads and writes the results under {@code out}. */
    public void run(Path out, int threads, SweepRunner.Listener listener) throws IOException {
        HardwareProfile paper = HardwareProfiles.named("paper");
        HardwareProfile hmc = HardwareProfiles.named("hmc-rs");
        for (Network n : networks) {
            add("paper", scenario(n, ARRAY, "bus", paper, "paper", Schedule.SERIAL, STRATEGIES, null, "packet"));
        }
        for (Network n : networks) {
            for (String t : List.of("htree", "torus")) {
                add("paper-topology", scenario(n, ARRAY, t, paper, "paper", Schedule.SERIAL, List.of("dp", "hypar"), null,
                        "flow"));
            }
        }
        for (Network n : hmcNetworks) {
            for (String t : List.of("htree", "torus")) {
                add("hmc-rs", scenario(n, ARRAY, t, hmc, "hmc-rs", Schedule.OVERLAP, STRATEGIES, null, "flow"));
            }
        }
        Network vggE = NetworkCatalog.builtIn().get("VGG-E");
        for (int n : sizes) {
            add("scalability", scenario(vggE, n, "bus", paper, "paper", Schedule.SERIAL, List.of("dp", "hypar"), null,
                    "packet"));
        }
        Network lenet = NetworkCatalog.builtIn().get("Lenet-c");
        List<Plan> space = lenetSpace(lenet);
        for (Plan p : space) {
            add("lenet-space", scenario(lenet, ARRAY, "bus", paper, "paper", Schedule.SERIAL, List.of("file"), p, "packet"));
        }
        SweepRunner.Outcome o = SweepRunner.run(points, threads, listener);
        if (o.pointsFailed() > 0) {
            String error = o.rows().stream().map(r -> String.valueOf(r.get("error"))).filter(e -> !e.isEmpty())
                    .findFirst().orElse("?");
            throw new IllegalStateException(o.pointsFailed() + " runs of the reproduction failed, the first with: " + error);
        }
        for (Map<String, Object> row : o.rows()) {
            String suite = suites.get(((Number) row.get("point")).intValue());
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("suite", suite);
            r.putAll(row);
            r.remove("error");
            rowsBySuite.computeIfAbsent(suite, k -> new ArrayList<>()).add(r);
        }
        List<Map<String, Object>> all = new ArrayList<>();
        rowsBySuite.values().forEach(all::addAll);
        AtomicFiles.write(out.resolve("runs.csv"), Csv.of(all));
        fig5(out);
        fig6(out);
        fig7(out);
        fig8(out);
        fig9(out, lenet, space);
        fig11(out);
        fig12(out);
        hmcRs(out);
        tables.put("headline", ReproductionReport.headline(tables));
        for (Map.Entry<String, Table> t : tables.entrySet()) {
            AtomicFiles.write(out.resolve(t.getKey() + ".csv"), t.getValue().csv());
        }
        AtomicFiles.write(out.resolve("REPORT.md"), ReproductionReport.markdown(new ReproductionReport.Inputs(tables,
                quick, names(), fig9Hypar, fig9Best, fig9HyparIsBest)));
    }

    private void add(String suite, Scenario s) {
        points.add(new Sweep.Point(points.size(), Map.of("suite", suite), s));
        suites.add(suite);
    }

    private static Scenario scenario(Network n, int accelerators, String topology, HardwareProfile hw, String hwLabel,
            Schedule schedule, List<String> strategies, Plan plan, String linkModel) {
        int levels = ArrayHierarchy.levels(accelerators, "reproduce", "accelerators");
        return new Scenario("reproduce", n, Accounting.DEFAULT_BATCH, accelerators, levels, topology, hw, hwLabel,
                schedule, strategies, plan, 1, linkModel);
    }

    /** The rows of a suite for a network, by strategy. */
    private Map<String, Map<String, Object>> runs(String suite, String network, String topology, int accelerators) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        for (Map<String, Object> r : rowsBySuite.getOrDefault(suite, List.of())) {
            if (r.get("network").equals(network) && r.get("topology").equals(topology)
                    && ((Number) r.get("accelerators")).intValue() == accelerators) {
                out.put((String) r.get("strategy"), r);
            }
        }
        return out;
    }

    private static double d(Map<String, Object> row, String field) {
        return ((Number) row.get(field)).doubleValue();
    }

    private List<String> names() {
        return networks.stream().map(Network::name).toList();
    }

    // Fig. 5: HyPar's partition of each network on 16 accelerators
    private void fig5(Path out) throws IOException {
        Table t = new Table(List.of("network", "level", "partition (layer: choice)"));
        for (Network n : networks) {
            CommunicationModel m = new CommunicationModel(n, Accounting.hypar(Accounting.DEFAULT_BATCH));
            Plan plan = new HyParPlanner().plan(m, 4);
            for (int h = 1; h <= 4; h++) {
                List<String> cells = new ArrayList<>();
                for (int l = 0; l < n.size(); l++) {
                    cells.add(n.layer(l).name() + ":" + plan.choice(h, l).label());
                }
                t.add(List.of(n.name(), "H" + h, String.join(" ", cells)));
            }
            JFreeChart c = Charts.partitionMap("Fig. 5: HyPar's partition of " + n.name() + " on 16 accelerators",
                    n.layerNames(), plan.labels());
            charts.addAll(ChartFiles.save(c, out, "fig5_partition_" + n.name().replace('-', '_')));
        }
        tables.put("fig5_partition", t);
    }

    /** Ours normalised to dp (dp / strategy) for a field, per network of the paper suite. */
    private Map<String, double[]> normalised(String field) {
        Map<String, double[]> out = new LinkedHashMap<>();
        for (String s : STRATEGIES) {
            double[] v = new double[networks.size()];
            for (int i = 0; i < networks.size(); i++) {
                Map<String, Map<String, Object>> r = runs("paper", networks.get(i).name(), "bus", ARRAY);
                v[i] = d(r.get("dp"), field) / d(r.get(s), field);
            }
            out.put(s, v);
        }
        return out;
    }

    private void normalisedFigure(Path out, String key, String paperFile, String field, String title, String axis)
            throws IOException {
        Map<String, Map<String, String>> paper = PaperData.figure(paperFile);
        Map<String, double[]> ours = normalised(field);
        Table t = new Table(List.of("network", "ours mp", "ours dp", "ours trick", "ours hypar", "paper mp", "paper hypar",
                "diff mp", "diff hypar"));
        double[] gOurs = {1, 1, 1, 1};
        double[] gPaper = {1, 1};
        int n = networks.size();
        for (int i = 0; i < n; i++) {
            String net = networks.get(i).name();
            double pm = PaperData.value(paper, net, "mp");
            double ph = PaperData.value(paper, net, "hypar");
            List<String> row = new ArrayList<>(List.of(net));
            for (int s = 0; s < 4; s++) {
                row.add(Table.num(ours.get(STRATEGIES.get(s))[i]));
                gOurs[s] *= Math.pow(ours.get(STRATEGIES.get(s))[i], 1.0 / n);
            }
            gPaper[0] *= Math.pow(pm, 1.0 / n);
            gPaper[1] *= Math.pow(ph, 1.0 / n);
            row.addAll(List.of(Table.num(pm), Table.num(ph), Table.diff(ours.get("mp")[i], pm),
                    Table.diff(ours.get("hypar")[i], ph)));
            t.add(row);
        }
        t.add(List.of(n == 10 ? "Gmean" : "Gmean of these", Table.num(gOurs[0]), Table.num(gOurs[1]), Table.num(gOurs[2]), Table.num(gOurs[3]),
                Table.num(gPaper[0]), Table.num(gPaper[1]), Table.diff(gOurs[0], gPaper[0]), Table.diff(gOurs[3], gPaper[1])));
        tables.put(key, t);
        Map<String, double[]> series = new LinkedHashMap<>();
        ours.forEach((k, v) -> series.put("ours: " + k, v));
        series.put("paper: mp", networks.stream().mapToDouble(x -> PaperData.value(paper, x.name(), "mp")).toArray());
        series.put("paper: hypar", networks.stream().mapToDouble(x -> PaperData.value(paper, x.name(), "hypar")).toArray());
        charts.addAll(ChartFiles.save(Charts.note(Charts.bars(title, "network", axis, names(), series, true),
                "paper profile: serial schedule on one shared channel, 16 accelerators; dp = 1"), out, key));
    }

    private void fig6(Path out) throws IOException {
        normalisedFigure(out, "fig6_performance", "fig6_performance.csv", "stepTimeSeconds",
                "Fig. 6: performance normalised to data parallelism", "speedup over dp (x, log scale)");
    }

    private void fig7(Path out) throws IOException {
        normalisedFigure(out, "fig7_energy", "fig7_energy.csv", "energyJoules",
                "Fig. 7: energy efficiency normalised to data parallelism", "energy efficiency over dp (x, log scale)");
    }

    private void fig8(Path out) throws IOException {
        Map<String, Map<String, String>> paper = PaperData.figure("fig8_communication_gb.csv");
        Table t = new Table(List.of("network", "ours mp GB", "ours dp GB", "ours trick GB", "ours hypar GB", "paper mp GB",
                "paper dp GB", "paper hypar GB", "diff mp", "diff dp", "diff hypar"));
        Map<String, double[]> series = new LinkedHashMap<>();
        for (String s : STRATEGIES) {
            series.put("ours: " + s, new double[networks.size()]);
        }
        for (int i = 0; i < networks.size(); i++) {
            String net = networks.get(i).name();
            Map<String, Map<String, Object>> r = runs("paper", net, "bus", ARRAY);
            List<String> row = new ArrayList<>(List.of(net));
            for (String s : STRATEGIES) {
                double gb = d(r.get(s), "communicationBytes") / 1e9;
                series.get("ours: " + s)[i] = gb;
                row.add(Table.num(gb));
            }
            double pm = PaperData.value(paper, net, "mp_gb");
            double pd = PaperData.value(paper, net, "dp_gb");
            double ph = PaperData.value(paper, net, "hypar_gb");
            row.addAll(List.of(Table.num(pm), Table.num(pd), Table.num(ph), Table.diff(series.get("ours: mp")[i], pm),
                    Table.diff(series.get("ours: dp")[i], pd), Table.diff(series.get("ours: hypar")[i], ph)));
            t.add(row);
        }
        tables.put("fig8_communication", t);
        series.put("paper: mp", networks.stream().mapToDouble(x -> PaperData.value(paper, x.name(), "mp_gb")).toArray());
        series.put("paper: dp", networks.stream().mapToDouble(x -> PaperData.value(paper, x.name(), "dp_gb")).toArray());
        series.put("paper: hypar", networks.stream().mapToDouble(x -> PaperData.value(paper, x.name(), "hypar_gb")).toArray());
        charts.addAll(ChartFiles.save(Charts.note(Charts.bars("Fig. 8: communication per training step", "network",
                "bytes exchanged per step, whole array (GB, log scale)", names(), series, true),
                "16 accelerators, batch 256, fp32"), out, "fig8_communication"));
    }

    /** Lenet-c on 16: H1 and H4 over all choices, H2 and H3 as HyPar chose. */
    private static List<Plan> lenetSpace(Network lenet) {
        CommunicationModel m = new CommunicationModel(lenet, Accounting.hypar(Accounting.DEFAULT_BATCH));
        Plan hypar = new HyParPlanner().plan(m, 4);
        int n = lenet.size();
        List<Plan> out = new ArrayList<>();
        for (int a = 0; a < (1 << n); a++) {
            for (int b = 0; b < (1 << n); b++) {
                out.add(new Plan(n, List.of(row(a, n), hypar.rows().get(1), hypar.rows().get(2), row(b, n))));
            }
        }
        return out;
    }

    /** Choice row from a mask, the first layer in the highest bit (0: dp, 1: mp). */
    private static List<Parallelism> row(int mask, int n) {
        List<Parallelism> r = new ArrayList<>();
        for (int l = 0; l < n; l++) {
            r.add(((mask >> (n - 1 - l)) & 1) == 0 ? Parallelism.DP : Parallelism.MP);
        }
        return r;
    }

    private static String letters(List<Parallelism> row) {
        StringBuilder sb = new StringBuilder();
        for (Parallelism p : row) {
            sb.append(p == Parallelism.DP ? 'd' : 'm');
        }
        return sb.toString();
    }

    private void fig9(Path out, Network lenet, List<Plan> space) throws IOException {
        CommunicationModel m = new CommunicationModel(lenet, Accounting.hypar(Accounting.DEFAULT_BATCH));
        Plan hypar = new HyParPlanner().plan(m, 4);
        int n = 1 << lenet.size();
        double[][] comm = new double[n][n];
        List<Map<String, Object>> rows = rowsBySuite.get("lenet-space");
        double hyparTime = Double.NaN;
        int hx = 0;
        int hy = 0;
        double best = Double.POSITIVE_INFINITY;
        Table t = new Table(List.of("H1 (conv1 conv2 fc1 fc2)", "H4", "communication GB", "step time s", "performance vs HyPar"));
        double[] times = new double[space.size()];
        for (int i = 0; i < space.size(); i++) {
            times[i] = d(rows.get(i), "stepTimeSeconds");
            Plan p = space.get(i);
            if (p.equals(hypar)) {
                hyparTime = times[i];
                hx = i / n;
                hy = i % n;
            }
        }
        for (int i = 0; i < space.size(); i++) {
            Plan p = space.get(i);
            double gb = d(rows.get(i), "communicationBytes") / 1e9;
            comm[i / n][i % n] = gb;
            best = Math.min(best, gb);
            t.add(List.of(letters(p.rows().get(0)), letters(p.rows().get(3)), Table.num(gb), Table.num(times[i]),
                    Table.num(hyparTime / times[i])));
        }
        tables.put("fig9_lenet_space", t);
        this.fig9HyparIsBest = Math.abs(comm[hx][hy] - best) <= 1e-12 * best;
        this.fig9Best = best;
        this.fig9Hypar = comm[hx][hy];
        charts.addAll(ChartFiles.save(Charts.note(Charts.heatmap("Fig. 9: Lenet-c design space on 16 accelerators",
                "H1 choice (conv1 conv2 fc1 fc2 as bits, mp = 1)", "H4 choice (bits as for H1)", comm,
                "communication per step (GB)", hx, hy, "HyPar's choice"), "H2 and H3 as HyPar chose them"), out,
                "fig9_lenet_space"));
    }

    private void fig11(Path out) throws IOException {
        Map<String, Map<String, String>> paper = PaperData.figure("fig11_scalability.csv");
        double one = d(runs("scalability", "VGG-E", "bus", 1).get("dp"), "stepTimeSeconds");
        Table t = new Table(List.of("accelerators", "ours hypar gain", "ours dp gain", "paper hypar gain", "paper dp gain",
                "diff hypar", "diff dp", "ours hypar GB", "ours dp GB", "paper hypar GB", "paper dp GB"));
        List<String> labels = new ArrayList<>();
        Map<String, double[]> gains = new LinkedHashMap<>();
        Map<String, double[]> comm = new LinkedHashMap<>();
        for (String k : List.of("ours: dp", "ours: hypar", "paper: dp", "paper: hypar")) {
            gains.put(k, new double[sizes.size()]);
        }
        comm.put("dp", new double[sizes.size()]);
        comm.put("hypar", new double[sizes.size()]);
        for (int i = 0; i < sizes.size(); i++) {
            int n = sizes.get(i);
            labels.add(String.valueOf(n));
            Map<String, Map<String, Object>> r = runs("scalability", "VGG-E", "bus", n);
            double gh = one / d(r.get("hypar"), "stepTimeSeconds");
            double gd = one / d(r.get("dp"), "stepTimeSeconds");
            double ph = PaperData.value(paper, String.valueOf(n), "hypar_gain");
            double pd = PaperData.value(paper, String.valueOf(n), "dp_gain");
            double ch = d(r.get("hypar"), "communicationBytes") / 1e9;
            double cd = d(r.get("dp"), "communicationBytes") / 1e9;
            gains.get("ours: hypar")[i] = gh;
            gains.get("ours: dp")[i] = gd;
            gains.get("paper: hypar")[i] = ph;
            gains.get("paper: dp")[i] = pd;
            comm.get("hypar")[i] = ch;
            comm.get("dp")[i] = cd;
            t.add(List.of(String.valueOf(n), Table.num(gh), Table.num(gd), Table.num(ph), Table.num(pd), Table.diff(gh, ph),
                    Table.diff(gd, pd), Table.num(ch), Table.num(cd),
                    Table.num(PaperData.value(paper, String.valueOf(n), "hypar_comm_gb")),
                    Table.num(PaperData.value(paper, String.valueOf(n), "dp_comm_gb"))));
        }
        tables.put("fig11_scalability", t);
        charts.addAll(ChartFiles.save(Charts.note(Charts.scalability("Fig. 11: scalability of VGG-E", labels, gains, comm),
                "bars: gain over one accelerator (paper profile); dashed lines: our communication per step"), out,
                "fig11_scalability"));
    }

    private void fig12(Path out) throws IOException {
        Map<String, Map<String, String>> paper = PaperData.figure("fig12_topology.csv");
        Table t = new Table(List.of("network", "ours torus", "ours htree", "paper torus", "paper htree", "diff torus",
                "diff htree", "hmc-rs torus", "hmc-rs htree"));
        Map<String, double[]> series = new LinkedHashMap<>();
        for (String k : List.of("ours: torus", "ours: htree", "paper: torus", "paper: htree")) {
            series.put(k, new double[networks.size()]);
        }
        for (int i = 0; i < networks.size(); i++) {
            String net = networks.get(i).name();
            Map<String, Map<String, Object>> tree = runs("paper-topology", net, "htree", ARRAY);
            Map<String, Map<String, Object>> torus = runs("paper-topology", net, "torus", ARRAY);
            double dp = d(tree.get("dp"), "stepTimeSeconds");
            double ot = dp / d(torus.get("hypar"), "stepTimeSeconds");
            double oh = dp / d(tree.get("hypar"), "stepTimeSeconds");
            double pt = PaperData.value(paper, net, "torus_perf_vs_dp");
            double ph = PaperData.value(paper, net, "htree_perf_vs_dp");
            Map<String, Map<String, Object>> hTree = runs("hmc-rs", net, "htree", ARRAY);
            Map<String, Map<String, Object>> hTorus = runs("hmc-rs", net, "torus", ARRAY);
            String ht = hTree.isEmpty() ? "not run" : Table.num(d(hTree.get("dp"), "stepTimeSeconds")
                    / d(hTorus.get("hypar"), "stepTimeSeconds"));
            String hh = hTree.isEmpty() ? "not run" : Table.num(d(hTree.get("dp"), "stepTimeSeconds")
                    / d(hTree.get("hypar"), "stepTimeSeconds"));
            series.get("ours: torus")[i] = ot;
            series.get("ours: htree")[i] = oh;
            series.get("paper: torus")[i] = pt;
            series.get("paper: htree")[i] = ph;
            t.add(List.of(net, Table.num(ot), Table.num(oh), Double.isNaN(pt) ? ">10 (off scale)" : Table.num(pt),
                    Double.isNaN(ph) ? ">10 (off scale)" : Table.num(ph), Table.diff(ot, pt), Table.diff(oh, ph), ht, hh));
        }
        tables.put("fig12_topology", t);
        charts.addAll(ChartFiles.save(Charts.note(Charts.bars("Fig. 12: HyPar on a 2D torus and an H tree", "network",
                "speedup over dp on the H tree (x, log scale)", names(), series, true),
                "ours: paper profile (serial) on each topology's links; 16 accelerators"), out, "fig12_topology"));
    }

    private void hmcRs(Path out) throws IOException {
        Table t = new Table(List.of("network", "topology", "strategy", "step time ms", "speedup vs dp", "compute ms",
                "memory stall ms", "exposed communication ms", "communication GB", "energy J"));
        List<String> labels = new ArrayList<>();
        Map<String, double[]> parts = new LinkedHashMap<>();
        List<double[]> values = new ArrayList<>();
        for (Network n : hmcNetworks) {
            for (String topo : List.of("htree", "torus")) {
                Map<String, Map<String, Object>> r = runs("hmc-rs", n.name(), topo, ARRAY);
                double dp = d(r.get("dp"), "stepTimeSeconds");
                for (String s : STRATEGIES) {
                    Map<String, Object> x = r.get(s);
                    t.add(List.of(n.name(), topo, s, Table.num(d(x, "stepTimeSeconds") * 1e3),
                            Table.num(dp / d(x, "stepTimeSeconds")), Table.num(d(x, "computeSeconds") * 1e3),
                            Table.num(d(x, "memoryStallSeconds") * 1e3),
                            Table.num(d(x, "exposedCommunicationSeconds") * 1e3),
                            Table.num(d(x, "communicationBytes") / 1e9), Table.num(d(x, "energyJoules"))));
                    if (topo.equals("htree")) {
                        labels.add(n.name() + " " + s);
                        double step = d(x, "stepTimeSeconds");
                        values.add(new double[] {d(x, "computeSeconds") / step, d(x, "memoryStallSeconds") / step,
                            d(x, "exposedCommunicationSeconds") / step});
                    }
                }
            }
        }
        tables.put("hmc_rs", t);
        String[] names = {"compute", "memory stall", "exposed communication"};
        for (int k = 0; k < 3; k++) {
            double[] v = new double[values.size()];
            for (int i = 0; i < values.size(); i++) {
                v[i] = values.get(i)[k];
            }
            parts.put(names[k], v);
        }
        charts.addAll(ChartFiles.save(Charts.note(Charts.stacked("Where the step time goes: hmc-rs on an H tree",
                "network and strategy", "share of the step time (fraction)", labels, parts),
                "overlapped schedule, flow-level links, 16 accelerators"), out, "hmc_rs_breakdown"));
    }

    public List<Path> charts() {
        return charts;
    }
}
