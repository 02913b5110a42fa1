package org.hyparsim.results;

import java.util.function.Function;
import org.hyparsim.core.Named;
import org.hyparsim.core.Units;

/** The unit of a {@link Column}'s values, and how a text table writes a value of it. */
public enum Unit {
    /** Names, counts, ratios. */
    NONE(""),
    SAMPLES("samples"),
    STEPS("steps"),
    SECONDS("s"),
    BYTES("B"),
    BYTES_PER_SECOND("B/s"),
    MACS("MAC"),
    JOULES("J");

    private final String symbol;

    Unit(String symbol) {
        this.symbol = symbol;
    }

    /** The unit's symbol ("" for none). */
    public String symbol() {
        return symbol;
    }

    /** How a text table writes a value: seconds, bytes and joules scaled to suit
     * it, others as they are ({@link #plain}). */
    Function<Object, String> text() {
        return switch (this) {
            case SECONDS -> v -> seconds(((Number) v).doubleValue());
            case BYTES -> v -> Units.bytes(((Number) v).doubleValue());
            case JOULES -> v -> joules(((Number) v).doubleValue());
            default -> Unit::plain;
        };
    }

    /** A value as it is: a named member by its name, null as nothing. */
    static String plain(Object v) {
        return v == null ? "" : v instanceof Named n ? n.label() : String.valueOf(v);
    }

    /** Seconds with four significant digits in s, ms, us or ns. */
    public static String seconds(double s) {
        if (s == 0) {
            return "0 s";
        }
        if (s >= 1) {
            return Units.significant(s, 4) + " s";
        }
        if (s >= 1e-3) {
            return Units.significant(s * 1e3, 4) + " ms";
        }
        if (s >= 1e-6) {
            return Units.significant(s * 1e6, 4) + " us";
        }
        return Units.significant(s * 1e9, 4) + " ns";
    }

    /** Joules with four significant digits in J or mJ. */
    public static String joules(double j) {
        return j >= 1 ? Units.significant(j, 4) + " J" : Units.significant(j * 1e3, 4) + " mJ";
    }
}
