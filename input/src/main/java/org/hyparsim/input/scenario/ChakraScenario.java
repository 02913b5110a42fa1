package org.hyparsim.input.scenario;

import java.util.TreeSet;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.hyparsim.core.InputException;
import org.hyparsim.core.step.Schedule;
import org.hyparsim.input.io.Json;

/**
 * A scenario whose workload is a Chakra execution trace: {@code workload: {chakra: DIR/prefix,
 * groups: groups.json, oneCommunicationAtATime: false}} with the array's keys (accelerators,
 * topology, hardware, linkModel, collective, schedule, symmetry); no network, batch or strategies.
 * Paths are taken against the scenario's folder.
 *
 * @param prefix the trace's files are {@code prefix.<rank>.et} (or .et.gz)
 * @param groups the communicator groups file, or null (every collective spans all ranks)
 * @param oneCommunicationAtATime ASTRA-sim's rule: one collective or send at a time per rank
 */
public record ChakraScenario(String source, Path prefix, Path groups, boolean oneCommunicationAtATime,
        ArrayConfig array, Schedule schedule) {

    /** The workload's keys. */
    private static final Set<String> KEYS = Set.of("chakra", "groups", "oneCommunicationAtATime");
    /** A built-in network the array's keys are read with (the trace replaces it). */
    private static final String PLACEHOLDER_NETWORK = "SFC";

    /** True when the file is a scenario with a workload key. */
    public static boolean isChakra(Path file) {
        ScenarioSpec spec = Json.read(file, ScenarioSpec.class);
        return spec != null && spec.workload() != null;
    }

    public static ChakraScenario read(Path file) {
        String src = file.toString();
        ScenarioSpec spec = Json.read(file, ScenarioSpec.class);
        JsonNode w = spec.workload();
        List<InputException.Problem> problems = new ArrayList<>();
        String[] absent = {"network", "batch", "strategies", "plan", "partitionTypes", "planBudget", "phase", "sweep"};
        Object[] values = {spec.network(), spec.batch(), spec.strategies(), spec.plan(), spec.partitionTypes(),
            spec.planBudget(), spec.phase(), spec.sweep()};
        for (int i = 0; i < absent.length; i++) {
            if (values[i] != null) {
                problems.add(new InputException.Problem(src, absent[i], "a scenario that replays a Chakra trace has no "
                        + absent[i] + " (the trace is the workload)"));
            }
        }
        if (!w.isObject() || !w.path("chakra").isTextual()) {
            problems.add(new InputException.Problem(src, "workload", "expected {chakra: DIR/prefix, groups: FILE}"));
        } else {
            for (Iterator<String> it = w.fieldNames(); it.hasNext();) {
                String k = it.next();
                if (!KEYS.contains(k)) {
                    problems.add(new InputException.Problem(src, "workload." + k, "unknown field; known fields: "
                            + String.join(", ", new TreeSet<>(KEYS))));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InputException(problems);
        }
        ObjectNode rest = new ObjectMapper().valueToTree(spec);
        rest.remove("workload");
        rest.properties().removeIf(e -> e.getValue().isNull());
        rest.put("network", PLACEHOLDER_NETWORK);
        Scenario array = ScenarioReader.from(new ObjectMapper().convertValue(rest, ScenarioSpec.class), file);
        Path base = file.toAbsolutePath().getParent();
        Path groups = w.path("groups").isTextual() ? base.resolve(w.get("groups").asText()) : null;
        return new ChakraScenario(src, base.resolve(w.get("chakra").asText()), groups,
                w.path("oneCommunicationAtATime").asBoolean(false), array.array(), array.schedule());
    }
}
