package org.hyparsim.paper;

import java.util.List;
import org.hyparsim.core.step.RunPhase;
import org.hyparsim.core.step.Schedule;
import org.hyparsim.core.workload.Network;
import org.hyparsim.core.kind.CollectiveAlgorithm;
import org.hyparsim.core.kind.LinkModel;
import org.hyparsim.core.kind.TopologyKind;
import org.hyparsim.partition.planner.Strategy;
import org.hyparsim.core.kind.StrategyKind;
import org.hyparsim.input.scenario.ArrayConfig;
import org.hyparsim.input.scenario.BuiltInProfile;
import org.hyparsim.input.scenario.Hardware;
import org.hyparsim.input.scenario.Scenario;
import org.hyparsim.input.scenario.Workload;
import org.hyparsim.partition.memory.MemorySettings;

/** The suites of runs the figures read, as data: each crosses its networks, sizes and topologies. */
public enum Suite {
    /** Figs. 6, 7 and 8: the paper's own model on one shared channel. */
    PAPER("paper", BuiltInProfile.PAPER, Schedule.SERIAL, LinkModel.FLOW, StrategySets.PAPER,
            List.of(TopologyKind.BUS)),
    /** Fig. 12: the paper's model on a torus and an H tree. */
    PAPER_TOPOLOGY("paper-topology", BuiltInProfile.PAPER, Schedule.SERIAL, LinkModel.FLOW, StrategySets.DP_HYPAR,
            List.of(TopologyKind.HTREE, TopologyKind.TORUS)),
    /** Beyond the paper: the HMC profile, overlapped. */
    HMC_RS("hmc-rs", BuiltInProfile.HMC_RS, Schedule.OVERLAP, null, StrategySets.PAPER,
            List.of(TopologyKind.HTREE, TopologyKind.TORUS)),
    /** Fig. 11: VGG-E over array sizes. */
    SCALABILITY("scalability", BuiltInProfile.PAPER, Schedule.SERIAL, LinkModel.FLOW, StrategySets.DP_HYPAR,
            List.of(TopologyKind.BUS)),
    /** Where the answer flips: hmc-rs on an H tree as its links get slower. */
    FLIP_BANDWIDTH("flip-bandwidth", BuiltInProfile.HMC_RS, Schedule.OVERLAP, null, StrategySets.DP_HYPAR,
            List.of(TopologyKind.HTREE)),
    /** Where the answer flips: hmc-rs on an H tree as the array grows. */
    FLIP_SIZE("flip-size", BuiltInProfile.HMC_RS, Schedule.OVERLAP, null, StrategySets.DP_HYPAR,
            List.of(TopologyKind.HTREE)),
    /** Validation: one accelerator as the Eyeriss chip, inference, beside the chip's published figures. */
    EYERISS("eyeriss", BuiltInProfile.EYERISS, Schedule.OVERLAP, LinkModel.PACKET, StrategySets.DP_ONLY,
            List.of(TopologyKind.HTREE)),
    /** Validation: data parallelism on hmc-rs, 1 and 16 accelerators: honest scaling. */
    SCALING("scaling-check", BuiltInProfile.HMC_RS, Schedule.OVERLAP, null, StrategySets.DP_ONLY,
            List.of(TopologyKind.HTREE)),
    /** Fig. 9: Lenet-c's plan space, each plan from outside (the strategies are the plans). */
    LENET_SPACE("lenet-space", BuiltInProfile.PAPER, Schedule.SERIAL, LinkModel.FLOW, List.of(),
            List.of(TopologyKind.BUS)),
    /** Plans by simulated time against the byte-optimal ones, over sizes, topologies and link bandwidths. */
    TIMED("timed", BuiltInProfile.HMC_RS, Schedule.OVERLAP, null, StrategySets.TIMED,
            List.of(TopologyKind.HTREE, TopologyKind.TORUS)),
    /** The same on a mixed array: half the accelerators at half the clock. */
    TIMED_MIXED("timed-mixed", BuiltInProfile.HMC_RS, Schedule.OVERLAP, null, StrategySets.TIMED,
            List.of(TopologyKind.HTREE)),
    /** AccPar's partition space: dp, hypar and accpar on hmc-rs (H tree, overlap) over small arrays. */
    ACCPAR("accpar", BuiltInProfile.HMC_RS, Schedule.OVERLAP, null, StrategySets.ACCPAR,
            List.of(TopologyKind.HTREE)),
    /** The transformers ({@link TransformerScope}): hmc-rs, overlapped, on an H tree and a torus. */
    TRANSFORMERS("transformers", BuiltInProfile.HMC_RS, Schedule.OVERLAP, LinkModel.FLOW,
            TransformerScope.STRATEGIES, List.of(TopologyKind.HTREE, TopologyKind.TORUS));

    private final String label;
    private final BuiltInProfile profile;
    private final Schedule schedule;
    private final LinkModel linkModel;
    private final List<StrategyKind> strategies;
    private final List<TopologyKind> topologies;

    /**
     * @param linkModel the suite's link model; null: the simulator's default for the array's size
     *        ({@link LinkModel#defaultFor}), as a scenario that names none gets (the hmc-rs suites;
     *        the transformers keep flows, whose replays by symmetry carry GPT-3-175B to 1024
     *        accelerators where calendars replay the H tree by halves at most)
     */
    Suite(String label, BuiltInProfile profile, Schedule schedule, LinkModel linkModel,
            List<StrategyKind> strategies, List<TopologyKind> topologies) {
        this.label = label;
        this.profile = profile;
        this.schedule = schedule;
        this.linkModel = linkModel;
        this.strategies = strategies;
        this.topologies = topologies;
    }

    /** The suite's name in runs.csv. */
    public String label() {
        return label;
    }

    public BuiltInProfile profile() {
        return profile;
    }

    public List<TopologyKind> topologies() {
        return topologies;
    }

    /** Inference for the chip comparison, training everywhere else. */
    public RunPhase phase() {
        return this == EYERISS ? RunPhase.INFERENCE : RunPhase.TRAINING;
    }

    /** The suite's scenario of one network on one array, with the given hardware of the suite's profile. */
    public Scenario scenario(Network n, int batch, int accelerators, TopologyKind topology, Hardware hardware) {
        return scenario(n, batch, accelerators, topology, hardware, null, profile.defaultCollective());
    }

    /**
     * As {@link #scenario(Network, int, int, TopologyKind, Hardware)}, with memory settings (null:
     * none stated) and the collective algorithm.
     */
    public Scenario scenario(Network n, int batch, int accelerators, TopologyKind topology, Hardware hardware,
            MemorySettings memory, CollectiveAlgorithm collective) {
        List<Strategy> s = strategies.isEmpty() ? List.of(new Strategy.Named(StrategyKind.DP))
                : strategies.stream().map(k -> Strategy.of(k, 2)).toList();
        ArrayConfig array = new ArrayConfig(accelerators, topology,
                linkModel == null ? LinkModel.defaultFor(accelerators) : linkModel, hardware, collective);
        return new Scenario("reproduce", new Workload(n, batch, 1, phase(), memory),
                linkModel == null ? array.onDefaultLinkModel() : array, schedule, s);
    }
}
