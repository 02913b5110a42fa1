package org.hyparsim.results;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The columns of {@link RunRow}, each defined once: its name (as CSV headers and JSON keys
 * write it), its unit and how it is read from a row. The order is the order of the CSV files.
 */
public enum RunColumn {
    SUITE("suite", "", RunRow::suite),
    POINT("point", "", RunRow::point),
    NETWORK("network", "", r -> r.run().network()),
    BATCH("batch", "samples", r -> r.run().batch()),
    ACCELERATORS("accelerators", "", r -> r.run().accelerators()),
    TOPOLOGY("topology", "", r -> r.run().topology()),
    HARDWARE("hardware", "", r -> r.run().hardware()),
    SCHEDULE("schedule", "", r -> r.run().schedule()),
    PHASE("phase", "", r -> r.run().phase()),
    LINK_MODEL("linkModel", "", r -> r.run().linkModel()),
    COLLECTIVE("collective", "", r -> r.run().collective()),
    STRATEGY("strategy", "", r -> r.run().strategy()),
    ITERATIONS("iterations", "steps", r -> r.times().iterations()),
    STEP_TIME("stepTimeSeconds", "s", r -> r.times().stepTimeSeconds()),
    STEADY_STEP_TIME("steadyStepTimeSeconds", "s", r -> r.times().steadyStepTimeSeconds()),
    COMPUTE("computeSeconds", "s", r -> r.times().computeSeconds()),
    MEMORY_STALL("memoryStallSeconds", "s", r -> r.times().memoryStallSeconds()),
    EXPOSED_COMMUNICATION("exposedCommunicationSeconds", "s", r -> r.times().exposedCommunicationSeconds()),
    COMMUNICATION_BYTES("communicationBytes", "B", r -> r.traffic().communicationBytes()),
    INJECTED_BYTES("injectedBytes", "B", r -> r.traffic().injectedBytes()),
    PLANNER_BYTES("plannerBytes", "B", r -> r.traffic().plannerBytes()),
    LINK_BYTES("linkBytes", "B", r -> r.traffic().linkBytes()),
    DRAM_BYTES("dramBytes", "B", r -> r.traffic().dramBytes()),
    SRAM_BYTES("sramBytes", "B", r -> r.traffic().sramBytes()),
    MACS("macs", "MAC", r -> r.traffic().macs()),
    ENERGY("energyJoules", "J", r -> r.energy().energyJoules()),
    ENERGY_MAC("energyMacJoules", "J", r -> r.energy().energyMacJoules()),
    ENERGY_REGISTER_FILE("energyRegisterFileJoules", "J", r -> r.energy().energyRegisterFileJoules()),
    ENERGY_ARRAY_NETWORK("energyArrayNetworkJoules", "J", r -> r.energy().energyArrayNetworkJoules()),
    ENERGY_GLOBAL_BUFFER("energyGlobalBufferJoules", "J", r -> r.energy().energyGlobalBufferJoules()),
    ENERGY_DRAM("energyDramJoules", "J", r -> r.energy().energyDramJoules()),
    ENERGY_LINK("energyLinkJoules", "J", r -> r.energy().energyLinkJoules()),
    ENERGY_STATIC("energyStaticJoules", "J", r -> r.energy().energyStaticJoules()),
    EVENTS("events", "", r -> r.counts().events()),
    TRANSFERS("transfers", "", r -> r.counts().transfers()),
    PLAN("plan", "", r -> r.grid().compact()),
    LAYERS("layers", "", r -> r.grid().layers()),
    ERROR("error", "", RunRow::error);

    private final String header;
    private final String unit;
    private final Function<RunRow, Object> accessor;

    RunColumn(String header, String unit, Function<RunRow, Object> accessor) {
        this.header = header;
        this.unit = unit;
        this.accessor = accessor;
    }

    /** The name in CSV headers and JSON keys. */
    public String header() {
        return header;
    }

    /** The unit of the column's values ("" for names and counts). */
    public String unit() {
        return unit;
    }

    public Object get(RunRow row) {
        return accessor.apply(row);
    }

    /** The summary of one run: every column but suite, point and error (run --out's summary.csv). */
    public static List<RunColumn> summary() {
        return between(NETWORK, LAYERS);
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

    private static List<RunColumn> between(RunColumn first, RunColumn last) {
        return List.of(values()).subList(first.ordinal(), last.ordinal() + 1);
    }
}
