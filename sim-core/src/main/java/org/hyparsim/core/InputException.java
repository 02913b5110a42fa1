package org.hyparsim.core;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Bad input from a user: a file, an option or a value that cannot be used. The command line
 * reports it as one message naming the source, the field path and the reason, and exits 2.
 */
public final class InputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** One problem: where (source and field path) and why. */
    public record Problem(String source, String path, String reason) {
        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder();
            if (source != null && !source.isEmpty()) {
                sb.append(source).append(": ");
            }
            if (path != null && !path.isEmpty()) {
                sb.append(path).append(": ");
            }
            return sb.append(reason).toString();
        }
    }

    private final List<Problem> problems;

    public InputException(String source, String path, String reason) {
        this(List.of(new Problem(source, path, reason)));
    }

    public InputException(List<Problem> problems) {
        super(render(problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an input error needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    /** The same problems, attributed to another source (a file that included this one). */
    public InputException withSource(String source) {
        return new InputException(problems.stream()
                .map(p -> new Problem(source, p.path(), p.reason()))
                .collect(Collectors.toList()));
    }

    private static String render(List<Problem> problems) {
        if (problems.size() == 1) {
            return problems.get(0).toString();
        }
        return problems.size() + " problems:\n" + problems.stream()
                .map(p -> "  " + p)
                .collect(Collectors.joining("\n"));
    }
}
