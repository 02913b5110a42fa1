package org.hyparsim.paper;

import java.util.Collections;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hyparsim.core.kind.TopologyKind;
import org.hyparsim.core.kind.StrategyKind;
import org.hyparsim.results.RunRecord;
import org.hyparsim.results.RunRow;
import org.hyparsim.input.scenario.Scenario;

/** Every run of the reproduction, by suite, each with the scenario it ran; read-only once collected. */
public final class Runs {
    /** The link bandwidth of a run that keeps its profile's. */
    public static final double PROFILE_BANDWIDTH = Double.NaN;

    /**
     * One run of a suite: its scenario, the link bandwidth (GB/s) it set ({@link #PROFILE_BANDWIDTH}
     * where it kept the profile's) and its row.
     */
    public record Run(Suite suite, Scenario scenario, double linkBandwidthGBps, RunRow row) {
        public String network() {
            return row.run().network();
        }

        public int accelerators() {
            return row.run().accelerators();
        }

        public TopologyKind topology() {
            return row.run().topology();
        }

        public StrategyKind strategy() {
            return row.run().strategy();
        }

        /** Whether this run is of the same network, array and links as another (any strategy). */
        public boolean sameCase(Run o) {
            return o.suite == suite && o.network().equals(network()) && o.accelerators() == accelerators()
                    && o.topology() == topology() && Double.compare(o.linkBandwidthGBps, linkBandwidthGBps) == 0;
        }
    }

    private final Map<Suite, List<Run>> bySuite;
    private final Map<String, Map<StrategyKind, List<RunRecord.GroupResult>>> mixedGroups;

    Runs(Map<Suite, List<Run>> bySuite, Map<String, Map<StrategyKind, List<RunRecord.GroupResult>>> mixedGroups) {
        Map<Suite, List<Run>> copy = new LinkedHashMap<>();
        bySuite.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        this.bySuite = Collections.unmodifiableMap(copy);
        Map<String, Map<StrategyKind, List<RunRecord.GroupResult>>> groups = new LinkedHashMap<>();
        mixedGroups.forEach((k, v) -> groups.put(k, Map.copyOf(v)));
        this.mixedGroups = Collections.unmodifiableMap(groups);
    }

    /** A suite's runs in the order they were planned. */
    public List<Run> of(Suite suite) {
        return bySuite.getOrDefault(suite, List.of());
    }

    /** Every row, suite by suite, as runs.csv lists them. */
    public List<RunRow> rows() {
        List<RunRow> all = new ArrayList<>();
        bySuite.values().forEach(v -> v.forEach(r -> all.add(r.row())));
        return all;
    }

    /** A suite's rows of one network on one array with the profile's links, by strategy. */
    public Map<StrategyKind, RunRow> at(Suite suite, String network, TopologyKind topology, int accelerators) {
        return at(suite, network, topology, accelerators, PROFILE_BANDWIDTH);
    }

    /** A suite's rows of one network on one array with the given link bandwidth, by strategy. */
    public Map<StrategyKind, RunRow> at(Suite suite, String network, TopologyKind topology, int accelerators,
            double linkBandwidthGBps) {
        Map<StrategyKind, RunRow> out = new LinkedHashMap<>();
        for (Run r : of(suite)) {
            if (r.network().equals(network) && r.topology() == topology && r.accelerators() == accelerators
                    && Double.compare(r.linkBandwidthGBps(), linkBandwidthGBps) == 0) {
                out.put(r.strategy(), r.row());
            }
        }
        return out;
    }

    /** The rows of the case a run belongs to (same suite, network, array and links), by strategy. */
    public Map<StrategyKind, RunRow> caseOf(Run run) {
        Map<StrategyKind, RunRow> out = new LinkedHashMap<>();
        for (Run r : of(run.suite())) {
            if (r.sameCase(run)) {
                out.put(r.strategy(), r.row());
            }
        }
        return out;
    }

    /** The mixed array's per-group figures of a network's run under a strategy (empty when none). */
    public List<RunRecord.GroupResult> mixedGroups(String network, StrategyKind strategy) {
        return mixedGroups.getOrDefault(network, Map.of()).getOrDefault(strategy, List.of());
    }
}
