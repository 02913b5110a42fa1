package org.hyparsim.scenarios.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.hyparsim.core.InputException;
import org.hyparsim.core.Limits;
import org.hyparsim.core.kind.LinkModel;
import org.hyparsim.core.kind.StrategyKind;
import org.hyparsim.core.step.Interconnect;
import org.hyparsim.core.step.StepResult;
import org.hyparsim.input.scenario.Scenario;
import org.hyparsim.input.scenario.SymmetryMode;
import org.hyparsim.partition.CommunicationModel;
import org.hyparsim.partition.Plan;
import org.hyparsim.partition.StepBuilder;
import org.hyparsim.partition.planner.Strategy;
import org.hyparsim.scenarios.Scenarios;
import org.hyparsim.scenarios.array.SimulatedArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Calendar links and packets in chunks replayed by symmetry against the whole replay: one accelerator for all (the regular
 * symmetry) or one per orbit of XORs, on tori, rings and H trees (where a link of the quotient
 * carries several copies of a message), give the whole replay's step time, bytes, energy and link
 * loads within 1e-9.
 */
class CalendarSymmetryTest {
    private static final List<StrategyKind> ALL = List.of(StrategyKind.DP, StrategyKind.MP, StrategyKind.TRICK,
            StrategyKind.HYPAR);

    @TempDir
    Path dir;

    @Test
    void symmetricCalendarReplayEqualsTheWholeOne() throws Exception {
        symmetricReplayEqualsTheWholeOne("calendar");
    }

    /**
     * Packets in chunks, first come, first served as calendars, with ties in the same fixed order: by a group
     * that leaves no link two copies of a message, the whole replay's figures.
     */
    @Test
    void symmetricPacketChunksReplayEqualsTheWholeOne() throws Exception {
        symmetricReplayEqualsTheWholeOne("packet-chunks");
        // where packets of different messages reach a torus link at one instant: served in the order of the
        // engine's events, the replay by orbits was 0.05% off the whole one here
        Scenario s = Scenarios.read(dir, "network: VGG-A\naccelerators: 256\ntopology: torus\nhardware: hmc-rs\n"
                + "linkModel: packet-chunks\ncollective: hierarchical\nstrategies: [dp]\n");
        CommunicationModel model = ScenarioRunner.model(s);
        Plan plan = Strategy.of(StrategyKind.DP, 2).planner().plan(model, s.levels());
        StepResult sym = ScenarioRunner.replay(s, model, plan, false);
        StepResult whole = ScenarioRunner.replay(off(s), model, plan, false);
        assertTrue(sym.events() * 2 < whole.events(), "by orbits: " + sym.events() + " events, whole " + whole.events());
        close(whole.stepTimeSeconds(), sym.stepTimeSeconds(), "VGG-A 256 torus hierarchical dp step time");
    }

    /**
     * Packets in chunks under round robin: a link keeps a port per link that feeds it, and links of one orbit are one
     * on the quotient, so a replay by symmetry was 4.4% off the whole one here (Lenet-c mp over the 128 H tree,
     * hierarchical); they are replayed whole, whatever the scenario's symmetry.
     */
    @Test
    void packetChunksUnderRoundRobinAreReplayedWhole() throws Exception {
        Scenario s = Scenarios.read(dir, "network: Lenet-c\naccelerators: 128\ntopology: htree\n"
                + "hardware: {profile: hmc-rs, arbitration: round-robin}\nlinkModel: packet-chunks\n"
                + "collective: hierarchical\nstrategies: [mp]\n");
        CommunicationModel model = ScenarioRunner.model(s);
        Plan plan = Strategy.of(StrategyKind.MP, 2).planner().plan(model, s.levels());
        StepResult sym = ScenarioRunner.replay(s, model, plan, false);
        StepResult whole = ScenarioRunner.replay(off(s), model, plan, false);
        close(whole.stepTimeSeconds(), sym.stepTimeSeconds(), "Lenet-c 128 htree hierarchical mp, round robin");
        assertEquals(whole.events(), sym.events());
        assertFalse(SimulatedArray.of(s.array(), s.schedule()).mayReplayBySymmetry());
    }

