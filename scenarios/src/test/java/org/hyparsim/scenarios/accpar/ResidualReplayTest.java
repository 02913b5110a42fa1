package org.hyparsim.scenarios.accpar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.hyparsim.core.step.StepResult;
import org.hyparsim.core.step.Task;
import org.hyparsim.core.step.TrainingStep;
import org.hyparsim.core.step.TraceEvent;
import org.hyparsim.core.workload.Network;
import org.hyparsim.partition.Accounting;
import org.hyparsim.partition.CommunicationModel;
import org.hyparsim.partition.Plan;
import org.hyparsim.partition.StepBuilder;
import org.hyparsim.core.kind.CollectiveAlgorithm;
import org.hyparsim.partition.collective.Collectives;
import org.hyparsim.partition.planner.Strategy;
import org.hyparsim.core.kind.StrategyKind;
import org.hyparsim.results.RunRecord;
import org.hyparsim.scenarios.Scenarios;
import org.hyparsim.input.networks.NetworkCatalog;
import org.hyparsim.input.scenario.Scenario;
import org.hyparsim.scenarios.run.ScenarioRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The replay of Type III and of shortcuts: the bytes its transfers carry are the planner's, for
 * every built-in network and strategy, accpar included, whatever the collective algorithm.
 */
class ResidualReplayTest {
    private static final List<StrategyKind> STRATEGIES = List.of(StrategyKind.DP, StrategyKind.MP, StrategyKind.TRICK,
            StrategyKind.HYPAR, StrategyKind.ACCPAR);

    @TempDir
    Path dir;

    private static void assertConserved(CommunicationModel model, Plan plan, CollectiveAlgorithm algorithm, String what) {
        Collectives collectives = new Collectives(algorithm, null, plan.levels());
        TrainingStep step = StepBuilder.build(model, plan, 1, collectives);
        int n = 1 << plan.levels();
        double sent = 0;
        double[] out = new double[n];
        double[] in = new double[n];
        for (Task t : step.tasks()) {
            if (t.isTransfer()) {
                sent += t.bytes();
                out[t.accelerator()] += t.bytes();
                in[t.peer()] += t.bytes();
            }
        }
        double planner = model.evaluate(plan).totalBytes();
        assertEquals(planner, sent, 1e-9 * Math.max(1, planner), what);
        for (int a = 0; a < n; a++) {
            assertEquals(out[a], in[a], 1e-9 * Math.max(1, out[a]), what + " A" + a);
        }
    }

    @Test
    void transfersCarryThePlannersBytesForEveryBuiltInNetwork() {
        for (Network net : NetworkCatalog.builtIn().values()) {
            boolean accparNetwork = net.name().startsWith("AccPar-");
            for (Accounting acc : accparNetwork ? List.of(Accounting.hypar(256), Accounting.accpar(256))
                    : List.of(Accounting.hypar(256))) {
                for (boolean inference : new boolean[] {false, true}) {
                    CommunicationModel model = new CommunicationModel(net, acc);
                    if (inference) {
                        model = model.inference();
                    }
                    for (int accelerators : new int[] {2, 4, 16, 64}) {
                        int levels = Integer.numberOfTrailingZeros(accelerators);
                        for (StrategyKind k : STRATEGIES) {
                            Plan plan = Strategy.of(k, 2).planner().plan(model, levels);
                            String what = net.name() + " " + acc.name() + (inference ? " inference " : " ") + k + " on "
                                    + accelerators;
                            assertConserved(model, plan, CollectiveAlgorithm.HIERARCHICAL, what);
                            if (accelerators <= 4) {
                                assertConserved(model, plan, CollectiveAlgorithm.RING, what + " ring");
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void aResidualNetworkReplaysWithEveryKindOfTransfer() throws Exception {
        Scenario s = Scenarios.read(dir, "network: ResNet-18\naccelerators: 16\ntopology: torus\nhardware: hmc-rs\n"
                + "strategies: [dp, mp, hypar, accpar]\n");
        for (RunRecord r : ScenarioRunner.run(s, true)) {
            StepResult x = r.result();
            String what = r.key().strategy().label();
            assertEquals(x.bytesSent(), x.bytesReceived(), 1e-6, what);
            assertEquals(r.plannerBytes(), x.communicationBytes(), 1e-6 * r.plannerBytes(), what);
            assertEquals(x.energy().byTasks(), x.energyJoules(), 1e-9 * x.energyJoules(), what);
            if (r.key().strategy() == StrategyKind.MP) {
                // every layer split by input channels: the shortcuts' errors move from dp-less ends, and the
                // projections' partial sums join their layers'
                assertTrue(x.trace().stream().map(TraceEvent::category).anyMatch(c -> c.equals("partial-sum")), what);
            }
        }
        // a plan with mp-out where a shortcut starts at a dp layer: error sums and shortcut transfers in the trace
        Path plan = Scenarios.write(dir, "plan.json", "{\"plan\": [" + String.join(",", java.util.Collections.nCopies(4,
                "[" + String.join(",", java.util.Collections.nCopies(17, "\"dp\"")) + ",\"mp-out\"]")) + "]}");
        // the last conv (s5b2b) closes a shortcut from s5b2a: dp -> dp moves nothing; use mp-out on s5b2b instead
        String row = "[" + String.join(",", java.util.Collections.nCopies(16, "\"dp\"")) + ",\"mp-out\",\"mp\"]";
        Path plan2 = Scenarios.write(dir, "plan2.json", "{\"plan\": [" + String.join(",", java.util.Collections.nCopies(4, row))
                + "]}");
        for (Path p : List.of(plan, plan2)) {
            Scenario f = Scenarios.read(dir, "network: ResNet-18\naccelerators: 16\nhardware: hmc-rs\nstrategies: [file]\n"
                    + "plan: " + p.getFileName() + "\n");
            RunRecord r = ScenarioRunner.run(f, true).get(0);
            assertEquals(r.plannerBytes(), r.result().communicationBytes(), 1e-6 * r.plannerBytes());
            List<String> kinds = r.result().trace().stream().map(TraceEvent::category).distinct().toList();
            assertTrue(kinds.contains("error-sum"), kinds.toString());
            if (p == plan2) {
                assertTrue(kinds.contains("shortcut-forward") && kinds.contains("shortcut-backward"), kinds.toString());
            }
        }
    }
}
