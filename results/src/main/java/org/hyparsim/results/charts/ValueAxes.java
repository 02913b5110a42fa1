package org.hyparsim.results.charts;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.math.BigDecimal;
import java.math.MathContext;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.axis.ValueTick;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;

/**
 * Value axes whose range comes from the data: from zero for magnitudes (times, bytes, energy),
 * around the data for ratios (at most three times the data's range), logarithmic only where the
 * values span a decade or more. Ticks fall on 1, 2 or 5 x 10^k, and the unit is the one of its
 * kind that suits the values ({@link AxisUnit}), so that a tick label has at most three
 * significant digits.
 */
final class ValueAxes {
    /** Ticks on a linear axis, at most (about). */
    static final int MAX_TICKS = 8;
    /** A data range under this share of its largest value counts as this share (equal values still get an axis). */
    static final double LEAST_RANGE_SHARE = 0.05;
    /** Room left beyond the data on a linear axis, as a share of its range. */
    static final double PAD = 0.1;
    /** The values' largest over smallest from which a log scale is drawn (when asked for). */
    static final double LOG_FROM_RATIO = 10;
    /** Decades from which a log axis is labelled only at powers of ten. */
    static final double DECADE_TICKS_FROM = 2;

    private ValueAxes() {
    }

    /** An axis for values from {@code min} to {@code max} (in the label's unit), and how to draw on it. */
    record Scaled(ValueAxis axis, double factor, double barBase) {
    }

    static Scaled of(String label, double min, double max, boolean logWanted) {
        AxisUnit unit = AxisUnit.inLabel(label);
        boolean ratio = unit != null && unit.isRatio();
        boolean data = Double.isFinite(min) && Double.isFinite(max);
        if (!data) {
            min = ratio ? 1 : 0;
            max = 1;
        }
        AxisUnit shown = unit == null ? null : unit.suited(Math.max(Math.abs(min), Math.abs(max)));
        double factor = unit == null ? 1 : unit.factor / shown.factor;
        String text = unit == null ? label : AxisUnit.relabel(label, shown);
        double lo = min * factor;
        double hi = max * factor;
        if (logWanted && lo > 0 && hi / lo >= LOG_FROM_RATIO) {
            LogAxis a = logAxis(withScale(text, true), lo, hi);
            return new Scaled(a, factor, ratio && lo <= 1 && hi >= 1 ? 1 : a.getLowerBound());
        }
        NumberAxis a = linear(withScale(text, false), lo, hi, !ratio);
        double base = ratio && a.getLowerBound() <= 1 && a.getUpperBound() >= 1 ? 1 : Math.max(0, a.getLowerBound());
        return new Scaled(a, factor, Math.min(Math.max(base, a.getLowerBound()), a.getUpperBound()));
    }

    /** The label with ", log scale" said or not, as the axis drawn is. */
    private static String withScale(String label, boolean log) {
        String plain = label.replace(", log scale", "");
        if (!log) {
            return plain;
        }
        int close = plain.lastIndexOf(')');
        return close > 0 && close == plain.length() - 1 ? plain.substring(0, close) + ", log scale)" : plain + " (log scale)";
    }

    /** The data range an axis is measured against: at least {@link #LEAST_RANGE_SHARE} of the largest magnitude. */
    static double dataRange(double min, double max) {
        return Math.max(max - min, LEAST_RANGE_SHARE * Math.max(Math.abs(min), Math.abs(max)));
    }

    static NumberAxis linear(String label, double min, double max, boolean fromZero) {
        NumberAxis a = new NumberAxis(label);
        Charts.style(a);
        double range = dataRange(min, max);
        if (range == 0) {
            range = 1;
        }
        double lo;
        double hi;
        double step;
        if (fromZero && min >= 0) {
            step = niceStep(max * (1 + PAD) / MAX_TICKS);
            lo = 0;
            hi = Math.max(step, Math.ceil(max * (1 + PAD) / step - 1e-9) * step);
        } else {
            step = niceStep(range * (1 + 2 * PAD) / MAX_TICKS);
            lo = Math.floor((min - PAD * range) / step + 1e-9) * step;
            hi = Math.ceil((max + PAD * range) / step - 1e-9) * step;
            if (min >= 0 && lo < 0) {
                lo = 0;
            }
        }
        a.setRange(lo, hi);
        a.setTickUnit(new NumberTickUnit(step, format(step)), false, true);
        return a;
    }

