package org.hyparsim.scenarios.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hyparsim.accel.HardwareProfile;
import org.hyparsim.core.InputException;
import org.hyparsim.core.Limits;
import org.hyparsim.core.step.Schedule;
import org.hyparsim.core.workload.Network;
import org.hyparsim.noc.Topologies;
import org.hyparsim.partition.ArrayHierarchy;
import org.hyparsim.partition.Plan;
import org.hyparsim.partition.planner.Planners;
import org.hyparsim.scenarios.io.Json;
import org.hyparsim.scenarios.networks.NetworkCatalog;
import org.hyparsim.scenarios.networks.NetworkSpec;
import org.hyparsim.scenarios.networks.PlanFile;

/**
 * A checked scenario: one network on one array, replayed under each strategy.
 *
 * @param hardwareLabel the profile's name with its overrides, for results
 * @param filePlan the plan for strategy "file", or null
 */
public record Scenario(String source, Network network, int batch, int accelerators, int levels, String topology,
        HardwareProfile hardware, String hardwareLabel, Schedule schedule, List<String> strategies, Plan filePlan,
        int iterations, String linkModel) {

    /** Link models: packet (default; every packet on every link) or flow (max-min fair sharing per message). */
    public static final List<String> LINK_MODELS = List.of("packet", "flow");

    public static final int DEFAULT_BATCH = 256;
    public static final int DEFAULT_ACCELERATORS = 16;
    public static final int MAX_ITERATIONS = 1000;

    /** Reads and checks a scenario file, reporting every problem at once. */
    public static Scenario read(Path file) {
        ScenarioSpec spec = Json.read(file, ScenarioSpec.class);
        if (spec == null) {
            throw new InputException(file.toString(), "", "empty scenario");
        }
        if (spec.sweep() != null) {
            throw new InputException(file.toString(), "sweep", "this scenario has a sweep section: run it with "
                    + "'hypar-sim sweep " + file + " --out DIR'");
        }
        return from(spec, file);
    }

    public static Scenario from(ScenarioSpec s, Path file) {
        String src = file.toString();
        Path base = file.toAbsolutePath().getParent();
        List<InputException.Problem> problems = new ArrayList<>();
        Network network = null;
        JsonNode n = s.network();
        if (n == null || n.isNull()) {
            problems.add(new InputException.Problem(src, "network", "missing: a built-in network name or a network file path"));
        } else if (n.isTextual()) {
            network = collect(problems, () -> NetworkCatalog.resolve(n.asText(), base, src, "network"));
        } else if (n.isObject()) {
            network = collect(problems, () -> Json.convert(n, NetworkSpec.class, src, "network")
                    .toNetwork("inline", src, "network"));
        } else {
            problems.add(new InputException.Problem(src, "network", "wrong type: expected a network name, a file path or {name, layers}"));
        }
        Long batch = integer(problems, src, "batch", s.batch(), DEFAULT_BATCH, 1, Limits.maxBatch());
        Long accelerators = integer(problems, src, "accelerators", s.accelerators(), DEFAULT_ACCELERATORS, 1,
                Long.MAX_VALUE);
        Integer levels = null;
        if (accelerators != null) {
            levels = collect(problems, () -> ArrayHierarchy.levels(accelerators, src, "accelerators"));
        }
        TopologySpec topo = collect(problems, () -> topology(s.topology(), base, src));
        Hardware hardware = collect(problems, () -> hardware(s.hardware(), base, src));
        HardwareProfile hw = hardware == null ? null : hardware.profile();
        String hwLabel = hardware == null ? null : hardware.label();
        String topology = topo == null ? null : topo.name();
        if (hw != null && topo != null) {
            hw = withLinks(hw, topo);
            hwLabel += linkLabel(topo);
        }
        Schedule schedule = s.schedule() == null ? Schedule.OVERLAP : Schedule.parse(s.schedule());
        if (schedule == null) {
            problems.add(new InputException.Problem(src, "schedule", "'" + s.schedule() + "' is not overlap or serial"));
        }
        List<String> strategies = s.strategies() == null ? List.of("dp", "mp", "trick", "hypar") : s.strategies();
        if (strategies.isEmpty()) {
            problems.add(new InputException.Problem(src, "strategies", "empty: name at least one strategy"));
        }
        for (int i = 0; i < strategies.size(); i++) {
            String st = strategies.get(i);
            if (!"file".equals(st)) {
                int idx = i;
                collect(problems, () -> Planners.byName(st, src, "strategies[" + idx + "]"));
            }
        }
        Plan filePlan = null;
        if (strategies.contains("file")) {
            if (s.plan() == null) {
                problems.add(new InputException.Problem(src, "plan", "missing: strategy 'file' needs a plan file path"));
            } else if (network != null) {
                Network net = network;
                filePlan = collect(problems, () -> PlanFile.read(base.resolve(s.plan()), net));
            }
        }
        Long iterations = integer(problems, src, "iterations", s.iterations(), 1, 1, MAX_ITERATIONS);
        String linkModel = s.linkModel() == null ? "packet" : s.linkModel();
        if (!LINK_MODELS.contains(linkModel)) {
            problems.add(new InputException.Problem(src, "linkModel", "'" + linkModel + "' is not packet or flow"));
        }
        if (!problems.isEmpty()) {
            throw new InputException(problems);
        }
        return new Scenario(src, network, batch.intValue(), accelerators.intValue(), levels, topology, hw, hwLabel,
                schedule, List.copyOf(strategies), filePlan, iterations.intValue(), linkModel);
    }

    /** A resolved hardware profile and its label for results. */
    record Hardware(HardwareProfile profile, String label) {
    }

    /** Hardware: a profile name, a file holding {profile, overrides}, or an inline {profile, overrides}. */
    static Hardware hardware(JsonNode h, Path base, String src) {
        String source = src;
        String path = "hardware";
        if (h != null && h.isTextual() && !HardwareProfiles.NAMES.contains(h.asText()) && isFileName(h.asText())) {
            Path f = base.resolve(h.asText());
            if (!java.nio.file.Files.exists(f)) {
                throw new InputException(src, "hardware", "'" + h.asText() + "' is neither a hardware profile ("
                        + String.join(", ", HardwareProfiles.NAMES) + ") nor an existing file (looked for " + f + ")");
            }
            h = Json.readTree(f);
            source = f.toString();
            path = "";
        }
        if (h == null || h.isNull()) {
            return new Hardware(HardwareProfiles.named("hmc-rs"), "hmc-rs");
        }
        if (h.isTextual()) {
            return new Hardware(HardwareProfiles.resolve(h.asText(), null, source, path), h.asText());
        }
        if (h.isObject()) {
            JsonNode profile = h.get("profile");
            String name = profile == null ? "hmc-rs" : profile.asText();
            return new Hardware(HardwareProfiles.resolve(name, h, source, path), label(name, h));
        }
        throw new InputException(source, path.isEmpty() ? "" : path,
                "wrong type: expected a profile name, a file path or {profile: NAME, <field>: <value>, ...}");
    }

    static boolean isFileName(String s) {
        String l = s.toLowerCase(java.util.Locale.ROOT);
        return l.endsWith(".json") || l.endsWith(".yaml") || l.endsWith(".yml") || s.contains("/");
    }

    /** A topology: a name, a file holding {name, ...}, or an inline {name, ...}. */
    static TopologySpec topology(JsonNode t, Path base, String src) {
        if (t == null || t.isNull()) {
            return new TopologySpec("htree", null, null, null, null);
        }
        TopologySpec spec;
        String source = src;
        String path = "topology";
        if (t.isTextual() && !Topologies.NAMES.contains(t.asText()) && isFileName(t.asText())) {
            Path f = base.resolve(t.asText());
            if (!java.nio.file.Files.exists(f)) {
                throw new InputException(src, "topology", "'" + t.asText() + "' is neither a topology ("
                        + String.join(", ", Topologies.NAMES) + ") nor an existing file (looked for " + f + ")");
            }
            source = f.toString();
            path = "";
            spec = Json.read(f, TopologySpec.class);
        } else if (t.isTextual()) {
            spec = new TopologySpec(t.asText(), null, null, null, null);
        } else if (t.isObject()) {
            spec = Json.convert(t, TopologySpec.class, src, "topology");
        } else {
            throw new InputException(src, "topology", "wrong type: expected a topology name, a file path or {name, ...}");
        }
        String at = path.isEmpty() ? "" : path;
        String nameAt = spec == null || t.isTextual() && path.equals("topology") ? at : (at.isEmpty() ? "name" : at + ".name");
        if (spec == null || spec.name() == null || !Topologies.NAMES.contains(spec.name())) {
            throw new InputException(source, nameAt, "'" + (spec == null ? null : spec.name()) + "' is not one of "
                    + String.join(", ", Topologies.NAMES));
        }
        List<InputException.Problem> problems = new ArrayList<>();
        String prefix = at.isEmpty() ? "" : at + ".";
        positive(problems, source, prefix + "linkBandwidthGBps", spec.linkBandwidthGBps());
        positive(problems, source, prefix + "busBandwidthGBps", spec.busBandwidthGBps());
        if (spec.linkLatencyNs() != null && !(spec.linkLatencyNs() >= 0 && Double.isFinite(spec.linkLatencyNs()))) {
            problems.add(new InputException.Problem(source, prefix + "linkLatencyNs", "must be 0 or more, got " + spec.linkLatencyNs()));
        }
        if (spec.levelBandwidthGBps() != null) {
            for (int i = 0; i < spec.levelBandwidthGBps().size(); i++) {
                positive(problems, source, prefix + "levelBandwidthGBps[" + i + "]", spec.levelBandwidthGBps().get(i));
            }
        }
        if (!problems.isEmpty()) {
            throw new InputException(problems);
        }
        return spec;
    }

    private static void positive(List<InputException.Problem> problems, String source, String path, Double v) {
        if (v != null && !(v > 0 && Double.isFinite(v))) {
            problems.add(new InputException.Problem(source, path, "must be a positive number, got " + v));
        }
    }

    /** The profile with the topology's link values in place of its own. */
    static HardwareProfile withLinks(HardwareProfile p, TopologySpec t) {
        return new HardwareProfile(p.name(), p.computeModel(), p.engines(), p.peRows(), p.peCols(), p.clockMHz(),
                p.bufferKiBPerEngine(), p.vaults(), p.vaultBandwidthGBps(), p.memoryLatencyNs(), p.idealMacsPerSecond(),
                p.bytesPerElement(), t.linkBandwidthGBps() != null ? t.linkBandwidthGBps() : p.linkBandwidthGBps(),
                t.linkLatencyNs() != null ? t.linkLatencyNs() : p.linkLatencyNs(),
                t.levelBandwidthGBps() != null ? t.levelBandwidthGBps() : p.htreeLevelBandwidthGBps(),
                t.busBandwidthGBps() != null ? t.busBandwidthGBps() : p.busBandwidthGBps(), p.packetBytes(), p.macPj(),
                p.sramPjPerByte(), p.dramPjPerBit(), p.linkPjPerBit(), p.staticWatts());
    }

    private static String linkLabel(TopologySpec t) {
        StringBuilder sb = new StringBuilder();
        if (t.linkBandwidthGBps() != null) {
            sb.append("+linkBandwidthGBps=").append(t.linkBandwidthGBps());
        }
        if (t.linkLatencyNs() != null) {
            sb.append("+linkLatencyNs=").append(t.linkLatencyNs());
        }
        if (t.levelBandwidthGBps() != null) {
            sb.append("+htreeLevelBandwidthGBps=").append(t.levelBandwidthGBps());
        }
        if (t.busBandwidthGBps() != null) {
            sb.append("+busBandwidthGBps=").append(t.busBandwidthGBps());
        }
        return sb.toString();
    }

    private static String label(String name, JsonNode h) {
        StringBuilder sb = new StringBuilder(name);
        h.fields().forEachRemaining(e -> {
            if (!e.getKey().equals("profile")) {
                sb.append('+').append(e.getKey()).append('=').append(e.getValue().toString());
            }
        });
        return sb.toString();
    }

    private static Long integer(List<InputException.Problem> problems, String src, String path, JsonNode v, long dflt,
            long min, long max) {
        if (v == null || v.isNull()) {
            return dflt;
        }
        if (!v.isIntegralNumber()) {
            problems.add(new InputException.Problem(src, path, "wrong type: expected a whole number, got " + v));
            return null;
        }
        if (!v.canConvertToLong() || v.asLong() < min || v.asLong() > max) {
            problems.add(new InputException.Problem(src, path, "must be from " + min + " to " + max + ", got " + v));
            return null;
        }
        return v.asLong();
    }

    private static <T> T collect(List<InputException.Problem> problems, java.util.function.Supplier<T> f) {
        try {
            return f.get();
        } catch (InputException e) {
            problems.addAll(e.problems());
            return null;
        }
    }
}
