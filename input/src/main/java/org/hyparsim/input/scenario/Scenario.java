package org.hyparsim.input.scenario;

import java.util.List;
import org.hyparsim.core.step.Schedule;
import org.hyparsim.core.workload.Network;
import org.hyparsim.noc.LinkPerturbation;
import org.hyparsim.partition.planner.Strategy;

/**
 * A checked scenario: one network on one array, replayed under each strategy. Made by
 * {@link ScenarioReader} from a file, or built in code (the reproduction, the benchmark).
 *
 * @param source where it came from, for messages
 * @param perturbation the perturbed replays each run adds to its own ({@code perturb}), or null for none
 */
public record Scenario(String source, Workload workload, ArrayConfig array, Schedule schedule,
        List<Strategy> strategies, LinkPerturbation perturbation) {

    public Scenario {
        strategies = List.copyOf(strategies);
        if (strategies.isEmpty()) {
            throw new IllegalArgumentException("a scenario runs at least one strategy");
        }
    }

    /** A scenario without perturbed replays. */
    public Scenario(String source, Workload workload, ArrayConfig array, Schedule schedule, List<Strategy> strategies) {
        this(source, workload, array, schedule, strategies, null);
    }

    public Network network() {
        return workload.network();
    }

    public int batch() {
        return workload.batch();
    }

    public int iterations() {
        return workload.iterations();
    }

    public int accelerators() {
        return array.accelerators();
    }

    public int levels() {
        return array.levels();
    }

    public Hardware hardware() {
        return array.hardware();
    }

    /** The same scenario on another array. */
    public Scenario withArray(ArrayConfig other) {
        return new Scenario(source, workload, other, schedule, strategies, perturbation);
    }

    /** The same scenario with other strategies. */
    public Scenario withStrategies(List<Strategy> other) {
        return new Scenario(source, workload, array, schedule, other, perturbation);
    }

    /** The same scenario with these perturbed replays (null: none). */
    public Scenario withPerturbation(LinkPerturbation p) {
        return new Scenario(source, workload, array, schedule, strategies, p);
    }
}
