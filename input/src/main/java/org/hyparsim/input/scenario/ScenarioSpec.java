package org.hyparsim.input.scenario;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
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
        @JsonProperty("sweep") SweepSpec sweep) {

    private static final com.fasterxml.jackson.databind.ObjectMapper MAPPER = new com.fasterxml.jackson.databind.ObjectMapper();

    /** This spec with one field replaced (used to expand sweep axes); a strategies value is one strategy. */
    public ScenarioSpec with(String field, JsonNode value) {
        com.fasterxml.jackson.databind.node.ObjectNode node = MAPPER.valueToTree(this);
        node.remove("sweep");
        if (field.equals("strategies")) {
            node.set(field, MAPPER.createArrayNode().add(value.asText()));
        } else if (field.equals("schedule") || field.equals("linkModel") || field.equals("symmetry") || field.equals("collective")
                || field.equals("phase")) {
            node.put(field, value.asText());
        } else {
            node.set(field, value);
        }
        return MAPPER.convertValue(node, ScenarioSpec.class);
    }
}
