package org.hyparsim.input.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Map;
import org.hyparsim.core.Limits;
import org.junit.jupiter.api.Test;

/** A sweep's fingerprint of the defaults moves with the limits a replay's result depends on. */
class ScenarioDefaultsTest {
    @Test
    void theTaskLimitsThatChangeResultsAreInTheFingerprint() {
        Map<String, String> before = ScenarioDefaults.fingerprint();
        assertEquals(String.valueOf(Limits.maxTasks()), before.get("limit " + Limits.property("maxTasks")));
        for (String name : new String[] {"maxTasks", "maxRingShareTasks"}) {
            String property = Limits.property(name);
            System.setProperty(property, "12345");
            try {
                Map<String, String> after = ScenarioDefaults.fingerprint();
                assertEquals("12345", after.get("limit " + property));
                assertNotEquals(before, after, name);
            } finally {
                System.clearProperty(property);
            }
        }
        assertEquals(before, ScenarioDefaults.fingerprint());
    }
}
