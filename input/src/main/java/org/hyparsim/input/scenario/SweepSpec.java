package org.hyparsim.input.scenario;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.EnumMap;
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
        @JsonProperty("perturb") List<JsonNode> perturb,
        @JsonProperty("samples") List<JsonNode> samples,
        @JsonProperty("seed") List<JsonNode> seed,
        @JsonProperty("strategies") List<JsonNode> strategies) {

    /** The axes that are given, in the order they are crossed (the first varies slowest). */
    public Map<SweepAxis, List<JsonNode>> axes() {
        Map<SweepAxis, List<JsonNode>> m = new EnumMap<>(SweepAxis.class);
        put(m, SweepAxis.NETWORK, network);
        put(m, SweepAxis.BATCH, batch);
        put(m, SweepAxis.ACCELERATORS, accelerators);
        put(m, SweepAxis.TOPOLOGY, topology);
        put(m, SweepAxis.HARDWARE, hardware);
        put(m, SweepAxis.SCHEDULE, schedule);
        put(m, SweepAxis.LINK_MODEL, linkModel);
        put(m, SweepAxis.COLLECTIVE, collective);
        put(m, SweepAxis.PHASE, phase);
        put(m, SweepAxis.PERTURB, perturb);
        put(m, SweepAxis.SAMPLES, samples);
        put(m, SweepAxis.SEED, seed);
        put(m, SweepAxis.STRATEGIES, strategies);
        return m;
    }

    private static void put(Map<SweepAxis, List<JsonNode>> m, SweepAxis axis, List<JsonNode> values) {
        if (values != null) {
            m.put(axis, new ArrayList<>(values));
        }
    }
}