    /**
     * Calendars whose copies take turns replay by any group: on H trees accelerator 0 stands for all, its
     * messages' copies meeting on the links above it, and the figures are the whole replay's.
     */
    @Test
    void symmetricTurnTakingCalendarReplayEqualsTheWholeOne() throws Exception {
        symmetricReplayEqualsTheWholeOne("calendar-turns");
    }

    private void symmetricReplayEqualsTheWholeOne(String linkModel) throws Exception {
        int reduced = 0;
        int compared = 0;
        for (int n : new int[] {16, 64}) {
            for (String[] c : new String[][] {{"torus", "auto"}, {"torus", "hierarchical"}, {"htree", "hierarchical"},
                    {"htree", "auto"}, {"ring", "ring"}}) {
                Scenario s = Scenarios.read(dir, "network: Lenet-c\naccelerators: " + n + "\ntopology: " + c[0]
                        + "\nhardware: hmc-rs\nlinkModel: " + linkModel + "\ncollective: " + c[1] + "\nstrategies: [dp]\n");
                CommunicationModel model = ScenarioRunner.model(s);
                for (StrategyKind k : ALL) {
                    Plan plan = Strategy.of(k, 2).planner().plan(model, s.levels());
                    String what = n + " " + c[0] + " " + c[1] + " " + k.label();
                    StepResult sym = ScenarioRunner.replay(s, model, plan, false);
                    StepResult whole = ScenarioRunner.replay(off(s), model, plan, false);
                    if (sym.events() < whole.events()) {
                        reduced++;
                    }
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
        assertEquals(2 * 5 * 4, compared);
        assertTrue(reduced >= compared / 2, reduced + " of " + compared + " replayed by symmetry");
    }

    /**
     * Where auto's rings are withdrawn (here from every step replayed by orbits that chose one: the
     * share limit set to 1 task), the step is replayed by orbits of the widest group the torus offers, unsummarised: it
     * gives the whole replay of the step built without rings within 1e-9, and says so.
     */
    @Test
    void replayWithRingsWithdrawnEqualsTheWholeOneWithoutRings() throws Exception {
        String property = Limits.property("maxRingShareTasks");
        System.setProperty(property, "1");
        int withdrawn = 0;
        try {
            for (int n : new int[] {16, 64}) {
                Scenario s = Scenarios.read(dir, "network: VGG-A\naccelerators: " + n + "\ntopology: torus\n"
                        + "hardware: hmc-rs\nlinkModel: calendar\ncollective: auto\nstrategies: [dp]\n");
                CommunicationModel model = ScenarioRunner.model(s);
                for (StrategyKind k : List.of(StrategyKind.DP, StrategyKind.HYPAR)) {
                    Plan plan = Strategy.of(k, 2).planner().plan(model, s.levels());
                    String what = n + " torus " + k.label();
                    StepResult sym = ScenarioRunner.replay(s, model, plan, false);
                    SimulatedArray array = SimulatedArray.of(off(s).array(), s.schedule());
                    SimulatedArray.Wiring w = array.wire();
                    StepBuilder.build(model, plan, s.iterations(), w.collectives());
                    boolean rings = w.collectives().withdrawRings();
                    if (sym.notes().isEmpty()) {
                        // no rings, or one accelerator stood for all (dp: the torus's steps along rows and columns)
                        continue;
                    }
                    assertTrue(rings, what + ": withdrawn where none was chosen");
                    withdrawn++;
                    assertTrue(sym.notes().get(0).startsWith("auto's rings withdrawn"), sym.notes().toString());
                    StepResult whole = array.whole(w, StepBuilder.build(model, plan, s.iterations(), w.collectives()),
                            false).run();
                    assertTrue(sym.events() < whole.events(), what + ": replayed by orbits");
                    close(whole.stepTimeSeconds(), sym.stepTimeSeconds(), what + " step time");
                    close(whole.linkBytes(), sym.linkBytes(), what + " link bytes");
                    close(whole.energyJoules(), sym.energyJoules(), what + " energy");
                    for (int i = 0; i < whole.links().size(); i++) {
                        close(whole.links().get(i).bytes(), sym.links().get(i).bytes(), what + " link " + i);
                    }
                }
            }
        } finally {
            System.clearProperty(property);
        }
        assertTrue(withdrawn >= 2, withdrawn + " steps had rings to withdraw");
    }

    /**
     * Where the default's first come, first served links (packets in chunks at 128 accelerators; calendars from
     * 1024) leave no exact share that can be held (here the task limit set below the H tree's exact share, as at
     * 65536 accelerators), the replay takes calendar-turns by the regular symmetry, says so, and gives their
     * whole replay within 1e-9; either named in the scenario is refused there, with the reason.
     */
    @Test
    void calendarsWithoutAnExactShareTakeTurnsAndSaySo() throws Exception {
        String property = Limits.property("maxTasks");
        int switched = 0;
        String array = "network: VGG-A\naccelerators: 128\ntopology: htree\nhardware: hmc-rs\n"
                + "collective: hierarchical\nstrategies: [dp]\n";
        for (StrategyKind k : List.of(StrategyKind.DP, StrategyKind.HYPAR)) {
            Scenario s = Scenarios.read(dir, array);
            Scenario named = Scenarios.read(dir, array + "linkModel: packet-chunks\n");
            Scenario calendar = Scenarios.read(dir, array + "linkModel: calendar\n");
            Scenario turns = Scenarios.read(dir, array + "linkModel: calendar-turns\nsymmetry: off\n");
            assertEquals(LinkModel.PACKET_CHUNKS, s.array().linkModel());
            CommunicationModel model = ScenarioRunner.model(s);
            Plan plan = Strategy.of(k, 2).planner().plan(model, s.levels());
            StepResult fcfs = ScenarioRunner.replay(s, model, plan, false);
            assertTrue(fcfs.notes().isEmpty(), fcfs.notes().toString());
            StepResult sym;
            System.setProperty(property, "4000");
            try {
                sym = ScenarioRunner.replay(s, model, plan, false);
                InputException refused = assertThrows(InputException.class,
                        () -> ScenarioRunner.replay(named, model, plan, false));
                assertTrue(refused.getMessage().contains("linkModel: packet-chunks links replay this step exactly only on"
                        + " a share of"), refused.getMessage());
                InputException calendarRefused = assertThrows(InputException.class,
                        () -> ScenarioRunner.replay(calendar, model, plan, false));
                assertTrue(calendarRefused.getMessage().contains("linkModel: calendar links replay this step exactly only"
                        + " on a share of"), calendarRefused.getMessage());
            } finally {
                System.clearProperty(property);
            }
            StepResult whole = ScenarioRunner.replay(turns, model, plan, false);
            String what = "128 htree hierarchical " + k.label();
            assertEquals(1, sym.notes().size(), sym.notes().toString());
            assertTrue(sym.notes().get(0).startsWith("links: calendar-turns"), sym.notes().toString());
            assertTrue(sym.notes().get(0).contains("packet-chunks links have no exact share"), sym.notes().toString());
            assertTrue(sym.events() * 64 < whole.events(), what + ": one accelerator for all");
            close(whole.stepTimeSeconds(), sym.stepTimeSeconds(), what + " step time");
            close(whole.linkBytes(), sym.linkBytes(), what + " link bytes");
            close(whole.energyJoules(), sym.energyJoules(), what + " energy");
            for (int i = 0; i < whole.links().size(); i++) {
                close(whole.links().get(i).bytes(), sym.links().get(i).bytes(), what + " link " + i);
            }
            switched++;
        }
        assertEquals(2, switched);
    }

    private static Scenario off(Scenario s) {
        return new Scenario(s.source(), s.workload(), s.array().withSymmetry(SymmetryMode.OFF), s.schedule(),
                s.strategies());
    }

    private static void close(double expected, double actual, String what) {
        assertEquals(expected, actual, 1e-9 * Math.abs(expected) + 1e-300, what);
    }
}
