package org.hyparsim.paper;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hyparsim.core.Limits;
import org.hyparsim.input.scenario.BuiltInProfile;
import org.hyparsim.input.scenario.Hardware;
import org.hyparsim.input.scenario.HardwareReader;
import org.hyparsim.partition.memory.MemorySettings;
import org.hyparsim.results.AtomicFiles;
import org.hyparsim.results.RowCodec;
import org.hyparsim.results.RunColumn;
import org.hyparsim.results.RunRow;
import org.hyparsim.results.charts.ChartFiles;
import org.hyparsim.results.report.Table;
import org.hyparsim.scenarios.sweep.SweepRunner;

/**
 * {@code reproduce --suite transformers}: the transformer section's runs ({@link TransformerRuns}),
 * its tables and charts ({@link TransformerSection}) and REPORT.md, which states the scope, the
 * batches and their sources, the memory settings and how long the runs took.
 */
public final class TransformerReproduction {
    private final TransformerScope scope;
    private final List<Path> charts = new ArrayList<>();

    public TransformerReproduction(boolean quick) {
        this.scope = TransformerScope.of(quick);
    }

    public TransformerScope scope() {
        return scope;
    }

    /** Runs the section on {@code threads} threads and writes it under {@code out}. */
    public TransformerSection.Result run(Path out, int threads, SweepRunner.Listener listener) throws IOException {
        Hardware hw = HardwareReader.builtIn(Suite.TRANSFORMERS.profile());
        long start = System.nanoTime();
        List<TransformerRuns.Outcome> runs = TransformerRuns.collect(scope, hw, threads, listener);
        double seconds = (System.nanoTime() - start) / 1e9;
        List<RunRow> rows = runs.stream().filter(TransformerRuns.Outcome::replayed)
                .map(o -> RunRow.of(o.run()).inSuite(Suite.TRANSFORMERS.label())).toList();
        AtomicFiles.write(out.resolve("runs.csv"), RowCodec.csv(rows, RunColumn.reproduction()));
        TransformerSection.Result r = TransformerSection.build(scope, runs, hw.capacity().bytes());
        for (NamedTable t : r.tables()) {
            AtomicFiles.write(out.resolve(t.name() + ".csv"), t.table().csv());
        }
        for (Chart c : r.charts()) {
            charts.addAll(ChartFiles.save(c.chart(), out, c.file()));
        }
        AtomicFiles.write(out.resolve("REPORT.md"), markdown(r, hw, seconds, threads));
        return r;
    }

    /** The charts written by {@link #run}. */
    public List<Path> charts() {
        return List.copyOf(charts);
    }

    /** The section's REPORT.md. */
    String markdown(TransformerSection.Result r, Hardware hw, double seconds, int threads) {
        StringBuilder sb = new StringBuilder();
        MemorySettings m = scope.memory();
        sb.append("# Transformers").append(scope.quick() ? " (quick)" : "").append("\n\n");
        sb.append(String.format(Locale.ROOT, "Profile %s (%s GiB an accelerator), overlapped schedule, flow-level "
                + "links, %s collectives (%s); topologies %s; arrays of %s accelerators; strategies %s. "
                + "Footprints under %s, %s precision, recompute %s; timed chooses only plans that fit (fit: %s) "
                + "and, where none does, the fastest. The runs took %.1f s on %d threads.%n%n",
                BuiltInProfile.HMC_RS.label(), hw.capacity().memoryCapacityGiB(), scope.collective().label(),
                scope.collective() == TransformerScope.COLLECTIVE ? TransformerScope.COLLECTIVE_REASON : "as stated",
                String.join(", ", scope.topologies().stream().map(t -> t.label()).toList()),
                String.join(", ", scope.sizes().stream().map(String::valueOf).toList()),
                String.join(", ", scope.strategies().stream().map(k -> k.label()).toList()),
                m.optimizer().label(), m.precision().label(), m.recompute().label(), m.fit().label(), seconds, threads));
        sb.append("Global batches (sequences a step, the same at every size: below one sequence an accelerator, "
                + "dp splits sequences):\n\n");
        for (TransformerScope.Net n : scope.networks()) {
            sb.append("- ").append(n.name()).append(": ").append(n.batch()).append(" (").append(n.batchSource())
                    .append(")\n");
        }
        if (!scope.skipped().isEmpty()) {
            sb.append("\nLeft out of the scope:\n\n");
            scope.skipped().forEach(s -> sb.append("- ").append(s.network()).append(" at ").append(s.accelerators())
                    .append(", ").append(s.strategy().label()).append(": ").append(s.reason()).append('\n'));
        }
        sb.append("\n## Step time, communication, energy and footprint\n\n").append(r.table().markdown());
        sb.append(String.format(Locale.ROOT, "%nCommunication is the planner's accounting (equal to the replay's); a "
                + "refused replay keeps its plan's communication and footprint. The longest step replayed: %s s "
                + "(the engine's clock holds %s s).%n%n## Where dp fits%n%n", Table.num(r.longestStepSeconds()),
                Table.num(Limits.maxSimulatedSeconds())));
        r.sentences().forEach(s -> sb.append("- ").append(s).append('\n'));
        sb.append('\n').append(r.dpFit().markdown());
        sb.append("\n## Layout per level (H1 the top; letters d dp, m mp, o mp-out; a block's letters over its "
                + "weighted layers, GPT's and BERT's: qkv, proj, fc1, fc2)\n\n").append(r.layout().markdown());
        if (!r.refused().rows().isEmpty()) {
            sb.append("\n## Replays the simulator refused\n\n").append(r.refused().markdown());
        }
        for (Chart c : r.charts()) {
            sb.append("\n![").append(c.file()).append("](").append(c.file()).append(".png)\n");
        }
        return sb.toString();
    }
}
