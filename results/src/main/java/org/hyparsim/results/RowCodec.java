package org.hyparsim.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import org.hyparsim.core.kind.CollectiveAlgorithm;
import org.hyparsim.core.step.RunPhase;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hyparsim.core.Named;
import org.hyparsim.core.step.Schedule;
import org.hyparsim.core.kind.LinkModel;
import org.hyparsim.core.kind.TopologyKind;
import org.hyparsim.core.kind.StrategyKind;

/**
 * Rows to and from CSV and JSON with Jackson: the run's typed values (topology, schedule, link
 * model, strategy) as their names, the columns in {@link RunColumn}'s order.
 */
public final class RowCodec {
    private static final SimpleModule NAMES = new SimpleModule("hypar-sim names");

    static {
        names(TopologyKind.class);
        names(Schedule.class);
        names(RunPhase.class);
        names(LinkModel.class);
        names(StrategyKind.class);
        names(CollectiveAlgorithm.class);
    }

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(NAMES)
            .enable(SerializationFeature.INDENT_OUTPUT).disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    private static final CsvMapper CSV = (CsvMapper) new CsvMapper()
            .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).registerModule(NAMES);

    private RowCodec() {
    }

    /** Values of a named enum written as their names and read back through its fromName. */
    private static <E extends Enum<E> & Named> void names(Class<E> type) {
        NAMES.addSerializer(type, new JsonSerializer<E>() {
            @Override
            public void serialize(E value, JsonGenerator g, SerializerProvider p) throws IOException {
                g.writeString(value.label());
            }
        });
        NAMES.addDeserializer(type, new JsonDeserializer<E>() {
            @Override
            public E deserialize(JsonParser p, DeserializationContext c) throws IOException {
                String text = p.getValueAsString();
                return Named.fromName(type, text).orElseThrow(() -> new IllegalArgumentException(
                        "'" + text + "' is not a " + type.getSimpleName() + " name"));
            }
        });
    }

    /** The JSON mapper of results (pretty-printed), which knows the names of the typed values. */
    public static ObjectMapper json() {
        return JSON;
    }

    /** Rows as ordered JSON objects with the given columns (null figures of failed runs kept as null). */
    public static <R> List<Map<String, Object>> jsonRows(List<? extends R> rows, List<? extends Column<R>> columns) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (R r : rows) {
            out.add(jsonRow(r, columns));
        }
        return out;
    }

    /** One row as an ordered JSON object with the given columns. */
    public static <R> Map<String, Object> jsonRow(R row, List<? extends Column<R>> columns) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (Column<R> c : columns) {
            m.put(c.header(), c.get(row));
        }
        return m;
    }

    /** Rows read back from JSON objects that {@link #jsonRows} wrote. */
    public static List<RunRow> readJsonRows(JsonNode rows) throws IOException {
        List<RunRow> out = new ArrayList<>();
        for (JsonNode r : rows) {
            out.add(JSON.treeToValue(r, RunRow.class));
        }
        return out;
    }

    /** One line of JSON (the journal's lines). */
    public static String jsonLine(Object value) throws IOException {
        return JSON.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(value);
    }

    /** CSV of rows, with the given columns in their order. */
    public static <R> String csv(List<? extends R> rows, List<? extends Column<R>> columns) {
        CsvSchema.Builder b = CsvSchema.builder().setUseHeader(true).setArrayElementSeparator(";");
        for (Column<R> c : columns) {
            b.addColumn(c.header(), c.listValued() ? CsvSchema.ColumnType.ARRAY : CsvSchema.ColumnType.NUMBER_OR_STRING);
        }
        try {
            return CSV.writer(b.build()).writeValueAsString(jsonRows(rows, columns));
        } catch (IOException e) {
            throw new IllegalStateException("rows could not be written as CSV", e);
        }
    }

    /** Rows read back from CSV that {@link #csv} wrote; a malformed file is an IOException naming the record. */
    public static List<RunRow> readCsv(String text) throws IOException {
        CsvSchema schema = CsvSchema.emptySchema().withHeader().withArrayElementSeparator(";");
        List<RunRow> rows;
        try (var it = CSV.readerFor(RunRow.class).with(schema)
                .with(CsvParser.Feature.FAIL_ON_MISSING_COLUMNS)
                .<RunRow>readValues(text)) {
            rows = it.readAll();
        } catch (RuntimeException e) {
            throw new IOException(e.getMessage(), e);
        }
        for (int i = 0; i < rows.size(); i++) {
            RunRow r = rows.get(i);
            if (r.run() == null || r.run().network() == null || r.run().array() == null
                    || r.run().array().topology() == null || r.run().schedule() == null || r.run().strategy() == null
                    || r.ok() && (r.times() == null || r.times().stepTimeSeconds() == null)) {
                throw new IOException("record " + (i + 2) + " lacks the run's key or its figures");
            }
        }
        return rows;
    }

    /** CSV of plain rows that share their keys (the per-layer and per-link tables, report tables). */
    public static String csvOfMaps(List<? extends Map<String, ?>> rows) {
        if (rows.isEmpty()) {
            return "";
        }
        CsvSchema.Builder b = CsvSchema.builder().setUseHeader(true);
        rows.get(0).keySet().forEach(b::addColumn);
        try {
            return CSV.writer(b.build()).writeValueAsString(rows);
        } catch (IOException e) {
            throw new IllegalStateException("rows could not be written as CSV", e);
        }
    }
}
