package org.hyparsim.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The physical range of every hardware and link value a user can set, in one table (the README
 * prints it): wide enough for any real device, narrow enough that simulated time (integer
 * picoseconds) cannot overflow on a step of a real network.
 */
public final class Ranges {
    /** A closed range; {@code whole}: a count, so a whole number. */
    public record Range(double min, double max, boolean whole, String unit) {
        public boolean contains(double v) {
            return v >= min && v <= max && Double.isFinite(v) && (!whole || v == Math.rint(v));
        }

        public String describe() {
            return (whole ? "a whole number" : "a number") + " from " + fmt(min) + " to " + fmt(max)
                    + (unit.isEmpty() ? "" : " " + unit);
        }

        private static String fmt(double v) {
            return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
        }
    }

    private static final Map<String, Range> TABLE = new LinkedHashMap<>();

    static {
        TABLE.put("engines", new Range(1, 65536, true, "per accelerator"));
        TABLE.put("peRows", new Range(1, 4096, true, "PEs"));
        TABLE.put("peCols", new Range(1, 4096, true, "PEs"));
        TABLE.put("clockMHz", new Range(1, 100_000, false, "MHz"));
        TABLE.put("ifmapSpadWords", new Range(1, 1 << 20, true, "words"));
        TABLE.put("filterSpadWords", new Range(1, 1 << 20, true, "words"));
        TABLE.put("psumSpadWords", new Range(1, 1 << 20, true, "words"));
        TABLE.put("rampCycles", new Range(0, 1 << 20, false, "cycles"));
        TABLE.put("filterWordsPerCycle", new Range(0.01, 1 << 20, false, "words"));
        TABLE.put("bufferWordsPerCycle", new Range(0.01, 1 << 20, false, "words"));
        TABLE.put("activationZeroFraction", new Range(0, 0.99, false, ""));
        TABLE.put("bufferKiBPerEngine", new Range(0.125, 1 << 20, false, "KiB"));
        TABLE.put("vaults", new Range(1, 1024, true, ""));
        TABLE.put("vaultBandwidthGBps", new Range(0.001, 100_000, false, "GB/s"));
        TABLE.put("memoryLatencyNs", new Range(0, 1_000_000, false, "ns"));
        TABLE.put("idealMacsPerSecond", new Range(1e6, 1e18, false, "MAC/s"));
        TABLE.put("bytesPerElement", new Range(0.125, 64, false, "B"));
        TABLE.put("linkBandwidthGBps", new Range(0.001, 1_000_000, false, "GB/s"));
        TABLE.put("htreeLevelBandwidthGBps", new Range(0.001, 1_000_000, false, "GB/s"));
        TABLE.put("busBandwidthGBps", new Range(0.001, 1_000_000, false, "GB/s"));
        TABLE.put("linkLatencyNs", new Range(0, 1_000_000, false, "ns"));
        TABLE.put("packetBytes", new Range(64, 1e9, false, "B"));
        TABLE.put("macPj", new Range(0, 1_000_000, false, "pJ"));
        TABLE.put("registerFilePj", new Range(0, 1_000_000, false, "pJ"));
        TABLE.put("arrayNetworkPj", new Range(0, 1_000_000, false, "pJ"));
        TABLE.put("sramPjPerByte", new Range(0, 1_000_000, false, "pJ"));
        TABLE.put("dramPjPerBit", new Range(0, 1_000_000, false, "pJ"));
        TABLE.put("linkPjPerBit", new Range(0, 1_000_000, false, "pJ"));
        TABLE.put("staticWatts", new Range(0, 1_000_000, false, "W"));
        TABLE.put("memoryCapacityGiB", new Range(0.001, 1 << 20, false, "GiB"));
    }

    private Ranges() {
    }

    /** Every range, by field name, in the README's order. */
    public static Map<String, Range> table() {
        return Collections.unmodifiableMap(TABLE);
    }

    /** The range of a field ("htreeLevelBandwidthGBps[2]" takes its list's range). */
    public static Range of(String field) {
        int bracket = field.indexOf('[');
        Range r = TABLE.get(bracket < 0 ? field : field.substring(0, bracket));
        if (r == null) {
            throw new IllegalArgumentException("no range for " + field);
        }
        return r;
    }
}
