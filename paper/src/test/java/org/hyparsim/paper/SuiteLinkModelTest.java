package org.hyparsim.paper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hyparsim.core.kind.LinkModel;
import org.hyparsim.core.kind.TopologyKind;
import org.hyparsim.input.scenario.ArrayConfig;
import org.hyparsim.input.scenario.BuiltInProfile;
import org.hyparsim.input.scenario.HardwareReader;
import org.junit.jupiter.api.Test;

/**
 * A suite without a link model of its own runs the default, as a scenario naming none (its packets in chunks or calendars
 * may give way to calendar-turns); a suite that names one runs it named.
 */
class SuiteLinkModelTest {
    @Test
    void onlyTheSuitesThatNameALinkModelNameIt() {
        ArrayConfig dflt = Suite.HMC_RS.scenario(Scope.network("Lenet-c"), 32, 256, TopologyKind.HTREE,
                HardwareReader.builtIn(BuiltInProfile.HMC_RS)).array();
        assertEquals(LinkModel.PACKET_CHUNKS, dflt.linkModel());
        assertFalse(dflt.linkModelNamed());
        ArrayConfig small = Suite.FLIP_SIZE.scenario(Scope.network("Lenet-c"), 32, 16, TopologyKind.HTREE,
                HardwareReader.builtIn(BuiltInProfile.HMC_RS)).array();
        assertEquals(LinkModel.FLOW, small.linkModel());
        assertFalse(small.linkModelNamed());
        ArrayConfig named = Suite.TRANSFORMERS.scenario(Scope.network("Lenet-c"), 32, 256, TopologyKind.HTREE,
                HardwareReader.builtIn(BuiltInProfile.HMC_RS)).array();
        assertEquals(LinkModel.FLOW, named.linkModel());
        assertTrue(named.linkModelNamed());
    }
}
