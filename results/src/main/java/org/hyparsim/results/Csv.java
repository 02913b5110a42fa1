package org.hyparsim.results;

import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Plain CSV tables (RFC 4180) through Jackson's CSV module: written from rows of cells, read back by header. */
public final class Csv {
    private static final CsvMapper MAPPER = new CsvMapper();

    private Csv() {
    }

    /** CSV of rows that share their keys, in the first row's key order. */
    public static String of(List<? extends Map<String, ?>> rows) {
        return RowCodec.csvOfMaps(rows);
    }

    /** CSV of a header and rows of cells. */
    public static String of(List<String> header, List<List<String>> rows) {
        List<Map<String, String>> maps = rows.stream().map(r -> {
            Map<String, String> m = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                m.put(header.get(i), r.get(i));
            }
            return m;
        }).toList();
        if (maps.isEmpty()) {
            return String.join(",", header) + "\n";
        }
        return RowCodec.csvOfMaps(maps);
    }

    /** Rows keyed by the header; a record with another number of fields than the header is an error. */
    public static List<Map<String, String>> read(String text) throws IOException {
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        try (var it = MAPPER.readerForMapOf(String.class).with(schema)
                .with(com.fasterxml.jackson.dataformat.csv.CsvParser.Feature.FAIL_ON_MISSING_COLUMNS)
                .with(com.fasterxml.jackson.dataformat.csv.CsvParser.Feature.SKIP_EMPTY_LINES)
                .<Map<String, String>>readValues(text)) {
            return it.readAll();
        } catch (RuntimeException e) {
            throw new IOException(e.getMessage(), e);
        }
    }
}
