package org.hyparsim.partition;

import org.hyparsim.partition.collective.Collectives;
import org.hyparsim.core.kind.Parallelism;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.hyparsim.core.step.Task;
import org.hyparsim.core.step.TrainingStep;
import org.hyparsim.core.workload.Network;
import org.hyparsim.core.workload.Layer;
import org.hyparsim.core.kind.CollectiveAlgorithm;
import org.hyparsim.partition.planner.Strategy;
import org.hyparsim.core.kind.StrategyKind;
import org.junit.jupiter.api.Test;

/** The training step built from a plan: its transfers add up to the planner's total, its shards to the whole work. */
class StepBuilderTest {
    /** A small VGG-like chain: convs with and without pooling, then fcs. */
    static Network vggLike() {
        return Network.of("vgg-like", "", List.of(
                Layer.conv("conv1", 3, 32, 16, 3, 1, 1).withPool(2, 2),
                Layer.conv("conv2", 16, 16, 32, 3, 1, 1),
                Layer.conv("conv3", 32, 16, 32, 3, 1, 1).withPool(2, 2),
                Layer.fc("fc1", 32 * 8 * 8, 256),
                Layer.fc("fc2", 256, 10)), "test");
    }

    @Test
    void transferBytesEqualPlannerBytes() {
        for (Network net : List.of(CommunicationModelTest.small(), vggLike())) {
            CommunicationModel model = new CommunicationModel(net, Accounting.hypar(256));
            for (int accelerators : new int[] {2, 4, 16, 64}) {
                int levels = Integer.numberOfTrailingZeros(accelerators);
                for (StrategyKind strategy : List.of(StrategyKind.DP, StrategyKind.MP, StrategyKind.TRICK,
                        StrategyKind.HYPAR, StrategyKind.EXHAUSTIVE)) {
                    if (strategy == StrategyKind.EXHAUSTIVE && net.size() * levels > 20) {
                        continue; // refused above 2^24 plans; kept small for test time
                    }
                    Plan plan = Strategy.of(strategy, 2).planner().plan(model, levels);
                    double planner = model.evaluate(plan).totalBytes();
                    TrainingStep step = build(model, plan, 1);
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
        Network vgg = vggLike();
        CommunicationModel model = new CommunicationModel(vgg, Accounting.hypar(256));
        Plan plan = new Strategy.Named(StrategyKind.HYPAR).planner().plan(model, 4);
        TrainingStep step = build(model, plan, 1);
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

    @Test
    void aStepOverTheTaskLimitIsRefusedBeforeItIsBuilt() {
        // 65536 accelerators x 1000 layers: far over 1e7 tasks
        String why = StepBuilder.sizeProblem(65536, 1000, 1, CollectiveAlgorithm.HIERARCHICAL, false);
        org.junit.jupiter.api.Assertions.assertTrue(why != null && why.contains("more than the limit"), why);
        assertEquals(null, StepBuilder.sizeProblem(16, 5, 1, CollectiveAlgorithm.AUTO, false));
        // VGG-E's 19 layers on 65536: over the limit of a graph held whole (8.5e7 tasks), within that of a step
        // built as a stream and cut by symmetry
        org.junit.jupiter.api.Assertions.assertTrue(StepBuilder.sizeProblem(65536, 19, 1, CollectiveAlgorithm.AUTO,
                false) != null);
        assertEquals(null, StepBuilder.sizeProblem(65536, 19, 1, CollectiveAlgorithm.AUTO, true));
    }

    @Test
    void oneAcceleratorHasNoTransfers() {
        CommunicationModel model = new CommunicationModel(vggLike(), Accounting.hypar(64));
        TrainingStep step = build(model, new Strategy.Named(StrategyKind.HYPAR).planner().plan(model, 0), 1);
        assertEquals(0, step.tasks().stream().filter(Task::isTransfer).count());
        // forward, error, gradient and update per layer
        assertEquals(4 * vggLike().size(), step.size());
    }

    @Test
    void inferenceIsTheForwardPassOnly() {
        CommunicationModel training = new CommunicationModel(vggLike(), Accounting.hypar(64));
        CommunicationModel inference = training.inference();
        for (StrategyKind k : List.of(StrategyKind.DP, StrategyKind.MP, StrategyKind.HYPAR)) {
            Plan plan = Strategy.of(k, 2).planner().plan(inference, 3);
            TrainingStep step = build(inference, plan, 1);
            double sent = 0;
            for (Task t : step.tasks()) {
                if (t.isTransfer()) {
                    sent += t.bytes();
                    assertEquals(true, t.transferKind() == org.hyparsim.core.step.TransferKind.PARTIAL_SUM
                            || t.transferKind() == org.hyparsim.core.step.TransferKind.INTER_FORWARD, t.describe(List.of()));
                } else {
                    assertEquals(org.hyparsim.core.step.TaskKind.FORWARD, t.kind());
                }
            }
            assertEquals(inference.evaluate(plan).totalBytes(), sent, 1e-6 * Math.max(1, sent), k.label());
        }
        // data parallel inference exchanges nothing; model parallel only its partial sums and no gradients
        assertEquals(0, inference.evaluate(Plan.uniform(vggLike().size(), 3, Parallelism.DP)).totalBytes());
        Plan mp = Plan.uniform(vggLike().size(), 3, Parallelism.MP);
        assertTrue(inference.evaluate(mp).totalBytes() > 0);
        assertTrue(inference.evaluate(mp).totalBytes() < training.evaluate(mp).totalBytes());
    }

    @Test
    void unevenSplitsKeepBytesAndWork() {
        Network net = vggLike();
        CommunicationModel model = new CommunicationModel(net, Accounting.hypar(64));
        Plan even = Strategy.of(StrategyKind.ACCPAR, 3).planner().plan(model, 2);
        List<List<Double>> ratios = List.of(List.of(0.7, 0.6, 0.65, 0.55, 0.8), List.of(0.5, 0.4, 0.5, 0.5, 0.5));
        Plan plan = even.withRatios(ratios);
        TrainingStep step = build(model, plan, 1);
        double sent = 0;
        double macs = 0;
        for (Task t : step.tasks()) {
            if (t.isTransfer()) {
                sent += t.bytes();
            } else if (t.kind() != org.hyparsim.core.step.TaskKind.UPDATE) {
                macs += t.work().macs();
            }
        }
        double planner = model.evaluate(plan).totalBytes();
        assertEquals(planner, sent, 1e-9 * planner);
        // the shards still cover the whole work: three passes of the forward MACs over the batch
        assertEquals(3.0 * 64 * net.forwardMacsPerSample(), macs, 1e-6 * macs);
    }

    /** The step with the paper's hierarchical exchange and no knowledge of the network. */
    private static TrainingStep build(CommunicationModel model, Plan plan, int iterations) {
        return StepBuilder.build(model, plan, iterations, new Collectives(CollectiveAlgorithm.HIERARCHICAL, null,
                plan.levels()));
    }
}
