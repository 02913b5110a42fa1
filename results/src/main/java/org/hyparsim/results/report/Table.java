package org.hyparsim.results.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hyparsim.results.Column;
import org.hyparsim.results.Csv;
import org.hyparsim.results.Unit;

/**
 * A table of formatted cells that is written both as CSV and as Markdown, so the report's
 * numbers are the CSV's numbers, character for character. Built cell by cell, or from
 * {@link Column}s ({@link #of}), the column model CSV, JSON and text tables share.
 */
public final class Table {
    private final List<String> columns;
    private final List<List<String>> rows = new ArrayList<>();

    public Table(List<String> columns) {
        this.columns = List.copyOf(columns);
    }

    /**
     * The table of {@code rows} over {@code columns}: each column headed by its name (and unit), each
     * number with four significant digits ({@link #num}), other values as they are, null as empty.
     */
    public static <R> Table of(List<? extends R> rows, List<? extends Column<R>> columns) {
        List<String> heads = new ArrayList<>();
        for (Column<R> c : columns) {
            heads.add(c.unit() == Unit.NONE ? c.header() : c.header() + " (" + c.unit().symbol() + ")");
        }
        Table t = new Table(heads);
        for (R r : rows) {
            List<String> cells = new ArrayList<>();
            for (Column<R> c : columns) {
                Object v = c.get(r);
                cells.add(v == null ? "" : v instanceof Number n ? num(n.doubleValue()) : String.valueOf(v));
            }
            t.add(cells);
        }
        return t;
    }

    public Table add(List<String> row) {
        if (row.size() != columns.size()) {
            throw new IllegalArgumentException("a row has " + columns.size() + " cells, got " + row.size());
        }
        rows.add(List.copyOf(row));
        return this;
    }

    public List<String> columns() {
        return columns;
    }

    public List<List<String>> rows() {
        return rows;
    }

    public String csv() {
        return Csv.of(columns, rows);
    }

    public String markdown() {
        StringBuilder sb = new StringBuilder();
        sb.append("| ").append(String.join(" | ", columns)).append(" |\n");
        sb.append("|").append("---|".repeat(columns.size())).append('\n');
        for (List<String> r : rows) {
            sb.append("| ").append(String.join(" | ", r)).append(" |\n");
        }
        return sb.toString();
    }

    /** Four significant digits, as in the report and its CSVs. */
    public static String num(double v) {
        if (!Double.isFinite(v)) {
            return "n/a";
        }
        if (v == 0) {
            return "0";
        }
        return new BigDecimal(v).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }

    /** The relative difference of ours from the paper's, in percent with a sign. */
    public static String diff(double ours, double paper) {
        if (!Double.isFinite(ours) || !Double.isFinite(paper) || paper == 0) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%+.1f%%", 100 * (ours - paper) / paper);
    }
}
