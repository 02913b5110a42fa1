package org.hyparsim.core;

import java.util.Arrays;
import java.util.ArrayList;
import java.util.List;

/**
 * Limits on input, each with a default and overridable by a system property (for example
 * {@code HYPAR_SIM_JAVA_OPTS=-Dhypar-sim.maxLayers=20000 ./hypar-sim ...}). A property's value
 * is read by the same rules as a command-line option: a positive whole number, no smaller than
 * what the built-in networks need ({@link Limit#minimum()}); the command line
 * checks every property at start ({@link #problems()}) and refuses a bad one with one line.
 */
public final class Limits {
    private Limits() {
    }

    /** The limits: each one's property name, default and the least value the built-ins need. */
    public enum Limit {
        /** Accelerators in an array (a power of two). */
        MAX_ACCELERATORS("maxAccelerators", 65536, 1),
        /** Layers in a network; the largest built-in (GPT-3-175B) has 675. */
        MAX_LAYERS("maxLayers", 10_000, 675),
        /** Samples per training step. */
        MAX_BATCH("maxBatch", 1L << 20, 1),
        /** Bytes of an input file (scenario, network, hardware, topology, plan). */
        MAX_FILE_BYTES("maxFileBytes", 16L << 20, 1),
        /** Points of one sweep. */
        MAX_SWEEP_POINTS("maxSweepPoints", 1_000_000, 1),
        /** Channels, features, spatial size or kernel size of one layer; built-in layers reach 50257 (GPT's vocabulary). */
        MAX_LAYER_DIMENSION("maxLayerDimension", 1L << 24, 50_257),
        /** Tasks (compute and transfers) of a task graph held whole for one replay. */
        MAX_TASKS("maxTasks", 10_000_000, 1),
        /**
         * Tasks per training step of the share a replay by symmetry holds past which auto withdraws its
         * rings from the step: rings keep fewer of an array's symmetries than the XOR exchanges, so
         * their share is larger.
         */
        MAX_RING_SHARE_TASKS("maxRingShareTasks", 1L << 22, 1),
        /** Tasks of one training step where a symmetry of the array may cut it to one accelerator per orbit. */
        MAX_STEP_TASKS("maxStepTasks", 100_000_000, 1),
        /** Slices of one run's Chrome trace. */
        MAX_TRACE_EVENTS("maxTraceEvents", 500_000, 1),
        /** Simulated seconds one run may reach (the engine counts integer picoseconds: at most about 9.2e6 s). */
        MAX_SIMULATED_SECONDS("maxSimulatedSeconds", 8_000_000, 1),
        /** Nesting depth of a JSON or YAML input; the examples nest 6 deep. */
        MAX_NESTING_DEPTH("maxNestingDepth", 64, 8),
        /** YAML aliases (references to an anchor) in one input. */
        MAX_YAML_ALIASES("maxYamlAliases", 50, 1),
        /** YAML nodes (values, lists and maps) one input may hold once its aliases are expanded. */
        MAX_YAML_NODES("maxYamlNodes", 100_000, 1);

        private final String property;
        private final long dflt;
        private final long minimum;

        Limit(String property, long dflt, long minimum) {
            this.property = property;
            this.dflt = dflt;
            this.minimum = minimum;
        }

        /** The short name, as in the system property {@code hypar-sim.NAME}. */
        public String propertyName() {
            return property;
        }

        public long defaultValue() {
            return dflt;
        }

        /** The least value the built-in networks, profiles and examples need. */
        public long minimum() {
            return minimum;
        }

        /** The largest value the program can hold for this limit. */
        public long maximum() {
            return this == MAX_SIMULATED_SECONDS ? 8_000_000 : this == MAX_ACCELERATORS ? 1L << 30
                    : this == MAX_NESTING_DEPTH || this == MAX_YAML_ALIASES ? 10_000
                    : this == MAX_FILE_BYTES || this == MAX_YAML_NODES ? Integer.MAX_VALUE : 1L << 53;
        }

        /** The value in force: the property's, or the default when the property is not set. */
        public long value() {
            String v = System.getProperty(property(property));
            if (v == null) {
                return dflt;
            }
            String problem = problem(v);
            if (problem != null) {
                throw new InputException("system property " + property(property), "", problem);
            }
            return Long.parseLong(v.trim());
        }

