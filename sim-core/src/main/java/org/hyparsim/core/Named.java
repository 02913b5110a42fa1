package org.hyparsim.core;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A closed set whose members have names in files, on the command line and in results: each
 * enum's own {@code fromName} is the one place its names are parsed, and {@link #notOneOf} the
 * one place that words a name it refuses.
 */
public interface Named {
    /** The member's name as files and results write it. */
    String label();

    /** The member of {@code type} with this name. */
    static <E extends Enum<E> & Named> Optional<E> fromName(Class<E> type, String name) {
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.label().equals(name)).findFirst();
    }

    /** Every member's name, in declaration order. */
    static <E extends Enum<E> & Named> List<String> names(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Named::label).toList();
    }

    /** The reason a name outside the set is refused: "'x' is not one of a, b, c". */
    static String notOneOf(String name, List<String> names) {
        return "'" + name + "' is not one of " + String.join(", ", names);
    }

    /** The reason a name outside {@code type} is refused, listing its members' names. */
    static <E extends Enum<E> & Named> String notOneOf(Class<E> type, String name) {
        return notOneOf(name, names(type));
    }

    /**
     * The member of {@code type} with this name, or an {@link InputException} at {@code source}
     * and {@code path} that lists the names ({@link #notOneOf}).
     */
    static <E extends Enum<E> & Named> E require(Class<E> type, String name, String source, String path) {
        return fromName(type, name).orElseThrow(() -> new InputException(source, path, notOneOf(type, name)));
    }
}
