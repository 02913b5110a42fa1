package org.hyparsim.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.hyparsim.core.InputException;
import org.hyparsim.core.Named;
import org.hyparsim.paper.Reproduction;
import org.hyparsim.paper.ReproductionSuite;
import org.hyparsim.paper.TransformerReproduction;
import org.hyparsim.scenarios.sweep.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hypar-sim reproduce}: the paper's evaluation, with our numbers beside the paper's. */
@Command(name = "reproduce", mixinStandardHelpOptions = true,
        description = "Reproduce the paper's evaluation (Figs. 5-9, 11, 12): CSVs, charts and REPORT.md.")
public final class ReproduceCommand implements Callable<Integer> {
    /**
     * What follows the reproduction's runs (the mixed array's runs, the charts, the CSVs and
     * REPORT.md, on one thread) as a share of the time the runs took, so that the time left counts
     * it: 0.17 to 0.18 measured on 2 cores, idle and loaded (2.5 s after 13.8 s, 4.4 s after 25.7 s,
     * 8.1 s after 47 s).
     */
    static final double AFTER_RUNS_SHARE = 0.17;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    DebugOption debug;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default results/paper, or "
            + "results/transformers with --suite transformers).")
    Path out;

    @Option(names = "--quick", description = "A subset that runs in well under a minute.")
    boolean quick;

    @Option(names = "--suite", paramLabel = "S", defaultValue = "paper",
            description = "paper (the default: the paper's evaluation) or transformers (BERT-large, GPT-2 and "
                    + "GPT-3-175B from 16 to 1024 accelerators; written to results/transformers unless --out).")
    String suite;

    @Option(names = "--threads", paramLabel = "T", description = "Runs at once (default: all cores).")
    Integer threads;

    @Option(names = "--force", description = "Write into --out even where it holds another kind of result.")
    boolean force;

    @Override
    public Integer call() throws Exception {
        ReproductionSuite which = ReproductionSuite.fromName(suite).orElseThrow(() -> new InputException(
                "command line", "--suite", Named.notOneOf(ReproductionSuite.class, suite)));
        if (out == null) {
            out = Path.of("results", which.label());
        }
        OutputDir.check(out, "--out");
        int t = ThreadsOption.resolve(threads, Runtime.getRuntime().availableProcessors());
        long start = System.nanoTime();
        boolean terminal = System.console() != null && !"true".equalsIgnoreCase(System.getenv("CI"));
        try (var lock = OutputDir.claim(out, "--out", OutputDir.Kind.REPRODUCTION, force, "reproduce")) {
            Progress progress = new Progress(spec.commandLine().getErr(), terminal, AFTER_RUNS_SHARE);
            if (which == ReproductionSuite.TRANSFORMERS) {
                new TransformerReproduction(quick).run(out, t, progress);
            } else {
                new Reproduction(quick).run(out, t, progress);
            }
        }
        spec.commandLine().getOut().printf(Locale.ROOT, "Reproduction%s%s written to %s (REPORT.md, CSVs, charts) in %.1f s%n",
                which == ReproductionSuite.TRANSFORMERS ? " of the transformers" : "", quick ? " (quick)" : "", out, (System.nanoTime() - start) / 1e9);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
