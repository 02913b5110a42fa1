package org.hyparsim.core;

import java.util.Locale;

/**
 * Formatting of figures for people, in decimal (SI) units as the paper uses (1 GB = 1e9 bytes),
 * and in binary units for memory capacities, which are stated in GiB.
 */
public final class Units {
    private static final String[] PREFIX = {"", "k", "M", "G", "T", "P", "E"};
    private static final String[] BINARY = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};

    private Units() {
    }

    /** "15.94 GB", "512 B"; four significant digits. */
    public static String bytes(double b) {
        return scaled(b, "B");
    }

    /** "24.9 GiB", "4 GiB", "512 B"; binary prefixes (1 GiB = 2^30 bytes), four significant digits. */
    public static String binaryBytes(double b) {
        if (b == 0 || !Double.isFinite(b)) {
            return scaled(b, "B");
        }
        int i = 0;
        double v = b;
        while (Math.abs(v) >= 1024 && i < BINARY.length - 1) {
            v /= 1024;
            i++;
        }
        return significant(v, 4) + " " + BINARY[i];
    }

    /** A count with an SI prefix: "1.5 G" elements, "3.1 GMAC". */
    public static String scaled(double v, String unit) {
        if (v == 0 || !Double.isFinite(v)) {
            return String.format(Locale.ROOT, "%s %s", v == 0 ? "0" : String.valueOf(v), unit);
        }
        int i = 0;
        double a = Math.abs(v);
        while (a >= 1000 && i < PREFIX.length - 1) {
            a /= 1000;
            v /= 1000;
            i++;
        }
        return significant(v, 4) + " " + PREFIX[i] + unit;
    }

    /** A number with the given significant digits, trailing zeros dropped. */
    public static String significant(double v, int digits) {
        if (v == 0) {
            return "0";
        }
        int mag = (int) Math.floor(Math.log10(Math.abs(v)));
        int decimals = Math.max(0, digits - 1 - mag);
        String s = String.format(Locale.ROOT, "%." + decimals + "f", v);
        if (s.contains(".")) {
            s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return s;
    }
}
