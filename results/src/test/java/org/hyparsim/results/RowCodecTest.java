package org.hyparsim.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.hyparsim.core.step.Schedule;
import org.hyparsim.core.step.Energy;
import org.hyparsim.core.step.StepResult;
import org.hyparsim.core.kind.LinkModel;
import org.hyparsim.core.kind.TopologyKind;
import org.hyparsim.core.kind.Parallelism;
import org.hyparsim.core.kind.CollectiveAlgorithm;
import org.hyparsim.core.kind.StrategyKind;
import org.junit.jupiter.api.Test;

/** Rows round-trip through CSV and JSON unchanged; the columns are RunColumn's, in its order. */
class RowCodecTest {
    static final RunKey KEY = new RunKey("net,with \"comma\"", 256, new RunKey.Array(4, TopologyKind.TORUS,
            "hmc-rs+linkBandwidthGBps=2", LinkModel.FLOW, CollectiveAlgorithm.RING_BIDIR), Schedule.SERIAL,
            org.hyparsim.core.step.RunPhase.INFERENCE, StrategyKind.HYPAR);

    /** Joules by energy component, in its order. */
    static final double[] ENERGY = {1.5, 0.25, 0.125, 0.5, 0.0, 0.0, 0.0};

    static RunRow row(int point) {
        List<List<Parallelism>> plan = List.of(List.of(Parallelism.DP, Parallelism.MP, Parallelism.MP),
                List.of(Parallelism.DP, Parallelism.DP, Parallelism.MP));
        StepResult r = new StepResult(4, 1, new StepResult.Times(0.25, 0.25, 0.125, 0.0625, 0.0625),
                new StepResult.Traffic(1e9, 2e9, 3.5e8, 7e8, 1.2e12, 1e9, 1e9),
                Energy.of(c -> ENERGY[c.ordinal()], 2.375), new StepResult.Counts(12345, 67),
                new StepResult.Detail(List.of(), List.of(), List.of()));
        if (point % 2 == 1) {
            // what a replay decided (commas and quotes inside, two of them)
            r = r.withNote("links: calendar-turns (\"turns\", here)").withNote("auto's rings withdrawn, so others");
        }
        return RunRow.of(new RunRecord(KEY, new PlanGrid(List.of("conv1", "conv 2", "fc"), plan), 9.99e8, r))
                .atPoint(point);
    }

    @Test
    void rowsRoundTripThroughCsv() throws IOException {
        List<RunRow> rows = List.of(row(0), row(1), RunRow.failed(KEY, "timed out").atPoint(2));
        String csv = RowCodec.csv(rows, RunColumn.sweep());
        String header = csv.substring(0, csv.indexOf('\n'));
        assertEquals(String.join(",", RunColumn.sweep().stream().map(RunColumn::header).toList()), header);
        assertTrue(csv.contains("torus,hmc-rs+linkBandwidthGBps=2,serial,inference,flow,ring-bidir,hypar"), csv);
        assertTrue(csv.contains(",dmm/ddm,"), csv);
        assertTrue(csv.contains("\"links: calendar-turns (\"\"turns\"\", here);auto's rings withdrawn, so others\""), csv);
        assertEquals(2, rows.get(1).notes().size());
        List<RunRow> back = RowCodec.readCsv(csv);
        assertEquals(rows, back);
        assertFalse(back.get(2).ok());
        assertTrue(Double.isNaN(back.get(2).value(RunColumn.STEP_TIME)));
    }

    @Test
    void rowsRoundTripThroughJson() throws IOException {
        List<RunRow> rows = List.of(row(5), RunRow.failed(KEY, "out of memory").atPoint(6));
        String json = RowCodec.json().writeValueAsString(RowCodec.jsonRows(rows, RunColumn.sweep()));
        JsonNode tree = RowCodec.json().readTree(json);
        assertEquals("torus", tree.get(0).get("topology").asText());
        assertEquals("dmm/ddm", tree.get(0).get("plan").asText());
        assertEquals(List.of(rows.get(0), rows.get(1)), RowCodec.readJsonRows(tree));
    }

    @Test
    void theColumnTableNamesEveryPropertyJacksonWrites() throws IOException {
        JsonNode written = RowCodec.json().valueToTree(row(0).inSuite("s").atPoint(1));
        Set<String> properties = new TreeSet<>();
        written.fieldNames().forEachRemaining(properties::add);
        Set<String> columns = new TreeSet<>();
        for (RunColumn c : RunColumn.values()) {
            columns.add(c.header());
        }
        assertEquals(columns, properties);
    }

    @Test
    void aPlanKeepsItsLayerNamesAndTypes() {
        RunRow r = row(0);
        assertEquals(List.of("conv1", "conv 2", "fc"), r.grid().layerNames());
        assertEquals(List.of(List.of("dp", "mp", "mp"), List.of("dp", "dp", "mp")), r.grid().labels());
        // names that do not fit the plan fall back to L1..Ln
        PlanGrid unnamed = new PlanGrid(List.of("a"), r.grid().levels());
        assertEquals(List.of("L1", "L2", "L3"), unnamed.layerNames());
    }

    @Test
    void aMalformedCsvIsAnErrorNotAWrongRow() throws IOException {
        String csv = RowCodec.csv(List.of(row(0)), RunColumn.sweep());
        String torn = csv.replace("hypar", "fastest");
        assertThrows(IOException.class, () -> RowCodec.readCsv(torn));
        List<RunColumn> onlySome = new ArrayList<>(RunColumn.sweep());
        onlySome.remove(RunColumn.ERROR);
        assertNull(RowCodec.readCsv(RowCodec.csv(List.of(row(0)), onlySome)).get(0).error());
    }
}
