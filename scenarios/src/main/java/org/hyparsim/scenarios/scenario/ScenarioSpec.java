package org.hyparsim.scenarios.scenario;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** A scenario file as written: every field optional here, checked by {@link Scenario#from}. */
public record ScenarioSpec(
        @JsonProperty("description") String description,
        @JsonProperty("network") String network,
        @JsonProperty("batch") JsonNode batch,
        @JsonProperty("accelerators") JsonNode accelerators,
        @JsonProperty("topology") String topology,
        @JsonProperty("hardware") JsonNode hardware,
        @JsonProperty("schedule") String schedule,
        @JsonProperty("strategies") List<String> strategies,
        @JsonProperty("plan") String plan,
        @JsonProperty("iterations") JsonNode iterations,
        @JsonProperty("linkModel") String linkModel) {
}
