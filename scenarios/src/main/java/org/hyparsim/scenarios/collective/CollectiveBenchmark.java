package org.hyparsim.scenarios.collective;

import java.util.List;
import org.hyparsim.core.step.StepResult;
import org.hyparsim.core.step.TransferKind;
import org.hyparsim.core.kind.LinkModel;
import org.hyparsim.noc.LinkProfile;
import org.hyparsim.core.kind.TopologyKind;
import org.hyparsim.core.kind.CollectiveAlgorithm;
import org.hyparsim.partition.collective.CollectiveOp;
import org.hyparsim.partition.collective.Collectives;
import org.hyparsim.scenarios.array.SimulatedArray;

/**
 * One collective over the whole array, replayed on its own, as ASTRA-sim users run them: how
 * long it takes, what it injects and what the links carry, beside the algorithm's ideal time and
 * a lower bound no algorithm can beat on the topology ({@link LowerBound}).
 */
public final class CollectiveBenchmark {
    private CollectiveBenchmark() {
    }

    /**
     * What to run.
     *
     * @param bytes S: what each accelerator holds at the start of an all-reduce, reduce-scatter or
     *        all-to-all, and at the end of an all-gather
     */
    public record Case(CollectiveOp op, double bytes, int accelerators, TopologyKind topology,
            CollectiveAlgorithm algorithm, LinkProfile links, LinkModel linkModel, boolean linkModelNamed) {
        /** A case on a link model asked for by name. */
        public Case(CollectiveOp op, double bytes, int accelerators, TopologyKind topology, CollectiveAlgorithm algorithm,
                LinkProfile links, LinkModel linkModel) {
            this(op, bytes, accelerators, topology, algorithm, links, linkModel, true);
        }
    }

    /**
     * What it measured.
     *
     * @param algorithm the algorithm that ran (auto's choice where auto was asked)
     * @param idealSeconds the algorithm's ideal time: its bandwidth term at full link bandwidth through
     *        one port per accelerator (two halves for ring-bidir) plus the latency of each round's
     *        longest path; not a bound (an algorithm that uses more ports beats it)
     * @param lowerBound what no algorithm can beat on the topology
     * @param injectedBytes what the algorithm sent, over the array
     * @param linkBytes bytes x links crossed
     * @param notes what the replay decided that was not asked (calendar-turns links, auto's rings withdrawn)
     */
    public record Result(Case asked, CollectiveAlgorithm algorithm, double simulatedSeconds, double idealSeconds,
            LowerBound lowerBound, double injectedBytes, double linkBytes, long events, double wallSeconds,
            List<String> notes) {
    }

    public static Result run(Case c) {
        long t0 = System.nanoTime();
        SimulatedArray array = SimulatedArray.communicationOnly(c.accelerators(),
                new SimulatedArray.Links(c.topology(), c.links(), c.linkModel(), c.linkModelNamed()), c.algorithm());
        SimulatedArray.Wiring w = array.wire();
        Collectives collectives = w.collectives();
        int all = c.accelerators() - 1;
        StepResult r = array.replay(w, new SimulatedArray.Step(1, List.of("collective"),
                b -> collectives.expandAlone(b, 0, 0, TransferKind.GRADIENT_SUM, c.op(), all, c.bytes(), null)), false);
        // asked after the replay: what auto ran, its rings withdrawn where the replay withdrew them
        CollectiveAlgorithm ran = collectives.choose(c.op(), all, c.bytes());
        double ideal = ideal(c, ran, collectives);
        LowerBound lower = LowerBound.of(c.op(), c.bytes(), c.accelerators(), c.topology(), c.links());
        return new Result(c, ran, r.stepTimeSeconds(), ideal, lower, r.communicationBytes(), r.linkBytes(), r.events(),
                (System.nanoTime() - t0) / 1e9, r.notes());
    }

    /** The algorithm's bandwidth term (collectives.md) plus each round's longest path latency on the topology. */
    static double ideal(Case c, CollectiveAlgorithm ran, Collectives collectives) {
        int n = c.accelerators();
        double bw = c.links().linkBandwidthGBps() * 1e9;
        double share = (n - 1.0) / n * c.bytes() / bw;
        double bandwidth = switch (c.op()) {
            case ALL_REDUCE -> 2 * share;
            case REDUCE_SCATTER, ALL_GATHER, ALL_TO_ALL -> share;
        };
        if (ran == CollectiveAlgorithm.RING_BIDIR && c.op() != CollectiveOp.ALL_TO_ALL) {
            bandwidth /= 2;
        }
        // each round's longest path, a pattern routed once (as auto's estimates count it)
        double latency = collectives.latencySeconds(c.op(), ran, n - 1);
        return bandwidth + latency;
    }
}
