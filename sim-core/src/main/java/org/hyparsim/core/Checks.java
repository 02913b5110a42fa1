package org.hyparsim.core;

import java.util.List;

/** Checks of numeric values, each adding a (field, reason) problem when the value is unusable. */
public final class Checks {
    private Checks() {
    }

    /** A field and what is wrong with its value; the reader adds where the field came from. */
    public record Problem(String field, String reason) {
    }

    /** A finite number above 0. */
    public static void positive(List<Problem> out, String field, double v) {
        if (!(v > 0) || Double.isInfinite(v)) {
            out.add(new Problem(field, "must be a positive number, got " + v));
        }
    }

    /** A finite number, 0 or more. */
    public static void notNegative(List<Problem> out, String field, double v) {
        if (!(v >= 0) || Double.isInfinite(v)) {
            out.add(new Problem(field, "must be 0 or more, got " + v));
        }
    }

    /** A value within its field's physical range ({@link Ranges}). */
    public static void inRange(List<Problem> out, String field, double v) {
        Ranges.Range r = Ranges.of(field);
        if (!r.contains(v)) {
            out.add(new Problem(field, "must be " + r.describe() + ", got " + v));
        }
    }
}
