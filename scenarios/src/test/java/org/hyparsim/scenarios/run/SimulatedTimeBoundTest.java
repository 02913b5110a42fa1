package org.hyparsim.scenarios.run;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.hyparsim.core.Limits;
import org.hyparsim.input.scenario.Scenario;
import org.hyparsim.input.scenario.SimulatedTimeBound;
import org.hyparsim.results.RunRecord;
import org.hyparsim.scenarios.Scenarios;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The reader's bound on simulated time ({@link SimulatedTimeBound}) is an upper bound on replayed
 * steps, and admits GPT-3-175B at 16 and 64 accelerators (which one MAC per cycle refused).
 */
class SimulatedTimeBoundTest {
    @TempDir
    Path dir;

    private static SimulatedTimeBound.Parts bound(Scenario s) {
        return SimulatedTimeBound.of(s.network(), s.batch(), s.array().accelerators(), s.workload().iterations(),
                s.hardware(), List.of());
    }

    @ParameterizedTest(name = "{0} at batch {1} on {2} ({3}, {4})")
    @CsvSource({"GPT-test, 8, 1, htree, overlap", "GPT-test, 8, 4, htree, overlap", "GPT-test, 64, 16, torus, overlap",
            "AlexNet, 32, 1, htree, serial", "AlexNet, 32, 16, htree, overlap", "Lenet-c, 256, 16, bus, serial"})
    void boundsEveryStrategysReplay(String network, int batch, int accelerators, String topology, String schedule)
            throws Exception {
        Scenario s = Scenarios.read(dir, "network: " + network + "\nbatch: " + batch + "\naccelerators: " + accelerators
                + "\ntopology: " + topology + "\nschedule: " + schedule + "\nhardware: hmc-rs\niterations: 2\n"
                + "strategies: [dp, mp, trick, hypar, accpar]\n");
        double b = bound(s).totalSeconds();
        for (RunRecord r : ScenarioRunner.run(s, false, 1, strategy -> null)) {
            double replayed = r.result().stepTimeSeconds() * s.workload().iterations();
            System.out.printf(Locale.ROOT, "%s %d %s: replayed %.4g s, bound %.4g s (%.3gx)%n", network, accelerators,
                    r.key().strategy().label(), replayed, b, b / replayed);
            assertTrue(replayed <= b, r.key().strategy().label() + ": replayed " + replayed + " s, bound " + b + " s");
        }
    }

    @Test
    void oneAcceleratorsComputeIsExactlyItsTasks() throws Exception {
        // on one accelerator the step is its tasks one after another: the bound's compute part is their sum
        Scenario s = Scenarios.read(dir, "network: GPT-test\nbatch: 4\naccelerators: 1\nhardware: hmc-rs\n"
                + "schedule: serial\nstrategies: [dp]\n");
        RunRecord r = ScenarioRunner.run(s, s.strategies().get(0), false);
        SimulatedTimeBound.Parts b = bound(s);
        assertTrue(b.totalSeconds() >= r.result().stepTimeSeconds(),
                b.totalSeconds() + " s against " + r.result().stepTimeSeconds());
        assertTrue(b.computeSeconds() <= r.result().stepTimeSeconds() * 1.01,
                b.computeSeconds() + " s against " + r.result().stepTimeSeconds());
    }

    @ParameterizedTest(name = "GPT-3-175B on {0}")
    @CsvSource({"16", "64"})
    void admitsGpt3At16And64(int accelerators) throws Exception {
        String yaml = "network: GPT-3-175B\nbatch: " + accelerators + "\naccelerators: " + accelerators
                + "\nhardware: hmc-rs\nstrategies: [hypar]\n";
        Scenario s = assertDoesNotThrow(() -> Scenarios.read(dir, yaml));
        double b = bound(s).totalSeconds();
        System.out.printf(Locale.ROOT, "GPT-3-175B at batch %d on %d: bound %.3g s%n", accelerators, accelerators, b);
        assertTrue(b <= Limits.maxSimulatedSeconds());
    }
}
