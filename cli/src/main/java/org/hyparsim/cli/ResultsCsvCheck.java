package org.hyparsim.cli;

import org.hyparsim.input.io.Json;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hyparsim.core.InputException;
import org.hyparsim.core.Named;
import org.hyparsim.core.kind.LinkModel;
import org.hyparsim.core.kind.StrategyKind;
import org.hyparsim.core.kind.TopologyKind;
import org.hyparsim.results.RunColumn;
import org.hyparsim.results.Unit;

/**
 * A sweep's results.csv checked against the column definitions ({@link RunColumn#sweep()})
 * before a chart is drawn from it: every column present, the closed sets' names known, and in
 * every row that did not fail, each number finite and not negative (the step time present). The
 * first problem is refused with one line naming the row (its line in the file) and the column.
 */
final class ResultsCsvCheck {
    /** Columns that hold numbers though they have no unit. */
    private static final Set<RunColumn> COUNTS = EnumSet.of(RunColumn.POINT, RunColumn.ACCELERATORS, RunColumn.EVENTS,
            RunColumn.TRANSFERS);

    private ResultsCsvCheck() {
    }

    static void check(Path file) {
        String source = file.toString();
        List<Map<String, String>> rows = new ArrayList<>();
        List<String> header;
        try {
            CsvMapper mapper = new CsvMapper();
            CsvSchema schema = CsvSchema.emptySchema().withHeader();
            try (MappingIterator<Map<String, String>> it = mapper.readerForMapOf(String.class).with(schema)
                    .readValues(Files.readString(file, StandardCharsets.UTF_8))) {
                while (it.hasNextValue()) {
                    rows.add(it.nextValue());
                }
                header = ((CsvSchema) it.getParserSchema()).getColumnNames();
            }
        } catch (IOException | RuntimeException e) {
            throw new InputException(source, "", "not a readable results table: " + Json.ourWords(
                    e.getMessage() == null ? "" : e.getMessage().split("\n")[0]));
        }
        for (RunColumn c : RunColumn.sweep()) {
            // notes came later: a sweep written before them has none, and needs none
            if (c != RunColumn.NOTES && !header.contains(c.header())) {
                throw new InputException(source, c.header(), "missing column: a sweep's results.csv has "
                        + String.join(", ", RunColumn.sweep().stream().map(RunColumn::header).toList()));
            }
        }
        for (int i = 0; i < rows.size(); i++) {
            checkRow(source, "row " + (i + 2), rows.get(i));
        }
    }

    private static void checkRow(String source, String row, Map<String, String> r) {
        named(StrategyKind.class, r, RunColumn.STRATEGY, source, row);
        named(TopologyKind.class, r, RunColumn.TOPOLOGY, source, row);
        named(LinkModel.class, r, RunColumn.LINK_MODEL, source, row);
        boolean failed = !blank(r.get(RunColumn.ERROR.header()));
        if (failed) {
            return;
        }
        for (RunColumn c : RunColumn.sweep()) {
            if (c.unit() == Unit.NONE && !COUNTS.contains(c)) {
                continue;
            }
            String v = r.get(c.header());
            if (blank(v)) {
                if (c == RunColumn.STEP_TIME) {
                    throw new InputException(source, row + ", column " + c.header(), "empty, in a row that did not fail");
                }
                continue;
            }
            double x;
            try {
                x = Double.parseDouble(v.trim());
            } catch (NumberFormatException e) {
                throw new InputException(source, row + ", column " + c.header(), "'" + v + "' is not a number");
            }
            if (!Double.isFinite(x) || x < 0) {
                throw new InputException(source, row + ", column " + c.header(), "'" + v + "' is not a finite number of 0 "
                        + "or more");
            }
        }
    }

    private static <E extends Enum<E> & Named> void named(Class<E> type, Map<String, String> r, RunColumn c,
            String source, String row) {
        String v = r.get(c.header());
        if (!blank(v)) {
            Named.require(type, v, source, row + ", column " + c.header());
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
