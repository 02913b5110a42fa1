package org.hyparsim.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import org.hyparsim.cli.Bench;
import org.hyparsim.results.RowCodec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hypar-sim bench}: how fast the engine and the simulator run on this machine. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure the engine's event rate, the simulator's, reproduce --quick, scaling and the planner.")
public final class BenchCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    DebugOption debug;

    @Option(names = "--quick", description = "Fewer and smaller measurements (arrays up to 256).")
    boolean quick;

    @Mixin
    FormatOption output;

    @Override
    public Integer call() throws Exception {
        boolean json = output.json();
        // the measurements are logged as they come: to stdout as text, or to stderr beside the JSON
        PrintWriter log = json ? spec.commandLine().getErr() : spec.commandLine().getOut();
        Map<String, Object> r = Bench.run(quick, log);
        if (json) {
            spec.commandLine().getOut().println(RowCodec.json().writeValueAsString(r));
        } else {
            log.printf("event rate ratio (the simulator's event loop / the bare engine at its depth): %.2f%n", (Double) r.get("eventRateRatio"));
        }
        spec.commandLine().getOut().flush();
        return 0;
    }
}
