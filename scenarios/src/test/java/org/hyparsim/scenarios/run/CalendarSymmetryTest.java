package org.hyparsim.scenarios.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.hyparsim.core.kind.StrategyKind;
import org.hyparsim.core.step.Interconnect;
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
 * Calendar links are replayed whole whatever {@code symmetry} says (a representative's first come,
 * first served order at a link is not its orbit's: see {@code LinkModel#replaysBySymmetry}), so
 * {@code symmetry: auto} gives {@code symmetry: off}'s figures, event for event, where flows would
 * stand one accelerator for others.
 */
class CalendarSymmetryTest {
    private static final List<StrategyKind> ALL = List.of(StrategyKind.DP, StrategyKind.MP, StrategyKind.TRICK,
            StrategyKind.HYPAR);

    @TempDir
    Path dir;

    @Test
    void calendarLinksAreReplayedWhole() throws Exception {
        int compared = 0;
        for (int n : new int[] {16}) {
            for (String[] c : new String[][] {{"torus", "auto"}, {"torus", "hierarchical"}, {"htree", "hierarchical"},
                    {"htree", "auto"}, {"ring", "ring"}}) {
                Scenario s = Scenarios.read(dir, "network: Lenet-c\naccelerators: " + n + "\ntopology: " + c[0]
                        + "\nhardware: hmc-rs\nlinkModel: calendar\ncollective: " + c[1] + "\nstrategies: [dp]\n");
                CommunicationModel model = ScenarioRunner.model(s);
                for (StrategyKind k : ALL) {
                    Plan plan = Strategy.of(k, 2).planner().plan(model, s.levels());
                    String what = n + " " + c[0] + " " + c[1] + " " + k.label();
                    StepResult sym = ScenarioRunner.replay(s, model, plan, false);
                    StepResult whole = ScenarioRunner.replay(off(s), model, plan, false);
                    assertEquals(whole.events(), sym.events(), what + " events");
                    close(whole.stepTimeSeconds(), sym.stepTimeSeconds(), what + " step time");
                    close(whole.communicationBytes(), sym.communicationBytes(), what + " bytes");
                    close(whole.linkBytes(), sym.linkBytes(), what + " link bytes");
                    close(whole.energyJoules(), sym.energyJoules(), what + " energy");
                    for (int i = 0; i < whole.links().size(); i++) {
                        Interconnect.LinkUsage a = whole.links().get(i);
                        close(a.bytes(), sym.links().get(i).bytes(), what + " " + a.name());
                    }
                    compared++;
                }
            }
        }
        assertEquals(5 * 4, compared);
    }

    private static Scenario off(Scenario s) {
        return new Scenario(s.source(), s.workload(), s.array().withSymmetry(SymmetryMode.OFF), s.schedule(),
                s.strategies());
    }

    private static void close(double expected, double actual, String what) {
        assertEquals(expected, actual, 1e-9 * Math.abs(expected) + 1e-300, what);
    }
}