        /** Why a property value cannot be used, or null when it can. */
        String problem(String v) {
            String t = v.trim();
            long x;
            try {
                x = Long.parseLong(t);
            } catch (NumberFormatException e) {
                return "expected a whole number from " + minimum + " to " + maximum() + ", got '" + v + "'";
            }
            if (x < minimum || x > maximum()) {
                return "expected a whole number from " + minimum + " to " + maximum() + ", got " + x
                        + (x < minimum && x > 0 ? " (the built-in networks and examples need at least " + minimum + ")" : "");
            }
            return null;
        }
    }

    /** Every limit property that is set to a value that cannot be used, one problem each. */
    public static List<InputException.Problem> problems() {
        List<InputException.Problem> out = new ArrayList<>();
        for (Limit l : Limit.values()) {
            String v = System.getProperty(property(l.property));
            String p = v == null ? null : l.problem(v);
            if (p != null) {
                out.add(new InputException.Problem("system property " + property(l.property), "", p));
            }
        }
        String prefix = property("");
        for (String name : System.getProperties().stringPropertyNames()) {
            if (name.startsWith(prefix) && Arrays.stream(Limit.values())
                    .noneMatch(l -> property(l.property).equals(name))) {
                out.add(new InputException.Problem("system property " + name, "", "not a limit; the limits are "
                        + String.join(", ", Arrays.stream(Limit.values()).map(Limit::propertyName).toList())));
            }
        }
        return out;
    }

    /** Accelerators in an array (a power of two). */
    public static long maxAccelerators() {
        return Limit.MAX_ACCELERATORS.value();
    }

    /** Weighted layers in a network. */
    public static long maxLayers() {
        return Limit.MAX_LAYERS.value();
    }

    /** Samples per training step. */
    public static long maxBatch() {
        return Limit.MAX_BATCH.value();
    }

    /** Bytes of an input file (scenario, network, hardware, topology, plan). */
    public static long maxFileBytes() {
        return Limit.MAX_FILE_BYTES.value();
    }

    /** Points of one sweep. */
    public static long maxSweepPoints() {
        return Limit.MAX_SWEEP_POINTS.value();
    }

    /** Channels, spatial size or kernel size of one layer. */
    public static long maxLayerDimension() {
        return Limit.MAX_LAYER_DIMENSION.value();
    }

    /** Tasks (compute and transfers) of a task graph held whole for one replay. */
    public static long maxTasks() {
        return Limit.MAX_TASKS.value();
    }

    /** Tasks per training step of a share replayed by symmetry past which auto withdraws its rings from the step. */
    public static long maxRingShareTasks() {
        return Limit.MAX_RING_SHARE_TASKS.value();
    }

    /**
     * Tasks of one training step where a symmetry of the array may cut it to one accelerator per
     * orbit: it is built as a stream (16 bytes held per task), never whole, and the share replayed
     * is held to {@link #maxTasks()}.
     */
    public static long maxStepTasks() {
        return Limit.MAX_STEP_TASKS.value();
    }

    /**
     * Slices of one run's Chrome trace: the tasks of accelerators 0, 1, ... as long as they fit
     * (at least accelerator 0's); a larger trace would not open in a trace viewer anyway.
     */
    public static long maxTraceEvents() {
        return Limit.MAX_TRACE_EVENTS.value();
    }

    /**
     * Simulated seconds one run may reach: the engine counts integer picoseconds (at most about
     * 9.2e6 s); a scenario whose steps could pass this is refused at the reader.
     */
    public static double maxSimulatedSeconds() {
        return Limit.MAX_SIMULATED_SECONDS.value();
    }

    /** Nesting depth of a JSON or YAML input. */
    public static long maxNestingDepth() {
        return Limit.MAX_NESTING_DEPTH.value();
    }

    /** YAML aliases expanded in one input. */
    public static long maxYamlAliases() {
        return Limit.MAX_YAML_ALIASES.value();
    }

    /** YAML nodes one input may hold once its aliases are expanded. */
    public static long maxYamlNodes() {
        return Limit.MAX_YAML_NODES.value();
    }

    /** The system property that overrides a limit. */
    public static String property(String name) {
        return "hypar-sim." + name;
    }

    /** "(system property hypar-sim.NAME)", for a message that names a limit. */
    public static String note(Limit l) {
        return "(system property " + property(l.propertyName()) + ")";
    }
}
