package org.hyparsim.results;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hyparsim.core.step.EnergyComponent;
import org.hyparsim.core.step.Interconnect;
import org.hyparsim.core.step.LayerResult;

/**
 * Run records as ordered rows: the summary, per-layer and per-link tables every writer uses,
 * each table's columns defined once.
 */
public final class Rows {
    /** The columns of the per-layer table: the layer's figures, its energy in total and by dynamic component. */
    public static final List<Column<LayerResult>> LAYER_COLUMNS = layerColumns();

    /** The columns of the per-link table. */
    public static final List<Column<LinkRow>> LINK_COLUMNS = List.of(
            Column.of("link", Unit.NONE, l -> l.usage().name()),
            Column.of("bandwidthBytesPerSecond", Unit.BYTES_PER_SECOND, l -> l.usage().bandwidthBytesPerSecond()),
            Column.of("bytes", Unit.BYTES, l -> l.usage().bytes()),
            Column.of("packets", Unit.NONE, l -> l.usage().packets()),
            Column.of("busySeconds", Unit.SECONDS, l -> l.usage().busyPs() * 1e-12),
            Column.of("utilisation", Unit.NONE, LinkRow::utilisation));

    /** The columns that name a run in tables of several runs (per layer, per link). */
    public static final List<Column<RunRecord>> RUN_COLUMNS = List.of(
            Column.of("network", Unit.NONE, r -> r.key().network()),
            Column.of("accelerators", Unit.NONE, r -> r.key().accelerators()),
            Column.of("topology", Unit.NONE, r -> r.key().topology().label()),
            Column.of("hardware", Unit.NONE, r -> r.key().hardware()),
            Column.of("schedule", Unit.NONE, r -> r.key().schedule().label()),
            Column.of("strategy", Unit.NONE, r -> r.key().strategy().label()));

    /** The columns of a hardware group's row in run --format json. */
    public static final List<Column<RunRecord.GroupResult>> GROUP_COLUMNS = List.of(
            Column.of("hardware", Unit.NONE, RunRecord.GroupResult::hardware),
            Column.of("firstAccelerator", Unit.NONE, RunRecord.GroupResult::first),
            Column.of("accelerators", Unit.NONE, RunRecord.GroupResult::count),
            Column.of("computeSeconds", Unit.SECONDS, RunRecord.GroupResult::computeSeconds),
            Column.of("memoryStallSeconds", Unit.SECONDS, RunRecord.GroupResult::memoryStallSeconds),
            Column.of("busySeconds", Unit.SECONDS, RunRecord.GroupResult::busySeconds),
            Column.of("utilisation", Unit.NONE, RunRecord.GroupResult::utilisation));

    /** One link's use in a run: the run's span is what its utilisation is a share of. */
    public record LinkRow(Interconnect.LinkUsage usage, double spanSeconds) {
        /** Busy time over the span (0 for an empty span). */
        public double utilisation() {
            return spanSeconds > 0 ? usage.busyPs() * 1e-12 / spanSeconds : 0.0;
        }
    }

    private Rows() {
    }

    private static List<Column<LayerResult>> layerColumns() {
        List<Column<LayerResult>> out = new ArrayList<>(List.of(
                Column.of("layer", Unit.NONE, LayerResult::layer),
                Column.of("macs", Unit.MACS, LayerResult::macs),
                Column.of("dramBytes", Unit.BYTES, LayerResult::dramBytes),
                Column.of("computeSeconds", Unit.SECONDS, LayerResult::computeSeconds),
                Column.of("memoryStallSeconds", Unit.SECONDS, LayerResult::memoryStallSeconds),
                Column.of("intraLayerBytes", Unit.BYTES, LayerResult::intraLayerBytes),
                Column.of("interLayerBytes", Unit.BYTES, LayerResult::interLayerBytes),
                Column.of("forwardEndSeconds", Unit.SECONDS, LayerResult::forwardEndSeconds),
                Column.of("backwardEndSeconds", Unit.SECONDS, LayerResult::backwardEndSeconds),
                Column.of("mapping", Unit.NONE, l -> l.mapped().mapping()),
                Column.of("activePEs", Unit.NONE, l -> l.mapped().activePes()),
                Column.of("mappingTies", Unit.NONE, l -> l.mapped().mappingTies()),
                Column.of("passes", Unit.NONE, l -> l.mapped().passes()),
                Column.of("processingSeconds", Unit.SECONDS, l -> l.mapped().processingSeconds()),
                Column.of("latencySeconds", Unit.SECONDS, LayerResult::latencySeconds),
                Column.of("globalBufferBytes", Unit.BYTES, l -> l.mapped().globalBufferBytes()),
                Column.of("powerWatts", Unit.NONE, l -> l.mapped().powerWatts()),
                Column.of(RunColumn.ENERGY.header(), Unit.JOULES, l -> l.energy().total())));
        for (EnergyComponent c : EnergyComponent.values()) {
            if (c.dynamic()) { // static energy is the step's, not a layer's
                out.add(Column.of(c.column(), Unit.JOULES, l -> l.energy().get(c)));
            }
        }
        return List.copyOf(out);
    }

    /** The JSON object of a run (run --format json): the summary, energy by component, the plan, per-layer rows. */
    public static Map<String, Object> json(RunRecord r) {
        RunRow row = RunRow.of(r);
        Map<String, Object> m = new LinkedHashMap<>();
        // the energy components follow as an object of their own, the layers as rows
        for (RunColumn c : RunColumn.withSpread(RunColumn.summary(), row.perturbed())) {
            if (c.component().isEmpty() && c != RunColumn.LAYERS && c != RunColumn.NOTES) {
                m.put(c.header(), c.get(row));
            }
        }
        if (r.spread() != null) {
            m.put("stepTimeSamplesSeconds", r.spread().stepTimesSeconds());
        }
        Map<String, Object> energy = new LinkedHashMap<>();
        for (EnergyComponent c : EnergyComponent.values()) {
            energy.put(c.label(), r.result().energy().get(c));
        }
        m.put("energy", energy);
        m.put("plan", r.plan().labels());
        if (!r.plan().ratios().isEmpty()) {
            m.put("ratios", r.plan().ratios());
        }
        if (!r.groups().isEmpty()) {
            m.put("groups", RowCodec.jsonRows(r.groups(), GROUP_COLUMNS));
        }
        if (r.memory() != null) {
            m.put("peakMemoryBytes", Math.round(r.memory().peakMemoryBytes()));
            m.put("capacityBytes", r.memory().capacityBytes());
            m.put("fits", r.memory().fits());
        }
        if (!r.result().notes().isEmpty()) {
            m.put("notes", r.result().notes()); // what the replay decided that the scenario did not say
        }
        m.put("layers", layers(r));
        return m;
    }

    /** The per-layer rows of a run. */
    public static List<Map<String, Object>> layers(RunRecord r) {
        return RowCodec.jsonRows(r.result().layers(), LAYER_COLUMNS);
    }

    /** The per-link rows of a run. */
    public static List<Map<String, Object>> links(RunRecord r) {
        double span = r.result().stepTimeSeconds() * Math.max(1, r.result().iterations());
        return RowCodec.jsonRows(r.result().links().stream().map(u -> new LinkRow(u, span)).toList(), LINK_COLUMNS);
    }

    /** Rows of several runs, each prefixed with the run's identifying columns. */
    public static List<Map<String, Object>> withRun(RunRecord r, List<Map<String, Object>> rows) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            Map<String, Object> m = RowCodec.jsonRow(r, RUN_COLUMNS);
            m.putAll(row);
            out.add(m);
        }
        return out;
    }
}
