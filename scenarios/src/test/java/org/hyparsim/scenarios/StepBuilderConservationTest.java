package org.hyparsim.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.hyparsim.core.step.Task;
import org.hyparsim.core.step.TrainingStep;
import org.hyparsim.core.workload.Network;
import org.hyparsim.partition.Accounting;
import org.hyparsim.partition.CommunicationModel;
import org.hyparsim.partition.Plan;
import org.hyparsim.partition.StepBuilder;
import org.hyparsim.partition.planner.Planners;
import org.hyparsim.scenarios.networks.NetworkCatalog;
import org.junit.jupiter.api.Test;

/** The transfers of a training step add up to the planner's communication total, for every network and strategy. */
class StepBuilderConservationTest {
    @Test
    void transferBytesEqualPlannerBytes() {
        for (Network net : NetworkCatalog.builtIn().values()) {
            CommunicationModel model = new CommunicationModel(net, Accounting.hypar(256));
            for (int accelerators : new int[] {2, 4, 16, 64}) {
                int levels = Integer.numberOfTrailingZeros(accelerators);
                for (String strategy : List.of("dp", "mp", "trick", "hypar", "exhaustive")) {
                    if (strategy.equals("exhaustive") && net.size() * levels > 20) {
                        continue; // refused above 2^24 plans; kept small for test time
                    }
                    Plan plan = Planners.byName(strategy, "test", "strategy").plan(model, levels);
                    double planner = model.evaluate(plan).totalBytes();
                    TrainingStep step = StepBuilder.build(model, plan, 1);
                    double sent = 0;
                    double[] out = new double[accelerators];
                    double[] in = new double[accelerators];
                    for (Task t : step.tasks()) {
                        if (t.isTransfer()) {
                            sent += t.bytes();
                            out[t.accelerator()] += t.bytes();
                            in[t.peer()] += t.bytes();
                        }
                    }
                    String what = net.name() + " " + strategy + " on " + accelerators;
                    assertEquals(planner, sent, 1e-9 * Math.max(1, planner), what);
                    // every exchange is symmetric: each accelerator sends what it receives
                    for (int a = 0; a < accelerators; a++) {
                        assertEquals(out[a], in[a], 1e-9 * Math.max(1, out[a]), what + " A" + a);
                    }
                }
            }
        }
    }

    @Test
    void everyAcceleratorComputesItsShardOfEveryLayer() {
        Network vgg = NetworkCatalog.builtIn().get("VGG-A");
        CommunicationModel model = new CommunicationModel(vgg, Accounting.hypar(256));
        Plan plan = Planners.byName("hypar", "t", "s").plan(model, 4);
        TrainingStep step = StepBuilder.build(model, plan, 1);
        double macs = 0;
        long computeTasks = 0;
        for (Task t : step.tasks()) {
            if (!t.isTransfer() && t.kind() != org.hyparsim.core.step.TaskKind.UPDATE) {
                macs += t.work().macs();
                computeTasks++;
            }
        }
        // forward, error and gradient each cost the forward MACs; the shards add up to the whole batch
        assertEquals(3.0 * 256 * vgg.forwardMacsPerSample(), macs, 1e-6 * macs);
        assertEquals(3 * 16 * vgg.size(), computeTasks);
    }
}
