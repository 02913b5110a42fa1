package org.hyparsim.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.hyparsim.cli.HyparSimCommand;

/** Runs the command line in-process and captures what it prints. */
public record Cli(int status, String out, String err) {
    public static Cli run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = HyparSimCommand.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Cli(status, out.toString(), err.toString());
    }
}
