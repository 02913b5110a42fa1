package org.hyparsim.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.hyparsim.core.kind.Parallelism;
import org.hyparsim.core.step.Replay;
import org.hyparsim.input.scenario.Hardware;
import org.hyparsim.partition.Plan;
import org.hyparsim.partition.StepBuilder;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.hyparsim.core.engine.SimEngine;
import org.hyparsim.core.workload.Layer;
import org.hyparsim.core.workload.Network;
import org.hyparsim.partition.Accounting;
import org.hyparsim.partition.CommunicationModel;
import org.hyparsim.partition.planner.LayerwisePlanner;
import org.hyparsim.results.RunRecord;
import org.hyparsim.input.networks.NetworkCatalog;
import org.hyparsim.paper.Reproduction;
import org.hyparsim.core.step.Schedule;
import org.hyparsim.core.kind.LinkModel;
import org.hyparsim.noc.LinkProfile;
import org.hyparsim.core.kind.CollectiveAlgorithm;
import org.hyparsim.partition.collective.CollectiveOp;
import org.hyparsim.scenarios.collective.CollectiveBenchmark;
import org.hyparsim.core.kind.TopologyKind;
import org.hyparsim.partition.planner.Strategy;
import org.hyparsim.core.kind.StrategyKind;
import org.hyparsim.input.scenario.ArrayConfig;
import org.hyparsim.input.scenario.BuiltInProfile;
import org.hyparsim.input.scenario.HardwareReader;
import org.hyparsim.input.scenario.Workload;
import org.hyparsim.input.scenario.Scenario;
import org.hyparsim.scenarios.array.SimulatedArray;
import org.hyparsim.scenarios.run.ScenarioRunner;

/**
 * The speed benchmark: the engine's bare event rate (the ceiling), the simulator's event rate
 * on VGG-E, reproduce --quick, scaling with the array size, and the planner on a large
 * network. Wall-clock figures, so never part of a test.
 */
public final class Bench {
    private Bench() {
    }

    /** Figures of one measured scaling run. */
    public record Scaling(int accelerators, TopologyKind topology, double seconds, long events, long peakHeapBytes) {
    }

    public static Map<String, Object> run(boolean quick, PrintWriter log) throws IOException {
        Map<String, Object> out = new LinkedHashMap<>();
        eventRates(quick, log, out);
        reproduceQuick(log, out);
        scaling(quick, log, out);
        out.putAll(allReduce1024(quick, log));
        if (!quick) {
            List<Scenario> eight = List.of(allStrategies(scenario("VGG-E", 1024, TopologyKind.TORUS)),
                    allStrategies(scenario("VGG-E", 1024, TopologyKind.HTREE)));
            double all = measure(() -> ScenarioRunner.runAll(eight, false, Runtime.getRuntime().availableProcessors(),
                    strategy -> null), new long[1]);
            log.printf("VGG-E, 1024 accelerators, dp, mp, trick and hypar on torus and htree (hmc-rs, its collectives, "
                    + "%s links; the eight on all cores): %.1f s (once)%n", LinkModel.defaultFor(1024).label(), all);
            out.put("vggE1024AllStrategiesSeconds", all);
            out.putAll(vggE65536(log));
        }
        planners(quick, log, out);
        log.flush();
        return out;
    }

