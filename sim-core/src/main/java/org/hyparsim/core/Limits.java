package org.hyparsim.core;

/**
 * Limits on input, each with a default and overridable by a system property (for example
 * {@code HYPAR_SIM_JAVA_OPTS=-Dhypar-sim.maxLayers=20000 ./hypar-sim ...}).
 */
public final class Limits {
    private Limits() {
    }

    /** Accelerators in an array (a power of two). */
    public static long maxAccelerators() {
        return get("maxAccelerators", 65536);
    }

    /** Weighted layers in a network. */
    public static long maxLayers() {
        return get("maxLayers", 10_000);
    }

    /** Samples per training step. */
    public static long maxBatch() {
        return get("maxBatch", 1L << 20);
    }

    /** Bytes of an input file (scenario, network, hardware, topology, plan). */
    public static long maxFileBytes() {
        return get("maxFileBytes", 16L << 20);
    }

    /** Points of one sweep. */
    public static long maxSweepPoints() {
        return get("maxSweepPoints", 1_000_000);
    }

    /** Channels, spatial size or kernel size of one layer. */
    public static long maxLayerDimension() {
        return get("maxLayerDimension", 1L << 24);
    }

    /** Tasks (compute and transfers) of a task graph held whole for one replay. */
    public static long maxTasks() {
        return get("maxTasks", 10_000_000);
    }

    /**
     * Tasks of one training step where a symmetry of the array may cut it to one accelerator per
     * orbit: it is built as a stream (16 bytes held per task), never whole, and the share replayed
     * is held to {@link #maxTasks()}.
     */
    public static long maxStepTasks() {
        return get("maxStepTasks", 100_000_000);
    }

    /**
     * Slices of one run's Chrome trace: the tasks of accelerators 0, 1, ... as long as they fit
     * (at least accelerator 0's); a larger trace would not open in a trace viewer anyway.
     */
    public static long maxTraceEvents() {
        return get("maxTraceEvents", 500_000);
    }

    /**
     * Simulated seconds one run may reach: the engine counts integer picoseconds (at most about
     * 9.2e6 s); a scenario whose steps could pass this is refused at the reader.
     */
    public static double maxSimulatedSeconds() {
        return Math.min(8_000_000, get("maxSimulatedSeconds", 8_000_000));
    }

    /** Nesting depth of a JSON or YAML input. */
    public static long maxNestingDepth() {
        return get("maxNestingDepth", 64);
    }

    /** YAML aliases expanded in one input. */
    public static long maxYamlAliases() {
        return get("maxYamlAliases", 50);
    }

    /** The system property that overrides a limit. */
    public static String property(String name) {
        return "hypar-sim." + name;
    }

    private static long get(String name, long dflt) {
        String v = System.getProperty(property(name));
        if (v == null) {
            return dflt;
        }
        try {
            long x = Long.parseLong(v.trim());
            return x > 0 ? x : dflt;
        } catch (NumberFormatException e) {
            return dflt;
        }
    }
}
