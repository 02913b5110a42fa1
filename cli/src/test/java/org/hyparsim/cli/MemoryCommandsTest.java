package org.hyparsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.hyparsim.scenarios.Scenarios;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The memory footprint on the command line: plan and run report it, a plan that does not fit is warned of. */
class MemoryCommandsTest {
    @TempDir
    Path dir;

    @Test
    void planReportsTheFootprintAndWarnsWhenItDoesNotFit() {
        Cli text = Cli.run("plan", "--network", "GPT-2", "--accelerators", "64", "--batch", "8", "--strategy", "dp",
                "--optimizer", "adam", "--precision", "mixed", "--recompute", "full");
        assertEquals(0, text.status(), text.err());
        assertTrue(text.out().contains("dp         peak memory 23.26 GiB of 4 GiB per accelerator: does not fit"),
                text.out());
        assertTrue(text.out().contains("WARNING: dp's plan needs 23.26 GiB on its largest accelerator, more than its 4 GiB"), text.out());
        Cli json = Cli.run("plan", "--network", "GPT-test", "--accelerators", "2", "--format", "json");
        assertEquals(0, json.status(), json.err());
        assertTrue(json.out().contains("\"capacityBytes\" : 4294967296"), json.out());
        assertTrue(json.out().contains("\"fits\" : true"), json.out());
        assertTrue(json.out().contains("\"peakMemoryBytes\""), json.out());
    }

    @Test
    void anUnknownOptimizerIsRefusedWithExitTwo() throws Exception {
        Cli plan = Cli.run("plan", "--network", "GPT-test", "--accelerators", "2", "--optimizer", "nadam");
        assertEquals(2, plan.status());
        assertTrue(plan.err().contains("--optimizer: 'nadam' is not one of sgd, momentum, adam"), plan.err());
        Cli run = Cli.run("run", Scenarios.write(dir, "o.yaml", "network: GPT-test\naccelerators: 2\noptimizer: nadam\n")
                .toString());
        assertEquals(2, run.status());
        assertTrue(run.err().contains("optimizer: 'nadam' is not one of sgd, momentum, adam"), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
    }

    @Test
    void runReportsTheFootprintOnlyWhenTheScenarioStatesMemorySettings() throws Exception {
        Cli with = Cli.run("run", Scenarios.write(dir, "m.yaml", "network: GPT-test\naccelerators: 2\nbatch: 8\n"
                + "strategies: [dp]\noptimizer: adam\nprecision: mixed\n").toString(), "--format", "json");
        assertEquals(0, with.status(), with.err());
        assertTrue(with.out().contains("\"fits\" : true"), with.out());
        Cli without = Cli.run("run", Scenarios.write(dir, "n.yaml", "network: GPT-test\naccelerators: 2\nbatch: 8\n"
                + "strategies: [dp]\n").toString(), "--format", "json");
        assertEquals(0, without.status(), without.err());
        assertFalse(without.out().contains("peakMemoryBytes"), without.out());
    }

    @Test
    void timedSaysSoWhenNoPlanFits() throws Exception {
        // GPT-test's weights alone take 7.5 MB at 16 bytes a parameter: none of its plans fits in 0.001 GiB
        Cli r = Cli.run("run", Scenarios.write(dir, "t.yaml", "network: GPT-test\naccelerators: 2\nbatch: 8\n"
                + "hardware: {profile: hmc-rs, memoryCapacityGiB: 0.001}\nstrategies: [timed]\nplanBudget: 6\n"
                + "optimizer: adam\nfit: required\n").toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("of 1.024 MiB per accelerator: does not fit"), r.out());
        assertTrue(r.out().contains("(fit: required, but no candidate plan fits: timed chose the fastest)"), r.out());
    }

    @Test
    void aScenarioOverridesTheCapacity() throws Exception {
        Cli r = Cli.run("run", Scenarios.write(dir, "c.yaml", "network: GPT-test\naccelerators: 2\nbatch: 8\n"
                + "hardware: {profile: hmc-rs, memoryCapacityGiB: 64}\nstrategies: [dp]\nfit: reported\n").toString(),
                "--format", "json");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("\"capacityBytes\" : 68719476736"), r.out());
    }
}
