package org.hyparsim.core.step;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.hyparsim.core.workload.Layer;
import org.junit.jupiter.api.Test;

/**
 * Accelerator 0's share built directly against the same share cut from the whole graph
 * ({@link SymmetricStep#reduce}), on four accelerators under index XOR (generators XOR 1 and XOR 2);
 * and a cut by a subgroup with two orbits, found by {@link XorSummary}.
 */
class RepresentativeBuilderTest {
    private static final Layer FC = Layer.fc("fc", 4, 4);
    private static final List<int[]> XOR_GENERATORS = List.of(new int[] {1, 0, 3, 2}, new int[] {2, 3, 0, 1});

    /**
     * Per accelerator a forward, then a send to a ^ {@code partner}, and a gradient after the
     * forward and the send coming in; {@code skew} makes accelerator 3's gradient wait for its own
     * forward only, {@code peer} makes accelerator 2 send to 0 instead.
     */
    private static Consumer<StepSink> graph(int partner, boolean skew, boolean peer) {
        return b -> {
            int[] fwd = new int[4];
            int[] send = new int[4];
            for (int a = 0; a < 4; a++) {
                fwd[a] = b.compute(0, a, new ComputeWork(FC, TaskKind.FORWARD, 1, 4), 0);
            }
            for (int a = 0; a < 4; a++) {
                send[a] = b.transfer(0, a, peer && a == 2 ? 0 : a ^ partner, 1, 0, TransferKind.GRADIENT_SUM, 500);
                b.depends(send[a], fwd[a]);
            }
            for (int a = 0; a < 4; a++) {
                int g = b.compute(0, a, new ComputeWork(FC, TaskKind.GRADIENT, 1, 4), 0);
                b.depends(g, fwd[a]);
                if (!(skew && a == 3)) {
                    b.depends(g, send[a ^ partner]);
                }
            }
        };
    }

    private static Optional<TrainingStep> direct(Consumer<StepSink> fill) {
        return RepresentativeBuilder.of(4, 1, List.of("fc"), (a, x) -> a ^ x, fill);
    }

    private static Optional<TrainingStep> cut(Consumer<StepSink> fill) {
        TrainingStep.Builder b = new TrainingStep.Builder(4, 1, List.of("fc"));
        fill.accept(b);
        return SymmetricStep.reduce(b.build(), XOR_GENERATORS);
    }

    @Test
    void aSymmetricGraphGivesTheShareCutFromTheWhole() {
        for (int partner : new int[] {1, 2, 3}) {
            TrainingStep d = direct(graph(partner, false, false)).orElseThrow();
            TrainingStep c = cut(graph(partner, false, false)).orElseThrow();
            assertEquals(3, d.size());
            assertEquals(c.tasks(), d.tasks());
            for (int k = 0; k < d.size(); k++) {
                assertArrayEquals(c.predecessors(k), d.predecessors(k), "task " + k);
            }
            assertArrayEquals(new int[] {0, 1}, d.predecessors(2), "the gradient waits for the forward and the send in");
        }
    }

    @Test
    void aDependencyOrAPeerOutOfStepIsNotSymmetric() {
        assertTrue(cut(graph(1, true, false)).isEmpty());
        assertTrue(direct(graph(1, true, false)).isEmpty(), "accelerator 3's gradient lacks its dependency on the send");
        assertTrue(cut(graph(1, false, true)).isEmpty());
        assertTrue(direct(graph(1, false, true)).isEmpty(), "accelerator 2 sends to 0, not to its partner 3");
    }

