package org.hyparsim.core.kind;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The choice a layer makes at one level of the hierarchy: one of AccPar's three partition
 * types. HyPar (and the strategies dp, mp, trick, hypar) use the first two.
 */
public enum Parallelism {
    /** Type I, data parallelism: split the batch; each side keeps a full replica of the kernel. */
    DP("dp", 'd'),
    /** Type II, model parallelism: split the kernel along its input channels (forward partial sums of the output). */
    MP("mp", 'm'),
    /** Type III: split the kernel along its output channels (backward partial sums of the input error). */
    MP_OUT("mp-out", 'o');

    /** HyPar's two types. */
    public static final List<Parallelism> TWO_TYPES = List.of(DP, MP);
    /** AccPar's three types. */
    public static final List<Parallelism> THREE_TYPES = List.of(DP, MP, MP_OUT);

    private final String label;
    private final char letter;

    Parallelism(String label, char letter) {
        this.label = label;
        this.letter = letter;
    }

    public String label() {
        return label;
    }

    /** The letter in compact plans: d, m or o. */
    public char letter() {
        return letter;
    }

    /** The first {@code count} types (2: dp and mp; 3: all). */
    public static List<Parallelism> firstTypes(int count) {
        if (count != 2 && count != 3) {
            throw new IllegalArgumentException("partition types are 2 or 3, got " + count);
        }
        return count == 2 ? TWO_TYPES : THREE_TYPES;
    }

    public static Optional<Parallelism> fromLetter(char c) {
        return Arrays.stream(values()).filter(p -> p.letter() == c).findFirst();
    }

    /** Parses "dp", "mp" or "mp-out" (any case); null if it is none of them. */
    public static Parallelism parse(String s) {
        if (s == null) {
            return null;
        }
        String t = s.trim();
        return Arrays.stream(values()).filter(p -> p.label.equalsIgnoreCase(t)).findFirst().orElse(null);
    }
}
