package org.hyparsim.core.step;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.hyparsim.core.engine.SimEngine;
import org.hyparsim.core.workload.Layer;
import org.junit.jupiter.api.Test;

/** The replay on small hand-built graphs with fake compute and interconnect models: exact times, both schedules. */
class ReplayTest {
    static final Layer FC = Layer.fc("fc", 4, 4);

    /** Forward 1000 ps, error 1500 ps, gradient 2000 ps, update 100 ps; 10 MACs, 1 buffer byte and 2 DRAM bytes each. */
    static final ComputeModel FAKE_COMPUTE = w -> {
        long ps = switch (w.phase()) {
            case FORWARD -> 1000;
            case ERROR -> 1500;
            case GRADIENT -> 2000;
            case UPDATE -> 100;
            case TRANSFER -> throw new IllegalArgumentException("not a compute phase");
        };
        return new ComputeCost(ps, ps, 10, new ComputeCost.OnChip(5, 3, 1), 2);
    };

    /** A message of b bytes is delivered b ps after it is sent, over one link, whatever else is in flight. */
    static final class FakeInterconnect implements Interconnect {
        private SimEngine engine;

        @Override
        public void attach(SimEngine e) {
            this.engine = e;
        }

        @Override
        public void send(int src, int dst, double bytes, Runnable onDelivered) {
            engine.scheduleIn((long) bytes, onDelivered);
        }

        @Override
        public int hops(int src, int dst) {
            return 1;
        }

        @Override
        public List<LinkUsage> linkUsage() {
            return List.of();
        }
    }

    /** 1 pJ per MAC, register-file access, array-network word, buffer byte, DRAM bit and link bit; no static power. */
    static final EnergyParams ENERGY = EnergyParams.of(c -> c == EnergyComponent.STATIC ? 0 : 1);

    /**
     * Two accelerators, one layer: both run forward; A0 sends 500 bytes to A1 after its forward;
     * A1 runs its gradient after its forward, then its update once the message and the gradient are in.
     */
    static TrainingStep graph() {
        TrainingStep.Builder b = new TrainingStep.Builder(2, 1, List.of("fc"));
        int f0 = b.compute(0, 0, new ComputeWork(FC, TaskKind.FORWARD, 1, 4), 0);
        int f1 = b.compute(0, 1, new ComputeWork(FC, TaskKind.FORWARD, 1, 4), 0);
        int x = b.transfer(0, 0, 1, 1, 0, TransferKind.GRADIENT_SUM, 500);
        b.depends(x, f0);
        int g1 = b.compute(0, 1, new ComputeWork(FC, TaskKind.GRADIENT, 1, 4), 0);
        b.depends(g1, f1);
        int u1 = b.compute(0, 1, new ComputeWork(FC, TaskKind.UPDATE, 1, 4), 0);
        b.depends(u1, x);
        b.depends(u1, g1);
        return b.build();
    }

    static StepResult replay(TrainingStep step, Schedule schedule) {
        return new Replay(step, FAKE_COMPUTE, new FakeInterconnect(), ENERGY, schedule, true).run();
    }

    @Test
    void overlapStartsEachTaskWhenItsInputsAreReady() {
        // A1: forward 0-1000, gradient 1000-3000; the message 1000-1500 hides behind the gradient; update 3000-3100
        StepResult r = replay(graph(), Schedule.OVERLAP);
        assertEquals(3100e-12, r.stepTimeSeconds(), 1e-18);
        assertEquals(3100e-12, r.computeSeconds(), 1e-18);
        assertEquals(0, r.exposedCommunicationSeconds(), 1e-18);
        assertEquals(500, r.communicationBytes());
        assertEquals(500, r.bytesReceived());
        assertEquals(1, r.transfers());
    }

    @Test
    void serialRunsAllComputeThenAllCommunicationThenTheUpdate() {
        // compute stage: A1 forward 0-1000, gradient 1000-3000; transfers 3000-3500; update 3500-3600
        StepResult r = replay(graph(), Schedule.SERIAL);
        assertEquals(3600e-12, r.stepTimeSeconds(), 1e-18);
        assertEquals(500e-12, r.exposedCommunicationSeconds(), 1e-18);
        TraceEvent update = r.trace().stream().filter(e -> e.category().equals("update")).findFirst().orElseThrow();
        assertEquals(3500, update.startPs());
        assertEquals(3600, update.endPs());
    }

    @Test
    void tasksOfOneAcceleratorRunOneAtATime() {
        // three independent forwards on A0 queue behind each other
        TrainingStep.Builder b = new TrainingStep.Builder(1, 1, List.of("fc"));
        for (int i = 0; i < 3; i++) {
            b.compute(0, 0, new ComputeWork(FC, TaskKind.FORWARD, 1, 4), 0);
        }
        StepResult r = replay(b.build(), Schedule.OVERLAP);
        assertEquals(3000e-12, r.stepTimeSeconds(), 1e-18);
        assertEquals(0, r.transfers());
    }

    @Test
    void energyIsCountedOncePerTaskAndComponent() {
        StepResult r = replay(graph(), Schedule.OVERLAP);
        // 4 compute tasks x (10 MACs + 5 register-file accesses + 3 array-network words + 1 buffer byte
        // + 2 DRAM bytes x 8 bits) pJ + 500 bytes x 8 bits x 1 hop pJ
        assertEquals(4 * 10e-12, r.energy().get(EnergyComponent.MAC), 1e-24);
        assertEquals(4 * 5e-12, r.energy().get(EnergyComponent.REGISTER_FILE), 1e-24);
        assertEquals(4 * 3e-12, r.energy().get(EnergyComponent.ARRAY_NETWORK), 1e-24);
        assertEquals(4 * 1e-12, r.energy().get(EnergyComponent.GLOBAL_BUFFER), 1e-24);
        assertEquals(4 * 16e-12, r.energy().get(EnergyComponent.DRAM), 1e-24);
        assertEquals(4000e-12, r.energy().get(EnergyComponent.LINK), 1e-24);
        assertEquals(r.energyJoules(), r.energy().byTasks(), 1e-24);
        assertEquals(4 * 35e-12 + 4000e-12, r.energyJoules(), 1e-24);
    }

    @Test
    void aGraphThatCannotFinishIsReportedNotHung() {
        // a transfer that depends on itself through a cycle never becomes ready
        TrainingStep.Builder b = new TrainingStep.Builder(1, 1, List.of("fc"));
        int a = b.compute(0, 0, new ComputeWork(FC, TaskKind.FORWARD, 1, 4), 0);
        int c = b.compute(0, 0, new ComputeWork(FC, TaskKind.FORWARD, 1, 4), 0);
        b.depends(a, c);
        b.depends(c, a);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> replay(b.build(), Schedule.OVERLAP));
        assertTrue(e.getMessage().contains("cannot finish"), e.getMessage());
    }
}
