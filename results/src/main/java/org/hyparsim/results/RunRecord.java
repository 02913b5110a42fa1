package org.hyparsim.results;

import java.util.List;
import org.hyparsim.core.step.StepResult;

/**
 * One replayed run: what was asked (network, batch, array, topology, hardware, schedule,
 * strategy) and what it measured. The one row model every writer, chart and report reads.
 */
public record RunRecord(String network, int batch, int accelerators, String topology, String hardware,
        String schedule, String linkModel, String strategy, List<List<String>> plan, double plannerBytes,
        StepResult result) {
}
