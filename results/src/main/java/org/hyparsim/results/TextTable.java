package org.hyparsim.results;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * A fixed-width text table over {@link Column}s: each column with its heading and width, cells
 * formatted by the column's {@link Unit} unless a cell format is given. Cells are separated by one space.
 *
 * @param <R> the row type
 */
public final class TextTable<R> {
    private final List<Cell<R>> cells = new ArrayList<>();

    /** One column of the table: its heading, width, alignment and how a value is written. */
    private record Cell<R>(Column<R> column, String heading, int width, boolean left, Function<Object, String> format) {
        String pad(String text) {
            return String.format(Locale.ROOT, "%" + (left ? "-" : "") + width + "s", text);
        }
    }

    /** Adds a right-aligned column, its cells formatted by its unit. */
    public TextTable<R> add(Column<R> column, String heading, int width) {
        return add(column, heading, width, false, column.unit().text());
    }

    /** Adds a left-aligned column (names), its cells as they are. */
    public TextTable<R> addLeft(Column<R> column, String heading, int width) {
        return add(column, heading, width, true, Unit::plain);
    }

    /** Adds a right-aligned column whose cells {@code format} writes. */
    public TextTable<R> add(Column<R> column, String heading, int width, Function<Object, String> format) {
        return add(column, heading, width, false, format);
    }

    private TextTable<R> add(Column<R> column, String heading, int width, boolean left, Function<Object, String> format) {
        cells.add(new Cell<>(column, heading, width, left, format));
        return this;
    }

    /** The heading line, with its line break. */
    public String heading() {
        List<String> out = new ArrayList<>();
        for (Cell<R> c : cells) {
            out.add(c.pad(c.heading()));
        }
        return String.join(" ", out) + System.lineSeparator();
    }

    /** One row's line, with its line break. */
    public String line(R row) {
        List<String> out = new ArrayList<>();
        for (Cell<R> c : cells) {
            out.add(c.pad(c.format().apply(c.column().get(row))));
        }
        return String.join(" ", out) + System.lineSeparator();
    }

    /** The heading and every row's line. */
    public String render(List<? extends R> rows) {
        StringBuilder sb = new StringBuilder(heading());
        for (R r : rows) {
            sb.append(line(r));
        }
        return sb.toString();
    }

    /** Four significant digits in %g style ("26.89", "0.3009", "1.234e-05"). */
    public static String fourDigits(Object v) {
        return String.format(Locale.ROOT, "%.4g", ((Number) v).doubleValue());
    }
}
