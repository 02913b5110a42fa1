package org.hyparsim.scenarios.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import org.hyparsim.core.InputException;
import org.hyparsim.scenarios.bench.Bench;
import org.hyparsim.scenarios.io.Json;
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

    @Option(names = "--format", paramLabel = "F", defaultValue = "text", description = "text or json.")
    String format;

    @Override
    public Integer call() throws Exception {
        if (!format.equals("text") && !format.equals("json")) {
            throw new InputException("command line", "--format", "'" + format + "' is not text or json");
        }
        boolean json = format.equals("json");
        PrintWriter log = json ? new PrintWriter(new StringWriter()) : spec.commandLine().getOut();
        Map<String, Object> r = Bench.run(quick, json ? spec.commandLine().getErr() : log);
        if (json) {
            spec.commandLine().getOut().println(Json.writer().writeValueAsString(r));
        } else {
            log.printf("event rate ratio (simulator / bare engine): %.2f%n", (Double) r.get("eventRateRatio"));
        }
        spec.commandLine().getOut().flush();
        return 0;
    }
}
