package org.hyparsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** bench's child JVM for the 65536-accelerator runs: started on this JVM's class path, its failure reported by its reason. */
class IsolatedRunTest {
    @Test
    void aFailedChildIsReportedByItsReasonNotAStackFrame() {
        IsolatedRun.Result r = IsolatedRun.run("NO_SUCH_TOPOLOGY", 120);
        assertEquals(0, r.peakHeapBytes());
        assertTrue(r.error() != null && r.error().startsWith("exit 2: ") && r.error().contains("NO_SUCH_TOPOLOGY"),
                "the child's reason: " + r.error());
    }
}
