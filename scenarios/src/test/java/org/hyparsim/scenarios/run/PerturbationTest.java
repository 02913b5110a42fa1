package org.hyparsim.scenarios.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.hyparsim.core.step.StepResult;
import org.hyparsim.core.kind.StrategyKind;
import org.hyparsim.input.scenario.Scenario;
import org.hyparsim.input.scenario.SymmetryMode;
import org.hyparsim.noc.LinkPerturbation;
import org.hyparsim.noc.LinkScaling;
import org.hyparsim.noc.Symmetry;
import org.hyparsim.noc.Topology;
import org.hyparsim.partition.CommunicationModel;
import org.hyparsim.partition.Plan;
import org.hyparsim.partition.planner.Strategy;
import org.hyparsim.results.RunRecord;
import org.hyparsim.scenarios.Scenarios;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Perturbed replays: a replay that stands one accelerator for its orbit, its links scaled by
 * orbit, equals the whole replay of the same scaled links; a seed gives the same step times; the
 * median lies between the minimum and the maximum.
 */
class PerturbationTest {
    @TempDir
    Path dir;

    /** Lenet-c on slow links (2 GB/s), so that the links set the step. */
    private Scenario scenario(int n, String topology, String collective, String strategy) throws Exception {
        return Scenarios.read(dir, "network: Lenet-c\naccelerators: " + n + "\ntopology: " + topology
                + "\nhardware: {profile: hmc-rs, linkBandwidthGBps: 2}\nlinkModel: flow\ncollective: " + collective
                + "\nstrategies: [" + strategy + "]\n");
    }

    private static Scenario whole(Scenario s) {
        return s.withArray(s.array().withSymmetry(SymmetryMode.OFF));
    }

    @Test
    void aSymmetricReplayStaysSymmetricAndEqualsTheWholeReplayOfTheSameLinks() throws Exception {
        // the H tree's regular symmetry (one representative), and a torus's XOR orbits (HyPar's pairs)
        List<Scenario> cases = List.of(scenario(16, "htree", "hierarchical", "hypar"),
                scenario(16, "torus", "auto", "hypar"), scenario(64, "htree", "hierarchical", "dp"));
        LinkPerturbation p = new LinkPerturbation(0.2, 2, 11);
        for (Scenario s : cases) {
            CommunicationModel model = ScenarioRunner.model(s);
            Plan plan = Strategy.of(s.strategies().get(0).kind(), 2).planner().plan(model, s.levels());
            StepResult plain = ScenarioRunner.replay(s, model, plan, false);
            for (int k = 0; k < p.samples(); k++) {
                LinkScaling sample = p.sample(k);
                // the factors the symmetric replay drew, and by which orbits
                Symmetry[] orbits = new Symmetry[1];
                double[][] drawn = new double[1][];
                LinkScaling recorded = (Topology t, Symmetry g) -> {
                    orbits[0] = g;
                    drawn[0] = sample.factors(t, g);
                    return drawn[0];
                };
                StepResult bySymmetry = ScenarioRunner.replay(s, model, plan, false, recorded);
                String what = s.accelerators() + " " + s.array().topology().label() + " " + plan + " sample " + k;
                assertNotNull(orbits[0], what + ": replayed by symmetry");
                assertTrue(orbits[0].order() > 1, what);
                StepResult full = ScenarioRunner.replay(whole(s), model, plan, false, LinkScaling.fixed(drawn[0]));
                assertEquals(full.stepTimeSeconds(), bySymmetry.stepTimeSeconds(), 1e-9 * full.stepTimeSeconds(), what);
                assertEquals(full.linkBytes(), bySymmetry.linkBytes(), 1e-9 * full.linkBytes(), what);
                assertEquals(full.energyJoules(), bySymmetry.energyJoules(), 1e-9 * full.energyJoules(), what);
                // and the perturbation moved the step (the links set it)
                assertNotEquals(plain.stepTimeSeconds(), bySymmetry.stepTimeSeconds(), what);
            }
        }
    }

    @Test
    void aWholeReplayDrawsAFactorPerLink() throws Exception {
        Scenario s = whole(scenario(16, "torus", "ring", "dp"));
        CommunicationModel model = ScenarioRunner.model(s);
        Plan plan = Strategy.of(StrategyKind.DP, 2).planner().plan(model, s.levels());
        boolean[] asked = {false};
        ScenarioRunner.replay(s, model, plan, false, (t, g) -> {
            assertNull(g, "no orbits: the replay is whole");
            asked[0] = true;
            return null;
        });
        assertTrue(asked[0]);
    }

    @Test
    void aSeedGivesTheSameStepTimesAndTheMedianLiesBetweenTheExtremes() throws Exception {
        Scenario s = scenario(16, "torus", "auto", "hypar").withPerturbation(new LinkPerturbation(0.3, 5, 3));
        RunRecord a = ScenarioRunner.run(s, false).get(0);
        RunRecord b = ScenarioRunner.run(s, false).get(0);
        assertEquals(a.spread(), b.spread());
        RunRecord.Spread x = a.spread();
        assertEquals(5, x.samples());
        assertEquals(3, x.seed());
        assertTrue(x.minSeconds() <= x.medianSeconds() && x.medianSeconds() <= x.maxSeconds(), x.toString());
        assertTrue(x.minSeconds() < x.maxSeconds(), "five draws of 30% move the step: " + x);
        assertEquals(x.stepTimesSeconds().stream().sorted().toList().get(2), x.medianSeconds());
        RunRecord c = ScenarioRunner.run(s.withPerturbation(new LinkPerturbation(0.3, 5, 4)), false).get(0);
        assertNotEquals(x.stepTimesSeconds(), c.spread().stepTimesSeconds(), "another seed, other draws");
        // the unperturbed figures are those of a run without perturbation
        assertEquals(ScenarioRunner.run(s.withPerturbation(null), false).get(0).result().stepTimeSeconds(),
                a.result().stepTimeSeconds());
        assertNull(ScenarioRunner.run(s.withPerturbation(null), false).get(0).spread());
        // no perturbation at all (range 0): every sample is the unperturbed step
        RunRecord zero = ScenarioRunner.run(s.withPerturbation(new LinkPerturbation(0, 2, 3)), false).get(0);
        assertEquals(List.of(zero.result().stepTimeSeconds(), zero.result().stepTimeSeconds()),
                zero.spread().stepTimesSeconds());
    }
}