    static LogAxis logAxis(String label, double min, double max) {
        TickedLogAxis a = new TickedLogAxis(label);
        Charts.style(a);
        a.setRange(niceAtMost(min), niceAtLeast(max));
        a.setMinorTickMarksVisible(true);
        a.setMinorTickMarkOutsideLength(3f);
        a.setTickMarkOutsideLength(6f);
        return a;
    }

    /** The smallest 1, 2 or 5 x 10^k at least {@code raw}. */
    static double niceStep(double raw) {
        return niceAtLeast(raw);
    }

    static double niceAtLeast(double v) {
        double decade = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * decade >= v * (1 - 1e-12)) {
                return m * decade;
            }
        }
        return 10 * decade;
    }

    static double niceAtMost(double v) {
        double decade = Math.pow(10, Math.floor(Math.log10(v)));
        double best = decade;
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * decade <= v * (1 + 1e-12)) {
                best = m * decade;
            }
        }
        return best;
    }

    /** Labels for multiples of {@code step}: as many decimals as the step needs. */
    static DecimalFormat format(double step) {
        int decimals = Math.max(0, (int) -Math.floor(Math.log10(step) + 1e-9));
        DecimalFormat f = new DecimalFormat(decimals == 0 ? "0" : "0." + "0".repeat(decimals),
                DecimalFormatSymbols.getInstance(Locale.ROOT));
        return f;
    }

    /** 0.001, 0.01, ..., 100, 1000, 1e4 ... as a reader writes them. */
    static String readable(double v) {
        if (v >= 1e-3 && v < 1e5) {
            return new BigDecimal(v).round(new MathContext(3)).stripTrailingZeros().toPlainString();
        }
        return String.format(Locale.ROOT, "%.0e", v);
    }

    /**
     * A log axis labelled at 1, 2 and 5 x 10^k, or at powers of ten alone over more than
     * {@link #DECADE_TICKS_FROM} decades (unlabelled minor marks between).
     */
    static final class TickedLogAxis extends LogAxis {
        private static final long serialVersionUID = 1L;

        TickedLogAxis(String label) {
            super(label);
        }

        /** The labelled values in the axis's range. */
        List<Double> majorValues() {
            double lo = getLowerBound();
            double hi = getUpperBound();
            boolean decades = Math.log10(hi / lo) > DECADE_TICKS_FROM;
            List<Double> out = new ArrayList<>();
            for (int k = (int) Math.floor(Math.log10(lo)) - 1; k <= (int) Math.ceil(Math.log10(hi)); k++) {
                for (double m : decades ? new double[] {1} : new double[] {1, 2, 5}) {
                    double v = new BigDecimal(m).scaleByPowerOfTen(k).doubleValue();
                    if (v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9)) {
                        out.add(v);
                    }
                }
            }
            return out;
        }

        @Override
        public List refreshTicks(Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
            boolean vertical = RectangleEdge.isLeftOrRight(edge);
            TextAnchor anchor = vertical ? (edge == RectangleEdge.LEFT ? TextAnchor.CENTER_RIGHT : TextAnchor.CENTER_LEFT)
                    : (edge == RectangleEdge.TOP ? TextAnchor.BOTTOM_CENTER : TextAnchor.TOP_CENTER);
            List<ValueTick> ticks = new ArrayList<>();
            for (double v : majorValues()) {
                ticks.add(new NumberTick(TickType.MAJOR, v, readable(v), anchor, anchor, 0));
            }
            double lo = getLowerBound();
            double hi = getUpperBound();
            for (int k = (int) Math.floor(Math.log10(lo)); k <= (int) Math.ceil(Math.log10(hi)); k++) {
                for (int m = 1; m <= 9; m++) {
                    double v = m * Math.pow(10, k);
                    if (v > lo && v < hi) {
                        ticks.add(new NumberTick(TickType.MINOR, v, "", anchor, anchor, 0));
                    }
                }
            }
            return ticks;
        }
    }
}
