package org.hyparsim.paper;

import org.hyparsim.results.report.Table;

/** A figure's table and the name of its CSV (without ".csv"). */
public record NamedTable(String name, Table table) {
}
