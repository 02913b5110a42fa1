package org.hyparsim.accel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hyparsim.core.step.ComputeCost;
import org.hyparsim.core.step.ComputeWork;
import org.hyparsim.core.step.TaskKind;
import org.hyparsim.core.workload.Layer;
import org.junit.jupiter.api.Test;

class RowStationaryComputeModelTest {
    /** One engine of rows x 14 PEs at 500 MHz, 1 KiB buffer, 1 vault of 10 GB/s, no latency, no ramp-up. */
    static AcceleratorProfile profile(int rows, double bufferKiB) {
        return profile(rows, bufferKiB, 0, 1e12);
    }

    /** As {@link #profile(int, double)} with a pass's ramp-up of {@code ramp} cycles plus its filter words at {@code wordsPerCycle}. */
    static AcceleratorProfile profile(int rows, double bufferKiB, double ramp, double wordsPerCycle) {
        return new AcceleratorProfile("t", ComputeModelKind.ROW_STATIONARY, new PeArray(1, rows, 14, 500, 0, 12, 224, 24,
                ramp, wordsPerCycle, 1e12, false),
                new MemorySystem(bufferKiB, 1, 10, 0, 4, true, 0), new AcceleratorEnergy(4.6, 4.6, 9.2, 1.25, 3.7, 1));
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
    void eachPassRampsUp() {
        // the one-pass mapping: r = 4 sets on the 4 channels, q = 1, t = 1, p = 8 filters, n = 2 samples;
        // compute 2 x 8 x 1 x 3 x 14 = 672 cycles; ramp-up 300 + filter words 8 x 4 x 3 x 3 = 288 at 2 per cycle
        RowStationaryComputeModel m = new RowStationaryComputeModel(profile(12, 1024, 300, 2));
        ComputeWork w = work(TaskKind.FORWARD);
        assertEquals(672 + 300 + 144, m.cycles(w));
        // every one-pass mapping (p t = 8 filters, q r = 4 channels) takes as long; the least energy is p = 4, q = 2, r = t = 2
        assertEquals(1, m.mapping(w).passes());
        assertEquals("8/2/14/4/2/2/2", m.mapping(w).label());
        assertEquals(3 * 14 * 4, m.mapping(w).activePes());
        // without a ramp-up the pass is compute alone
        assertEquals(672, new RowStationaryComputeModel(profile(12, 1024, 0, 1e12)).cycles(w));
    }

    @Test
    void zerosAreRunLengthCodedOffChipAndGatedOnIt() {
        // half the activations zero: a nonzero costs 4/3 of a word in Eyeriss's code (three 21-bit pairs per
        // 64 bits), so an activation costs 1/2 x 4/3 = 2/3 of a word off chip; filters are not coded
        AcceleratorProfile p = profile(12, 1024);
        RowStationaryComputeModel m = new RowStationaryComputeModel(new AcceleratorProfile("t", p.computeModel(), p.array(),
                new MemorySystem(1024, 1, 10, 0, 4, true, 0.5), p.energy()));
        ComputeWork w = work(TaskKind.FORWARD);
        double in = 2 * 4 * 14 * 14;   // words, each read once (the buffer holds every output channel)
        double weights = 4 * 8 * 9;
        double out = 2 * 8 * 14 * 14;
        assertEquals((in * 2 / 3 + weights + out * 2 / 3) * 4, m.dramBytes(w), 1e-6);
        // uncompressed, the same mapping moves each word once
        assertEquals((in + weights + out) * 4, new RowStationaryComputeModel(p).dramBytes(w), 1e-6);
        // half the forward MACs meet a zero input and are gated (no MAC energy, no filter read); the backward
        // phases' errors are not ReLU outputs
        assertEquals(w.macs() / 2, m.gatedMacs(w), 1e-9);
        assertEquals(w.macs() / 2, m.cost(w).mapping().gatedMacs(), 1e-9);
        assertEquals(0, m.gatedMacs(work(TaskKind.ERROR)));
        // a network's image (3 channels) has no zeros from a ReLU: read as it is, nothing gated; its output is coded
        ComputeWork image = new ComputeWork(Layer.conv("c1", 3, 14, 8, 3, 1, 1), TaskKind.FORWARD, 2, 3);
        assertEquals((2 * 3 * 196 + 3 * 8 * 9 + out * 2 / 3) * 4, m.dramBytes(image), 1e-6);
        assertEquals(0, m.gatedMacs(image));
    }

    @Test
    void fcLayersFillTheArray() {
        // memory fast enough that the array, not the vaults, sets the time (otherwise every mapping under the
        // memory time ties on latency and the one of least energy is taken, not the fastest)
        AcceleratorProfile p = profile(14, 1024);
        RowStationaryComputeModel m = new RowStationaryComputeModel(new AcceleratorProfile("t", p.computeModel(), p.array(),
                new MemorySystem(1024, 1, 1e4, 0, 4, true, 0), p.energy()));
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
        // the update is element-wise: W and dW read, W written
        assertEquals(3 * 4 * 8 * 9 * 4.0, new RowStationaryComputeModel(profile(12, 1)).dramBytes(work(TaskKind.UPDATE)));
    }

    @Test
    void theTilingWorkedByHand() {
        // one sample of conv 4 -> 8, 3x3 on 14x14 (pad 1), fp32: input 3136 B, weights 1152 B, output 6272 B,
        // 4 KiB of buffer. Output stationary with all 8 output channels and 7 output rows at a time: a
        // weight tile of 8 x 1 x 9 x 4 = 288 B, input rows (6 + 3) x 14 x 4 = 504 B, partial sums
        // 8 x 7 x 14 x 4 = 3136 B: 3928 B fit. The weights are read once per row tile (2), the input once
        // with its halo (2 tiles x 9 rows of 14: 18/14 of it), the output written once:
        // 2 x 1152 + 3136 x 18/14 + 6272 = 12608 B. Every other tiling that fits moves more.
        ConvTiling.Conv conv = new ConvTiling.Conv(1, 4, 8, new ConvTiling.Plane(14, 14), new ConvTiling.Plane(14, 14), 3, 1);
        assertEquals(2 * 1152 + 3136 * 18.0 / 14 + 6272, ConvTiling.traffic(conv, 1, 4, 6272, 4096), 1e-9);
        // an fc layer whose outputs fit: weights and input stream once, the outputs stay until written
        ConvTiling.Conv fc = new ConvTiling.Conv(4, 256, 256, new ConvTiling.Plane(1, 1), new ConvTiling.Plane(1, 1), 1, 1);
        assertEquals(256 * 256 * 4 + 4 * 256 * 4 + 4 * 256 * 4, ConvTiling.traffic(fc, 1, 4, 4 * 256 * 4, 65536), 1e-9);
    }

    @Test
    void aGroupedConvolutionIsItsGroupsSideBySide() {
        // conv 8 -> 16 in two groups, 3x3 on 14x14: each output channel sees 4 input channels
        Layer grouped = Layer.conv("g", 8, 14, 16, 3, 1, 1).withGroups(2);
        assertEquals(4 * 16 * 9, grouped.weights());
        assertEquals(14 * 14 * 16 * 4 * 9, grouped.forwardMacsPerSample());
        ComputeWork w = new ComputeWork(grouped, TaskKind.FORWARD, 2, 8);
        assertEquals(4 * 16 * 9, w.weightElements(), 1e-9);
        // the traffic is twice that of one group: conv 4 -> 8 on half the input, half the output
        ConvTiling.Conv half = new ConvTiling.Conv(2, 4, 8, new ConvTiling.Plane(14, 14), new ConvTiling.Plane(14, 14), 3, 1);
        double oneGroup = ConvTiling.traffic(half, 1, 4, 2 * 8 * 196 * 4.0, 2048);
        ConvTiling.Conv whole = new ConvTiling.Conv(2, 8, 16, new ConvTiling.Plane(14, 14), new ConvTiling.Plane(14, 14), 3, 1);
        assertEquals(2 * oneGroup, ConvTiling.traffic(whole, 2, 4, 2 * 16 * 196 * 4.0, 2048), 1e-9);
        // and the array maps half the sets of the ungrouped layer: each output channel's sets see 4 inputs
        RowStationaryComputeModel m = new RowStationaryComputeModel(profile(12, 1024));
        ComputeWork ungrouped = new ComputeWork(Layer.conv("u", 8, 14, 16, 3, 1, 1), TaskKind.FORWARD, 2, 8);
        assertEquals(m.cycles(ungrouped) / 2, m.cycles(w));
    }

    @Test
    void eachPhaseMovesItsOwnOperands() {
        // conv 4 -> 8 channels, 3x3 on 14x14 (pad 1), then a 2x2 pool: output 14x14, pooled 7x7; 2 samples, fp32
        Layer pooled = Layer.conv("c", 4, 14, 8, 3, 1, 1).withPool(2, 2);
        double in = 2 * 4 * 14 * 14 * 4.0;          // F_l: 6272 B
        double weights = 4 * 8 * 9 * 4.0;           // W_l: 1152 B
        double out = 2 * 8 * 7 * 7 * 4.0;           // F_{l+1}, pooled: 3136 B
        double error = 2 * 8 * 14 * 14 * 4.0;       // the output error before the pool: 12544 B
        RowStationaryComputeModel big = new RowStationaryComputeModel(profile(12, 1024));
        assertEquals(in + weights + out, big.dramBytes(new ComputeWork(pooled, TaskKind.FORWARD, 2, 4)));
        assertEquals(error + weights + in, big.dramBytes(new ComputeWork(pooled, TaskKind.ERROR, 2, 4)));
        assertEquals(in + error + weights, big.dramBytes(new ComputeWork(pooled, TaskKind.GRADIENT, 2, 4)));
        // a 1 KiB buffer: dW is 4 input x 8 output channel pairs of 36 B, in tiles of at most 512 B. A tile of
        // b output x a input channels reads F once per column of tiles (8 / b) and E once per row (4 / a):
        // b = 8, a = 1: F + 4E = 56448; b = 4, a = 3: 2F + 2E = 37632; b = 2, a = 4: 4F + E = 37632;
        // b = 1, a = 4: 8F + E = 62720. The least, plus dW written once: 2F + 2E + W = 38784 B.
        RowStationaryComputeModel small = new RowStationaryComputeModel(profile(12, 1));
        assertEquals(2 * in + 2 * error + weights, small.dramBytes(new ComputeWork(pooled, TaskKind.GRADIENT, 2, 4)));
        // error: the pre-pooling output error convolved back into the input's channels: at least each once
        assertTrue(small.dramBytes(new ComputeWork(pooled, TaskKind.ERROR, 2, 4)) >= error + weights + in);
    }

    @Test
    void gradientTrafficGrowsLinearlyWithTheBatchShard() {
        Layer conv = Layer.conv("c", 64, 56, 64, 3, 1, 1);
        RowStationaryComputeModel m = new RowStationaryComputeModel(profile(12, 108));
        double one = m.dramBytes(new ComputeWork(conv, TaskKind.GRADIENT, 1, 64));
        double sixteen = m.dramBytes(new ComputeWork(conv, TaskKind.GRADIENT, 16, 64));
        // the weight gradient is written once whatever the batch; the operands grow 16-fold
        double weights = 64 * 64 * 9 * 4.0;
        assertEquals(16 * (one - weights) + weights, sixteen, 1e-6 * sixteen);
        // and it is at least the compulsory traffic: each operand once
        double compulsory = 16 * (64 * 56 * 56 + 64 * 56 * 56) * 4.0 + weights;
        assertTrue(sixteen >= compulsory && sixteen <= 8 * compulsory, sixteen / compulsory + "x");
    }

    @Test
    void aTaskTakesTheLongerOfComputeAndMemory() {
        RowStationaryComputeModel m = new RowStationaryComputeModel(profile(12, 1024));
        ComputeCost c = m.cost(work(TaskKind.FORWARD));
        assertEquals(672 * 2000, c.computePs()); // 2 ns per cycle at 500 MHz
        long memory = Math.round((6272 + 1152 + 12544) / 10e9 * 1e12);
        assertEquals(Math.max(672 * 2000, memory), c.durationPs());
        assertTrue(c.memoryStallPs() > 0);
        assertTrue(c.sramBytes() > c.dramBytes(), "every memory byte passes the buffer, and more from it to the array");
    }

    @Test
    void accessCountsWorkedByHand() {
        // conv 4 -> 8, 3x3 on 14x14 (pad 1), 2 samples, fp32, on 12 x 14 PEs with a 12-word input scratchpad:
        // a set is 3 filter rows x 14 output rows (e = 14, one band); 2 x 4 x 8 = 64 sets; 4 sets fit the array
        RowStationaryComputeModel m = new RowStationaryComputeModel(profile(12, 1024));
        ComputeWork w = work(TaskKind.FORWARD);
        double macs = 2 * 4 * 8 * 14 * 14 * 9;                   // 112,896
        // the mapping found: one pass, n = 2 samples, p q S filter words per PE, a 16 x 16 padded input
        RowStationaryMapping.Mapping mp = m.mapping(w);
        String[] f = mp.label().split("/");
        int n = Integer.parseInt(f[1]);
        int p = Integer.parseInt(f[3]);
        int q = Integer.parseInt(f[4]);
        assertEquals(1, mp.passes());
        assertEquals(168, mp.activePes());
        // register files: 4 per MAC, and each PE's fills: p q S filter words, n q padded input row words, n p F psums
        double fills = 168.0 * (p * q * 3 + n * q * 16 + n * p * 14);
        ComputeCost.OnChip o = m.onChip(w);
        assertEquals(4 * macs + fills, o.registerFileAccesses(), 1e-6);
        assertTrue(o.arrayNetworkAccesses() > 0);
        // error maps as its own convolution (8 -> 4 channels), the gradient as the forward pass: same MACs
        for (TaskKind phase : new TaskKind[] {TaskKind.ERROR, TaskKind.GRADIENT}) {
            assertTrue(m.onChip(work(phase)).registerFileAccesses() >= 4 * macs, phase.toString());
        }
        // the update: W and dW in, W out, through the buffer only
        ComputeWork u = work(TaskKind.UPDATE);
        assertEquals(3 * 288 * 4.0, m.onChip(u).globalBufferBytes(), 1e-9);
        assertEquals(0, m.onChip(u).registerFileAccesses());
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