    /**
     * Forwards of one work on even accelerators and another on odd ones, sends across XOR 2, and
     * gradients after the forward and the send coming in: XOR 2 maps the graph onto itself, XOR 1
     * and XOR 3 do not. Cut by the subgroup {0, XOR 2}, accelerators 0 and 1 represent the orbits
     * {0, 2} and {1, 3}, in the whole graph's order, with dependencies carried to representatives.
     */
    @Test
    void aSubgroupReducesToOneAcceleratorPerOrbit() {
        TrainingStep.Builder b = new TrainingStep.Builder(4, 1, List.of("fc"));
        subgroupGraph(false, false).accept(b);
        TrainingStep whole = b.build();
        assertArrayEquals(new int[] {2}, XorSummary.of(whole).invariantMasks(new int[] {1, 2, 3}));
        assertTrue(SymmetricStep.reduce(whole, List.of(XOR_GENERATORS.get(0)), a -> a & 1).isEmpty(),
                "XOR 1 takes even accelerators' work to odd ones'");
        TrainingStep r = SymmetricStep.reduce(whole, List.of(XOR_GENERATORS.get(1)), a -> a & 1).orElseThrow();
        assertEquals(6, r.size());
        int[] accelerators = r.tasks().stream().mapToInt(Task::accelerator).toArray();
        assertArrayEquals(new int[] {0, 1, 0, 1, 0, 1}, accelerators);
        assertEquals(2, r.task(2).peer(), "a representative's send keeps its real peer, for its route");
        // the gradient of 0 waits for the send from 2, which is 0's own send by symmetry (slot 1 of 0)
        assertArrayEquals(new int[] {0, 2}, r.predecessors(4));
        assertArrayEquals(new int[] {1, 3}, r.predecessors(5));
        // built directly, as replays do: the same share, and the summaries taken as it is built find the same mask
        XorSummary streamed = new XorSummary(4);
        subgroupGraph(false, false).accept(streamed);
        assertArrayEquals(new int[] {2}, streamed.invariantMasks(new int[] {1, 2, 3}));
        assertSameGraph(r, byOrbits(subgroupGraph(false, false)).orElseThrow());
    }

    /**
     * Tasks added from the highest accelerator down, so each comes before its representative's:
     * compared by hash at the end, the share is still the cut's; a send out of step is still found.
     */
    @Test
    void tasksBeforeTheirRepresentativesAreComparedByHash() {
        TrainingStep.Builder b = new TrainingStep.Builder(4, 1, List.of("fc"));
        subgroupGraph(true, false).accept(b);
        TrainingStep cut = SymmetricStep.reduce(b.build(), List.of(XOR_GENERATORS.get(1)), a -> a & 1).orElseThrow();
        assertSameGraph(cut, byOrbits(subgroupGraph(true, false)).orElseThrow());
        assertTrue(byOrbits(subgroupGraph(true, true)).isEmpty(), "accelerator 2 sends to 1, not to its partner 0");
    }

    /** The subgroup {0, XOR 2}'s share built directly: representatives 0 and 1. */
    private static Optional<TrainingStep> byOrbits(Consumer<StepSink> fill) {
        return RepresentativeBuilder.of(4, 1, List.of("fc"), a -> a & 1, (a, x) -> x ^ a ^ (a & 1), fill);
    }

    /**
     * The graph above: forwards of one work on even accelerators and another on odd ones, sends
     * across XOR 2, gradients after both; {@code reversed} adds each phase from accelerator 3 down,
     * {@code wrongPeer} has accelerator 2 send to 1.
     */
    private static Consumer<StepSink> subgroupGraph(boolean reversed, boolean wrongPeer) {
        return b -> {
            int[] fwd = new int[4];
            int[] send = new int[4];
            for (int i = 0; i < 4; i++) {
                int a = reversed ? 3 - i : i;
                fwd[a] = b.compute(0, a, new ComputeWork(FC, TaskKind.FORWARD, 1 + (a & 1), 4), 0);
            }
            for (int i = 0; i < 4; i++) {
                int a = reversed ? 3 - i : i;
                send[a] = b.transfer(0, a, wrongPeer && a == 2 ? 1 : a ^ 2, 1, 0, TransferKind.GRADIENT_SUM, 500);
                b.depends(send[a], fwd[a]);
            }
            for (int i = 0; i < 4; i++) {
                int a = reversed ? 3 - i : i;
                int g = b.compute(0, a, new ComputeWork(FC, TaskKind.GRADIENT, 1 + (a & 1), 4), 0);
                b.depends(g, fwd[a]);
                b.depends(g, send[a ^ 2]);
            }
        };
    }

    private static void assertSameGraph(TrainingStep expected, TrainingStep actual) {
        assertEquals(expected.tasks(), actual.tasks());
        for (int k = 0; k < expected.size(); k++) {
            assertArrayEquals(expected.predecessors(k), actual.predecessors(k), "task " + k);
        }
    }
}
