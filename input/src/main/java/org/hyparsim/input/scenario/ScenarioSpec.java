package org.hyparsim.input.scenario;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** A scenario file as written: every field optional here, checked by {@link Scenario#from}. */
public record ScenarioSpec(
        @JsonProperty("description") String description,
        @JsonProperty("network") JsonNode network,
        @JsonProperty("batch") JsonNode batch,
        @JsonProperty("accelerators") JsonNode accelerators,
        @JsonProperty("topology") JsonNode topology,
        @JsonProperty("hardware") JsonNode hardware,
        @JsonProperty("schedule") String schedule,
        @JsonProperty("strategies") List<String> strategies,
        @JsonProperty("plan") String plan,
        @JsonProperty("partitionTypes") JsonNode partitionTypes,
        @JsonProperty("planBudget") JsonNode planBudget,
        @JsonProperty("iterations") JsonNode iterations,
        @JsonProperty("linkModel") String linkModel,
        @JsonProperty("symmetry") String symmetry,
        @JsonProperty("collective") String collective,
        @JsonProperty("phase") String phase,
        @JsonProperty("sweep") SweepSpec sweep,
        @JsonProperty("workload") JsonNode workload,
        @JsonProperty("optimizer") String optimizer,
        @JsonProperty("precision") String precision,
        @JsonProperty("recompute") String recompute,
        @JsonProperty("fit") String fit,
        @JsonProperty("perturb") JsonNode perturb,
        @JsonProperty("samples") JsonNode samples,
        @JsonProperty("seed") JsonNode seed) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** This spec with one swept field replaced by a value of its axis (a strategies value is one strategy). */
    public ScenarioSpec with(SweepAxis axis, JsonNode value) {
        ObjectNode node = MAPPER.valueToTree(this);
        node.remove("sweep");
        switch (axis.form()) {
            case ONE_STRATEGY -> node.set(axis.label(), MAPPER.createArrayNode().add(value.asText()));
            case TEXT -> node.put(axis.label(), value.asText());
            case NODE -> node.set(axis.label(), value);
        }
        return MAPPER.convertValue(node, ScenarioSpec.class);
    }
}
