package org.hyparsim.core;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A closed set whose members have names in files, on the command line and in results: each
 * enum's own {@code fromName} is the one place its names are parsed.
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
}
