package org.hyparsim.results;

import org.hyparsim.core.step.StepResult;

/**
 * One replayed run: what was asked, the plan it ran, the planner's byte count and everything
 * the replay measured. Writers turn it into a {@link RunRow} (the summary) and per-layer and
 * per-link rows.
 */
public record RunRecord(RunKey key, PlanGrid plan, double plannerBytes, StepResult result) {
}
