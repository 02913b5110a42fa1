package org.hyparsim.scenarios.run;

import org.hyparsim.input.scenario.SymmetryMode;
import org.hyparsim.input.scenario.Scenario;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.hyparsim.core.step.EnergyComponent;
import org.hyparsim.core.step.RepresentativeBuilder;
import org.hyparsim.core.step.SymmetricStep;
import org.hyparsim.core.kind.LinkModel;
import org.hyparsim.noc.Symmetry;
import org.hyparsim.core.step.Interconnect;
import org.hyparsim.core.step.StepResult;
import org.hyparsim.core.step.TrainingStep;
import org.hyparsim.core.step.XorSummary;
import org.hyparsim.noc.Topology;
import org.hyparsim.partition.CommunicationModel;
import org.hyparsim.partition.Plan;
import org.hyparsim.partition.StepBuilder;
import org.hyparsim.partition.collective.Collectives;
import org.hyparsim.partition.planner.Strategy;
import org.hyparsim.core.kind.StrategyKind;
import org.hyparsim.scenarios.Scenarios;
import org.hyparsim.scenarios.array.SimulatedArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A representative accelerator's replay against the full replay of every accelerator: the same
 * step time, bytes, energy and link loads (relative 1e-9), on 16, 64 and 256 accelerators, on
 * the topologies with a symmetry, across strategies and both schedules, where the plan's
 * communication has the topology's symmetry; and the full replay wherever it does not.
 */
class SymmetryTest {
    private static final List<StrategyKind> ALL = List.of(StrategyKind.DP, StrategyKind.MP, StrategyKind.TRICK,
            StrategyKind.HYPAR);

    @TempDir
    Path dir;

    /** A topology, the collective algorithm that shares its symmetry, and the strategies whose graphs then do. */
    private record Case(String topology, String collective, List<StrategyKind> strategies) {
    }

    @Test
    void representativeReplayEqualsTheFullReplay() throws Exception {
        // the H tree and the switch: index XOR 2^k, so pairs across a level and butterflies are symmetric;
        // ring and torus: steps along a dimension, so rings along dimensions are (data parallelism's sums)
        List<Case> cases = List.of(new Case("htree", "hierarchical", ALL), new Case("switch", "halving-doubling", ALL),
                new Case("torus", "ring", List.of(StrategyKind.DP)), new Case("ring", "ring", List.of(StrategyKind.DP)));
        int compared = 0;
        for (int n : new int[] {16, 64, 256}) {
            for (Case c : cases) {
                for (String schedule : List.of("overlap", "serial")) {
                    Scenario s = scenario(n, c.topology(), c.collective(), schedule);
                    CommunicationModel model = ScenarioRunner.model(s);
                    for (StrategyKind k : n == 256 ? List.of(c.strategies().get(c.strategies().size() - 1)) : c.strategies()) {
                        Plan plan = Strategy.of(k, 2).planner().plan(model, s.levels());
                        String what = n + " " + c.topology() + " " + schedule + " " + k.label();
                        assertTrue(reduced(s, model, plan), what + ": the graph should have the topology's symmetry");
                        assertSame(ScenarioRunner.replay(s, model, plan, false),
                                ScenarioRunner.replay(off(s), model, plan, false), what);
                        compared++;
                    }
                }
            }
        }
        assertEquals(2 * (2 * (4 + 4 + 1 + 1) + 4), compared);
    }

