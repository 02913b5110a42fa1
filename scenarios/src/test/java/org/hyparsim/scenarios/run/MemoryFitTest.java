package org.hyparsim.scenarios.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.hyparsim.core.InputException;
import org.hyparsim.core.kind.Parallelism;
import org.hyparsim.core.workload.Network;
import org.hyparsim.input.networks.NetworkCatalog;
import org.hyparsim.input.scenario.BuiltInProfile;
import org.hyparsim.input.scenario.HardwareReader;
import org.hyparsim.input.scenario.Scenario;
import org.hyparsim.partition.Plan;
import org.hyparsim.partition.memory.FitPolicy;
import org.hyparsim.partition.memory.MemoryFootprint;
import org.hyparsim.partition.memory.MemorySettings;
import org.hyparsim.partition.memory.Optimizer;
import org.hyparsim.partition.memory.Precision;
import org.hyparsim.partition.memory.Recompute;
import org.hyparsim.results.RunRecord;
import org.hyparsim.scenarios.Scenarios;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plans that fit in each accelerator's memory: the footprint reported, and timed with fit: required. */
class MemoryFitTest {
    @TempDir
    Path dir;

    private static final String GPT2 = """
            network: GPT-2
            batch: 8
            accelerators: 64
            hardware: hmc-rs
            strategies: [dp, timed]
            planBudget: 6
            optimizer: adam
            precision: mixed
            recompute: full
            fit: required
            """;

    @Test
    void gpt2OnSixtyFourDoesNotFitUnderDpAndTimedFindsAPlanThatFits() throws Exception {
        Scenario s = Scenarios.read(dir, GPT2);
        assertEquals(4L << 30, s.hardware().capacity().bytes(), "hmc-rs: a 4 GiB cube");
        RunRecord.Memory dp = ScenarioRunner.memory(s, Plan.uniform(s.network().size(), s.levels(), Parallelism.DP));
        assertFalse(dp.fits());
        assertTrue(dp.required());
        RunRecord timed = ScenarioRunner.run(s, s.strategies().get(1), false);
        assertTrue(timed.memory().fits(), "peak " + timed.memory().peakMemoryBytes());
        assertTrue(timed.memory().peakMemoryBytes() <= timed.memory().capacityBytes());
        assertTrue(timed.result().stepTimeSeconds() > 0, "the chosen plan is replayed");
    }

    @Test
    void gpt3OnTenTwentyFourUnderDpDoesNotFit() {
        // plan only: a replay of GPT-3-175B at batch 1024 would pass the engine's clock (the reader refuses it)
        Network gpt3 = NetworkCatalog.builtIn().get("GPT-3-175B");
        MemorySettings s = new MemorySettings(Optimizer.ADAM, Precision.MIXED, Recompute.FULL, FitPolicy.REPORTED);
        double peak = MemoryFootprint.peakBytes(Plan.uniform(gpt3.size(), 10, Parallelism.DP), gpt3, 1024, s);
        long capacity = HardwareReader.builtIn(BuiltInProfile.HMC_RS).capacity().bytes();
        assertFalse(MemoryFootprint.fits(peak, capacity));
        // every accelerator holds all 174.6 B parameters at 16 bytes each, more than 2.7 TB
        assertTrue(peak > 16 * 174.5e9);
    }

    @Test
    void aScenarioWithoutMemorySettingsReportsNone() throws Exception {
        Scenario s = Scenarios.read(dir, "network: SFC\naccelerators: 2\nstrategies: [dp]\n");
        assertFalse(s.workload().reportsMemory());
        assertNull(ScenarioRunner.run(s, s.strategies().get(0), false).memory());
        Scenario t = Scenarios.read(dir, "network: SFC\naccelerators: 2\nstrategies: [dp]\noptimizer: momentum\n");
        assertEquals(Optimizer.MOMENTUM, t.workload().memorySettings().optimizer());
        assertNotNull(ScenarioRunner.run(t, t.strategies().get(0), false).memory());
    }

    @Test
    void anUnknownOptimizerIsRefusedNamingTheField() {
        InputException e = assertThrows(InputException.class,
                () -> Scenarios.read(dir, "network: SFC\naccelerators: 2\noptimizer: nadam\n"));
        assertEquals(List.of("optimizer"), e.problems().stream().map(InputException.Problem::path).toList());
        assertTrue(e.getMessage().contains("'nadam' is not one of sgd, momentum, adam"), e.getMessage());
    }
}
