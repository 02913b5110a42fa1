package org.hyparsim.accel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hyparsim.core.step.ComputeCost;
import org.hyparsim.core.step.ComputeWork;
import org.hyparsim.core.step.TaskKind;
import org.hyparsim.core.workload.Layer;
import org.junit.jupiter.api.Test;

class RowStationaryComputeModelTest {
    /** One engine of rows x 14 PEs at 500 MHz, 1 KiB buffer, 1 vault of 10 GB/s, no latency. */
    static AcceleratorProfile profile(int rows, double bufferKiB) {
        return new AcceleratorProfile("t", ComputeModelKind.ROW_STATIONARY, new PeArray(1, rows, 14, 500, 0),
                new MemorySystem(bufferKiB, 1, 10, 0, 4), new AcceleratorEnergy(4.6, 1.25, 3.7, 1));
    }

    /** conv 4 -> 8 channels, 3x3 on 14x14 (pad 1), 2 samples. */
    static ComputeWork work(TaskKind phase) {
        Layer conv = Layer.conv("c", 4, 14, 8, 3, 1, 1);
        return new ComputeWork(conv, phase, 2, 4);
    }

    @Test
    void cyclesMatchAHandComputedMapping() {
        // 12 x 14 PEs: a PE set is 3 filter rows x 14 output rows; 4 x 1 sets fit.
        // sets needed: 2 samples x 4 in x 8 out x 1 band = 64 -> 16 passes of 14 x 3 cycles = 672
        RowStationaryComputeModel m = new RowStationaryComputeModel(profile(12, 1024));
        ComputeWork w = work(TaskKind.FORWARD);
        assertEquals(2 * 4 * 8 * 14 * 14 * 9, w.macs());
        assertEquals(672, m.cycles(w));
        assertEquals(1.0, m.utilisation(w), 1e-12);
        // 14 rows: still 4 sets (12 of 14 rows busy): same cycles, utilisation 12/14
        RowStationaryComputeModel m14 = new RowStationaryComputeModel(profile(14, 1024));
        assertEquals(672, m14.cycles(w));
        assertEquals(12.0 / 14, m14.utilisation(w), 1e-12);
    }

    @Test
    void fcLayersFillTheArray() {
        RowStationaryComputeModel m = new RowStationaryComputeModel(profile(14, 1024));
        ComputeWork fc = new ComputeWork(Layer.fc("f", 196, 10), TaskKind.FORWARD, 4, 196);
        // 4 x 196 x 10 sets of 1 PE, 196 at a time: 40 passes of 1 cycle
        assertEquals(40, m.cycles(fc));
        assertEquals(1.0, m.utilisation(fc), 1e-12);
    }

    @Test
    void memoryTrafficTilesWhenTheBufferIsTooSmall() {
        ComputeWork w = work(TaskKind.FORWARD);
        double in = 2 * 4 * 14 * 14 * 4.0;   // 6272 B
        double weights = 4 * 8 * 9 * 4.0;    // 1152 B
        double out = 2 * 8 * 14 * 14 * 4.0;  // 12544 B
        // a large buffer: each moved once
        assertEquals(in + weights + out, new RowStationaryComputeModel(profile(12, 1024)).dramBytes(w));
        // a 1 KiB buffer (512 B tiles): keep the weights in 3 tiles and stream the input 3 times,
        // or keep the input in 13 tiles and stream the weights 13 times; the cheaper wins
        double keepWeights = weights + in * 3;
        double keepInput = in + weights * 13;
        assertEquals(out + Math.min(keepWeights, keepInput), new RowStationaryComputeModel(profile(12, 1)).dramBytes(w));
        // the update is element-wise: W and dW read, W written
        assertEquals(3 * 4 * 8 * 9 * 4.0, new RowStationaryComputeModel(profile(12, 1)).dramBytes(work(TaskKind.UPDATE)));
    }

    @Test
    void aTaskTakesTheLongerOfComputeAndMemory() {
        RowStationaryComputeModel m = new RowStationaryComputeModel(profile(12, 1024));
        ComputeCost c = m.cost(work(TaskKind.FORWARD));
        assertEquals(672 * 2000, c.computePs()); // 2 ns per cycle at 500 MHz
        long memory = Math.round((6272 + 1152 + 12544) / 10e9 * 1e12);
        assertEquals(Math.max(672 * 2000, memory), c.durationPs());
        assertTrue(c.memoryStallPs() > 0);
        assertEquals(2 * c.dramBytes(), c.sramBytes());
    }

    @Test
    void idealModelRunsMacsAtItsRateAndUpdatesForFree() {
        IdealComputeModel m = new IdealComputeModel(1e12);
        ComputeCost c = m.cost(work(TaskKind.GRADIENT));
        assertEquals(Math.round(work(TaskKind.GRADIENT).macs()), c.durationPs());
        assertEquals(0, c.memoryStallPs());
        assertEquals(0, m.cost(work(TaskKind.UPDATE)).durationPs());
    }
}