    /**
     * Where the regular symmetry does not hold, a subgroup of the topology's XOR automorphisms may:
     * one accelerator per orbit replayed gives the full replay's figures (relative 1e-9): HyPar's
     * pairs and butterflies on a torus, a ring and a mesh (half turns, reflections), and HyPar with
     * ring all-reduces on an H tree (the XORs that keep the rings).
     */
    @Test
    void replayByOrbitsEqualsTheFullReplay() throws Exception {
        List<Case> cases = List.of(new Case("torus", "auto", ALL), new Case("ring", "halving-doubling", ALL),
                new Case("mesh", "hierarchical", List.of(StrategyKind.DP, StrategyKind.HYPAR)),
                new Case("htree", "ring", List.of(StrategyKind.HYPAR)));
        int compared = 0;
        int proper = 0;
        for (int n : new int[] {16, 64, 256}) {
            for (Case c : n == 256 ? cases.subList(0, 1) : cases) {
                for (String schedule : List.of("overlap", "serial")) {
                    Scenario s = scenario(n, c.topology(), c.collective(), schedule);
                    CommunicationModel model = ScenarioRunner.model(s);
                    for (StrategyKind k : n == 256 ? List.of(StrategyKind.HYPAR) : c.strategies()) {
                        Plan plan = Strategy.of(k, 2).planner().plan(model, s.levels());
                        String what = n + " " + c.topology() + " " + schedule + " " + k.label();
                        SimulatedArray.Wiring w = SimulatedArray.of(s.array(), s.schedule()).wire();
                        Topology t = w.topology();
                        Collectives collectives = w.collectives();
                        TrainingStep whole = StepBuilder.build(model, plan, s.iterations(), collectives);
                        Symmetry xor = SimulatedArray.xorSymmetry(XorSummary.of(whole), t);
                        assertTrue(xor != null && xor.order() > 1, what + ": some XOR should map the step onto itself");
                        if (xor.order() < n) {
                            proper++;
                        }
                        // the share built directly (what the replay runs) is the one cut from the whole graph
                        TrainingStep cut = SymmetricStep.reduce(whole, xor.accelerators(), xor.representative())
                                .orElseThrow();
                        TrainingStep direct = SimulatedArray.byOrbits(n, new SimulatedArray.Step(s.iterations(),
                                s.network().layerNames(), b -> StepBuilder.fill(b, model, plan, s.iterations(), collectives)),
                                xor, whole.size()).orElseThrow();
                        assertEquals(cut.tasks(), direct.tasks(), what);
                        for (int i = 0; i < cut.size(); i++) {
                            assertArrayEquals(cut.predecessors(i), direct.predecessors(i), what + ", task " + i);
                        }
                        StepResult byOrbit = ScenarioRunner.replay(s, model, plan, false);
                        StepResult full = ScenarioRunner.replay(off(s), model, plan, false);
                        assertTrue(byOrbit.events() < full.events(), what + ": fewer events by orbits");
                        assertSame(byOrbit, full, what);
                        assertEquals(full.busyComputeSeconds(), byOrbit.busyComputeSeconds(), what);
                        compared++;
                    }
                }
            }
        }
        assertEquals(2 * 2 * (4 + 4 + 2 + 1) + 2, compared);
        assertTrue(proper >= compared / 2, proper + " of " + compared + " with several orbits");
    }

    @Test
    void whereTheSymmetryDoesNotHoldTheReplayRunsInFull() throws Exception {
        Scenario torus = scenario(16, "torus", "ring", "overlap");
        CommunicationModel model = ScenarioRunner.model(torus);
        // HyPar's pairs across a level (index XOR 2^k) are not steps along a torus dimension (a subgroup
        // of the torus's XOR automorphisms keeps them: replayByOrbitsEqualsTheFullReplay)
        Plan hypar = Strategy.of(StrategyKind.HYPAR, 2).planner().plan(model, torus.levels());
        assertTrue(!reduced(torus, model, hypar));
        // a ring all-reduce on an H tree is not symmetric under XOR
        Scenario htreeRing = scenario(16, "htree", "ring", "overlap");
        Plan dp = Strategy.of(StrategyKind.DP, 2).planner().plan(model, htreeRing.levels());
        assertTrue(!reduced(htreeRing, model, dp));
        // off, packet-level links, and a mesh never reduce
        Scenario htree = scenario(16, "htree", "hierarchical", "overlap");
        assertTrue(reduced(htree, model, dp));
        assertTrue(!reduced(off(htree), model, dp));
        Scenario packet = Scenarios.read(dir, "network: Lenet-c\naccelerators: 16\ntopology: htree\nhardware: hmc-rs\n"
                + "linkModel: packet\ncollective: hierarchical\nstrategies: [dp]\n");
        assertTrue(!reduced(packet, model, dp));
        assertTrue(!reduced(scenario(16, "mesh", "ring", "overlap"), model, dp));
        // and the full replay is what runs: the same figures either way
        assertSame(ScenarioRunner.replay(torus, model, hypar, false), ScenarioRunner.replay(off(torus), model, hypar, false),
                "hypar on a torus");
    }

