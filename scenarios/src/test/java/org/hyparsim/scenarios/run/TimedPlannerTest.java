package org.hyparsim.scenarios.run;

import org.hyparsim.input.scenario.Scenario;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hyparsim.core.kind.StrategyKind;
import org.hyparsim.partition.planner.TimedPlanner;
import org.hyparsim.results.RunRecord;
import org.hyparsim.scenarios.Scenarios;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plans chosen by simulated time: never slower than the baselines, split by speed on mixed arrays. */
class TimedPlannerTest {
    private static final List<StrategyKind> BASELINES = List.of(StrategyKind.DP, StrategyKind.MP, StrategyKind.TRICK,
            StrategyKind.HYPAR, StrategyKind.ACCPAR);

    @TempDir
    Path dir;

    private Map<StrategyKind, RunRecord> run(String yaml) throws Exception {
        Scenario s = Scenarios.read(dir, yaml + "linkModel: flow\nstrategies: [dp, mp, trick, hypar, accpar, timed]\n");
        return ScenarioRunner.run(s, false).stream().collect(Collectors.toMap(r -> r.key().strategy(), r -> r));
    }

    private static double best(Map<StrategyKind, RunRecord> runs) {
        return BASELINES.stream().mapToDouble(k -> runs.get(k).result().stepTimeSeconds()).min().orElseThrow();
    }

    @Test
    void timedIsNeverSlowerThanTheBaselines() throws Exception {
        for (String net : List.of("Lenet-c", "Cifar-c", "AlexNet")) {
            for (String topology : List.of("htree", "torus")) {
                for (int gbps : new int[] {3, 30}) {
                    Map<StrategyKind, RunRecord> runs = run("network: " + net + "\naccelerators: 16\ntopology: " + topology
                            + "\nhardware: {profile: hmc-rs, linkBandwidthGBps: " + gbps + "}\n");
                    double timed = runs.get(StrategyKind.TIMED).result().stepTimeSeconds();
                    assertTrue(timed <= best(runs) * (1 + 1e-12), net + " " + topology + " " + gbps + ": " + timed
                            + " > " + best(runs));
                }
            }
        }
    }

    @Test
    void aMixedArrayIsSplitByTheSpeedsOfItsHalves() throws Exception {
        for (String net : List.of("VGG-A", "VGG-E")) {
            Map<StrategyKind, RunRecord> runs = run("network: " + net + "\naccelerators: 16\ntopology: htree\n"
                    + "hardware: [{profile: hmc-rs, count: 8}, {profile: hmc-rs, clockMHz: 250, count: 8}]\n"
                    + "planBudget: 6\n");
            RunRecord timed = runs.get(StrategyKind.TIMED);
            double gain = best(runs) / timed.result().stepTimeSeconds();
            assertTrue(gain >= 1.25, net + ": timed gains " + gain);
            // the full-clock half takes more of every layer: two thirds where compute dominates, less where
            // memory, which the clock does not slow, does; and both halves finish together
            assertTrue(timed.plan().ratios().get(0).stream().allMatch(r -> r > 0.5 && r < 0.7), timed.plan().ratios().toString());
            List<RunRecord.GroupResult> groups = timed.groups();
            assertEquals(2, groups.size());
            double a = groups.get(0).busySeconds();
            double b = groups.get(1).busySeconds();
            assertTrue(Math.abs(a - b) <= 0.05 * Math.max(a, b), net + ": groups busy " + a + " s and " + b + " s");
        }
    }

    @Test
    void theSameInputsGiveTheSamePlan() throws Exception {
        String yaml = "network: Cifar-c\naccelerators: 32\ntopology: torus\nhardware: {profile: hmc-rs, linkBandwidthGBps: 3}\n";
        assertEquals(run(yaml).get(StrategyKind.TIMED).plan(), run(yaml).get(StrategyKind.TIMED).plan());
    }

    @Test
    void theEstimateFollowsTheReplay() throws Exception {
        // the estimate's error on the baselines' plans, stated per network in the report; here a bound
        for (String net : List.of("Lenet-c", "AlexNet", "VGG-A")) {
            Scenario s = Scenarios.read(dir, "network: " + net + "\naccelerators: 16\ntopology: htree\nlinkModel: flow\n"
                    + "strategies: [dp, hypar]\n");
            TimedPlanner planner = ScenarioRunner.timedPlanner(s);
            for (RunRecord r : ScenarioRunner.run(s, false)) {
                org.hyparsim.partition.Plan plan = new org.hyparsim.partition.Plan(r.plan().levels().get(0).size(),
                        r.plan().levels());
                double estimate = planner.estimate(plan);
                double replay = r.result().stepTimeSeconds();
                assertTrue(Math.abs(estimate - replay) <= 0.25 * replay, net + " " + r.key().strategy() + ": estimate "
                        + estimate + " s, replay " + replay + " s");
            }
        }
    }
}
