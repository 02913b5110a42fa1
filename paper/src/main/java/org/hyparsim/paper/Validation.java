package org.hyparsim.paper;

import org.hyparsim.core.step.EnergyComponent;
import java.util.List;
import org.hyparsim.core.workload.Layer;
import org.hyparsim.core.workload.Network;
import org.hyparsim.core.kind.TopologyKind;
import org.hyparsim.core.kind.StrategyKind;
import org.hyparsim.results.RunColumn;
import org.hyparsim.results.RunRecord;
import org.hyparsim.results.RunRow;
import org.hyparsim.results.report.Table;
import org.hyparsim.scenarios.run.ScenarioRunner;

/**
 * Validation from runs: the eyeriss profile beside the chip's published figures (AlexNet gated,
 * VGG-16 reported), and data parallelism on hmc-rs from 1 to 16 accelerators (speedup at most
 * 16 x 1.05, dynamic energy not less, every layer's DRAM traffic between its compulsory traffic
 * and {@link #MOST_COMPULSORY} times it).
 */
public final class Validation {
    public static final String KEY = "validation";
    /** Gates against the chip (AlexNet): frames/s within 30%, DRAM accesses per MAC within x1.5, power within 35%. */
    static final double FPS_GATE = 0.30;
    static final double DRAM_GATE = 1.5;
    static final double POWER_GATE = 0.35;
    /**
     * The stated bound on a layer's DRAM traffic, as a multiple of its compulsory traffic (4 before
     * issue 30: the row-stationary mapping re-reads an input once per block of output channels whose
     * partial sums the buffer holds, up to 4.3x on VGG's conv2-3 on one hmc-rs accelerator).
     */
    public static final double MOST_COMPULSORY = 6;
    /** How far above linear data parallelism's speedup may go. */
    static final double SPEEDUP_SLACK = 1.05;

    /** The section: its table. */
    public record Result(Table table) implements FigureOutput {
        @Override
        public List<NamedTable> tables() {
            return List.of(new NamedTable(KEY, table));
        }

        @Override
        public List<Chart> charts() {
            return List.of();
        }
    }

    private Validation() {
    }

    public static Result build(Context ctx) {
        Table t = new Table(List.of("check", "measure", "ours", "reference", "bound", "verdict"));
        for (EyerissChip chip : EyerissChip.values()) {
            chip(t, chip, ctx.runs().at(Suite.EYERISS, chip.network(), TopologyKind.HTREE, 1).get(StrategyKind.DP));
        }
        for (String name : ctx.scope().scalingNetworks()) {
            scaling(t, ctx, name);
        }
        return new Result(t);
    }

    private static void chip(Table t, EyerissChip chip, RunRow r) {
        boolean gated = chip.gated();
        double seconds = r.value(RunColumn.STEP_TIME);
        double fps = chip.batch() / seconds;
        double perMac = r.value(RunColumn.DRAM_BYTES) / 2 / r.value(RunColumn.MACS);
        double mw = (r.value(RunColumn.ENERGY_MAC) + r.value(RunColumn.ENERGY_REGISTER_FILE)
                + r.value(RunColumn.ENERGY_ARRAY_NETWORK) + r.value(RunColumn.ENERGY_GLOBAL_BUFFER)) / seconds * 1e3;
        String what = chip.network() + ", batch " + chip.batch() + ", inference";
        t.add(List.of(what, "frames/s", Table.num(fps), Table.num(chip.framesPerSecond()),
                gated ? "within " + Math.round(FPS_GATE * 100) + "%" : "none",
                verdict(gated, Math.abs(fps / chip.framesPerSecond() - 1) <= FPS_GATE, fps, chip.framesPerSecond())));
        t.add(List.of(what, "DRAM accesses per MAC", Table.num(perMac), Table.num(chip.dramAccessesPerMac()),
                gated ? "within x" + Table.num(DRAM_GATE) : "none",
                verdict(gated, perMac <= chip.dramAccessesPerMac() * DRAM_GATE
                        && perMac >= chip.dramAccessesPerMac() / DRAM_GATE, perMac, chip.dramAccessesPerMac())));
        t.add(List.of(what, "chip power mW (all but DRAM and links)", Table.num(mw), Table.num(chip.milliwatts()),
                gated ? "within " + Math.round(POWER_GATE * 100) + "%" : "none",
                verdict(gated, Math.abs(mw / chip.milliwatts() - 1) <= POWER_GATE, mw, chip.milliwatts())));
    }

