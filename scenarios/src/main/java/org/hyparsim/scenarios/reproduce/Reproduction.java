package org.hyparsim.scenarios.reproduce;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hyparsim.core.step.RunPhase;
import org.hyparsim.core.step.Schedule;
import org.hyparsim.core.workload.Network;
import org.hyparsim.partition.Accounting;
import org.hyparsim.partition.CommunicationModel;
import org.hyparsim.partition.Parallelism;
import org.hyparsim.partition.Plan;
import org.hyparsim.partition.planner.LayerwisePlanner;
import org.hyparsim.results.AtomicFiles;
import org.hyparsim.noc.LinkModel;
import org.hyparsim.noc.TopologyKind;
import org.hyparsim.partition.planner.Strategy;
import org.hyparsim.partition.planner.StrategyKind;
import org.hyparsim.results.RowCodec;
import org.hyparsim.results.RunColumn;
import org.hyparsim.results.RunRecord;
import org.hyparsim.results.RunRow;
import org.hyparsim.results.charts.ChartFiles;
import org.hyparsim.results.charts.ChartSet;
import org.hyparsim.results.charts.Charts;
import org.hyparsim.results.report.ReproductionReport;
import org.hyparsim.results.report.Table;
import org.hyparsim.scenarios.networks.NetworkCatalog;
import org.hyparsim.scenarios.scenario.ArrayConfig;
import org.hyparsim.scenarios.scenario.BuiltInProfile;
import org.hyparsim.scenarios.scenario.Hardware;
import org.hyparsim.scenarios.scenario.HardwareReader;
import org.hyparsim.scenarios.scenario.ScenarioRunner;
import org.hyparsim.scenarios.scenario.Workload;
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
    static final List<StrategyKind> STRATEGIES = List.of(StrategyKind.MP, StrategyKind.DP, StrategyKind.TRICK,
            StrategyKind.HYPAR);
    static final List<StrategyKind> DP_HYPAR = List.of(StrategyKind.DP, StrategyKind.HYPAR);
    static final List<String> QUICK_NETWORKS = List.of("Lenet-c", "Cifar-c", "AlexNet", "VGG-A");
    static final List<String> QUICK_HMC_NETWORKS = List.of("Lenet-c", "AlexNet", "VGG-A");
    static final int ARRAY = 16;
    static final List<Integer> SIZES = List.of(1, 2, 4, 8, 16, 32, 64);
    static final List<Integer> QUICK_SIZES = List.of(1, 2, 4, 8, 16);
    /** Link bandwidths (GB/s) and array sizes over which the report looks for where dp's communication shows. */
    static final List<Double> FLIP_BANDWIDTHS = List.of(120.0, 60.0, 30.0, 15.0, 7.5, 3.75, 1.875);
    static final List<Double> QUICK_FLIP_BANDWIDTHS = List.of(30.0, 7.5, 1.875);
    static final List<Integer> FLIP_SIZES = List.of(16, 32, 64, 128, 256);
    static final List<Integer> QUICK_FLIP_SIZES = List.of(16, 32, 64);
    static final List<String> FLIP_NETWORKS = List.of("VGG-A", "VGG-E");
    /** The AccPar section: AccPar's two network files and the published ResNets, on 2 to 16 accelerators. */
    static final List<String> ACCPAR_NETWORKS = List.of("AccPar-AlexNet", "AccPar-VGG-11", "ResNet-18", "ResNet-34",
            "ResNet-50");
    static final List<String> QUICK_ACCPAR_NETWORKS = List.of("AccPar-AlexNet", "ResNet-18");
    static final List<Integer> ACCPAR_SIZES = List.of(2, 4, 8, 16);
    static final List<Integer> QUICK_ACCPAR_SIZES = List.of(2, 16);
    static final List<StrategyKind> ACCPAR_STRATEGIES = List.of(StrategyKind.DP, StrategyKind.HYPAR, StrategyKind.ACCPAR);
    /** AccPar's generated ResNets, where its released planner and the exact one are compared, at its batch. */
    static final List<String> RELEASED_NETWORKS = List.of("AccPar-ResNet-18", "AccPar-ResNet-34", "AccPar-ResNet-50");
    static final int ACCPAR_BATCH = 512;
    /** The timed section: networks, array sizes and link bandwidths (GB/s) on hmc-rs. */
    static final List<String> TIMED_NETWORKS = List.of("Lenet-c", "AlexNet", "VGG-A");
    static final List<String> QUICK_TIMED_NETWORKS = List.of("Lenet-c", "AlexNet");
    static final List<Integer> TIMED_SIZES = List.of(16, 64);
    static final List<Integer> QUICK_TIMED_SIZES = List.of(16);
    static final List<Double> TIMED_BANDWIDTHS = List.of(3.0, 30.0);
    static final List<StrategyKind> TIMED_STRATEGIES = List.of(StrategyKind.DP, StrategyKind.TRICK, StrategyKind.HYPAR,
            StrategyKind.ACCPAR, StrategyKind.TIMED);
    /** The mixed array: 8 accelerators at hmc-rs's clock and 8 at half of it. */
    static final List<String> MIXED_NETWORKS = List.of("VGG-A", "VGG-E");
    static final List<String> QUICK_MIXED_NETWORKS = List.of("VGG-A");
    static final int ACCPAR_LEVELS = 7;
    static final List<String> QUICK_FLIP_NETWORKS = List.of("VGG-A");
    /**
     * The Eyeriss chip's published figures (Chen et al., JSSC 2017, abstract): per network, the batch,
     * frames per second, DRAM accesses (16-bit words) per MAC and chip power (mW).
     */
    record ChipFigures(int batch, double framesPerSecond, double dramAccessesPerMac, double milliwatts) {
    }

    static final Map<String, ChipFigures> EYERISS_CHIP = Map.of(
            "Eyeriss-AlexNet-conv", new ChipFigures(4, 35, 0.0029, 278),
            "Eyeriss-VGG-16-conv", new ChipFigures(3, 0.7, 0.0035, 236));
    static final Map<String, Integer> EYERISS_BATCH = Map.of("Eyeriss-AlexNet-conv", 4, "Eyeriss-VGG-16-conv", 3);
    /** Gates against the chip (AlexNet): frames/s within 30%, DRAM accesses per MAC within x1.5, power within 35%. */
    static final double FPS_GATE = 0.30;
    static final double DRAM_GATE = 1.5;
    static final double POWER_GATE = 0.35;
    /** The stated bound on a layer's DRAM traffic, as a multiple of its compulsory traffic. */
    static final double MOST_COMPULSORY = 4;

    /** The share of dp's step that its exposed communication must pass for the answer to count as flipped. */
    static final double FLIP_SHARE = 0.05;

    /** The suites of runs the figures read, as data: each crosses its networks, sizes and topologies. */
    enum Suite {
        /** Figs. 6, 7 and 8: the paper's own model on one shared channel. */
        PAPER("paper", BuiltInProfile.PAPER, Schedule.SERIAL, LinkModel.FLOW, STRATEGIES, List.of(TopologyKind.BUS)),
        /** Fig. 12: the paper's model on a torus and an H tree. */
        PAPER_TOPOLOGY("paper-topology", BuiltInProfile.PAPER, Schedule.SERIAL, LinkModel.FLOW, DP_HYPAR,
                List.of(TopologyKind.HTREE, TopologyKind.TORUS)),
        /** Beyond the paper: the HMC profile, overlapped. */
        HMC_RS("hmc-rs", BuiltInProfile.HMC_RS, Schedule.OVERLAP, LinkModel.FLOW, STRATEGIES,
                List.of(TopologyKind.HTREE, TopologyKind.TORUS)),
        /** Fig. 11: VGG-E over array sizes. */
        SCALABILITY("scalability", BuiltInProfile.PAPER, Schedule.SERIAL, LinkModel.FLOW, DP_HYPAR,
                List.of(TopologyKind.BUS)),
        /** Where the answer flips: hmc-rs on an H tree as its links get slower. */
        FLIP_BANDWIDTH("flip-bandwidth", BuiltInProfile.HMC_RS, Schedule.OVERLAP, LinkModel.FLOW, DP_HYPAR,
                List.of(TopologyKind.HTREE)),
        /** Where the answer flips: hmc-rs on an H tree as the array grows. */
        FLIP_SIZE("flip-size", BuiltInProfile.HMC_RS, Schedule.OVERLAP, LinkModel.FLOW, DP_HYPAR,
                List.of(TopologyKind.HTREE)),
        /** Fig. 9: Lenet-c's plan space, each plan from outside. */
        /** Validation: one accelerator as the Eyeriss chip, inference, beside the chip's published figures. */
        EYERISS("eyeriss", BuiltInProfile.EYERISS, Schedule.OVERLAP, LinkModel.PACKET, List.of(StrategyKind.DP),
                List.of(TopologyKind.HTREE)),
        /** Validation: data parallelism on hmc-rs, 1 and 16 accelerators: honest scaling. */
        SCALING("scaling-check", BuiltInProfile.HMC_RS, Schedule.OVERLAP, LinkModel.FLOW, List.of(StrategyKind.DP),
                List.of(TopologyKind.HTREE)),
        LENET_SPACE("lenet-space", BuiltInProfile.PAPER, Schedule.SERIAL, LinkModel.FLOW, List.of(),
                List.of(TopologyKind.BUS)),
        /** Plans by simulated time against the byte-optimal ones, over sizes, topologies and link bandwidths. */
        TIMED("timed", BuiltInProfile.HMC_RS, Schedule.OVERLAP, LinkModel.FLOW, TIMED_STRATEGIES,
                List.of(TopologyKind.HTREE, TopologyKind.TORUS)),
        /** The same on a mixed array: half the accelerators at half the clock. */
        TIMED_MIXED("timed-mixed", BuiltInProfile.HMC_RS, Schedule.OVERLAP, LinkModel.FLOW, TIMED_STRATEGIES,
                List.of(TopologyKind.HTREE)),
        /** AccPar's partition space: dp, hypar and accpar on hmc-rs (H tree, overlap) over small arrays. */
        ACCPAR("accpar", BuiltInProfile.HMC_RS, Schedule.OVERLAP, LinkModel.FLOW, ACCPAR_STRATEGIES,
                List.of(TopologyKind.HTREE));

        final String label;
        final BuiltInProfile profile;
        final Schedule schedule;
        final LinkModel linkModel;
        final List<StrategyKind> strategies;
        final List<TopologyKind> topologies;

        Suite(String label, BuiltInProfile profile, Schedule schedule, LinkModel linkModel,
                List<StrategyKind> strategies, List<TopologyKind> topologies) {
            this.label = label;
            this.profile = profile;
            this.schedule = schedule;
            this.linkModel = linkModel;
            this.strategies = strategies;
            this.topologies = topologies;
        }
    }

    /** Builds one figure: its table (in {@link #tables} under the figure's key) and its chart files. */
    @FunctionalInterface
    interface FigureBuilder {
        void build(Figure figure, Path out) throws IOException;
    }

    /**
     * One figure of the report, as data: its key (the table's and the chart's file name), the
     * suites of runs it reads, the paper's table it is compared with (a resource under /paper/,
     * or null), its title, and how it is built from them.
     */
    record Figure(String key, List<Suite> runs, String paperTable, String title, FigureBuilder builder) {
    }

    /** The report's figures, in the report's order. */
    List<Figure> figures() {
        return List.of(
                new Figure("fig5_partition", List.of(), null, "Fig. 5: HyPar's partition of %s on 16 accelerators",
                        this::fig5),
                new Figure("fig6_performance", List.of(Suite.PAPER), "fig6_performance.csv",
                        "Fig. 6: performance normalised to data parallelism", this::fig6),
                new Figure("fig7_energy", List.of(Suite.PAPER), "fig7_energy.csv",
                        "Fig. 7: energy efficiency normalised to data parallelism", this::fig7),
                new Figure("fig8_communication", List.of(Suite.PAPER), "fig8_communication_gb.csv",
                        "Fig. 8: communication per training step", this::fig8),
                new Figure("fig9_lenet_space", List.of(Suite.LENET_SPACE), null,
                        "Fig. 9: Lenet-c design space on 16 accelerators", this::fig9),
                new Figure("fig11_scalability", List.of(Suite.SCALABILITY), "fig11_scalability.csv",
                        "Fig. 11: scalability of VGG-E", this::fig11),
                new Figure("fig12_topology", List.of(Suite.PAPER_TOPOLOGY, Suite.HMC_RS), "fig12_topology.csv",
                        "Fig. 12: HyPar on a 2D torus and an H tree", this::fig12),
                new Figure("hmc_rs", List.of(Suite.HMC_RS), null, "Where the step time goes: hmc-rs on an H tree",
                        this::hmcRs),
                new Figure("validation", List.of(Suite.EYERISS, Suite.SCALING), null,
                        "Validation: one accelerator against the Eyeriss chip, and honest scaling", this::validation),
                new Figure("flip", List.of(Suite.FLIP_BANDWIDTH, Suite.FLIP_SIZE), null,
                        "Where dp's communication shows: HyPar's gain on hmc-rs (H tree)", this::flip),
                new Figure("accpar", List.of(Suite.ACCPAR), null,
                        "AccPar's third partition type on hmc-rs (H tree, overlap)", this::accpar),
                new Figure("timed", List.of(Suite.TIMED, Suite.TIMED_MIXED), null,
                        "Plans chosen by simulated time (hmc-rs, overlap)", this::timed));
    }

    private final boolean quick;
    private List<Plan> lenetSpace;
    private Map<BuiltInProfile, Hardware> hardware;
    private final List<Network> networks;
    private final List<Network> hmcNetworks;
    private final List<Integer> sizes;
    private final List<Sweep.Point> points = new ArrayList<>();
    private final List<Suite> suites = new ArrayList<>();
    private final Map<Suite, List<RunRow>> rowsBySuite = new LinkedHashMap<>();
    private final List<Path> charts = new ArrayList<>();
    private final Map<String, Table> tables = new LinkedHashMap<>();
    // Fig. 9's facts for the report: HyPar's communication, the least in the space, whether they agree
    private boolean fig9HyparIsBest;
    private double fig9Best;
    private double fig9Hypar;
    // the flip figure's sentences for the report
    private final List<String> flips = new ArrayList<>();
    private final Map<String, List<RunRecord.GroupResult>> mixedGroups = new LinkedHashMap<>();

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
        this.sizes = quick ? QUICK_SIZES : SIZES;
    }

    /** Runs everything on {@code threads} threads and writes the results under {@code out}. */
    public void run(Path out, int threads, SweepRunner.Listener listener) throws IOException {
        Map<BuiltInProfile, Hardware> hardware = new java.util.EnumMap<>(BuiltInProfile.class);
        for (BuiltInProfile p : BuiltInProfile.values()) {
            hardware.put(p, HardwareReader.builtIn(p));
        }
        for (Network n : networks) {
            add(Suite.PAPER, n, ARRAY, hardware);
        }
        for (Network n : networks) {
            add(Suite.PAPER_TOPOLOGY, n, ARRAY, hardware);
        }
        for (Network n : hmcNetworks) {
            add(Suite.HMC_RS, n, ARRAY, hardware);
        }
        Network vggE = NetworkCatalog.builtIn().get("VGG-E");
        for (int n : sizes) {
            add(Suite.SCALABILITY, vggE, n, hardware);
        }
        for (String name : quick ? QUICK_FLIP_NETWORKS : FLIP_NETWORKS) {
            Network n = NetworkCatalog.builtIn().get(name);
            Hardware hmc = hardware.get(BuiltInProfile.HMC_RS);
            for (double bw : quick ? QUICK_FLIP_BANDWIDTHS : FLIP_BANDWIDTHS) {
                Map<BuiltInProfile, Hardware> slower = new java.util.EnumMap<>(hardware);
                slower.put(BuiltInProfile.HMC_RS, hmc.withLinks(hmc.links().with(bw, null, null, bw),
                        List.of(new Hardware.Override("linkBandwidthGBps", Table.num(bw)))));
                add(Suite.FLIP_BANDWIDTH, n, ARRAY, slower);
            }
            for (int size : quick ? QUICK_FLIP_SIZES : FLIP_SIZES) {
                add(Suite.FLIP_SIZE, n, size, hardware);
            }
        }
        for (String name : quick ? QUICK_ACCPAR_NETWORKS : ACCPAR_NETWORKS) {
            for (int size : quick ? QUICK_ACCPAR_SIZES : ACCPAR_SIZES) {
                add(Suite.ACCPAR, NetworkCatalog.builtIn().get(name), size, hardware);
            }
        }
        Hardware hmcForTimed = hardware.get(BuiltInProfile.HMC_RS);
        for (String name : quick ? QUICK_TIMED_NETWORKS : TIMED_NETWORKS) {
            for (int size : quick ? QUICK_TIMED_SIZES : TIMED_SIZES) {
                for (double bw : TIMED_BANDWIDTHS) {
                    Map<BuiltInProfile, Hardware> links = new java.util.EnumMap<>(hardware);
                    links.put(BuiltInProfile.HMC_RS, hmcForTimed.withLinks(hmcForTimed.links().with(bw, null, null, bw),
                            List.of(new Hardware.Override("linkBandwidthGBps", Table.num(bw)))));
                    add(Suite.TIMED, NetworkCatalog.builtIn().get(name), size, links);
                }
            }
        }
        for (String name : List.of("Eyeriss-AlexNet-conv", "Eyeriss-VGG-16-conv")) {
            add(Suite.EYERISS, NetworkCatalog.builtIn().get(name), 1, hardware);
        }
        this.hardware = hardware;
        Network lenet = NetworkCatalog.builtIn().get("Lenet-c");
        List<Plan> space = lenetSpace(lenet);
        for (Plan p : space) {
            Scenario s = scenario(Suite.LENET_SPACE, lenet, ARRAY, TopologyKind.BUS, hardware);
            add(Suite.LENET_SPACE, s.withStrategies(List.of(new Strategy.FromFile(p))));
        }
        SweepRunner.Outcome o = SweepRunner.run(points, threads, listener);
        if (o.pointsFailed() > 0) {
            String error = o.rows().stream().filter(r -> !r.ok()).map(RunRow::error).findFirst().orElse("?");
            throw new IllegalStateException(o.pointsFailed() + " runs of the reproduction failed, the first with: " + error);
        }
        for (RunRow row : o.rows()) {
            Suite suite = suites.get(row.point());
            rowsBySuite.computeIfAbsent(suite, k -> new ArrayList<>()).add(row.inSuite(suite.label));
        }
        // the mixed array's runs directly: their per-group figures are not in the rows
        for (String name : quick ? QUICK_MIXED_NETWORKS : MIXED_NETWORKS) {
            Scenario s = scenario(Suite.TIMED_MIXED, NetworkCatalog.builtIn().get(name), ARRAY, TopologyKind.HTREE, hardware);
            for (RunRecord rec : ScenarioRunner.run(s.withArray(mixed(s.array())), false)) {
                rowsBySuite.computeIfAbsent(Suite.TIMED_MIXED, k -> new ArrayList<>())
                        .add(RunRow.of(rec).inSuite(Suite.TIMED_MIXED.label));
                mixedGroups.put(name + "/" + rec.key().strategy().label(), rec.groups());
            }
        }
        List<RunRow> all = new ArrayList<>();
        rowsBySuite.values().forEach(all::addAll);
        AtomicFiles.write(out.resolve("runs.csv"), RowCodec.csv(all, RunColumn.reproduction()));
        this.lenetSpace = space;
        for (Figure f : figures()) {
            f.builder().build(f, out);
        }
        tables.put("headline", ReproductionReport.headline(tables));
        for (Map.Entry<String, Table> t : tables.entrySet()) {
            AtomicFiles.write(out.resolve(t.getKey() + ".csv"), t.getValue().csv());
        }
        AtomicFiles.write(out.resolve("REPORT.md"), ReproductionReport.markdown(new ReproductionReport.Inputs(tables,
                quick, names(), new ReproductionReport.Fig9(fig9Hypar, fig9Best, fig9HyparIsBest), flips)));
    }

    /** The suite's runs of one network on one array size: one scenario per topology. */
    private void add(Suite suite, Network n, int accelerators, Map<BuiltInProfile, Hardware> hardware) {
        for (TopologyKind t : suite.topologies) {
            add(suite, scenario(suite, n, accelerators, t, hardware));
        }
    }

    private void add(Suite suite, Scenario s) {
        if (figures().stream().noneMatch(f -> f.runs().contains(suite))) {
            return; // no figure reads this suite
        }
        points.add(new Sweep.Point(points.size(), Map.of("suite", suite.label), s));
        suites.add(suite);
    }

    private static Scenario scenario(Suite suite, Network n, int accelerators, TopologyKind topology,
            Map<BuiltInProfile, Hardware> hardware) {
        List<Strategy> strategies = suite.strategies.isEmpty() ? List.of(new Strategy.Named(StrategyKind.DP))
                : suite.strategies.stream().map(k -> Strategy.of(k, 2)).toList();
        int batch = suite == Suite.EYERISS ? EYERISS_BATCH.getOrDefault(n.name(), Accounting.DEFAULT_BATCH)
                : Accounting.DEFAULT_BATCH;
        RunPhase phase = suite == Suite.EYERISS ? RunPhase.INFERENCE : RunPhase.TRAINING;
        return new Scenario("reproduce", new Workload(n, batch, 1, phase),
                new ArrayConfig(accelerators, topology, suite.linkModel, hardware.get(suite.profile),
                        suite.profile.defaultCollective()), suite.schedule,
                strategies);
    }

    /** The array with its second half at half hmc-rs's clock. */
    private static ArrayConfig mixed(ArrayConfig a) {
        Hardware full = a.hardware();
        double clock = full.accelerator().array().clockMHz();
        Hardware half = HardwareReader.resolve(BuiltInProfile.HMC_RS.label(),
                new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode().put("clockMHz", clock / 2),
                "reproduce", "hardware");
        int n = a.accelerators();
        return new ArrayConfig(n, a.topology(), a.linkModel(), full, a.collective(),
                List.of(new org.hyparsim.scenarios.scenario.HardwareGroup(full, n / 2),
                        new org.hyparsim.scenarios.scenario.HardwareGroup(half, n / 2)));
    }

    /** The rows of a suite for a network, by strategy. */
    private Map<StrategyKind, RunRow> runs(Suite suite, String network, TopologyKind topology, int accelerators) {
        Map<StrategyKind, RunRow> out = new LinkedHashMap<>();
        for (RunRow r : rowsBySuite.getOrDefault(suite, List.of())) {
            if (r.run().network().equals(network) && r.run().topology() == topology
                    && r.run().accelerators() == accelerators) {
                out.put(r.run().strategy(), r);
            }
        }
        return out;
    }

    private static double d(RunRow row, RunColumn column) {
        return row.value(column);
    }

    private List<String> names() {
        return networks.stream().map(Network::name).toList();
    }

    // Fig. 5: HyPar's partition of each network on 16 accelerators
    private void fig5(Figure f, Path out) throws IOException {
        Table t = new Table(List.of("network", "level", "partition (layer: choice)"));
        for (Network n : networks) {
            CommunicationModel m = new CommunicationModel(n, Accounting.hypar(Accounting.DEFAULT_BATCH));
            Plan plan = LayerwisePlanner.hypar().plan(m, 4);
            for (int h = 1; h <= 4; h++) {
                List<String> cells = new ArrayList<>();
                for (int l = 0; l < n.size(); l++) {
                    cells.add(n.layer(l).name() + ":" + plan.choice(h, l).label());
                }
                t.add(List.of(n.name(), "H" + h, String.join(" ", cells)));
            }
            JFreeChart c = Charts.partitionMap(String.format(java.util.Locale.ROOT, f.title(), n.name()),
                    n.layerNames(), plan.rows());
            charts.addAll(ChartFiles.save(c, out, f.key() + "_" + n.name().replace('-', '_')));
        }
        tables.put(f.key(), t);
    }

    /** Ours normalised to dp (dp / strategy) for a field, per network of the paper suite. */
    private Map<StrategyKind, double[]> normalised(RunColumn field) {
        Map<String, Map<StrategyKind, RunRow>> byNetwork = new LinkedHashMap<>();
        for (Network n : networks) {
            byNetwork.put(n.name(), runs(Suite.PAPER, n.name(), TopologyKind.BUS, ARRAY));
        }
        return ChartSet.overDp(byNetwork, STRATEGIES, field);
    }

    private void normalisedFigure(Figure f, Path out, RunColumn field, String axis) throws IOException {
        String key = f.key();
        String title = f.title();
        Map<String, Map<String, String>> paper = PaperData.figure(f.paperTable());
        Map<StrategyKind, double[]> ours = normalised(field);
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
            row.addAll(List.of(Table.num(pm), Table.num(ph), Table.diff(ours.get(StrategyKind.MP)[i], pm),
                    Table.diff(ours.get(StrategyKind.HYPAR)[i], ph)));
            t.add(row);
        }
        t.add(List.of(n == 10 ? "Gmean" : "Gmean of these", Table.num(gOurs[0]), Table.num(gOurs[1]), Table.num(gOurs[2]), Table.num(gOurs[3]),
                Table.num(gPaper[0]), Table.num(gPaper[1]), Table.diff(gOurs[0], gPaper[0]), Table.diff(gOurs[3], gPaper[1])));
        tables.put(key, t);
        Map<String, double[]> series = new LinkedHashMap<>();
        ours.forEach((k, v) -> series.put("ours: " + k.label(), v));
        series.put("paper: mp", networks.stream().mapToDouble(x -> PaperData.value(paper, x.name(), "mp")).toArray());
        series.put("paper: hypar", networks.stream().mapToDouble(x -> PaperData.value(paper, x.name(), "hypar")).toArray());
        charts.addAll(ChartFiles.save(Charts.note(Charts.bars(title, "network", axis, names(), series, true),
                "paper profile: serial schedule on one shared channel, 16 accelerators; dp = 1"), out, key));
    }

    private void fig6(Figure f, Path out) throws IOException {
        normalisedFigure(f, out, RunColumn.STEP_TIME, "speedup over dp (x, log scale)");
    }

    private void fig7(Figure f, Path out) throws IOException {
        normalisedFigure(f, out, RunColumn.ENERGY, "energy efficiency over dp (x, log scale)");
    }

    private void fig8(Figure f, Path out) throws IOException {
        Map<String, Map<String, String>> paper = PaperData.figure(f.paperTable());
        Table t = new Table(List.of("network", "ours mp GB", "ours dp GB", "ours trick GB", "ours hypar GB", "paper mp GB",
                "paper dp GB", "paper hypar GB", "diff mp", "diff dp", "diff hypar"));
        Map<String, double[]> series = new LinkedHashMap<>();
        for (StrategyKind s : STRATEGIES) {
            series.put("ours: " + s.label(), new double[networks.size()]);
        }
        for (int i = 0; i < networks.size(); i++) {
            String net = networks.get(i).name();
            Map<StrategyKind, RunRow> r = runs(Suite.PAPER, net, TopologyKind.BUS, ARRAY);
            List<String> row = new ArrayList<>(List.of(net));
            for (StrategyKind s : STRATEGIES) {
                double gb = d(r.get(s), RunColumn.COMMUNICATION_BYTES) / 1e9;
                series.get("ours: " + s.label())[i] = gb;
                row.add(Table.num(gb));
            }
            double pm = PaperData.value(paper, net, "mp_gb");
            double pd = PaperData.value(paper, net, "dp_gb");
            double ph = PaperData.value(paper, net, "hypar_gb");
            row.addAll(List.of(Table.num(pm), Table.num(pd), Table.num(ph), Table.diff(series.get("ours: mp")[i], pm),
                    Table.diff(series.get("ours: dp")[i], pd), Table.diff(series.get("ours: hypar")[i], ph)));
            t.add(row);
        }
        tables.put(f.key(), t);
        series.put("paper: mp", networks.stream().mapToDouble(x -> PaperData.value(paper, x.name(), "mp_gb")).toArray());
        series.put("paper: dp", networks.stream().mapToDouble(x -> PaperData.value(paper, x.name(), "dp_gb")).toArray());
        series.put("paper: hypar", networks.stream().mapToDouble(x -> PaperData.value(paper, x.name(), "hypar_gb")).toArray());
        charts.addAll(ChartFiles.save(Charts.note(Charts.bars(f.title(), "network",
                "bytes exchanged per step, whole array (GB, log scale)", names(), series, true),
                "16 accelerators, batch " + Accounting.DEFAULT_BATCH + ", fp32"), out, f.key()));
    }

    /** Lenet-c on 16: H1 and H4 over all choices, H2 and H3 as HyPar chose. */
    private static List<Plan> lenetSpace(Network lenet) {
        CommunicationModel m = new CommunicationModel(lenet, Accounting.hypar(Accounting.DEFAULT_BATCH));
        Plan hypar = LayerwisePlanner.hypar().plan(m, 4);
        int n = lenet.size();
        List<Plan> out = new ArrayList<>();
        for (int a = 0; a < (1 << n); a++) {
            for (int b = 0; b < (1 << n); b++) {
                out.add(new Plan(n, List.of(Plan.rowFromMask(a, n), hypar.rows().get(1), hypar.rows().get(2), Plan.rowFromMask(b, n))));
            }
        }
        return out;
    }

    private static String letters(List<Parallelism> row) {
        StringBuilder sb = new StringBuilder();
        row.forEach(p -> sb.append(p.letter()));
        return sb.toString();
    }

    private void fig9(Figure f, Path out) throws IOException {
        Network lenet = NetworkCatalog.builtIn().get("Lenet-c");
        List<Plan> space = lenetSpace;
        CommunicationModel m = new CommunicationModel(lenet, Accounting.hypar(Accounting.DEFAULT_BATCH));
        Plan hypar = LayerwisePlanner.hypar().plan(m, 4);
        int n = 1 << lenet.size();
        double[][] comm = new double[n][n];
        List<RunRow> rows = rowsBySuite.get(Suite.LENET_SPACE);
        double hyparTime = Double.NaN;
        int hx = 0;
        int hy = 0;
        double best = Double.POSITIVE_INFINITY;
        Table t = new Table(List.of("H1 (conv1 conv2 fc1 fc2)", "H4", "communication GB", "step time s", "performance vs HyPar"));
        double[] times = new double[space.size()];
        for (int i = 0; i < space.size(); i++) {
            times[i] = d(rows.get(i), RunColumn.STEP_TIME);
            Plan p = space.get(i);
            if (p.equals(hypar)) {
                hyparTime = times[i];
                hx = i / n;
                hy = i % n;
            }
        }
        for (int i = 0; i < space.size(); i++) {
            Plan p = space.get(i);
            double gb = d(rows.get(i), RunColumn.COMMUNICATION_BYTES) / 1e9;
            comm[i / n][i % n] = gb;
            best = Math.min(best, gb);
            t.add(List.of(letters(p.rows().get(0)), letters(p.rows().get(3)), Table.num(gb), Table.num(times[i]),
                    Table.num(hyparTime / times[i])));
        }
        tables.put(f.key(), t);
        this.fig9HyparIsBest = Math.abs(comm[hx][hy] - best) <= 1e-12 * best;
        this.fig9Best = best;
        this.fig9Hypar = comm[hx][hy];
        charts.addAll(ChartFiles.save(Charts.note(Charts.heatmap(f.title(),
                "H1 choice (conv1 conv2 fc1 fc2 as bits, mp = 1)", "H4 choice (bits as for H1)", comm,
                "communication per step (GB)", hx, hy, "HyPar's choice"), "H2 and H3 as HyPar chose them"), out,
                f.key()));
    }

    private void fig11(Figure f, Path out) throws IOException {
        Map<String, Map<String, String>> paper = PaperData.figure(f.paperTable());
        double one = d(runs(Suite.SCALABILITY, "VGG-E", TopologyKind.BUS, 1).get(StrategyKind.DP), RunColumn.STEP_TIME);
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
            int n = sizes.get(i);
            labels.add(String.valueOf(n));
            Map<StrategyKind, RunRow> r = runs(Suite.SCALABILITY, "VGG-E", TopologyKind.BUS, n);
            double gh = one / d(r.get(StrategyKind.HYPAR), RunColumn.STEP_TIME);
            double gd = one / d(r.get(StrategyKind.DP), RunColumn.STEP_TIME);
            double ph = PaperData.value(paper, String.valueOf(n), "hypar_gain");
            double pd = PaperData.value(paper, String.valueOf(n), "dp_gain");
            double ch = d(r.get(StrategyKind.HYPAR), RunColumn.COMMUNICATION_BYTES) / 1e9;
            double cd = d(r.get(StrategyKind.DP), RunColumn.COMMUNICATION_BYTES) / 1e9;
            gains.get("ours: hypar")[i] = gh;
            gains.get("ours: dp")[i] = gd;
            gains.get("paper: hypar")[i] = ph;
            gains.get("paper: dp")[i] = pd;
            comm.get("ours: hypar")[i] = ch;
            comm.get("ours: dp")[i] = cd;
            t.add(List.of(String.valueOf(n), Table.num(gh), Table.num(gd), Table.num(ph), Table.num(pd), Table.diff(gh, ph),
                    Table.diff(gd, pd), Table.num(ch), Table.num(cd),
                    Table.num(PaperData.value(paper, String.valueOf(n), "hypar_comm_gb")),
                    Table.num(PaperData.value(paper, String.valueOf(n), "dp_comm_gb"))));
        }
        tables.put(f.key(), t);
        charts.addAll(ChartFiles.save(Charts.note(Charts.scalability(f.title(), labels, gains, comm),
                "bars: gain over one accelerator (paper profile); dashed lines: our communication per step"), out,
                f.key()));
    }

    private void fig12(Figure f, Path out) throws IOException {
        Map<String, Map<String, String>> paper = PaperData.figure(f.paperTable());
        Table t = new Table(List.of("network", "ours torus", "ours htree", "paper torus", "paper htree", "diff torus",
                "diff htree", "hmc-rs torus", "hmc-rs htree"));
        Map<String, double[]> series = new LinkedHashMap<>();
        for (String k : List.of("ours: torus", "ours: htree", "paper: torus", "paper: htree")) {
            series.put(k, new double[networks.size()]);
        }
        for (int i = 0; i < networks.size(); i++) {
            String net = networks.get(i).name();
            Map<StrategyKind, RunRow> tree = runs(Suite.PAPER_TOPOLOGY, net, TopologyKind.HTREE, ARRAY);
            Map<StrategyKind, RunRow> torus = runs(Suite.PAPER_TOPOLOGY, net, TopologyKind.TORUS, ARRAY);
            double dp = d(tree.get(StrategyKind.DP), RunColumn.STEP_TIME);
            double ot = dp / d(torus.get(StrategyKind.HYPAR), RunColumn.STEP_TIME);
            double oh = dp / d(tree.get(StrategyKind.HYPAR), RunColumn.STEP_TIME);
            double pt = PaperData.value(paper, net, "torus_perf_vs_dp");
            double ph = PaperData.value(paper, net, "htree_perf_vs_dp");
            Map<StrategyKind, RunRow> hTree = runs(Suite.HMC_RS, net, TopologyKind.HTREE, ARRAY);
            Map<StrategyKind, RunRow> hTorus = runs(Suite.HMC_RS, net, TopologyKind.TORUS, ARRAY);
            String ht = hTree.isEmpty() ? "not run" : Table.num(d(hTree.get(StrategyKind.DP), RunColumn.STEP_TIME)
                    / d(hTorus.get(StrategyKind.HYPAR), RunColumn.STEP_TIME));
            String hh = hTree.isEmpty() ? "not run" : Table.num(d(hTree.get(StrategyKind.DP), RunColumn.STEP_TIME)
                    / d(hTree.get(StrategyKind.HYPAR), RunColumn.STEP_TIME));
            series.get("ours: torus")[i] = ot;
            series.get("ours: htree")[i] = oh;
            series.get("paper: torus")[i] = pt;
            series.get("paper: htree")[i] = ph;
            t.add(List.of(net, Table.num(ot), Table.num(oh), Double.isNaN(pt) ? ">10 (off scale)" : Table.num(pt),
                    Double.isNaN(ph) ? ">10 (off scale)" : Table.num(ph), Table.diff(ot, pt), Table.diff(oh, ph), ht, hh));
        }
        tables.put(f.key(), t);
        List<String> offScale = new ArrayList<>();
        for (int i = 0; i < networks.size(); i++) {
            if (Double.isNaN(series.get("paper: torus")[i]) || Double.isNaN(series.get("paper: htree")[i])) {
                offScale.add(networks.get(i).name());
            }
        }
        String mark = offScale.isEmpty() ? "" : "; no paper bar for " + String.join(", ", offScale)
                + ": off the paper's scale (>10x)";
        charts.addAll(ChartFiles.save(Charts.note(Charts.bars(f.title(), "network",
                "speedup over dp on the H tree (x, log scale)", names(), series, true),
                "ours: paper profile (serial) on each topology's links; 16 accelerators" + mark), out, f.key()));
    }

    private void hmcRs(Figure f, Path out) throws IOException {
        Table t = new Table(List.of("network", "topology", "strategy", "step time ms", "speedup vs dp", "compute ms",
                "memory stall ms", "exposed communication ms", "communication GB", "energy J"));
        List<String> labels = new ArrayList<>();
        Map<String, double[]> parts = new LinkedHashMap<>();
        List<double[]> values = new ArrayList<>();
        for (Network n : hmcNetworks) {
            for (TopologyKind topo : Suite.HMC_RS.topologies) {
                Map<StrategyKind, RunRow> r = runs(Suite.HMC_RS, n.name(), topo, ARRAY);
                double dp = d(r.get(StrategyKind.DP), RunColumn.STEP_TIME);
                for (StrategyKind s : STRATEGIES) {
                    RunRow x = r.get(s);
                    t.add(List.of(n.name(), topo.label(), s.label(), Table.num(d(x, RunColumn.STEP_TIME) * 1e3),
                            Table.num(dp / d(x, RunColumn.STEP_TIME)), Table.num(d(x, RunColumn.COMPUTE) * 1e3),
                            Table.num(d(x, RunColumn.MEMORY_STALL) * 1e3),
                            Table.num(d(x, RunColumn.EXPOSED_COMMUNICATION) * 1e3),
                            Table.num(d(x, RunColumn.COMMUNICATION_BYTES) / 1e9), Table.num(d(x, RunColumn.ENERGY))));
                    if (topo == TopologyKind.HTREE) {
                        labels.add(n.name() + " " + s.label());
                        values.add(new double[] {d(x, RunColumn.COMPUTE), d(x, RunColumn.MEMORY_STALL),
                            d(x, RunColumn.EXPOSED_COMMUNICATION)});
                    }
                }
            }
        }
        tables.put(f.key(), t);
        String[] names = {"compute", "memory stall", "exposed communication"};
        for (int k = 0; k < 3; k++) {
            double[] v = new double[values.size()];
            for (int i = 0; i < values.size(); i++) {
                v[i] = values.get(i)[k];
            }
            parts.put(names[k], v);
        }
        for (boolean shares : new boolean[] {false, true}) {
            charts.addAll(ChartFiles.save(Charts.note(Charts.breakdown(f.title(), "network and strategy", labels, parts,
                    shares), "overlapped schedule, flow-level links, 16 accelerators"), out,
                    f.key() + (shares ? "_breakdown_share" : "_breakdown")));
        }
    }

    /**
     * AccPar's section: per network and array size, the communication of dp, hypar and accpar and
     * their hmc-rs step time and energy; and, on AccPar's generated ResNets with its accounting,
     * the released planner's plans against the exact planner's.
     */
    private void accpar(Figure f, Path out) throws IOException {
        Table t = new Table(List.of("network", "accelerators", "dp GB", "hypar GB", "accpar GB", "accpar / hypar bytes",
                "dp step ms", "hypar step ms", "accpar step ms", "accpar speedup vs hypar", "dp J", "hypar J", "accpar J"));
        List<String> cats = new ArrayList<>();
        Map<String, double[]> comm = new LinkedHashMap<>();
        Map<String, double[]> speed = new LinkedHashMap<>();
        List<double[]> commRows = new ArrayList<>();
        List<double[]> speedRows = new ArrayList<>();
        int largest = (quick ? QUICK_ACCPAR_SIZES : ACCPAR_SIZES).get((quick ? QUICK_ACCPAR_SIZES : ACCPAR_SIZES).size() - 1);
        for (String name : quick ? QUICK_ACCPAR_NETWORKS : ACCPAR_NETWORKS) {
            for (int size : quick ? QUICK_ACCPAR_SIZES : ACCPAR_SIZES) {
                Map<StrategyKind, RunRow> r = runs(Suite.ACCPAR, name, TopologyKind.HTREE, size);
                RunRow dp = r.get(StrategyKind.DP);
                RunRow hy = r.get(StrategyKind.HYPAR);
                RunRow ac = r.get(StrategyKind.ACCPAR);
                double gbDp = d(dp, RunColumn.COMMUNICATION_BYTES) / 1e9;
                double gbHy = d(hy, RunColumn.COMMUNICATION_BYTES) / 1e9;
                double gbAc = d(ac, RunColumn.COMMUNICATION_BYTES) / 1e9;
                t.add(List.of(name, String.valueOf(size), Table.num(gbDp), Table.num(gbHy), Table.num(gbAc),
                        Table.num(gbHy > 0 ? gbAc / gbHy : 1), Table.num(d(dp, RunColumn.STEP_TIME) * 1e3),
                        Table.num(d(hy, RunColumn.STEP_TIME) * 1e3), Table.num(d(ac, RunColumn.STEP_TIME) * 1e3),
                        Table.num(d(hy, RunColumn.STEP_TIME) / d(ac, RunColumn.STEP_TIME)), Table.num(d(dp, RunColumn.ENERGY)),
                        Table.num(d(hy, RunColumn.ENERGY)), Table.num(d(ac, RunColumn.ENERGY))));
                if (size == largest) {
                    cats.add(name);
                    commRows.add(new double[] {gbDp, gbHy, gbAc});
                    double step = d(dp, RunColumn.STEP_TIME);
                    speedRows.add(new double[] {step / d(hy, RunColumn.STEP_TIME), step / d(ac, RunColumn.STEP_TIME)});
                }
            }
        }
        tables.put(f.key(), t);
        for (int k = 0; k < ACCPAR_STRATEGIES.size(); k++) {
            int kk = k;
            comm.put(ACCPAR_STRATEGIES.get(k).label(), commRows.stream().mapToDouble(v -> v[kk]).toArray());
        }
        for (int k = 0; k < 2; k++) {
            int kk = k;
            speed.put(ACCPAR_STRATEGIES.get(k + 1).label(), speedRows.stream().mapToDouble(v -> v[kk]).toArray());
        }
        charts.addAll(ChartFiles.save(Charts.note(Charts.bars("Communication per step on " + largest + " accelerators",
                "network", "communication per step (GB, log scale)", cats, comm, true),
                "hypar: dp and mp per layer and level; accpar: dp, mp and mp-out"), out, f.key() + "_communication"));
        charts.addAll(ChartFiles.save(Charts.note(Charts.bars("Speedup over dp on " + largest + " accelerators (hmc-rs)",
                "network", "speedup over dp (x, log scale)", cats, speed, true),
                "H tree, overlapped schedule, flow-level links"), out, f.key() + "_speedup"));
        tables.put("accpar_released", releasedAgainstExact());
    }

    /**
     * The timed section: per network, size, topology and link bandwidth, the step time of dp,
     * trick, hypar, accpar and timed, which baseline wins, the timed plan's gain over it, and the
     * estimate's error on the timed plan; then the mixed array.
     */
    private void timed(Figure f, Path out) throws IOException {
        Table t = new Table(List.of("network", "accelerators", "topology", "link GB/s", "dp ms", "trick ms", "hypar ms",
                "accpar ms", "timed ms", "best baseline", "timed gain vs best", "estimate error"));
        List<String> cats = new ArrayList<>();
        List<Double> gains = new ArrayList<>();
        Map<String, double[]> errors = new LinkedHashMap<>();
        Map<StrategyKind, List<Double>> speedups = new LinkedHashMap<>();
        for (RunRow r : rowsBySuite.getOrDefault(Suite.TIMED, List.of())) {
            if (r.run().strategy() != StrategyKind.TIMED) {
                continue;
            }
            Map<StrategyKind, RunRow> all = new LinkedHashMap<>();
            for (RunRow x : rowsBySuite.get(Suite.TIMED)) {
                if (x.run().network().equals(r.run().network()) && x.run().accelerators() == r.run().accelerators()
                        && x.run().topology() == r.run().topology() && x.run().hardware().equals(r.run().hardware())) {
                    all.put(x.run().strategy(), x);
                }
            }
            StrategyKind winner = null;
            for (StrategyKind k : List.of(StrategyKind.DP, StrategyKind.TRICK, StrategyKind.HYPAR, StrategyKind.ACCPAR)) {
                if (winner == null || d(all.get(k), RunColumn.STEP_TIME) < d(all.get(winner), RunColumn.STEP_TIME)) {
                    winner = k;
                }
            }
            double timed = d(r, RunColumn.STEP_TIME);
            double gain = d(all.get(winner), RunColumn.STEP_TIME) / timed;
            Scenario sc = points.get(r.point()).scenario();
            Network n = sc.network();
            String bw = Table.num(sc.hardware().links().linkBandwidthGBps());
            Plan plan = new Plan(n.size(), r.grid().levels());
            double estimate = new org.hyparsim.scenarios.timed.TimedPlanner(sc, ScenarioRunner.model(sc)).estimate(plan);
            double error = estimate / timed - 1;
            t.add(List.of(n.name(), String.valueOf(r.run().accelerators()), r.run().topology().label(), bw,
                    Table.num(d(all.get(StrategyKind.DP), RunColumn.STEP_TIME) * 1e3),
                    Table.num(d(all.get(StrategyKind.TRICK), RunColumn.STEP_TIME) * 1e3),
                    Table.num(d(all.get(StrategyKind.HYPAR), RunColumn.STEP_TIME) * 1e3),
                    Table.num(d(all.get(StrategyKind.ACCPAR), RunColumn.STEP_TIME) * 1e3), Table.num(timed * 1e3),
                    winner.label(), Table.num(gain), Table.num(error)));
            cats.add(n.name() + " " + r.run().accelerators() + " " + r.run().topology().label() + " " + bw);
            gains.add(gain);
            for (StrategyKind k : TIMED_STRATEGIES) {
                speedups.computeIfAbsent(k, z -> new ArrayList<>()).add(d(all.get(StrategyKind.DP), RunColumn.STEP_TIME)
                        / d(all.get(k), RunColumn.STEP_TIME));
            }
            errors.computeIfAbsent(n.name(), k -> new double[2]);
            errors.get(n.name())[0] += Math.abs(error);
            errors.get(n.name())[1] += 1;
        }
        tables.put(f.key(), t);
        Table e = new Table(List.of("network", "mean absolute estimate error of the timed plan"));
        errors.forEach((k, v) -> e.add(List.of(k, Table.num(v[0] / v[1]))));
        tables.put("timed_estimate", e);
        Map<String, double[]> series = new LinkedHashMap<>();
        series.put("timed over the best of dp, trick, hypar, accpar", gains.stream().mapToDouble(Double::doubleValue).toArray());
        Map<String, double[]> steps = new LinkedHashMap<>();
        speedups.forEach((k, v) -> steps.put(k.label(), v.stream().mapToDouble(Double::doubleValue).toArray()));
        charts.addAll(ChartFiles.save(Charts.note(Charts.bars("Step time of each plan: speedup over dp, where each wins",
                "network, accelerators, topology, link GB/s", "speedup over dp (x, log scale)", cats, steps, true),
                "the highest bar of each group wins; timed is never below the others"), out, f.key() + "_step"));
        charts.addAll(ChartFiles.save(Charts.note(Charts.bars("Timed plans against the best byte-optimal or baseline plan",
                "network, accelerators, topology, link GB/s", "speedup (x, log scale)", cats, series, true),
                "hmc-rs, overlapped schedule, flow-level links"), out, f.key() + "_gain"));
        Table m = new Table(List.of("network", "strategy", "step ms", "full-clock group busy ms", "half-clock group busy ms",
                "speedup vs best even split"));
        List<String> mixedCats = new ArrayList<>();
        Map<String, double[]> mixedSeries = new LinkedHashMap<>();
        List<RunRow> mixedRows = rowsBySuite.getOrDefault(Suite.TIMED_MIXED, List.of());
        for (String name : quick ? QUICK_MIXED_NETWORKS : MIXED_NETWORKS) {
            Map<StrategyKind, RunRow> r = new LinkedHashMap<>();
            mixedRows.stream().filter(x -> x.run().network().equals(name)).forEach(x -> r.put(x.run().strategy(), x));
            double best = List.of(StrategyKind.DP, StrategyKind.TRICK, StrategyKind.HYPAR, StrategyKind.ACCPAR).stream()
                    .mapToDouble(k -> d(r.get(k), RunColumn.STEP_TIME)).min().orElseThrow();
            mixedCats.add(name);
            for (StrategyKind k : TIMED_STRATEGIES) {
                RunRow x = r.get(k);
                List<RunRecord.GroupResult> g = mixedGroups.getOrDefault(name + "/" + k.label(), List.of());
                m.add(List.of(name, k.label(), Table.num(d(x, RunColumn.STEP_TIME) * 1e3),
                        g.isEmpty() ? "" : Table.num(g.get(0).busySeconds() * 1e3),
                        g.isEmpty() ? "" : Table.num(g.get(1).busySeconds() * 1e3),
                        Table.num(best / d(x, RunColumn.STEP_TIME))));
                mixedSeries.computeIfAbsent(k.label(), z -> new double[(quick ? QUICK_MIXED_NETWORKS : MIXED_NETWORKS).size()])
                        [mixedCats.size() - 1] = d(x, RunColumn.STEP_TIME) * 1e3;
            }
        }
        tables.put("timed_mixed", m);
        charts.addAll(ChartFiles.save(Charts.note(Charts.bars("A mixed array: 8 accelerators at full clock, 8 at half",
                "network", "step time (ms, log scale)", mixedCats, mixedSeries, true),
                "hmc-rs, H tree, overlapped schedule; timed splits each layer by the halves' speeds"), out,
                f.key() + "_mixed"));
    }

    /**
     * With AccPar's accounting on its generated ResNets (batch 512, as its released planner runs), the
     * released planner's plans against the exact planner's, both priced by the same model: where the
     * released behaviours cost something.
     */
    private static Table releasedAgainstExact() {
        Table t = new Table(List.of("network", "types", "accelerators", "released Melem", "exact Melem",
                "released / exact", "layer choices that differ"));
        for (String name : RELEASED_NETWORKS) {
            Network n = NetworkCatalog.builtIn().get(name);
            CommunicationModel m = new CommunicationModel(n, Accounting.accpar(ACCPAR_BATCH));
            for (LayerwisePlanner p : List.of(LayerwisePlanner.hypar(), LayerwisePlanner.accpar())) {
                Plan released = p.plan(m, ACCPAR_LEVELS);
                Plan exact = p.exact().plan(m, ACCPAR_LEVELS);
                for (int h = 1; h <= ACCPAR_LEVELS; h += 2) {
                    double a = m.evaluate(released.prefix(h)).totalBytes();
                    double b = m.evaluate(exact.prefix(h)).totalBytes();
                    int differ = 0;
                    for (int level = 1; level <= h; level++) {
                        for (int l = 0; l < n.size(); l++) {
                            differ += released.choice(level, l) == exact.choice(level, l) ? 0 : 1;
                        }
                    }
                    t.add(List.of(name, String.valueOf(p.types().size()), String.valueOf(1 << h), Table.num(a / 1e6),
                            Table.num(b / 1e6), Table.num(a / b), String.valueOf(differ)));
                }
            }
        }
        return t;
    }

    /** The runs of a suite for a network whose hardware label ends with the given text, by array size and strategy. */
    private Map<Integer, Map<StrategyKind, RunRow>> bySize(Suite suite, String network, String hardwareEnd) {
        Map<Integer, Map<StrategyKind, RunRow>> out = new java.util.TreeMap<>();
        for (RunRow r : rowsBySuite.getOrDefault(suite, List.of())) {
            if (r.run().network().equals(network) && r.run().hardware().endsWith(hardwareEnd)) {
                out.computeIfAbsent(r.run().accelerators(), k -> new LinkedHashMap<>()).put(r.run().strategy(), r);
            }
        }
        return out;
    }

    /**
     * Where the answer flips, from runs: on hmc-rs (H tree, overlap), as the links slow down and as the
     * array grows, the first point where dp's exposed communication passes {@link #FLIP_SHARE} of its
     * step, and HyPar's gain there.
     */
    private void flip(Figure f, Path out) throws IOException {
        Table t = new Table(List.of("network", "varied", "value", "dp step ms", "dp exposed communication ms",
                "dp exposed share", "hypar step ms", "HyPar gain"));
        List<String> names = quick ? QUICK_FLIP_NETWORKS : FLIP_NETWORKS;
        List<Double> bws = quick ? QUICK_FLIP_BANDWIDTHS : FLIP_BANDWIDTHS;
        List<Integer> sizes = quick ? QUICK_FLIP_SIZES : FLIP_SIZES;
        Map<String, double[]> gainByBandwidth = new LinkedHashMap<>();
        Map<String, double[]> gainBySize = new LinkedHashMap<>();
        for (String net : names) {
            List<String> labels = new ArrayList<>();
            List<Map<StrategyKind, RunRow>> points = new ArrayList<>();
            for (double bw : bws) {
                labels.add(Table.num(bw) + " GB/s links");
                points.add(bySize(Suite.FLIP_BANDWIDTH, net, "linkBandwidthGBps=" + Table.num(bw)).get(ARRAY));
            }
            gainByBandwidth.put(net, flipRows(t, net, "link bandwidth GB/s", bws.stream().map(Table::num).toList(),
                    labels, points));
            labels.clear();
            points.clear();
            Map<Integer, Map<StrategyKind, RunRow>> bySize = bySize(Suite.FLIP_SIZE, net, BuiltInProfile.HMC_RS.label());
            for (int n : sizes) {
                labels.add(n + " accelerators");
                points.add(bySize.get(n));
            }
            gainBySize.put(net, flipRows(t, net, "accelerators", sizes.stream().map(String::valueOf).toList(), labels,
                    points));
        }
        tables.put(f.key(), t);
        charts.addAll(ChartFiles.save(Charts.note(Charts.bars(f.title() + ": slower links", "link bandwidth (GB/s)",
                "HyPar speedup over dp (x, log scale)", bws.stream().map(Table::num).toList(), gainByBandwidth, true),
                "16 accelerators, overlapped schedule, auto collectives, flow-level links"), out, f.key() + "_bandwidth"));
        charts.addAll(ChartFiles.save(Charts.note(Charts.bars(f.title() + ": larger arrays", "accelerators",
                "HyPar speedup over dp (x, log scale)", sizes.stream().map(String::valueOf).toList(), gainBySize, true),
                "30 GB/s links, overlapped schedule, auto collectives, flow-level links"), out, f.key() + "_size"));
    }

    /** One axis of the flip table for a network; adds the sentence saying where it flips; returns the gains. */
    private double[] flipRows(Table t, String net, String varied, List<String> values, List<String> labels,
            List<Map<StrategyKind, RunRow>> points) {
        double[] gains = new double[points.size()];
        String flipped = null;
        for (int i = 0; i < points.size(); i++) {
            RunRow dp = points.get(i).get(StrategyKind.DP);
            RunRow hypar = points.get(i).get(StrategyKind.HYPAR);
            double share = dp.value(RunColumn.EXPOSED_COMMUNICATION) / dp.value(RunColumn.STEP_TIME);
            gains[i] = dp.value(RunColumn.STEP_TIME) / hypar.value(RunColumn.STEP_TIME);
            t.add(List.of(net, varied, values.get(i), Table.num(dp.value(RunColumn.STEP_TIME) * 1e3),
                    Table.num(dp.value(RunColumn.EXPOSED_COMMUNICATION) * 1e3), Table.num(100 * share) + "%",
                    Table.num(hypar.value(RunColumn.STEP_TIME) * 1e3), Table.num(gains[i])));
            if (flipped == null && share > FLIP_SHARE) {
                flipped = String.format(java.util.Locale.ROOT, "%s, by %s: dp's exposed communication passes %d%% of "
                        + "its step at %s (%s%%), where HyPar's gain over dp is %sx; at %s it was %sx.", net, varied,
                        Math.round(FLIP_SHARE * 100), labels.get(i), Table.num(100 * share), Table.num(gains[i]),
                        labels.get(0), Table.num(gains[0]));
            }
        }
        flips.add(flipped != null ? flipped : String.format(java.util.Locale.ROOT, "%s, by %s: dp's exposed "
                + "communication stays under %d%% of its step from %s to %s; HyPar's gain goes from %sx to %sx.", net,
                varied, Math.round(FLIP_SHARE * 100), labels.get(0), labels.get(labels.size() - 1), Table.num(gains[0]),
                Table.num(gains[gains.length - 1])));
        return gains;
    }

    /**
     * Validation from runs: the eyeriss profile beside the chip's published figures (AlexNet gated,
     * VGG-16 reported), and data parallelism on hmc-rs from 1 to 16 accelerators (speedup at most
     * 16 x 1.05, dynamic energy not less, every layer's DRAM traffic between its compulsory traffic
     * and {@link #MOST_COMPULSORY} times it).
     */
    private void validation(Figure f, Path out) throws IOException {
        Table t = new Table(List.of("check", "measure", "ours", "reference", "bound", "verdict"));
        for (Map.Entry<String, ChipFigures> e : new java.util.TreeMap<>(EYERISS_CHIP).entrySet()) {
            RunRow r = bySize(Suite.EYERISS, e.getKey(), BuiltInProfile.EYERISS.label()).get(1).get(StrategyKind.DP);
            ChipFigures chip = e.getValue();
            boolean gated = e.getKey().equals("Eyeriss-AlexNet-conv");
            double seconds = r.value(RunColumn.STEP_TIME);
            double fps = chip.batch() / seconds;
            double perMac = r.value(RunColumn.DRAM_BYTES) / 2 / r.value(RunColumn.MACS);
            double mw = (r.value(RunColumn.ENERGY_MAC) + r.value(RunColumn.ENERGY_REGISTER_FILE)
                    + r.value(RunColumn.ENERGY_ARRAY_NETWORK) + r.value(RunColumn.ENERGY_GLOBAL_BUFFER)) / seconds * 1e3;
            String what = e.getKey() + ", batch " + chip.batch() + ", inference";
            t.add(List.of(what, "frames/s", Table.num(fps), Table.num(chip.framesPerSecond()),
                    gated ? "within " + Math.round(FPS_GATE * 100) + "%" : "none",
                    verdict(gated, Math.abs(fps / chip.framesPerSecond() - 1) <= FPS_GATE, fps, chip.framesPerSecond())));
            t.add(List.of(what, "DRAM accesses per MAC", Table.num(perMac), Table.num(chip.dramAccessesPerMac()),
                    gated ? "within x" + Table.num(DRAM_GATE) : "none",
                    verdict(gated, perMac <= chip.dramAccessesPerMac() * DRAM_GATE
                            && perMac >= chip.dramAccessesPerMac() / DRAM_GATE, perMac, chip.dramAccessesPerMac())));
            t.add(List.of(what, "chip power mW (all but DRAM and links)", Table.num(mw), Table.num(chip.milliwatts()),
                    gated ? "within " + Math.round(POWER_GATE * 100) + "%" : "none",
                    verdict(gated, Math.abs(mw / chip.milliwatts() - 1) <= POWER_GATE, mw, chip.milliwatts())));
        }
        for (String name : quick ? List.of("VGG-A") : List.of("VGG-A", "VGG-E")) {
            // these runs need their layers: through the runner directly rather than the sweep's summary rows
            Network net = NetworkCatalog.builtIn().get(name);
            org.hyparsim.results.RunRecord one = ScenarioRunner.run(scenario(Suite.SCALING, net, 1, TopologyKind.HTREE,
                    hardware), false).get(0);
            org.hyparsim.results.RunRecord many = ScenarioRunner.run(scenario(Suite.SCALING, net, ARRAY,
                    TopologyKind.HTREE, hardware), false).get(0);
            double speedup = one.result().stepTimeSeconds() / many.result().stepTimeSeconds();
            double dynOne = one.result().energyJoules() - one.result().energy().staticEnergy();
            double dynMany = many.result().energyJoules() - many.result().energy().staticEnergy();
            double worst = Math.max(worstLayerTraffic(net, one), worstLayerTraffic(net, many));
            double least = Math.min(leastLayerTraffic(net, one), leastLayerTraffic(net, many));
            String what = name + ", dp, hmc-rs, 1 and " + ARRAY + " accelerators";
            t.add(List.of(what, "speedup", Table.num(speedup), "", "at most " + Table.num(ARRAY * 1.05),
                    speedup <= ARRAY * 1.05 ? "holds" : "FAILS"));
            t.add(List.of(what, "dynamic energy, " + ARRAY + " over 1", Table.num(dynMany / dynOne), "", "at least 1",
                    dynMany >= dynOne ? "holds" : "FAILS"));
            t.add(List.of(what, "DRAM bytes / compulsory, per layer", Table.num(least) + " to " + Table.num(worst), "",
                    "from 1 to " + Table.num(MOST_COMPULSORY), least >= 1 - 1e-9 && worst <= MOST_COMPULSORY ? "holds"
                            : "FAILS"));
        }
        tables.put(f.key(), t);
    }

    private static String verdict(boolean gated, boolean within, double ours, double reference) {
        String diff = Table.diff(ours, reference);
        return gated ? (within ? "within (" + diff + ")" : "OUTSIDE (" + diff + ")") : "reported (" + diff + ")";
    }

    /** The largest ratio of a layer's DRAM bytes to its compulsory traffic in a run. */
    private static double worstLayerTraffic(Network net, org.hyparsim.results.RunRecord r) {
        double worst = 0;
        for (int i = 0; i < net.size(); i++) {
            worst = Math.max(worst, r.result().layers().get(i).dramBytes()
                    / compulsory(net.layer(i), r.key().batch(), r.key().accelerators()));
        }
        return worst;
    }

    /** The smallest ratio of a layer's DRAM bytes to its compulsory traffic in a run. */
    private static double leastLayerTraffic(Network net, org.hyparsim.results.RunRecord r) {
        double least = Double.POSITIVE_INFINITY;
        for (int i = 0; i < net.size(); i++) {
            least = Math.min(least, r.result().layers().get(i).dramBytes()
                    / compulsory(net.layer(i), r.key().batch(), r.key().accelerators()));
        }
        return least;
    }

    /**
     * A layer's compulsory DRAM traffic in a training step of data parallelism on
     * {@code accelerators}: each phase's operands once, fp32 (forward, error and gradient, errors
     * before the pool, and the update's three passes over the weights), over the array.
     */
    public static double compulsory(org.hyparsim.core.workload.Layer l, double batch, int accelerators) {
        double samples = batch / accelerators;
        double in = samples * l.inputElementsPerSample();
        double out = samples * l.outputElementsPerSample();
        double err = samples * l.unpooledOutputElementsPerSample();
        double w = l.weights();
        return accelerators * 4.0 * ((in + w + out) + (err + w + in) + (in + err + w) + 3 * w);
    }

    public List<Path> charts() {
        return charts;
    }
}
