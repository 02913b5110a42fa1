package org.hyparsim.results;

import java.util.function.Function;

/**
 * A column of a table of rows of type {@code R}, defined once: its name (CSV header and JSON
 * key), its unit and how a row gives its value. CSV ({@link RowCodec#csv}), JSON
 * ({@link RowCodec#jsonRows}), text ({@link TextTable}) and Markdown
 * ({@link org.hyparsim.results.report.Table#of}) tables iterate the same columns.
 *
 * @param <R> the row type
 */
public interface Column<R> {
    /** The name in CSV headers and JSON keys. */
    String header();

    /** The unit of the column's values. */
    Unit unit();

    /** The value of this column in {@code row} (null where the row has none). */
    Object get(R row);

    /** True when values are lists (a CSV cell joins them with ';'). */
    default boolean listValued() {
        return false;
    }

    /** A column of this name and unit whose values {@code accessor} reads. */
    static <R> Column<R> of(String header, Unit unit, Function<? super R, ?> accessor) {
        return new Defined<>(header, unit, accessor);
    }

    /** A column given by its parts. */
    record Defined<R>(String header, Unit unit, Function<? super R, ?> accessor) implements Column<R> {
        @Override
        public Object get(R row) {
            return accessor.apply(row);
        }
    }
}
