package org.hyparsim.scenarios.run;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.hyparsim.core.step.Energy;
import org.hyparsim.core.step.EnergyComponent;
import org.hyparsim.core.step.Interconnect;
import org.hyparsim.core.step.Schedule;
import org.hyparsim.core.step.StepResult;
import org.junit.jupiter.api.Test;

/** The checks at the end of every run fail it; they are never warnings. */
class InvariantsTest {
    static StepResult result(double step, double compute, double sent, double received, double comm, long linkBusyPs) {
        return result(step, compute, sent, received, comm, linkBusyPs, 1);
    }

    static StepResult result(double step, double compute, double sent, double received, double comm, long linkBusyPs,
            double energyByTasks) {
        return new StepResult(2, 1, new StepResult.Times(step, step, compute, 0, step - compute),
                new StepResult.Traffic(comm, comm, 0, 0, 1, sent, received), Energy.of(c -> c == EnergyComponent.MAC ? 1 : 0,
                        energyByTasks), new StepResult.Counts(10, 2),
                new StepResult.Detail(List.of(), List.of(new Interconnect.LinkUsage("l", 1e9, comm, linkBusyPs, 1)),
                        List.of()));
    }

    @Test
    void energyAccumulatedTaskByTaskMustMatchTheComponents() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ScenarioRunner.Invariants.check(
                result(1.0, 0.5, 100, 100, 100, 100_000_000_000L, 1.5), 100, Schedule.OVERLAP));
        assertTrue(e.getMessage().contains("energy accumulated task by task"), e.getMessage());
    }

    @Test
    void aConsistentRunPasses() {
        ScenarioRunner.Invariants.check(result(1.0, 0.5, 100, 100, 100, 100_000_000_000L), 100, Schedule.OVERLAP);
    }

    @Test
    void bytesSentNotReceivedFailTheRun() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () ->
                ScenarioRunner.Invariants.check(result(1.0, 0.5, 100, 90, 100, 0), 100, Schedule.OVERLAP));
        assertTrue(e.getMessage().startsWith("invariant violated: bytes sent"), e.getMessage());
    }

    @Test
    void replayBytesDifferentFromThePlannerFailTheRun() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () ->
                ScenarioRunner.Invariants.check(result(1.0, 0.5, 100, 100, 100, 0), 120, Schedule.OVERLAP));
        assertTrue(e.getMessage().contains("planner"), e.getMessage());
    }

    @Test
    void aStepShorterThanItsBusiestLinkFailsTheRun() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () ->
                ScenarioRunner.Invariants.check(result(1.0, 0.5, 100, 100, 100, 2_000_000_000_000L), 100, Schedule.OVERLAP));
        assertTrue(e.getMessage().contains("lower bound"), e.getMessage());
        // serial: compute and communication add up
        assertThrows(IllegalStateException.class, () ->
                ScenarioRunner.Invariants.check(result(1.0, 0.6, 100, 100, 100, 600_000_000_000L), 100, Schedule.SERIAL));
    }
}