    /** Data parallelism on 1 and 16 accelerators; these runs need their layers, so through the runner directly. */
    private static void scaling(Table t, Context ctx, String name) {
        int array = Scope.ARRAY;
        Network net = Scope.network(name);
        RunRecord one = ScenarioRunner.run(RunCollector.scenario(Suite.SCALING, net, 1, TopologyKind.HTREE,
                ctx.hardware()), false).get(0);
        RunRecord many = ScenarioRunner.run(RunCollector.scenario(Suite.SCALING, net, array, TopologyKind.HTREE,
                ctx.hardware()), false).get(0);
        double speedup = one.result().stepTimeSeconds() / many.result().stepTimeSeconds();
        double dynOne = one.result().energyJoules() - one.result().energy().get(EnergyComponent.STATIC);
        double dynMany = many.result().energyJoules() - many.result().energy().get(EnergyComponent.STATIC);
        double worst = Math.max(worstLayerTraffic(net, one), worstLayerTraffic(net, many));
        double least = Math.min(leastLayerTraffic(net, one), leastLayerTraffic(net, many));
        String what = name + ", dp, hmc-rs, 1 and " + array + " accelerators";
        t.add(List.of(what, "speedup", Table.num(speedup), "", "at most " + Table.num(array * SPEEDUP_SLACK),
                speedup <= array * SPEEDUP_SLACK ? "holds" : "FAILS"));
        t.add(List.of(what, "dynamic energy, " + array + " over 1", Table.num(dynMany / dynOne), "", "at least 1",
                dynMany >= dynOne ? "holds" : "FAILS"));
        t.add(List.of(what, "DRAM bytes / compulsory, per layer", Table.num(least) + " to " + Table.num(worst), "",
                "from 1 to " + Table.num(MOST_COMPULSORY), least >= 1 - 1e-9 && worst <= MOST_COMPULSORY ? "holds"
                        : "FAILS"));
    }

    private static String verdict(boolean gated, boolean within, double ours, double reference) {
        String diff = Table.diff(ours, reference);
        return gated ? (within ? "within (" + diff + ")" : "OUTSIDE (" + diff + ")") : "reported (" + diff + ")";
    }

    /** The largest ratio of a layer's DRAM bytes to its compulsory traffic in a run. */
    private static double worstLayerTraffic(Network net, RunRecord r) {
        double worst = 0;
        for (int i = 0; i < net.size(); i++) {
            worst = Math.max(worst, r.result().layers().get(i).dramBytes()
                    / compulsory(net.layer(i), r.key().batch(), r.key().accelerators()));
        }
        return worst;
    }

    /** The smallest ratio of a layer's DRAM bytes to its compulsory traffic in a run. */
    private static double leastLayerTraffic(Network net, RunRecord r) {
        double least = Double.POSITIVE_INFINITY;
        for (int i = 0; i < net.size(); i++) {
            least = Math.min(least, r.result().layers().get(i).dramBytes()
                    / compulsory(net.layer(i), r.key().batch(), r.key().accelerators()));
        }
        return least;
    }

    /**
     * A layer's compulsory DRAM traffic in a training step of data parallelism on
     * {@code accelerators}: each phase's operands once, fp32 (forward, error and gradient, errors
     * before the pool, and the update's three passes over the weights), over the array.
     */
    public static double compulsory(Layer l, double batch, int accelerators) {
        double samples = batch / accelerators;
        double in = samples * l.inputElementsPerSample();
        double out = samples * l.outputElementsPerSample();
        double err = samples * l.unpooledOutputElementsPerSample();
        double w = l.weights();
        return accelerators * 4.0 * ((in + w + out) + (err + w + in) + (in + err + w) + 3 * w);
    }
}
