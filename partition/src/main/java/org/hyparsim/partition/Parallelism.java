package org.hyparsim.partition;

import java.util.Locale;

/** The choice a layer makes at one level of the hierarchy. */
public enum Parallelism {
    /** Data parallelism: split the batch; each side keeps a full replica of the kernel. */
    DP,
    /** Model parallelism: split the kernel along its input channels. */
    MP;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The letter in compact plans: d or m. */
    public char letter() {
        return label().charAt(0);
    }

    public static java.util.Optional<Parallelism> fromLetter(char c) {
        return java.util.Arrays.stream(values()).filter(p -> p.letter() == c).findFirst();
    }

    /** Parses "dp" or "mp" (any case); null if it is neither. */
    public static Parallelism parse(String s) {
        if (s == null) {
            return null;
        }
        return switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "dp" -> DP;
            case "mp" -> MP;
            default -> null;
        };
    }
}
