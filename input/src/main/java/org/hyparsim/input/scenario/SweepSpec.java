package org.hyparsim.input.scenario;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A scenario's sweep section: each axis lists values for one scenario field; the axes are
 * crossed. A strategies axis lists single strategies (each point runs one).
 */
public record SweepSpec(
        @JsonProperty("network") List<JsonNode> network,
        @JsonProperty("batch") List<JsonNode> batch,
        @JsonProperty("accelerators") List<JsonNode> accelerators,
        @JsonProperty("topology") List<JsonNode> topology,
        @JsonProperty("hardware") List<JsonNode> hardware,
        @JsonProperty("schedule") List<JsonNode> schedule,
        @JsonProperty("linkModel") List<JsonNode> linkModel,
        @JsonProperty("collective") List<JsonNode> collective,
        @JsonProperty("phase") List<JsonNode> phase,
        @JsonProperty("strategies") List<JsonNode> strategies) {

    /** The axes that are given, in the order they are crossed (the first varies slowest). */
    public Map<String, List<JsonNode>> axes() {
        Map<String, List<JsonNode>> m = new LinkedHashMap<>();
        put(m, "network", network);
        put(m, "batch", batch);
        put(m, "accelerators", accelerators);
        put(m, "topology", topology);
        put(m, "hardware", hardware);
        put(m, "schedule", schedule);
        put(m, "linkModel", linkModel);
        put(m, "collective", collective);
        put(m, "phase", phase);
        put(m, "strategies", strategies);
        return m;
    }

    private static void put(Map<String, List<JsonNode>> m, String name, List<JsonNode> values) {
        if (values != null) {
            m.put(name, new ArrayList<>(values));
        }
    }
}
