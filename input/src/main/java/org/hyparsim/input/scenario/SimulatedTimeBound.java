package org.hyparsim.input.scenario;

import java.util.List;
import org.hyparsim.accel.AcceleratorProfile;
import org.hyparsim.core.step.ComputeModel;
import org.hyparsim.core.step.ComputeWork;
import org.hyparsim.core.step.TaskKind;
import org.hyparsim.core.workload.Layer;
import org.hyparsim.core.workload.Network;
import org.hyparsim.core.workload.Shortcut;
import org.hyparsim.noc.LinkProfile;

/**
 * An upper bound on the simulated time a run of a network on an array can reach, whatever its
 * plan, so that a run the engine's clock cannot hold is refused before it starts.
 *
 * <ul>
 * <li><b>Compute and memory</b>: one accelerator doing every layer's four phases (forward, error,
 * gradient, update) over the whole batch, each as one task timed by the profile's own compute
 * model (its mapping, utilisation and memory traffic), on the slowest hardware group. A plan
 * gives each accelerator a shard of each layer and phase; a shard's task takes no longer than the
 * whole layer's (the models' costs grow with the work), and a step's longest chain of dependent
 * tasks holds each layer's phase once, so the step's compute is at most this sum.</li>
 * <li><b>Links</b>: every operand (weights, each layer's input and output over the batch) crossing
 * the slowest link twice per accelerator, one after the other (the paper's dp total is
 * 2 (N-1) x the weights: every operand at most twice per accelerator); while only transfers
 * run, some link is saturated, so they move at least the slowest link's bandwidth.</li>
 * <li><b>Latencies</b>: per task, a memory latency and a link latency per hop of the deepest
 * route.</li>
 * </ul>
 * Each part is multiplied by the steps replayed. The compute part is far tighter than one MAC
 * per cycle, the bound it replaces: GPT-3-175B at a batch of 16 is 3.5e7 s under that, 1.1e4 s
 * under this (its replay on 16 accelerators: 7e2 s).
 */
public final class SimulatedTimeBound {
    private static final TaskKind[] PHASES = {TaskKind.FORWARD, TaskKind.ERROR, TaskKind.GRADIENT, TaskKind.UPDATE};

    /** The bound's parts, seconds over all steps. */
    public record Parts(double computeSeconds, double linkSeconds, double latencySeconds) {
        public double totalSeconds() {
            return computeSeconds + linkSeconds + latencySeconds;
        }
    }

    private SimulatedTimeBound() {
    }

    /**
     * The bound for {@code iterations} steps of {@code network} at {@code batch} samples on
     * {@code accelerators} accelerators: the links are {@code array}'s, the compute the slowest of
     * {@code profiles} (one per hardware group; {@code array}'s accelerator where there is one group).
     */
    public static Parts of(Network network, int batch, int accelerators, int iterations, Hardware array,
            List<AcceleratorProfile> profiles) {
        double compute = 0;
        for (AcceleratorProfile p : profiles.isEmpty() ? List.of(array.accelerator()) : profiles) {
            compute = Math.max(compute, wholeWorkSeconds(network, batch, p.newComputeModel()));
        }
        double elements = 0;
        for (int l = 0; l < network.size(); l++) {
            Layer layer = network.layer(l);
            elements += layer.weights() + (double) batch * (layer.inputElementsPerSample()
                    + layer.unpooledOutputElementsPerSample());
        }
        AcceleratorProfile a = array.accelerator();
        double bpe = a.memory().bytesPerElement();
        LinkProfile links = array.links();
        double slowest = Math.min(links.linkBandwidthGBps(), links.busBandwidthGBps());
        for (double v : links.htreeLevelBandwidthGBps()) {
            slowest = Math.min(slowest, v);
        }
        int levels = Integer.numberOfTrailingZeros(accelerators);
        double wires = accelerators == 1 ? 0 : 2.0 * accelerators * elements * bpe / (slowest * 1e9);
        double tasks = (double) network.size() * accelerators * (4 + 4.0 * levels);
        double latency = tasks * (a.memory().memoryLatencyNs() + 2 * levels * links.linkLatencyNs()) * 1e-9;
        return new Parts(iterations * compute, iterations * wires, iterations * latency);
    }

    /**
     * Seconds one accelerator of this compute model takes for every layer's (and shortcut
     * projection's) four phases over the whole batch, each phase one task.
     */
    public static double wholeWorkSeconds(Network network, int batch, ComputeModel model) {
        double ps = 0;
        for (int l = 0; l < network.size(); l++) {
            ps += wholeLayerPs(network.layer(l), batch, model);
        }
        for (Shortcut s : network.shortcuts()) {
            if (s.projection() != null) {
                ps += wholeLayerPs(s.projection(), batch, model);
            }
        }
        return ps * 1e-12;
    }

    private static double wholeLayerPs(Layer layer, int batch, ComputeModel model) {
        double ps = 0;
        for (TaskKind phase : PHASES) {
            ps += model.cost(new ComputeWork(layer, phase, batch, layer.inChannels(), layer.outChannels())).durationPs();
        }
        return ps;
    }
}
