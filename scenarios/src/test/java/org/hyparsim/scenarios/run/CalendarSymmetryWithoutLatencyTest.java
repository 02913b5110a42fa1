package org.hyparsim.scenarios.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.hyparsim.core.kind.StrategyKind;
import org.hyparsim.core.step.StepResult;
import org.hyparsim.input.scenario.Scenario;
import org.hyparsim.input.scenario.SymmetryMode;
import org.hyparsim.partition.CommunicationModel;
import org.hyparsim.partition.Plan;
import org.hyparsim.partition.planner.Strategy;
import org.hyparsim.scenarios.Scenarios;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Calendar links without latency (`linkLatencyNs: 0`, which scenarios accept) replayed by symmetry
 * against the whole replay: a message that starts on an idle link reaches the next at the same
 * instant, and the replay by symmetry still gives the whole replay's step time and energy within
 * 1e-9 (was up to 11% apart on Lenet-c's 16 torus: the whole replay grouped the messages meeting on
 * a link by the links' numbering).
 */
class CalendarSymmetryWithoutLatencyTest {
    @TempDir
    Path dir;

    @Test
    void symmetricReplayWithoutLatencyEqualsTheWholeOne() throws Exception {
        int reduced = 0;
        int compared = 0;
        for (String linkModel : List.of("calendar", "calendar-turns")) {
            for (String topology : List.of("torus", "ring", "htree")) {
                Scenario s = Scenarios.read(dir, "network: Lenet-c\naccelerators: 16\ntopology: {name: " + topology
                        + ", linkLatencyNs: 0}\nhardware: hmc-rs\nlinkModel: " + linkModel
                        + "\ncollective: hierarchical\nstrategies: [dp]\n");
                Scenario off = new Scenario(s.source(), s.workload(), s.array().withSymmetry(SymmetryMode.OFF),
                        s.schedule(), s.strategies());
                CommunicationModel model = ScenarioRunner.model(s);
                for (StrategyKind k : List.of(StrategyKind.DP, StrategyKind.MP, StrategyKind.TRICK, StrategyKind.HYPAR)) {
                    Plan plan = Strategy.of(k, 2).planner().plan(model, s.levels());
                    String what = linkModel + " " + topology + " " + k.label();
                    StepResult sym = ScenarioRunner.replay(s, model, plan, false);
                    StepResult whole = ScenarioRunner.replay(off, model, plan, false);
                    if (sym.events() < whole.events()) {
                        reduced++;
                    }
                    assertEquals(whole.stepTimeSeconds(), sym.stepTimeSeconds(), 1e-9 * whole.stepTimeSeconds(),
                            what + " step time");
                    assertEquals(whole.energyJoules(), sym.energyJoules(), 1e-9 * whole.energyJoules(), what + " energy");
                    compared++;
                }
            }
        }
        assertEquals(24, compared);
        assertTrue(reduced >= compared / 2, reduced + " of " + compared + " replayed by symmetry");
    }
}
