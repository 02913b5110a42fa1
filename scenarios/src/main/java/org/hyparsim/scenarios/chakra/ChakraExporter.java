package org.hyparsim.scenarios.chakra;

import java.util.HashMap;
import java.util.function.IntFunction;
import org.hyparsim.core.InputException;
import org.hyparsim.core.kind.StrategyKind;
import org.hyparsim.core.step.ComputeCost;
import org.hyparsim.core.step.ComputeModel;
import org.hyparsim.core.step.TrainingStep;
import org.hyparsim.input.scenario.Scenario;
import org.hyparsim.partition.CommunicationModel;
import org.hyparsim.partition.Plan;
import org.hyparsim.partition.StepBuilder;
import org.hyparsim.partition.planner.Strategy;
import org.hyparsim.results.chakra.ChakraExport;
import org.hyparsim.results.chakra.ChakraFiles;
import org.hyparsim.scenarios.array.SimulatedArray;
import org.hyparsim.scenarios.run.ScenarioRunner;

/**
 * A scenario's training step under one strategy, as the replay runs it (the whole graph, built by
 * the step builder over the simulated array's collectives), exported as a Chakra trace.
 */
public final class ChakraExporter {
    private ChakraExporter() {
    }

    /** The scenario's strategy of this kind (its own settings), or the built-in one. */
    public static Strategy strategy(Scenario s, StrategyKind kind, String source, String path) {
        for (Strategy st : s.strategies()) {
            if (st.kind() == kind) {
                return st;
            }
        }
        if (kind == StrategyKind.FILE) {
            throw new InputException(source, path, "the scenario has no plan file: name a strategy it runs or a planner");
        }
        return kind == StrategyKind.EXHAUSTIVE ? new Strategy.Exhaustive(2)
                : kind == StrategyKind.TIMED ? new Strategy.Timed(Strategy.DEFAULT_TIMED_BUDGET)
                        : new Strategy.Named(kind);
    }

    /** The whole step of one plan and each compute task's cost on its accelerator. */
    public record Step(TrainingStep step, ComputeCost[] costs) implements ChakraExport.Durations {
        @Override
        public long picoseconds(int task) {
            return costs[task] == null ? 0 : costs[task].durationPs();
        }

        @Override
        public double macs(int task) {
            return costs[task] == null ? 0 : costs[task].macs();
        }
    }

    /** The plan the strategy chooses for the scenario, and the whole step it replays. */
    public static Step step(Scenario s, Strategy strategy) {
        CommunicationModel model = ScenarioRunner.model(s);
        Plan plan = strategy.planner(ScenarioRunner.port(s, model, new HashMap<>())).plan(model, s.levels());
        SimulatedArray array = SimulatedArray.of(s.array(), s.schedule());
        SimulatedArray.Wiring w = array.wire();
        TrainingStep.Builder b = new TrainingStep.Builder(s.accelerators(), s.iterations(), s.network().layerNames());
        StepBuilder.fill(b, model, plan, s.iterations(), w.collectives());
        TrainingStep step = b.build();
        IntFunction<ComputeModel> models = array.computeModels();
        ComputeCost[] costs = new ComputeCost[step.size()];
        for (int id = 0; id < step.size(); id++) {
            if (!step.isTransfer(id)) {
                costs[id] = models.apply(step.accelerator(id)).cost(step.work(id));
            }
        }
        return new Step(step, costs);
    }

    public static ChakraExport.Trace export(Scenario s, Strategy strategy, ChakraExport.Collectives mode) {
        Step step = step(s, strategy);
        return ChakraExport.export(step.step(), step, mode);
    }

    /** The scenario's array as ASTRA-sim's configurations describe it. */
    public static ChakraFiles.Array array(Scenario s) {
        return new ChakraFiles.Array(s.accelerators(), s.array().topology(),
                s.array().hardware().links().linkBandwidthGBps(), s.array().hardware().links().linkLatencyNs(),
                s.array().collective());
    }
}
