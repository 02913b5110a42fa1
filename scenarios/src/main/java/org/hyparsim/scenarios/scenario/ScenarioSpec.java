package org.hyparsim.scenarios.scenario;

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
        @JsonProperty("iterations") JsonNode iterations,
        @JsonProperty("linkModel") String linkModel,
        @JsonProperty("sweep") SweepSpec sweep) {

    /** This spec with one field replaced (used to expand sweep axes). */
    public ScenarioSpec with(String field, com.fasterxml.jackson.databind.JsonNode value) {
        return new ScenarioSpec(description,
                field.equals("network") ? value : network,
                field.equals("batch") ? value : batch,
                field.equals("accelerators") ? value : accelerators,
                field.equals("topology") ? value : topology,
                field.equals("hardware") ? value : hardware,
                field.equals("schedule") ? value.asText() : schedule,
                field.equals("strategies") ? List.of(value.asText()) : strategies,
                plan,
                iterations,
                field.equals("linkModel") ? value.asText() : linkModel,
                null);
    }
}
