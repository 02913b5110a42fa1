package org.hyparsim.cli;

import org.hyparsim.core.InputException;
import org.hyparsim.core.Named;
import picocli.CommandLine.Option;

/** The --format option of the commands that print results: text or json. */
public final class FormatOption {
    /** The formats a command prints in. */
    enum Format implements Named {
        TEXT("text"), JSON("json");

        private final String label;

        Format(String label) {
            this.label = label;
        }

        @Override
        public String label() {
            return label;
        }
    }

    @Option(names = "--format", paramLabel = "F", defaultValue = "text", description = "text or json (default ${DEFAULT-VALUE}).")
    String format;

    /** The format named; refuses anything but text and json. */
    Format format() {
        return Named.fromName(Format.class, format).orElseThrow(() -> new InputException("command line", "--format",
                "'" + format + "' is not text or json"));
    }

    /** True for json; refuses anything but text and json. */
    boolean json() {
        return format() == Format.JSON;
    }
}
