package org.hyparsim.scenarios.scenario;

import java.util.ArrayList;
import java.util.List;
import org.hyparsim.accel.HardwareProfile;
import org.hyparsim.core.step.Interconnect;
import org.hyparsim.core.step.Replay;
import org.hyparsim.core.step.Schedule;
import org.hyparsim.core.step.StepResult;
import org.hyparsim.core.step.TrainingStep;
import org.hyparsim.noc.FlowInterconnect;
import org.hyparsim.noc.LinkParams;
import org.hyparsim.noc.PacketInterconnect;
import org.hyparsim.noc.Topologies;
import org.hyparsim.noc.Topology;
import org.hyparsim.partition.Accounting;
import org.hyparsim.partition.CommunicationModel;
import org.hyparsim.partition.Plan;
import org.hyparsim.partition.StepBuilder;
import org.hyparsim.partition.planner.FilePlanner;
import org.hyparsim.partition.planner.Planner;
import org.hyparsim.partition.planner.Planners;
import org.hyparsim.results.RunRecord;

/** Runs a scenario: per strategy, plan, build the training step, replay it, check the invariants. */
public final class ScenarioRunner {
    private ScenarioRunner() {
    }

    public static List<RunRecord> run(Scenario s, boolean trace) {
        List<RunRecord> out = new ArrayList<>();
        for (String strategy : s.strategies()) {
            out.add(run(s, strategy, trace));
        }
        return out;
    }

    public static RunRecord run(Scenario s, String strategy, boolean trace) {
        HardwareProfile hw = s.hardware();
        CommunicationModel model = new CommunicationModel(s.network(),
                Accounting.hypar(s.batch()).withBytesPerElement(hw.bytesPerElement()));
        Planner planner = strategy.equals("file") ? new FilePlanner(s.filePlan(), s.source())
                : Planners.byName(strategy, s.source(), "strategies");
        Plan plan = planner.plan(model, s.levels());
        double plannerBytes = model.evaluate(plan).totalBytes();
        TrainingStep step = StepBuilder.build(model, plan, s.iterations());
        Interconnect net = interconnect(s.topology(), s.accelerators(), hw, s.linkModel());
        StepResult r = new Replay(step, hw.newComputeModel(), net, hw.energy(), s.schedule(), trace).run();
        Invariants.check(r, plannerBytes, s.schedule());
        return new RunRecord(s.network().name(), s.batch(), s.accelerators(), s.topology(), s.hardwareLabel(),
                s.schedule().label(), s.linkModel(), strategy, plan.labels(), plannerBytes, r);
    }

    public static Interconnect interconnect(String topology, int accelerators, HardwareProfile hw, String linkModel) {
        LinkParams link = LinkParams.of(hw.linkBandwidthGBps(), hw.linkLatencyNs());
        List<LinkParams> levels = hw.htreeLevelBandwidthGBps().stream()
                .map(bw -> LinkParams.of(bw, hw.linkLatencyNs())).toList();
        LinkParams bus = LinkParams.of(hw.busBandwidthGBps(), hw.linkLatencyNs());
        Topology t = Topologies.create(topology, accelerators, link, levels, bus);
        if (t == null) {
            throw new IllegalArgumentException("unknown topology " + topology);
        }
        return "flow".equals(linkModel) ? new FlowInterconnect(t) : new PacketInterconnect(t, hw.packetBytes());
    }

    /** Checks that hold at the end of every run; a violation fails the run. */
    static final class Invariants {
        private Invariants() {
        }

        static void check(StepResult r, double plannerBytes, Schedule schedule) {
            double tol = 1e-9 * Math.max(1, plannerBytes);
            if (Math.abs(r.bytesSent() - r.bytesReceived()) > tol) {
                fail("bytes sent " + r.bytesSent() + " != bytes received " + r.bytesReceived());
            }
            if (Math.abs(r.communicationBytes() - plannerBytes) > tol) {
                fail("replayed communication " + r.communicationBytes() + " B != planner's " + plannerBytes + " B");
            }
            StepResult.Energy e = r.energy();
            double sum = e.compute() + e.sram() + e.dram() + e.link() + e.staticEnergy();
            if (!Double.isFinite(sum) || Math.abs(sum - r.energyJoules()) > 1e-9 * Math.max(1e-12, sum)) {
                fail("energy components " + sum + " J do not sum to the total " + r.energyJoules() + " J");
            }
            double computeBound = r.computeSeconds() + r.memoryStallSeconds();
            double linkBound = 0;
            for (Interconnect.LinkUsage u : r.links()) {
                linkBound = Math.max(linkBound, u.busyPs() * 1e-12 / r.iterations());
            }
            // serial runs compute and communication one after the other: their sum bounds it
            double bound = schedule == Schedule.SERIAL ? computeBound + linkBound : Math.max(computeBound, linkBound);
            if (r.stepTimeSeconds() < bound * (1 - 1e-9) - 1e-12) {
                fail("step time " + r.stepTimeSeconds() + " s is below its lower bound " + bound + " s");
            }
        }

        private static void fail(String what) {
            throw new IllegalStateException("invariant violated: " + what);
        }
    }
}