    /** The simulator's event rate on VGG-E over 16 accelerators, against the bare engine's. */
    private static void eventRates(boolean quick, PrintWriter log, Map<String, Object> out) {
        // the simulator first: its own mean event-list depth sets the depth of the bare engine's ceiling
        Scenario vgg = scenario("VGG-E", 16, TopologyKind.HTREE);
        ScenarioRunner.run(vgg, false); // warm-up
        RunRecord[] last = new RunRecord[1];
        double[] simSeconds = repeated(() -> last[0] = ScenarioRunner.run(vgg, false).get(0));
        RunRecord r = last[0];
        double secs = median(simSeconds);
        int depth = (int) Math.max(1, Math.round(r.result().counts().meanPendingEvents()));
        log.printf("VGG-E, 16 accelerators, htree, overlap, hypar, packet links: %d events, the whole run (plan, build, "
                + "replay, results) %.3f s (median of %d, %.3f to %.3f), mean event-list depth %d%n",
                r.result().events(), secs, simSeconds.length, min(simSeconds), max(simSeconds), depth);
        // the replay's event loop alone (the engine with the model's work in each event), against the bare engine,
        // measured in turns after both warmed up, so a drift in this machine's speed touches both alike
        long bareEvents = quick ? 2_000_000 : 5_000_000;
        for (int i = 0; i < WARM_UPS; i++) {
            replayLoopSeconds(vgg);
            bareEventRate(bareEvents / 5, depth);
        }
        double[] loopSeconds = new double[REPETITIONS];
        double[] bareSeconds = new double[REPETITIONS];
        double[] ratios = new double[REPETITIONS];
        for (int i = 0; i < REPETITIONS; i++) {
            loopSeconds[i] = replayLoopSeconds(vgg);
            bareSeconds[i] = bareEventRate(bareEvents, depth);
            ratios[i] = r.result().events() / loopSeconds[i] / (bareEvents / bareSeconds[i]);
        }
        double sim = r.result().events() / median(loopSeconds);
        log.printf("its event loop: %.3f s (median of %d after %d warm-ups, %.3f to %.3f), %.0f events per second%n",
                median(loopSeconds), loopSeconds.length, WARM_UPS, min(loopSeconds), max(loopSeconds), sim);
        double dsol = bareEvents / median(bareSeconds);
        log.printf("bare DSOL events at depth %d: %.0f per second (median of %d, in turns with the loop)%n", depth, dsol,
                bareSeconds.length);
        log.printf("event rate ratio, turn by turn: %.2f (median of %d, %.2f to %.2f)%n", median(ratios), ratios.length,
                min(ratios), max(ratios));
        out.put("dsolEventsPerSecond", dsol);
        out.put("eventListDepth", depth);
        out.put("vggE16Seconds", secs);
        out.put("vggE16SecondsSpread", List.of(min(simSeconds), max(simSeconds)));
        out.put("vggE16Events", r.result().events());
        out.put("vggE16LoopSeconds", median(loopSeconds));
        out.put("vggE16LoopSecondsSpread", List.of(min(loopSeconds), max(loopSeconds)));
        out.put("simEventsPerSecond", sim);
        out.put("eventRateRatio", median(ratios));
        out.put("eventRateRatioSpread", List.of(min(ratios), max(ratios)));
        // the same over the whole run, where planning, building and results count as time without events
        out.put("wholeRunEventRateRatio", r.result().events() / secs / dsol);
        log.printf("whole-run events per second over the bare engine's: %.2f%n", r.result().events() / secs / dsol);
    }

