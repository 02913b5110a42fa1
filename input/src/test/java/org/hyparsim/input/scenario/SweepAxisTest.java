package org.hyparsim.input.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sweep's axes: one per field of the sweep section, crossed in declaration order, each value set the axis's way. */
class SweepAxisTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void oneAxisPerSweepFieldInCrossingOrder() throws Exception {
        List<String> fields = Arrays.stream(SweepSpec.class.getRecordComponents()).map(RecordComponent::getName).toList();
        assertEquals(fields, Arrays.stream(SweepAxis.values()).map(SweepAxis::label).toList());
        SweepSpec spec = MAPPER.readValue("{\"strategies\": [\"dp\"], \"batch\": [8]}", SweepSpec.class);
        assertEquals(List.of(SweepAxis.BATCH, SweepAxis.STRATEGIES), List.copyOf(spec.axes().keySet()));
    }

    @Test
    void eachAxisSetsItsField() {
        ScenarioSpec empty = MAPPER.convertValue(MAPPER.createObjectNode(), ScenarioSpec.class);
        assertEquals(List.of("hypar"), empty.with(SweepAxis.STRATEGIES, TextNode.valueOf("hypar")).strategies());
        assertEquals("flow", empty.with(SweepAxis.LINK_MODEL, TextNode.valueOf("flow")).linkModel());
        assertEquals("16", empty.with(SweepAxis.SCHEDULE, IntNode.valueOf(16)).schedule());
        assertEquals(IntNode.valueOf(64), empty.with(SweepAxis.BATCH, IntNode.valueOf(64)).batch());
        JsonNode torus = MAPPER.createObjectNode().put("name", "torus");
        ScenarioSpec t = empty.with(SweepAxis.TOPOLOGY, torus);
        assertEquals(torus, t.topology());
        assertNull(t.sweep());
        assertEquals("strategies[0]", SweepAxis.STRATEGIES.scenarioPath());
        assertEquals("linkModel", SweepAxis.LINK_MODEL.scenarioPath());
    }
}