    private Scenario scenario(int n, String topology, String collective, String schedule) throws Exception {
        return Scenarios.read(dir, "network: Lenet-c\naccelerators: " + n + "\ntopology: " + topology
                + "\nhardware: hmc-rs\nlinkModel: flow\ncollective: " + collective + "\nschedule: " + schedule
                + "\nstrategies: [dp]\n");
    }

    private static Scenario off(Scenario s) {
        return new Scenario(s.source(), s.workload(), s.array().withSymmetry(SymmetryMode.OFF), s.schedule(),
                s.strategies());
    }

    /**
     * Whether the replay stands accelerator 0 for all; the share built directly (what the replay
     * runs) is the one cut from the whole graph, task for task and dependency for dependency.
     */
    private static boolean reduced(Scenario s, CommunicationModel model, Plan plan) {
        SimulatedArray.Wiring w = SimulatedArray.of(s.array(), s.schedule()).wire();
        Topology t = w.topology();
        Collectives collectives = w.collectives();
        TrainingStep step = StepBuilder.build(model, plan, s.iterations(), collectives);
        Symmetry symmetry = s.array().symmetry() != SymmetryMode.OFF && !s.array().heterogeneous() && s.array().linkModel() == LinkModel.FLOW
                ? t.symmetry() : null;
        Optional<TrainingStep> cut = symmetry == null ? Optional.empty()
                : SymmetricStep.reduce(step, symmetry.accelerators());
        Optional<TrainingStep> direct = symmetry == null ? Optional.empty()
                : RepresentativeBuilder.of(s.accelerators(), s.iterations(), s.network().layerNames(),
                        symmetry.toOrigin(), b -> StepBuilder.fill(b, model, plan, s.iterations(), collectives));
        assertEquals(cut.isPresent(), direct.isPresent());
        if (cut.isPresent()) {
            assertEquals(cut.get().tasks(), direct.get().tasks());
            for (int k = 0; k < cut.get().size(); k++) {
                assertArrayEquals(cut.get().predecessors(k), direct.get().predecessors(k));
            }
        }
        return cut.isPresent();
    }

    private static void assertSame(StepResult sym, StepResult full, String what) {
        close(full.stepTimeSeconds(), sym.stepTimeSeconds(), what + " step time");
        close(full.communicationBytes(), sym.communicationBytes(), what + " bytes");
        close(full.linkBytes(), sym.linkBytes(), what + " link bytes");
        close(full.dramBytes(), sym.dramBytes(), what + " DRAM bytes");
        close(full.energyJoules(), sym.energyJoules(), what + " energy");
        close(full.energy().get(EnergyComponent.LINK), sym.energy().get(EnergyComponent.LINK), what + " link energy");
        close(full.computeSeconds(), sym.computeSeconds(), what + " compute");
        assertEquals(full.links().size(), sym.links().size(), what);
        for (int i = 0; i < full.links().size(); i++) {
            Interconnect.LinkUsage a = full.links().get(i);
            Interconnect.LinkUsage b = sym.links().get(i);
            assertEquals(a.name(), b.name(), what);
            close(a.bytes(), b.bytes(), what + " " + a.name());
        }
        for (int l = 0; l < full.layers().size(); l++) {
            close(full.layers().get(l).energy().total(), sym.layers().get(l).energy().total(), what + " layer " + l);
        }
    }

    private static void close(double expected, double actual, String what) {
        assertEquals(expected, actual, 1e-9 * Math.abs(expected) + 1e-300, what);
    }
}
