package org.hyparsim.paper;

import java.util.List;
import org.hyparsim.results.report.Table;

/** A figure or section whose output is one table, written under {@code key}, and its charts. */
public record OneTableFigure(String key, Table table, List<Chart> charts) implements FigureOutput {
    @Override
    public List<NamedTable> tables() {
        return List.of(new NamedTable(key, table));
    }
}