    /** reproduce --quick, timed whole. */
    private static void reproduceQuick(PrintWriter log, Map<String, Object> out) throws IOException {
        Path tmp = Files.createTempDirectory("hypar-sim-bench");
        try {
            long[] heap = new long[1];
            double rq = measure(() -> {
                try {
                    new Reproduction(true).run(tmp, Runtime.getRuntime().availableProcessors(), (d, t, f) -> { });
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return null;
            }, heap);
            log.printf("reproduce --quick: %.2f s, peak heap %d MB%n", rq, heap[0] >> 20);
            out.put("reproduceQuickSeconds", rq);
            out.put("reproduceQuickPeakHeapBytes", heap[0]);
        } finally {
            deleteTree(tmp);
        }
    }

    /** VGG-E hypar over growing arrays, on the H tree and the torus, and the growth exponents. */
    private static void scaling(boolean quick, PrintWriter log, Map<String, Object> out) {
        List<Integer> sizes = quick ? List.of(16, 64, 256) : List.of(16, 64, 256, 1024);
        List<Map<String, Object>> scaling = new ArrayList<>();
        Map<TopologyKind, List<Scaling>> byTopology = new LinkedHashMap<>();
        for (TopologyKind topology : List.of(TopologyKind.HTREE, TopologyKind.TORUS)) {
            for (int n : sizes) {
                Scenario s = scenario("VGG-E", n, topology);
                long[] heap = new long[1];
                RunRecord[] rec = new RunRecord[1];
                double sec = measure(() -> rec[0] = ScenarioRunner.run(s, false).get(0), heap);
                Scaling sc = new Scaling(n, topology, sec, rec[0].result().events(), heap[0]);
                byTopology.computeIfAbsent(topology, k -> new ArrayList<>()).add(sc);
                log.printf("VGG-E hypar, %d accelerators, %s: %.2f s, %d events, peak heap %d MB%n", n, topology.label(), sec,
                        sc.events(), heap[0] >> 20);
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("accelerators", n);
                m.put("topology", topology.label());
                m.put("seconds", sec);
                m.put("events", sc.events());
                m.put("peakHeapBytes", heap[0]);
                scaling.add(m);
            }
        }
        out.put("scaling", scaling);
        Map<String, Object> exponents = new LinkedHashMap<>();
        for (Map.Entry<TopologyKind, List<Scaling>> e : byTopology.entrySet()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("seconds", slope(e.getValue(), Scaling::seconds));
            x.put("events", slope(e.getValue(), s -> (double) s.events()));
            exponents.put(e.getKey().label(), x);
        }
        out.put("growthExponent", exponents);
        log.printf("growth exponents (log-log slope against accelerators): %s%n", exponents);
    }

    /** The planners alone: HyPar's on 1000 layers, the timed planner's dynamic program, the plan search. */
    private static void planners(boolean quick, PrintWriter log, Map<String, Object> out) {
        Network big = syntheticNetwork(1000);
        CommunicationModel m = new CommunicationModel(big, Accounting.hypar(Accounting.DEFAULT_BATCH));
        LayerwisePlanner.hypar().plan(m, 10); // warm-up
        long p0 = System.nanoTime();
        LayerwisePlanner.hypar().plan(m, 10);
        double planner = (System.nanoTime() - p0) / 1e9;
        log.printf("planner, 1000 layers, 1024 accelerators: %.3f s%n", planner);
        out.put("plannerSeconds", planner);

        // the timed planner's dynamic program (before any replay) on VGG-E over 1024 accelerators
        Scenario big1024 = scenario("VGG-E", 1024, TopologyKind.HTREE);
        ScenarioRunner.timedPlanner(big1024).plan(); // warm-up (a fresh planner below: its caches start empty)
        double[] timedSeconds = repeated(() -> ScenarioRunner.timedPlanner(big1024).plan());
        log.printf("timed planner before refinement, VGG-E, 1024 accelerators, htree: %.3f s (median of %d)%n",
                median(timedSeconds), timedSeconds.length);
        out.put("timedPlanVggE1024Seconds", median(timedSeconds));
        out.put("planSearch", planSearch(quick, log));
    }

    /**
     * The timed plan against the best of every plan, each replayed: Lenet-c on 8 accelerators over
     * dp and mp (4,096 plans), on 4 over all three types (6,561), Cifar-c on 4 over dp and mp (1,024);
     * hmc-rs, H tree, overlapped, flow-level links at 3 GB/s. {@code quick} keeps the smallest.
     */
    static List<Map<String, Object>> planSearch(boolean quick, PrintWriter log) {
        record Case(String network, int accelerators, int types) {
        }
        List<Case> cases = quick ? List.of(new Case("Cifar-c", 4, 2))
                : List.of(new Case("Lenet-c", 8, 2), new Case("Lenet-c", 4, 3), new Case("Cifar-c", 4, 2));
        List<Map<String, Object>> out = new ArrayList<>();
        for (Case c : cases) {
            Hardware hw = HardwareReader.builtIn(BuiltInProfile.HMC_RS);
            hw = hw.withLinks(hw.links().with(3.0, null, null, 3.0),
                    List.of(new Hardware.Override("linkBandwidthGBps", "3")));
            Scenario s = new Scenario("bench", new Workload(NetworkCatalog.builtIn().get(c.network()),
                    Accounting.DEFAULT_BATCH, 1), new ArrayConfig(c.accelerators(), TopologyKind.HTREE, LinkModel.FLOW, hw,
                    BuiltInProfile.HMC_RS.defaultCollective()), Schedule.OVERLAP, List.of(new Strategy.Timed(
                    Strategy.DEFAULT_TIMED_BUDGET)));
            CommunicationModel model = ScenarioRunner.model(s);
            int layers = s.network().size();
            int levels = s.levels();
            List<Parallelism> types = Parallelism.firstTypes(c.types());
            long perLevel = (long) Math.pow(c.types(), layers);
            long plans = (long) Math.pow(perLevel, levels);
            long t0 = System.nanoTime();
            double best = Double.POSITIVE_INFINITY;
            for (long i = 0; i < plans; i++) {
                Plan p = new Plan(layers, List.of());
                long rest = i;
                for (int h = 0; h < levels; h++) {
                    p = p.withLevel(Plan.rowFromIndex(rest % perLevel, layers, types));
                    rest /= perLevel;
                }
                best = Math.min(best, ScenarioRunner.replay(s, model, p, false).stepTimeSeconds());
            }
            double allSeconds = (System.nanoTime() - t0) / 1e9;
            long t1 = System.nanoTime();
            RunRecord timed = ScenarioRunner.run(s, false).get(0);
            double timedWall = (System.nanoTime() - t1) / 1e9;
            double ratio = timed.result().stepTimeSeconds() / best;
            log.printf("%s on %d accelerators over %d types: best of %d plans %.4f ms (%.1f s to replay them all); "
                    + "timed %.4f ms (x%.4f of the best, %.2f s)%n", c.network(), c.accelerators(), c.types(), plans,
                    best * 1e3, allSeconds, timed.result().stepTimeSeconds() * 1e3, ratio, timedWall);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("network", c.network());
            m.put("accelerators", c.accelerators());
            m.put("partitionTypes", c.types());
            m.put("plans", plans);
            m.put("bestSeconds", best);
            m.put("timedSeconds", timed.result().stepTimeSeconds());
            m.put("timedOverBest", ratio);
            m.put("replayAllWallSeconds", allSeconds);
            m.put("timedWallSeconds", timedWall);
            out.add(m);
        }
        return out;
    }

    /** The all-reduce the scale figures time: ASTRA-sim's case in collectives.md (574,610,176 B per accelerator). */
    static final double ALL_REDUCE_BYTES = 574_610_176;

    /**
     * A ring all-reduce over 1024 accelerators on a ring at 30 GB/s and 500 ns, with flow-level
     * links (a representative's replay where the symmetry holds) and at packet level (once; with
     * {@code quick}, the flow figure alone), each beside its bound.
     */
    static Map<String, Object> allReduce1024(boolean quick, PrintWriter log) {
        Map<String, Object> out = new LinkedHashMap<>();
        LinkProfile links = HardwareReader.builtIn(BuiltInProfile.HMC_RS).links().with(30.0, 500.0, null, 30.0);
        for (LinkModel lm : quick ? List.of(LinkModel.FLOW) : List.of(LinkModel.FLOW, LinkModel.PACKET)) {
            CollectiveBenchmark.Case c = new CollectiveBenchmark.Case(CollectiveOp.ALL_REDUCE, ALL_REDUCE_BYTES,
                    1024, TopologyKind.RING, CollectiveAlgorithm.RING, links, lm);
            CollectiveBenchmark.Result[] last = new CollectiveBenchmark.Result[1];
            double[] secs = lm == LinkModel.PACKET
                    ? new double[] {measure(() -> last[0] = CollectiveBenchmark.run(c), new long[1])}
                    : repeated(() -> last[0] = CollectiveBenchmark.run(c));
            double off = last[0].simulatedSeconds() / last[0].idealSeconds() - 1;
            log.printf("ring all-reduce of 574,610,176 B, 1024 accelerators, ring, %s links: %.2f s (%s, %.2f to %.2f), "
                    + "%d events; simulated %.6f s, bound %.6f s (%+.4f%%)%n", lm.label(), median(secs),
                    secs.length == 1 ? "once" : "median of " + secs.length, min(secs), max(secs), last[0].events(),
                    last[0].simulatedSeconds(), last[0].idealSeconds(), off * 100);
            String key = lm == LinkModel.FLOW ? "allReduce1024Seconds" : "allReduce1024PacketSeconds";
            out.put(key, median(secs));
            out.put(key + "Spread", List.of(min(secs), max(secs)));
            out.put(key.replace("Seconds", "OverBound"), last[0].simulatedSeconds() / last[0].idealSeconds());
        }
        return out;
    }

    /** Runs before the event loops are timed: the JIT compiles the hot paths in the first few. */
    static final int WARM_UPS = 5;

    /**
     * Wall seconds of the replay's event loop ({@link org.hyparsim.core.step.Replay#run}) of the
     * scenario's first strategy, {@link #REPETITIONS} times after {@link #WARM_UPS} warm-ups; each
     * step is planned and built before its clock starts.
     */
    /** Wall seconds of one replay's event loop (the step built and its replay set up beforehand). */
    static double replayLoopSeconds(Scenario s) {
        CommunicationModel model = ScenarioRunner.model(s);
        Plan plan = s.strategies().get(0).planner().plan(model, s.levels());
        SimulatedArray array = SimulatedArray.of(s.array(), s.schedule());
        SimulatedArray.Wiring w = array.wire();
        Replay replay = array.whole(w,
                StepBuilder.build(model, plan, s.iterations(), w.collectives()), false);
        long t0 = System.nanoTime();
        replay.run();
        return (System.nanoTime() - t0) / 1e9;
    }

    /** Repetitions of a figure under 10 s: the median of this many after a warm-up. */
    static final int REPETITIONS = 5;

    /** Wall seconds of each of {@link #REPETITIONS} runs of the task (one run when the first takes 10 s or more). */
    static double[] repeated(Runnable task) {
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < REPETITIONS; i++) {
            long t0 = System.nanoTime();
            task.run();
            out.add((System.nanoTime() - t0) / 1e9);
            if (out.get(0) >= 10) {
                break;
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    static double min(double[] v) {
        return Arrays.stream(v).min().orElse(Double.NaN);
    }

    static double max(double[] v) {
        return Arrays.stream(v).max().orElse(Double.NaN);
    }

    /**
     * A chain of events keeping {@code pending} of them pending, through the engine wrapper the
     * simulator uses; returns the wall seconds it took.
     */
    static double bareEventRate(long events, int pending) {
        SimEngine[] e = new SimEngine[1];
        long[] left = {events};
        long[] seed = {42};
        Runnable[] step = new Runnable[1];
        step[0] = () -> {
            if (--left[0] >= pending) {
                seed[0] = seed[0] * 6364136223846793005L + 1442695040888963407L;
                e[0].scheduleIn(1 + ((seed[0] >>> 33) & 1023), step[0]);
            }
        };
        e[0] = new SimEngine("bench", () -> {
            for (int i = 0; i < pending; i++) {
                e[0].scheduleIn(i, step[0]);
            }
        });
        long t0 = System.nanoTime();
        e[0].run();
        return (System.nanoTime() - t0) / 1e9;
    }

    /** The network under HyPar on hmc-rs, overlapped, packet-level links. */
    static Scenario scenario(String network, int accelerators, TopologyKind topology) {
        return new Scenario("bench", new Workload(NetworkCatalog.builtIn().get(network), Accounting.DEFAULT_BATCH, 1),
                new ArrayConfig(accelerators, topology, LinkModel.PACKET, HardwareReader.builtIn(BuiltInProfile.HMC_RS),
                        BuiltInProfile.HMC_RS.defaultCollective()),
                Schedule.OVERLAP, List.of(new Strategy.Named(StrategyKind.HYPAR)));
    }

    /** Wall-clock limit of each VGG-E run on 65536 accelerators in {@code bench}: past it the figure is the limit, marked. */
    static final double VGG_E_65536_LIMIT_SECONDS = 300;

    /**
     * VGG-E hypar on 65536 accelerators (hmc-rs, its collectives, the default link model), torus
     * and H tree, each in a JVM of its own under {@link IsolatedRun#HEAP} and within
     * {@link #VGG_E_65536_LIMIT_SECONDS}: the larger time and peak heap of the two (a run that did not
     * finish counts the time it ran, the limit where it was stopped), and per topology whether it
     * finished and why not.
     */
    static Map<String, Object> vggE65536(PrintWriter log) {
        Map<String, Object> out = new LinkedHashMap<>();
        double worst = 0;
        long worstHeap = 0;
        boolean all = true;
        List<Map<String, Object>> runs = new ArrayList<>();
        for (TopologyKind topology : List.of(TopologyKind.TORUS, TopologyKind.HTREE)) {
            IsolatedRun.Result r = IsolatedRun.run(topology, VGG_E_65536_LIMIT_SECONDS);
            all &= r.error() == null;
            worst = Math.max(worst, r.seconds());
            worstHeap = Math.max(worstHeap, r.peakHeapBytes());
            // the default's links: calendars, calendar-turns where those have no exact share (the H tree)
            log.printf("VGG-E hypar, 65536 accelerators, %s (the default links, a JVM of its own, %s): %s, peak heap %d MB%n",
                    topology.label(), IsolatedRun.HEAP,
                    r.error() == null ? String.format(Locale.ROOT, "%.1f s", r.seconds()) : r.error(), r.peakHeapBytes() >> 20);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("topology", topology.label());
            m.put("seconds", r.seconds());
            m.put("finished", r.error() == null);
            m.put("peakHeapBytes", r.peakHeapBytes());
            if (r.error() != null) {
                m.put("error", r.error());
            }
            runs.add(m);
        }
        // the larger of the two, a number either way: "finished" per topology says whether it is a step's time
        out.put("vggE65536Seconds", worst);
        out.put("vggE65536Finished", all);
        out.put("vggE65536PeakHeapBytes", worstHeap);
        out.put("vggE65536", runs);
        return out;
    }

    /** The scenario with dp, mp, trick and hypar, on the default link model. */
    static Scenario allStrategies(Scenario s) {
        return defaultLinks(s).withStrategies(List.of(new Strategy.Named(StrategyKind.DP), new Strategy.Named(StrategyKind.MP),
                new Strategy.Named(StrategyKind.TRICK), new Strategy.Named(StrategyKind.HYPAR)));
    }

    /** The scenario on the default link model for its array's size ({@link LinkModel#defaultFor}). */
    static Scenario defaultLinks(Scenario s) {
        return s.withArray(s.array().onDefaultLinkModel());
    }

    /** 1000 chained layers: convs shrinking in steps, then fcs. */
    static Network syntheticNetwork(int layers) {
        List<Layer> out = new ArrayList<>();
        int ch = 3;
        for (int i = 0; i < layers / 2; i++) {
            int next = 16 << (i % 6);
            out.add(Layer.conv("conv" + i, ch, 32, next, 3, 1, 1));
            ch = next;
        }
        int width = ch * 32 * 32;
        for (int i = layers / 2; i < layers; i++) {
            int next = 256 << (i % 4);
            out.add(Layer.fc("fc" + i, width, next));
            width = next;
        }
        return Network.of("synthetic-" + layers, "generated for the benchmark", out, "bench");
    }

    /** Wall seconds of the task; heap[0] gets the peak heap used meanwhile. */
    static double measure(Supplier<?> task, long[] heap) {
        System.gc();
        List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        pools.forEach(MemoryPoolMXBean::resetPeakUsage);
        long t0 = System.nanoTime();
        task.get();
        double s = (System.nanoTime() - t0) / 1e9;
        heap[0] = pools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        return s;
    }

    /** Least-squares slope of log(y) against log(accelerators). */
    static double slope(List<Scaling> points, ToDoubleFunction<Scaling> y) {
        int n = points.size();
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        for (Scaling p : points) {
            double x = Math.log(p.accelerators());
            double v = Math.log(Math.max(1e-9, y.applyAsDouble(p)));
            sx += x;
            sy += v;
            sxx += x * x;
            sxy += x * v;
        }
        return (n * sxy - sx * sy) / (n * sxx - sx * sx);
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
