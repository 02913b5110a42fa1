package org.hyparsim.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hyparsim.core.step.StepResult;
import org.hyparsim.core.step.TraceEvent;
import org.hyparsim.results.RunRecord;
import org.hyparsim.input.scenario.Scenario;
import org.hyparsim.input.scenario.ScenarioReader;
import org.hyparsim.scenarios.run.ScenarioRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scenarios run end to end: planner, step builder, replay and invariants together, on small cases. */
class ScenarioRunnerTest {
    @TempDir
    Path dir;

    @Test
    void oneAcceleratorHasNoCommunicationAndItsStepIsItsComputeAndMemoryTime() throws Exception {
        Scenario s = Scenarios.read(dir, "network: Cifar-c\naccelerators: 1\nstrategies: [dp, hypar]\n");
        for (RunRecord r : ScenarioRunner.run(s, false)) {
            StepResult x = r.result();
            assertEquals(0, x.communicationBytes());
            assertEquals(0, x.transfers());
            assertEquals(0, x.linkBytes());
            assertEquals(0, x.exposedCommunicationSeconds(), 1e-15);
            assertEquals(x.computeSeconds() + x.memoryStallSeconds(), x.stepTimeSeconds(), 1e-12);
            assertTrue(x.computeSeconds() > 0);
        }
    }

    @Test
    void bytesSentEqualBytesReceivedOnEveryTopologyAndSchedule() throws Exception {
        // a uniform array, and a mixed one whose halves differ in speed (its accelerators are not equally busy, so
        // the critical accelerator must be the busiest for the tally's exposed time to equal the trace's)
        for (String hardware : List.of("", "hardware: [{profile: hmc-rs, count: 4}, {profile: hmc-rs, clockMHz: 250, "
                + "count: 4}]\n")) {
            for (String topology : List.of("htree", "torus", "mesh", "ring", "switch", "bus")) {
                for (String schedule : List.of("overlap", "serial")) {
                    Scenario s = Scenarios.read(dir, "network: Lenet-c\naccelerators: 8\ntopology: " + topology
                            + "\nschedule: " + schedule + "\nstrategies: [dp, mp, trick, hypar]\n" + hardware);
                    for (RunRecord r : ScenarioRunner.run(s, true)) {
                        StepResult x = r.result();
                        String what = topology + " " + schedule + " " + r.key().strategy() + " " + hardware;
                        assertEquals(x.bytesSent(), x.bytesReceived(), 1e-6, what);
                        assertEquals(r.plannerBytes(), x.communicationBytes(), 1e-6 * r.plannerBytes(), what);
                        assertTrue(x.linkBytes() >= x.communicationBytes(), what);
                        // energy accumulated task by task agrees with the components summed over the step
                        assertEquals(x.energy().byTasks(), x.energyJoules(), 1e-9 * x.energyJoules(), what);
                        // exposed communication measured from the trace: the critical accelerator's time not covered
                        // by its compute tasks; the step is its compute and stall (the tally's) plus that
                        double exposed = exposedFromTrace(x);
                        assertEquals(x.stepTimeSeconds(), x.computeSeconds() + x.memoryStallSeconds() + exposed, 1e-12, what);
                        assertEquals(exposed, x.exposedCommunicationSeconds(), 1e-12, what);
                    }
                }
            }
        }
    }

    /**
     * The critical accelerator's idle time within the step, from the trace's intervals: the step
     * minus the union of its compute tasks' intervals (the accelerator whose union is longest).
     */
    static double exposedFromTrace(StepResult x) {
        Map<Integer, List<TraceEvent>> byAccelerator = x.trace().stream().filter(e -> !e.transfer())
                .collect(Collectors.groupingBy(TraceEvent::accelerator));
        long busiest = 0;
        for (List<TraceEvent> events : byAccelerator.values()) {
            List<TraceEvent> sorted = events.stream().sorted(Comparator.comparingLong(TraceEvent::startPs)).toList();
            long covered = 0;
            long reach = Long.MIN_VALUE;
            for (TraceEvent e : sorted) {
                long from = Math.max(e.startPs(), reach);
                covered += Math.max(0, e.endPs() - from);
                reach = Math.max(reach, e.endPs());
            }
            busiest = Math.max(busiest, covered);
        }
        return x.stepTimeSeconds() - busiest * 1e-12;
    }

