package org.hyparsim.scenarios.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.hyparsim.core.kind.Parallelism;
import org.hyparsim.core.step.StepResult;
import org.hyparsim.input.scenario.Scenario;
import org.hyparsim.partition.Accounting;
import org.hyparsim.partition.CommunicationModel;
import org.hyparsim.partition.Plan;
import org.hyparsim.results.RunRecord;
import org.hyparsim.scenarios.Scenarios;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A shortcut that ends at the network's last layer adds into its output: planned, counted and replayed. */
class ShortcutAtTheEndTest {
    @TempDir
    Path dir;

    private static final String SCENARIO = """
            network:
              name: res-end
              layers:
                - {name: a, type: fc, in_ch: 64, out_ch: 64}
                - {name: b, type: fc, in_ch: 64, out_ch: 64}
              shortcuts:
                - {from: a, to: b}
            batch: 32
            accelerators: 4
            hardware: hmc-rs
            strategies: [dp, mp, trick, hypar, accpar, timed]
            planBudget: 6
            """;

    @Test
    void everyStrategyReplaysWhatItCounts() throws Exception {
        Scenario s = Scenarios.read(dir, SCENARIO);
        for (RunRecord r : ScenarioRunner.run(s, false)) {
            assertEquals(r.plannerBytes(), r.result().communicationBytes(), 1e-9 * Math.max(1, r.plannerBytes()),
                    r.key().strategy().label());
        }
    }

    @Test
    void aPlanThatMovesTheShortcutSendsItBothWays() throws Exception {
        Scenario s = Scenarios.read(dir, SCENARIO);
        // a under dp holds its input split by batch, b under mp-out leaves its output split by features: the
        // sum moves a quarter of it each way
        Plan plan = new Plan(2, List.of(List.of(Parallelism.DP, Parallelism.MP_OUT), List.of(Parallelism.DP,
                Parallelism.DP)));
        for (Accounting acc : List.of(Accounting.hypar(32), Accounting.accpar(32))) {
            CommunicationModel model = new CommunicationModel(s.network(), acc);
            assertTrue(model.evaluate(plan).shortcutBytes() > 0, acc.name());
            assertEquals(1, model.shortcutEnd(s.network().shortcuts().get(0)), "its own last layer: nothing consumes it");
        }
        CommunicationModel model = ScenarioRunner.model(s);
        StepResult r = ScenarioRunner.replay(s, model, plan, false); // the invariants are checked here
        assertEquals(model.evaluate(plan).totalBytes(), r.communicationBytes(), 1e-6);
        assertEquals(r.bytesSent(), r.bytesReceived(), 1e-6);
    }
}
