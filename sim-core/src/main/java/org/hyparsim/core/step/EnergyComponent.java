package org.hyparsim.core.step;

import org.hyparsim.core.Named;

/**
 * The components of a step's energy, level by level of the hierarchy: what each is counted in,
 * its name in JSON (run --format json's {@code energy} object), its column in CSV tables and
 * its heading in text tables. Declaration order is the order of every table and of every sum.
 */
public enum EnergyComponent implements Named {
    /** Multiply-accumulates, pJ per MAC. */
    MAC("mac", "energyMacJoules", "mac", false),
    /** Register-file accesses (words), pJ per access. */
    REGISTER_FILE("registerFile", "energyRegisterFileJoules", "reg. file", false),
    /** Words moved over the PE array's network, pJ per word. */
    ARRAY_NETWORK("arrayNetwork", "energyArrayNetworkJoules", "array net", false),
    /** Global-buffer traffic, pJ per byte. */
    GLOBAL_BUFFER("globalBuffer", "energyGlobalBufferJoules", "glob. buf", false),
    /** Memory (HMC vault or DRAM) traffic, pJ per bit. */
    DRAM("dram", "energyDramJoules", "dram", true),
    /** Bits x links crossed, pJ per bit and hop. */
    LINK("link", "energyLinkJoules", "link", true),
    /** Static power over the step time, watts per accelerator: the step's, never a task's or a layer's. */
    STATIC("static", "energyStaticJoules", "static", false);

    private final String label;
    private final String column;
    private final String heading;
    private final boolean perBit;

    EnergyComponent(String label, String column, String heading, boolean perBit) {
        this.label = label;
        this.column = column;
        this.heading = heading;
        this.perBit = perBit;
    }

    /** The name in JSON: "mac", "registerFile", ... */
    @Override
    public String label() {
        return label;
    }

    /** The column in CSV tables: "energyMacJoules", ... */
    public String column() {
        return column;
    }

    /** The heading in text tables: "mac", "reg. file", ... */
    public String heading() {
        return heading;
    }

    /** True when the component is counted in bytes and priced per bit. */
    public boolean perBit() {
        return perBit;
    }

    /** True for the components that tasks spend (all but static energy). */
    public boolean dynamic() {
        return this != STATIC;
    }
}
