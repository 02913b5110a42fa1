package org.hyparsim.cli;

import picocli.CommandLine.Option;

/** The --debug flag every command accepts: stack traces on errors. */
public final class DebugOption {
    @Option(names = "--debug", description = "Print stack traces on errors.")
    boolean debug;
}
