package org.hyparsim.input.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.hyparsim.core.InputException;
import org.hyparsim.noc.Arbitration;
import org.junit.jupiter.api.Test;

/** The packet model's arbitration beside packetBytes: its default, an override, a bad name. */
class ArbitrationKeyTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void theBundledProfilesArbitrateByTheDefault() {
        for (BuiltInProfile p : BuiltInProfile.values()) {
            assertEquals(Arbitration.DEFAULT, HardwareReader.builtIn(p).links().arbitration());
        }
        assertEquals(Arbitration.FIFO, Arbitration.DEFAULT);
    }

    @Test
    void aScenarioMayChooseRoundRobin() throws Exception {
        Hardware hw = HardwareReader.resolve("hmc-rs",
                MAPPER.readTree("{\"arbitration\": \"round-robin\", \"packetBytes\": 4096}"), "s.yaml", "hardware");
        assertEquals(Arbitration.ROUND_ROBIN, hw.links().arbitration());
        assertEquals(4096, hw.links().packetBytes());
        assertEquals("hmc-rs+arbitration=\"round-robin\"+packetBytes=4096", hw.label());
    }

    @Test
    void anUnknownArbitrationIsNamedWithItsPath() throws Exception {
        InputException e = assertThrows(InputException.class, () -> HardwareReader.resolve("hmc-rs",
                MAPPER.readTree("{\"arbitration\": \"lifo\"}"), "s.yaml", "hardware"));
        assertTrue(e.getMessage().contains("hardware.arbitration"), e.getMessage());
        assertTrue(e.getMessage().contains("'lifo' is not one of fifo, round-robin"), e.getMessage());
        e = assertThrows(InputException.class, () -> HardwareReader.resolve("hmc-rs",
                MAPPER.readTree("{\"arbitration\": 3}"), "s.yaml", "hardware"));
        assertTrue(e.getMessage().contains("expected a string"), e.getMessage());
    }
}
