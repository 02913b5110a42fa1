package org.hyparsim.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.util.Arrays;
import org.hyparsim.core.engine.SimulationTimeoutException;
import java.io.PrintWriter;
import java.util.List;
import org.hyparsim.core.InputException;
import org.hyparsim.core.Limits;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line: {@code hypar-sim <command> [options]}. */
@Command(name = "hypar-sim", mixinStandardHelpOptions = true, version = "hypar-sim 0.1.0",
        description = "Plans and simulates layer-wise hybrid parallelism (HyPar) for DNN training on accelerator arrays.",
        subcommands = {ReproduceCommand.class, PlanCommand.class, RunCommand.class, SweepCommand.class, CollectiveCommand.class, MergeCommand.class, ChartCommand.class, BenchCommand.class, NetworksCommand.class, ExportChakraCommand.class, CommandLine.HelpCommand.class})
public final class HyparSimCommand implements Runnable {
    /** Exit status for bad input: usage, file or validation. */
    public static final int BAD_INPUT = 2;
    /** Exit status for an internal failure. */
    public static final int INTERNAL = 1;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required (try --help)");
    }

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Physical memory of the machine in MB, or 0 when unknown. */
    private static long machineMemoryMb() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getTotalMemorySize() >> 20;
        }
        return 0;
    }

    /** Runs the command line with the given streams and returns the exit status. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        List<InputException.Problem> limits = Limits.problems();
        if (!limits.isEmpty()) {
            err.println("hypar-sim: " + new InputException(limits).getMessage());
            err.flush();
            return BAD_INPUT;
        }
        CommandLine cl = new CommandLine(new HyparSimCommand());
        cl.setOut(out);
        cl.setErr(err);
        boolean debug = Arrays.asList(args).contains("--debug");
        cl.setParameterExceptionHandler((ex, a) -> {
            err.println("hypar-sim: " + ex.getMessage());
            CommandLine c = ex.getCommandLine();
            err.println("Usage: " + c.getCommandSpec().qualifiedName() + " --help");
            err.flush();
            return BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, c, parsed) -> {
            if (ex instanceof InputException) {
                err.println("hypar-sim: " + ex.getMessage());
                if (debug) {
                    ex.printStackTrace(err);
                }
                err.flush();
                return BAD_INPUT;
            }
            if (ex instanceof SimulationTimeoutException) {
                err.println("hypar-sim: " + ex.getMessage());
                err.flush();
                return INTERNAL;
            }
            err.println("hypar-sim: internal error: " + ex);
            if (debug) {
                ex.printStackTrace(err);
            } else {
                err.println("(run again with --debug for the stack trace)");
            }
            err.flush();
            return INTERNAL;
        });
        try {
            return cl.execute(args);
        } catch (OutOfMemoryError e) {
            long mb = Runtime.getRuntime().maxMemory() >> 20;
            long machine = machineMemoryMb();
            err.println("hypar-sim: out of memory: the Java heap is limited to " + mb + " MB" + (machine > 0
                    ? " on a machine of " + machine + " MB" : "") + "; give it more with HYPAR_SIM_JAVA_OPTS=-Xmx"
                    + Math.max(2 * mb, 1024) + "m (or a smaller array, batch or sweep)");
            err.flush();
            return INTERNAL;
        }
    }
}
