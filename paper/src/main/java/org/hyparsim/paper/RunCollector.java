package org.hyparsim.paper;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hyparsim.core.workload.Network;
import org.hyparsim.core.kind.TopologyKind;
import org.hyparsim.partition.Accounting;
import org.hyparsim.partition.Plan;
import org.hyparsim.partition.planner.Strategy;
import org.hyparsim.core.kind.StrategyKind;
import org.hyparsim.results.RunRecord;
import org.hyparsim.results.RunRow;
import org.hyparsim.results.report.Table;
import org.hyparsim.input.scenario.ArrayConfig;
import org.hyparsim.input.scenario.BuiltInProfile;
import org.hyparsim.input.scenario.Hardware;
import org.hyparsim.input.scenario.HardwareGroup;
import org.hyparsim.input.scenario.HardwareReader;
import org.hyparsim.input.scenario.Scenario;
import org.hyparsim.scenarios.run.ScenarioRunner;
import org.hyparsim.input.scenario.Sweep;
import org.hyparsim.scenarios.sweep.SweepRunner;

/** Plans every suite's runs from a {@link Scope}, runs them as one sweep (and the mixed array directly). */
public final class RunCollector {
    /** A run not yet made: its suite, scenario and the link bandwidth it sets. */
    private record Pending(Suite suite, Scenario scenario, double linkBandwidthGBps) {
    }

    private final Map<BuiltInProfile, Hardware> hardware;
    private final List<Pending> pending = new ArrayList<>();

    private RunCollector(Map<BuiltInProfile, Hardware> hardware) {
        this.hardware = hardware;
    }

    /** The built-in profiles' hardware. */
    public static Map<BuiltInProfile, Hardware> builtInHardware() {
        Map<BuiltInProfile, Hardware> hardware = new EnumMap<>(BuiltInProfile.class);
        for (BuiltInProfile p : BuiltInProfile.values()) {
            hardware.put(p, HardwareReader.builtIn(p));
        }
        return hardware;
    }

    /** Runs the scope's suites on {@code threads} threads; fails if any run fails. */
    public static Runs collect(Scope scope, Map<BuiltInProfile, Hardware> hardware, int threads,
            SweepRunner.Listener listener) {
        RunCollector c = new RunCollector(hardware);
        c.plan(scope);
        return c.run(scope, threads, listener);
    }

    private void plan(Scope scope) {
        List<Network> networks = scope.networks();
        networks.forEach(n -> add(Suite.PAPER, n, Scope.ARRAY));
        networks.forEach(n -> add(Suite.PAPER_TOPOLOGY, n, Scope.ARRAY));
        scope.hmcRsNetworks().forEach(n -> add(Suite.HMC_RS, n, Scope.ARRAY));
        Network vggE = Scope.network("VGG-E");
        scope.scalabilitySizes().forEach(n -> add(Suite.SCALABILITY, vggE, n));
        for (String name : scope.flip().networks()) {
            Network n = Scope.network(name);
            for (double bw : scope.flip().bandwidthsGBps()) {
                addAt(Suite.FLIP_BANDWIDTH, n, Scope.ARRAY, bw);
            }
            scope.flip().sizes().forEach(size -> add(Suite.FLIP_SIZE, n, size));
        }
        for (String name : scope.accpar().networks()) {
            scope.accpar().sizes().forEach(size -> add(Suite.ACCPAR, Scope.network(name), size));
        }
        for (String name : scope.timed().networks()) {
            for (int size : scope.timed().sizes()) {
                for (double bw : scope.timed().bandwidthsGBps()) {
                    addAt(Suite.TIMED, Scope.network(name), size, bw);
                }
            }
        }
        for (EyerissChip chip : EyerissChip.values()) {
            Hardware hw = hardware.get(Suite.EYERISS.profile());
            for (TopologyKind t : Suite.EYERISS.topologies()) {
                pending.add(new Pending(Suite.EYERISS, Suite.EYERISS.scenario(Scope.network(chip.network()),
                        chip.batch(), 1, t, hw), Runs.PROFILE_BANDWIDTH));
            }
        }
        Network lenet = Scope.network(Fig9LenetSpace.NETWORK);
        for (Plan p : Fig9LenetSpace.space(lenet)) {
            Scenario s = scenario(Suite.LENET_SPACE, lenet, Scope.ARRAY, TopologyKind.BUS);
            pending.add(new Pending(Suite.LENET_SPACE, s.withStrategies(List.of(new Strategy.FromFile(p))),
                    Runs.PROFILE_BANDWIDTH));
        }
    }

