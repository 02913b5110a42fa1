package org.hyparsim.results.charts;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The unit an axis label names in its parentheses ("time per step (s)", "bytes (GB, log scale)"),
 * read in this one place, and the unit of the same kind that suits the values: one where the
 * largest is at least 1 and under 1000 (0.00195 GB is shown as 1.95 MB). Units of other kinds
 * (x, J, fraction) are kept as given.
 */
enum AxisUnit {
    NS("ns", 1e-9), US("us", 1e-6), MS("ms", 1e-3), S("s", 1),
    B("B", 1), KB("KB", 1e3), MB("MB", 1e6), GB("GB", 1e9), TB("TB", 1e12),
    /** A ratio ("x"): the axis may leave zero out, and bars grow from 1. */
    RATIO("x", 1);

    private static final Pattern UNIT = Pattern.compile("\\(([^,()]+)(,[^()]*)?\\)\\s*$");
    private static final List<AxisUnit> TIME = List.of(NS, US, MS, S);
    private static final List<AxisUnit> BYTES = List.of(B, KB, MB, GB, TB);

    final String symbol;
    final double factor;

    AxisUnit(String symbol, double factor) {
        this.symbol = symbol;
        this.factor = factor;
    }

    /** The unit a label names, or null when it names none this enum knows. */
    static AxisUnit inLabel(String label) {
        Matcher m = UNIT.matcher(label);
        if (!m.find()) {
            return null;
        }
        for (AxisUnit u : values()) {
            if (u.symbol.equals(m.group(1).trim())) {
                return u;
            }
        }
        return null;
    }

    /** The label with this unit in place of the one it names. */
    static String relabel(String label, AxisUnit to) {
        Matcher m = UNIT.matcher(label);
        if (!m.find()) {
            return label;
        }
        return label.substring(0, m.start(1)) + to.symbol + label.substring(m.end(1));
    }

    boolean isRatio() {
        return this == RATIO;
    }

    /** The unit of this kind in which {@code largest} (in this unit) reads from 1 to under 1000. */
    AxisUnit suited(double largest) {
        List<AxisUnit> kind = TIME.contains(this) ? TIME : BYTES.contains(this) ? BYTES : List.of(this);
        double base = largest * factor;
        AxisUnit best = kind.get(0);
        for (AxisUnit u : kind) {
            if (base / u.factor >= 1 - 1e-9) {
                best = u;
            }
        }
        return best;
    }
}
