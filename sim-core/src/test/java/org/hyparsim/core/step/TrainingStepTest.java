package org.hyparsim.core.step;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.hyparsim.core.workload.Layer;
import org.junit.jupiter.api.Test;

/** The graph held as columns gives back what its builder was given, in the orders it documents. */
class TrainingStepTest {
    private static final ComputeWork FORWARD = new ComputeWork(Layer.fc("fc", 4, 4), TaskKind.FORWARD, 2, 4);

    @Test
    void tasksAndDependenciesComeBackAsGiven() {
        // room for 2 tasks, 5 added: the columns grow, and the graph keeps none of the spare room
        TrainingStep.Builder b = new TrainingStep.Builder(3, 1, List.of("fc"), 2);
        int f0 = b.compute(0, 0, FORWARD, 0);
        int f1 = b.compute(0, 1, FORWARD, 0);
        int x = b.transfer(0, 0, 2, 1, 0, TransferKind.GRADIENT_SUM, 64.5);
        int y = b.transfer(0, 1, 2, 2, 0, TransferKind.INTER_FORWARD, 8);
        int f2 = b.compute(0, 2, FORWARD, 0);
        // given out of order: successors keep the order given, predecessors come by id
        b.depends(f2, y);
        b.depends(x, f0);
        b.depends(f2, x);
        b.depends(y, f1);
        b.depends(y, f0);
        TrainingStep s = b.build();

        assertEquals(5, s.size());
        assertEquals(new Task(x, TaskKind.TRANSFER, 0, 0, 0, new Task.Transfer(2, 1, TransferKind.GRADIENT_SUM, 64.5),
                null), s.task(x));
        assertEquals(new Task(f1, TaskKind.FORWARD, 0, 0, 1, null, FORWARD), s.task(f1));
        assertEquals(s.task(y), s.tasks().get(y));
        assertEquals(List.of(f0, f1, x, y, f2), s.tasks().stream().map(Task::id).toList());
        assertEquals(2, s.peer(x));
        assertEquals(-1, s.peer(f2));
        assertEquals(8, s.bytes(y));
        assertNull(s.work(x));
        assertEquals(72.5, s.transferBytes());

        assertArrayEquals(new int[] {x, y}, s.successors(f0));
        assertArrayEquals(new int[] {f2}, s.successors(y));
        assertArrayEquals(new int[] {}, s.successors(f2));
        assertArrayEquals(new int[] {x, y}, s.predecessors(f2));
        assertArrayEquals(new int[] {f0, f1}, s.predecessors(y));
        int[] viaIndex = new int[s.predecessorStart(f2 + 1) - s.predecessorStart(f2)];
        for (int k = 0; k < viaIndex.length; k++) {
            viaIndex[k] = s.predecessorAt(s.predecessorStart(f2) + k);
        }
        assertArrayEquals(s.predecessors(f2), viaIndex);
    }

    @Test
    void aBuiltBuilderTakesNoMore() {
        TrainingStep.Builder b = new TrainingStep.Builder(2, 1, List.of("fc"));
        int f = b.compute(0, 0, FORWARD, 0);
        TrainingStep s = b.build();
        assertThrows(IllegalStateException.class, () -> b.compute(0, 1, FORWARD, 0));
        assertThrows(IllegalStateException.class, () -> b.depends(f, f));
        assertThrows(IllegalStateException.class, b::build);
        assertEquals(1, s.size());
    }
}