    /** The suite's runs of one network on one array size: one scenario per topology. */
    private void add(Suite suite, Network n, int accelerators) {
        for (TopologyKind t : suite.topologies()) {
            pending.add(new Pending(suite, scenario(suite, n, accelerators, t), Runs.PROFILE_BANDWIDTH));
        }
    }

    /** As {@link #add}, with the profile's links set to {@code bw} GB/s. */
    private void addAt(Suite suite, Network n, int accelerators, double bw) {
        Hardware hw = withBandwidth(hardware.get(suite.profile()), bw);
        for (TopologyKind t : suite.topologies()) {
            pending.add(new Pending(suite, suite.scenario(n, Accounting.DEFAULT_BATCH, accelerators, t, hw), bw));
        }
    }

    /** A suite's scenario at the default batch on its profile's own hardware. */
    public static Scenario scenario(Suite suite, Network n, int accelerators, TopologyKind topology,
            Map<BuiltInProfile, Hardware> hardware) {
        return suite.scenario(n, Accounting.DEFAULT_BATCH, accelerators, topology, hardware.get(suite.profile()));
    }

    private Scenario scenario(Suite suite, Network n, int accelerators, TopologyKind topology) {
        return scenario(suite, n, accelerators, topology, hardware);
    }

    private static Hardware withBandwidth(Hardware hw, double bw) {
        return hw.withLinks(hw.links().with(bw, null, null, bw),
                List.of(new Hardware.Override("linkBandwidthGBps", Table.num(bw))));
    }

    private Runs run(Scope scope, int threads, SweepRunner.Listener listener) {
        List<Sweep.Point> points = new ArrayList<>();
        for (Pending p : pending) {
            points.add(new Sweep.Point(points.size(), Map.of("suite", p.suite().label()), p.scenario()));
        }
        SweepRunner.Outcome o = SweepRunner.run(points, threads, listener);
        if (o.pointsFailed() > 0) {
            String error = o.rows().stream().filter(r -> !r.ok()).map(RunRow::error).findFirst().orElse("?");
            throw new IllegalStateException(o.pointsFailed() + " runs of the reproduction failed, the first with: " + error);
        }
        Map<Suite, List<Runs.Run>> bySuite = new LinkedHashMap<>();
        for (RunRow row : o.rows()) {
            Pending p = pending.get(row.point());
            bySuite.computeIfAbsent(p.suite(), k -> new ArrayList<>())
                    .add(new Runs.Run(p.suite(), p.scenario(), p.linkBandwidthGBps(), row.inSuite(p.suite().label())));
        }
        // the mixed array's runs directly: their per-group figures are not in the rows
        Map<String, Map<StrategyKind, List<RunRecord.GroupResult>>> groups = new LinkedHashMap<>();
        for (String name : scope.mixedNetworks()) {
            Scenario s = scenario(Suite.TIMED_MIXED, Scope.network(name), Scope.ARRAY, TopologyKind.HTREE);
            Scenario mixed = s.withArray(mixed(s.array()));
            for (RunRecord rec : ScenarioRunner.run(mixed, false)) {
                bySuite.computeIfAbsent(Suite.TIMED_MIXED, k -> new ArrayList<>()).add(new Runs.Run(Suite.TIMED_MIXED,
                        mixed, Runs.PROFILE_BANDWIDTH, RunRow.of(rec).inSuite(Suite.TIMED_MIXED.label())));
                groups.computeIfAbsent(name, k -> new EnumMap<>(StrategyKind.class))
                        .put(rec.key().strategy(), rec.groups());
            }
        }
        return new Runs(bySuite, groups);
    }

    /** The array with its second half at half hmc-rs's clock. */
    private static ArrayConfig mixed(ArrayConfig a) {
        Hardware full = a.hardware();
        double clock = full.accelerator().array().clockMHz();
        Hardware half = HardwareReader.resolve(BuiltInProfile.HMC_RS.label(),
                new ObjectMapper().createObjectNode().put("clockMHz", clock / 2), "reproduce", "hardware");
        int n = a.accelerators();
        return new ArrayConfig(n, a.topology(), a.linkModel(), full, a.collective(),
                List.of(new HardwareGroup(full, n / 2), new HardwareGroup(half, n / 2)), a.symmetry(), a.linkModelNamed());
    }
}
