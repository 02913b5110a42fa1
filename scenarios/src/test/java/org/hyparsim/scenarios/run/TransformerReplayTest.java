package org.hyparsim.scenarios.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.hyparsim.core.step.EnergyComponent;
import org.hyparsim.core.step.StepResult;
import org.hyparsim.input.scenario.Scenario;
import org.hyparsim.results.RunRecord;
import org.hyparsim.scenarios.Scenarios;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every built-in transformer under every strategy (dp, mp, trick, hypar, accpar, timed): the
 * replay's communication equals the planner's accounting, bytes sent equal bytes received, and
 * the energy components sum to the total (the runner's invariants check these on every replay;
 * asserted here once more). This test (for CI) runs GPT-test and BERT-base at 2, 16 and 64
 * accelerators, BERT-large and GPT-2 at 2 and 16, GPT-3-175B at 2; {@link TransformerReplayCheck}
 * (on request) runs the rest: BERT-large and GPT-2 at 64, GPT-3-175B at 16 and 64 (minutes).
 */
class TransformerReplayTest {
    @TempDir
    Path dir;

    static Stream<Arguments> cases() {
        Stream<Arguments> small = Stream.of("GPT-test", "BERT-base")
                .flatMap(n -> Stream.of(2, 16, 64).map(a -> Arguments.of(n, a)));
        Stream<Arguments> large = Stream.of("BERT-large", "GPT-2").flatMap(n -> Stream.of(2, 16).map(a -> Arguments.of(n, a)));
        return Stream.concat(Stream.concat(small, large), Stream.of(Arguments.of("GPT-3-175B", 2)));
    }

    /** Eight samples or one per accelerator; GPT-3-175B one per accelerator (the reader's bound on simulated time). */
    static int batch(String network, int accelerators) {
        return network.equals("GPT-3-175B") ? accelerators : Math.max(accelerators, 8);
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("cases")
    void accountedBytesEqualTheReplaysAndEnergyAddsUp(String network, int accelerators) throws Exception {
        check(dir, network, accelerators);
    }

    /** Runs the network on the array under the six strategies and checks each run's conservation laws. */
    static void check(Path dir, String network, int accelerators) throws Exception {
        Scenario s = Scenarios.read(dir, "network: " + network + "\nbatch: " + batch(network, accelerators)
                + "\naccelerators: " + accelerators + "\nhardware: hmc-rs\nplanBudget: 6\n"
                + "strategies: [dp, mp, trick, hypar, accpar, timed]\n");
        List<RunRecord> runs = ScenarioRunner.run(s, false, 2, strategy -> null);
        assertEquals(6, runs.size());
        for (RunRecord r : runs) {
            StepResult x = r.result();
            String what = network + " " + accelerators + " " + r.key().strategy().label();
            double tol = 1e-9 * Math.max(1, r.plannerBytes());
            assertEquals(r.plannerBytes(), x.communicationBytes(), tol, what);
            assertEquals(x.bytesSent(), x.bytesReceived(), tol, what);
            double sum = 0;
            for (EnergyComponent c : EnergyComponent.values()) {
                sum += x.energy().get(c);
            }
            assertEquals(x.energyJoules(), sum, 1e-9 * x.energyJoules(), what);
        }
    }
}
