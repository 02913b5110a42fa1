package org.hyparsim.results;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.hyparsim.core.step.EnergyComponent;

/**
 * The columns of {@link RunRow}, each defined once: its name (as CSV headers and JSON keys
 * write it), its unit and how it is read from a row. The order is the order of the CSV files.
 */
public enum RunColumn implements Column<RunRow> {
    SUITE("suite", Unit.NONE, RunRow::suite),
    POINT("point", Unit.NONE, RunRow::point),
    NETWORK("network", Unit.NONE, r -> r.run().network()),
    BATCH("batch", Unit.SAMPLES, r -> r.run().batch()),
    ACCELERATORS("accelerators", Unit.NONE, r -> r.run().accelerators()),
    TOPOLOGY("topology", Unit.NONE, r -> r.run().topology()),
    HARDWARE("hardware", Unit.NONE, r -> r.run().hardware()),
    SCHEDULE("schedule", Unit.NONE, r -> r.run().schedule()),
    PHASE("phase", Unit.NONE, r -> r.run().phase()),
    LINK_MODEL("linkModel", Unit.NONE, r -> r.run().linkModel()),
    COLLECTIVE("collective", Unit.NONE, r -> r.run().collective()),
    STRATEGY("strategy", Unit.NONE, r -> r.run().strategy()),
    ITERATIONS("iterations", Unit.STEPS, r -> r.times().iterations()),
    STEP_TIME("stepTimeSeconds", Unit.SECONDS, r -> r.times().stepTimeSeconds()),
    STEADY_STEP_TIME("steadyStepTimeSeconds", Unit.SECONDS, r -> r.times().steadyStepTimeSeconds()),
    COMPUTE("computeSeconds", Unit.SECONDS, r -> r.times().computeSeconds()),
    MEMORY_STALL("memoryStallSeconds", Unit.SECONDS, r -> r.times().memoryStallSeconds()),
    EXPOSED_COMMUNICATION("exposedCommunicationSeconds", Unit.SECONDS, r -> r.times().exposedCommunicationSeconds()),
    COMMUNICATION_BYTES("communicationBytes", Unit.BYTES, r -> r.traffic().communicationBytes()),
    INJECTED_BYTES("injectedBytes", Unit.BYTES, r -> r.traffic().injectedBytes()),
    PLANNER_BYTES("plannerBytes", Unit.BYTES, r -> r.traffic().plannerBytes()),
    LINK_BYTES("linkBytes", Unit.BYTES, r -> r.traffic().linkBytes()),
    DRAM_BYTES("dramBytes", Unit.BYTES, r -> r.traffic().dramBytes()),
    SRAM_BYTES("sramBytes", Unit.BYTES, r -> r.traffic().sramBytes()),
    MACS("macs", Unit.MACS, r -> r.traffic().macs()),
    ENERGY("energyJoules", Unit.JOULES, r -> r.energy().energyJoules()),
    ENERGY_MAC(EnergyComponent.MAC),
    ENERGY_REGISTER_FILE(EnergyComponent.REGISTER_FILE),
    ENERGY_ARRAY_NETWORK(EnergyComponent.ARRAY_NETWORK),
    ENERGY_GLOBAL_BUFFER(EnergyComponent.GLOBAL_BUFFER),
    ENERGY_DRAM(EnergyComponent.DRAM),
    ENERGY_LINK(EnergyComponent.LINK),
    ENERGY_STATIC(EnergyComponent.STATIC),
    EVENTS("events", Unit.NONE, r -> r.counts().events()),
    TRANSFERS("transfers", Unit.NONE, r -> r.counts().transfers()),
    PLAN("plan", Unit.NONE, r -> r.grid().compact()),
    LAYERS("layers", Unit.NONE, r -> r.grid().layers()),
    /** What the replay decided that the scenario did not say (auto's rings withdrawn, calendar-turns links). */
    NOTES("notes", Unit.NONE, RunRow::notes),
    ERROR("error", Unit.NONE, RunRow::error),
    // a run's perturbed replays: written only where a row has them (spread()), after stepTimeSeconds
    STEP_TIME_MEDIAN("stepTimeMedianSeconds", Unit.SECONDS, r -> r.spread().stepTimeMedianSeconds()),
    STEP_TIME_MIN("stepTimeMinSeconds", Unit.SECONDS, r -> r.spread().stepTimeMinSeconds()),
    STEP_TIME_MAX("stepTimeMaxSeconds", Unit.SECONDS, r -> r.spread().stepTimeMaxSeconds()),
    PERTURBATION("perturbation", Unit.NONE, r -> r.spread().perturbation()),
    SAMPLES("samples", Unit.NONE, r -> r.spread().samples()),
    SEED("seed", Unit.NONE, r -> r.spread().seed());

    private final String header;
    private final Unit unit;
    private final Function<RunRow, Object> accessor;
    private final EnergyComponent component;

    RunColumn(String header, Unit unit, Function<RunRow, Object> accessor) {
        this.header = header;
        this.unit = unit;
        this.accessor = accessor;
        this.component = null;
    }

    /** The column of one energy component: its CSV name is the component's. */
    RunColumn(EnergyComponent component) {
        this.header = component.column();
        this.unit = Unit.JOULES;
        this.accessor = r -> r.energy().get(component);
        this.component = component;
    }

    @Override
    public String header() {
        return header;
    }

    @Override
    public Unit unit() {
        return unit;
    }

    @Override
    public Object get(RunRow row) {
        return accessor.apply(row);
    }

    @Override
    public boolean listValued() {
        return this == LAYERS || this == NOTES;
    }

    /** The energy component this column holds, if it holds one. */
    public Optional<EnergyComponent> component() {
        return Optional.ofNullable(component);
    }

    /** The summary of one run: every column but suite, point and error (run --out's summary.csv). */
    public static List<RunColumn> summary() {
        return between(NETWORK, NOTES);
    }

    /** A sweep's results.csv: the point, the summary, the error. */
    public static List<RunColumn> sweep() {
        List<RunColumn> out = new ArrayList<>(List.of(POINT));
        out.addAll(summary());
        out.add(ERROR);
        return out;
    }

    /** The reproduction's runs.csv: the suite, the point, the summary. */
    public static List<RunColumn> reproduction() {
        List<RunColumn> out = new ArrayList<>(List.of(SUITE, POINT));
        out.addAll(summary());
        return out;
    }

    /** The columns of perturbed replays, in order: median, minimum and maximum step time, the range, samples, seed. */
    public static List<RunColumn> spread() {
        return between(STEP_TIME_MEDIAN, SEED);
    }

    /** These columns with {@link #spread()}'s after stepTimeSeconds where {@code perturbed}; as they are otherwise. */
    public static List<RunColumn> withSpread(List<RunColumn> columns, boolean perturbed) {
        if (!perturbed || !columns.contains(STEP_TIME)) {
            return columns;
        }
        List<RunColumn> out = new ArrayList<>(columns);
        out.addAll(out.indexOf(STEP_TIME) + 1, spread());
        return List.copyOf(out);
    }

    /** True where any of the rows has perturbed replays (their files then carry {@link #spread()}'s columns). */
    public static boolean anyPerturbed(List<RunRow> rows) {
        return rows.stream().anyMatch(RunRow::perturbed);
    }

    private static List<RunColumn> between(RunColumn first, RunColumn last) {
        return List.of(values()).subList(first.ordinal(), last.ordinal() + 1);
    }
}