    @Test
    void serialIsNeverFasterThanOverlap() throws Exception {
        for (String schedule : List.of("overlap", "serial")) {
            Scenarios.write(dir, schedule + ".yaml", "network: AlexNet\naccelerators: 8\ntopology: torus\nschedule: "
                    + schedule + "\nstrategies: [dp, hypar]\n");
        }
        List<RunRecord> overlap = ScenarioRunner.run(ScenarioReader.read(dir.resolve("overlap.yaml")), false);
        List<RunRecord> serial = ScenarioRunner.run(ScenarioReader.read(dir.resolve("serial.yaml")), false);
        for (int i = 0; i < overlap.size(); i++) {
            assertTrue(serial.get(i).result().stepTimeSeconds() >= overlap.get(i).result().stepTimeSeconds());
        }
    }

    @Test
    void severalIterationsReportASteadyStateStep() throws Exception {
        // serial: steps are separated by barriers, so every step takes as long as the first
        Scenario s = Scenarios.read(dir, "network: Lenet-c\naccelerators: 4\niterations: 3\nschedule: serial\nstrategies: [hypar]\n");
        StepResult x = ScenarioRunner.run(s, false).get(0).result();
        assertEquals(3, x.iterations());
        assertEquals(x.stepTimeSeconds(), x.steadyStepTimeSeconds(), 1e-12);
        // overlap: a step's first forward waits for the previous step's last update (layer 1's), so
        // steps barely overlap, and a step's own figures do not change with the number of steps
        Scenario o = Scenarios.read(dir, "network: Lenet-c\naccelerators: 4\niterations: 3\nstrategies: [hypar]\n");
        StepResult y = ScenarioRunner.run(o, false).get(0).result();
        Scenario one = Scenarios.read(dir, "network: Lenet-c\naccelerators: 4\nstrategies: [hypar]\n");
        StepResult z = ScenarioRunner.run(one, false).get(0).result();
        assertEquals(z.communicationBytes(), y.communicationBytes(), 1e-6);
        assertEquals(z.macs(), y.macs(), 1e-6);
        assertEquals(y.stepTimeSeconds(), y.steadyStepTimeSeconds(), 0.05 * y.stepTimeSeconds());
    }

    @Test
    void flowLevelAgreesWithPacketLevelWhereNothingContends() throws Exception {
        // two accelerators: each direction of the one pair has its own links
        for (String topology : List.of("htree", "ring", "switch")) {
            double[] t = new double[2];
            int i = 0;
            for (String model : List.of("packet", "flow")) {
                Scenario s = Scenarios.read(dir, "network: AlexNet\naccelerators: 2\ntopology: " + topology
                        + "\nschedule: serial\nlinkModel: " + model + "\nstrategies: [dp]\n");
                t[i++] = ScenarioRunner.run(s, false).get(0).result().stepTimeSeconds();
            }
            assertEquals(t[0], t[1], 0.02 * t[0], topology);
        }
    }

    @Test
    void flowLevelConservesBytesUnderContention() throws Exception {
        Scenario s = Scenarios.read(dir, "network: VGG-A\naccelerators: 16\ntopology: torus\nlinkModel: flow\n");
        for (RunRecord r : ScenarioRunner.run(s, false)) {
            assertEquals(r.result().bytesSent(), r.result().bytesReceived(), 1e-6, r.key().strategy().label());
            assertEquals(r.plannerBytes(), r.result().communicationBytes(), 1e-6 * r.plannerBytes(), r.key().strategy().label());
        }
    }
}
