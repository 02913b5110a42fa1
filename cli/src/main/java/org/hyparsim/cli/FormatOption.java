package org.hyparsim.cli;

import org.hyparsim.core.InputException;
import picocli.CommandLine.Option;

/** The --format option of the commands that print results: text or json. */
public final class FormatOption {
    @Option(names = "--format", paramLabel = "F", defaultValue = "text", description = "text or json (default ${DEFAULT-VALUE}).")
    String format;

    /** True for json; refuses anything but text and json. */
    boolean json() {
        if (!format.equals("text") && !format.equals("json")) {
            throw new InputException("command line", "--format", "'" + format + "' is not text or json");
        }
        return format.equals("json");
    }
}
