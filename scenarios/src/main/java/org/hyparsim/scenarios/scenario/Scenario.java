package org.hyparsim.scenarios.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hyparsim.accel.HardwareProfile;
import org.hyparsim.core.InputException;
import org.hyparsim.core.step.Schedule;
import org.hyparsim.core.workload.Network;
import org.hyparsim.noc.Topologies;
import org.hyparsim.partition.ArrayHierarchy;
import org.hyparsim.partition.Plan;
import org.hyparsim.partition.planner.Planners;
import org.hyparsim.scenarios.io.Json;
import org.hyparsim.scenarios.networks.NetworkCatalog;
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
        return from(spec, file);
    }

    public static Scenario from(ScenarioSpec s, Path file) {
        String src = file.toString();
        Path base = file.toAbsolutePath().getParent();
        List<InputException.Problem> problems = new ArrayList<>();
        Network network = null;
        if (s.network() == null) {
            problems.add(new InputException.Problem(src, "network", "missing: a built-in network name or a network file path"));
        } else {
            network = collect(problems, () -> NetworkCatalog.resolve(s.network(), base, src, "network"));
        }
        Long batch = integer(problems, src, "batch", s.batch(), DEFAULT_BATCH, 1, Integer.MAX_VALUE);
        Long accelerators = integer(problems, src, "accelerators", s.accelerators(), DEFAULT_ACCELERATORS, 1,
                ArrayHierarchy.MAX_ACCELERATORS);
        Integer levels = null;
        if (accelerators != null) {
            levels = collect(problems, () -> ArrayHierarchy.levels(accelerators, src, "accelerators"));
        }
        String topology = s.topology() == null ? "htree" : s.topology();
        if (!Topologies.NAMES.contains(topology)) {
            problems.add(new InputException.Problem(src, "topology", "'" + topology + "' is not one of "
                    + String.join(", ", Topologies.NAMES)));
        }
        HardwareProfile hw = null;
        String hwLabel = null;
        JsonNode h = s.hardware();
        if (h == null || h.isNull()) {
            hw = HardwareProfiles.named("hmc-rs");
            hwLabel = "hmc-rs";
        } else if (h.isTextual()) {
            hw = collect(problems, () -> HardwareProfiles.resolve(h.asText(), null, src, "hardware"));
            hwLabel = h.asText();
        } else if (h.isObject()) {
            JsonNode profile = h.get("profile");
            String name = profile == null ? "hmc-rs" : profile.asText();
            hw = collect(problems, () -> HardwareProfiles.resolve(name, h, src, "hardware"));
            hwLabel = label(name, h);
        } else {
            problems.add(new InputException.Problem(src, "hardware", "wrong type: expected a profile name or {profile: NAME, <field>: <value>, ...}"));
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
