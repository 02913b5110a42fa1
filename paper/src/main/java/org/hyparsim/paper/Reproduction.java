package org.hyparsim.paper;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hyparsim.core.workload.Layer;
import org.hyparsim.results.AtomicFiles;
import org.hyparsim.results.RowCodec;
import org.hyparsim.results.RunColumn;
import org.hyparsim.results.charts.ChartFiles;
import org.hyparsim.paper.report.ReproductionReport;
import org.hyparsim.results.report.Table;
import org.hyparsim.input.scenario.BuiltInProfile;
import org.hyparsim.input.scenario.Hardware;
import org.hyparsim.scenarios.sweep.SweepRunner;

/**
 * The paper's evaluation, reproduced: Figs. 5, 6, 7, 8 (ten networks, 16 accelerators, the
 * paper profile), 9 (the Lenet-c space), 11 (VGG-E from 1 to 64 accelerators) and 12 (HyPar on
 * a torus and an H tree), plus the same networks on the hmc-rs profile; CSVs, charts and
 * REPORT.md with our numbers beside the paper's. Each figure is a class of
 * {@code reproduce.figures} that returns an immutable result; this class runs the suites once,
 * builds the figures from the runs and writes what they return.
 */
public final class Reproduction {
    private final Scope scope;
    private final List<Path> charts = new ArrayList<>();

    public Reproduction(boolean quick) {
        this.scope = Scope.of(quick);
    }

    /** The figures' results, in the report's order. */
    private record Figures(Fig5Partition.Result fig5, NormalisedFigure.Result fig6, NormalisedFigure.Result fig7,
            Fig8Communication.Result fig8, Fig9LenetSpace.Result fig9, OneTableFigure fig11,
            OneTableFigure fig12, OneTableFigure hmcRs, Validation.Result validation, Flip.Result flip,
            AccParSection.Result accpar, TimedSection.Result timed) {
        static Figures build(Context ctx) {
            return new Figures(Fig5Partition.build(ctx), NormalisedFigure.FIG6.build(ctx),
                    NormalisedFigure.FIG7.build(ctx), Fig8Communication.build(ctx), Fig9LenetSpace.build(ctx),
                    Fig11Scalability.build(ctx), Fig12Topology.build(ctx), HmcRs.build(ctx), Validation.build(ctx),
                    Flip.build(ctx), AccParSection.build(ctx), TimedSection.build(ctx));
        }

        List<FigureOutput> all() {
            return List.of(fig5, fig6, fig7, fig8, fig9, fig11, fig12, hmcRs, validation, flip, accpar, timed);
        }

        ReproductionReport.Inputs report(Scope scope, Table headline) {
            return new ReproductionReport.Inputs(scope.quick(), scope.networks().stream().map(n -> n.name()).toList(),
                    new ReproductionReport.PaperFigures(headline, fig5.forReport(), fig6.table(), fig7.table(),
                            fig8.table(), fig9.facts(), fig11.table(), fig12.table()),
                    new ReproductionReport.Beyond(hmcRs.table(), validation.table(), flip.forReport(),
                            accpar.forReport(), timed.forReport()));
        }
    }

    /** Runs everything on {@code threads} threads and writes the results under {@code out}. */
    public void run(Path out, int threads, SweepRunner.Listener listener) throws IOException {
        Map<BuiltInProfile, Hardware> hardware = RunCollector.builtInHardware();
        Runs runs = RunCollector.collect(scope, hardware, threads, listener);
        AtomicFiles.write(out.resolve("runs.csv"), RowCodec.csv(runs.rows(), RunColumn.reproduction()));
        Figures figures = Figures.build(new Context(scope, runs, hardware));
        for (FigureOutput f : figures.all()) {
            for (Chart c : f.charts()) {
                charts.addAll(ChartFiles.save(c.chart(), out, c.file()));
            }
            for (NamedTable t : f.tables()) {
                AtomicFiles.write(out.resolve(t.name() + ".csv"), t.table().csv());
            }
        }
        Table headline = Headline.table(figures.fig6(), figures.fig7(), figures.fig8());
        AtomicFiles.write(out.resolve(Headline.KEY + ".csv"), headline.csv());
        AtomicFiles.write(out.resolve("REPORT.md"), ReproductionReport.markdown(figures.report(scope, headline)));
    }

    /** The charts written by {@link #run}, in the report's order. */
    public List<Path> charts() {
        return List.copyOf(charts);
    }

    /**
     * A layer's compulsory DRAM traffic in a training step of data parallelism on
     * {@code accelerators} (see {@link Validation#compulsory}).
     */
    public static double compulsory(Layer l, double batch, int accelerators) {
        return Validation.compulsory(l, batch, accelerators);
    }
}
