package org.hyparsim.results;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hyparsim.core.step.Schedule;
import org.hyparsim.core.step.Energy;
import org.hyparsim.core.step.EnergyComponent;
import org.hyparsim.core.step.StepResult;
import org.hyparsim.core.kind.LinkModel;
import org.hyparsim.core.kind.TopologyKind;
import org.hyparsim.core.kind.Parallelism;
import org.hyparsim.core.kind.CollectiveAlgorithm;
import org.hyparsim.core.kind.StrategyKind;
import org.hyparsim.results.charts.ChartSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The chart data: ratios over dp per category, and the chart files a sweep's rows support. */
class ChartSetTest {
    @TempDir
    Path dir;

    static RunRow run(String network, int accelerators, StrategyKind s, double seconds, double joules) {
        RunKey key = new RunKey(network, 256, new RunKey.Array(accelerators, TopologyKind.HTREE, "hmc-rs", LinkModel.PACKET,
                CollectiveAlgorithm.AUTO), Schedule.OVERLAP, org.hyparsim.core.step.RunPhase.TRAINING, s);
        int levels = Integer.numberOfTrailingZeros(accelerators);
        Parallelism p = s == StrategyKind.DP ? Parallelism.DP : Parallelism.MP;
        StepResult r = new StepResult(accelerators, 1, new StepResult.Times(seconds, seconds, seconds, 0, 0),
                new StepResult.Traffic(1e9, 1e9, 0, 0, 1, 1e9, 1e9), Energy.of(c -> c == EnergyComponent.MAC ? joules : 0, joules),
                new StepResult.Counts(1, 1), new StepResult.Detail(List.of(), List.of(), List.of()));
        return RunRow.of(new RunRecord(key, new PlanGrid(List.of("conv-a", "fc-b"), java.util.Collections.nCopies(levels, List.of(p, p))), 1e9, r));
    }

    @Test
    void speedupOverDpIsDpTimeOverTheStrategysTime() {
        Map<String, Map<StrategyKind, RunRow>> byCategory = new LinkedHashMap<>();
        byCategory.put("2 acc", Map.of(StrategyKind.DP, run("n", 2, StrategyKind.DP, 2.0, 4.0),
                StrategyKind.HYPAR, run("n", 2, StrategyKind.HYPAR, 0.5, 1.0)));
        byCategory.put("4 acc", Map.of(StrategyKind.HYPAR, run("n", 4, StrategyKind.HYPAR, 0.5, 1.0)));
        Map<StrategyKind, double[]> speed = ChartSet.overDp(byCategory, List.of(StrategyKind.DP, StrategyKind.HYPAR),
                RunColumn.STEP_TIME);
        assertArrayEquals(new double[] {1.0, Double.NaN}, speed.get(StrategyKind.DP));
        assertArrayEquals(new double[] {4.0, Double.NaN}, speed.get(StrategyKind.HYPAR));
        assertEquals(4.0, ChartSet.overDp(byCategory, List.of(StrategyKind.HYPAR), RunColumn.ENERGY)
                .get(StrategyKind.HYPAR)[0]);
    }

    @Test
    void aSweepOverArraySizesDrawsItsChartsWithLayerNames() throws Exception {
        List<RunRow> rows = List.of(run("net.a", 2, StrategyKind.DP, 2, 2), run("net.a", 2, StrategyKind.HYPAR, 1, 1),
                run("net,a", 4, StrategyKind.DP, 1, 2), run("net,a", 4, StrategyKind.HYPAR, 0.5, 1));
        List<Path> files = ChartSet.draw(rows, dir);
        List<String> names = files.stream().map(p -> p.getFileName().toString()).toList();
        for (String base : List.of("performance", "energy", "communication", "breakdown", "scalability")) {
            assertTrue(names.contains(base + ".png") && names.contains(base + ".svg"), base + " in " + names);
        }
        // two networks whose names differ only in a character a file name cannot hold: two partition maps
        assertTrue(names.contains("partition-net_a.svg") && names.contains("partition-net_a-2.svg"), names.toString());
        assertTrue(Files.readString(dir.resolve("partition-net_a.svg")).contains("conv-a"));
    }
}
