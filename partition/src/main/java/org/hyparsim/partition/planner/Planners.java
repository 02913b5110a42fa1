package org.hyparsim.partition.planner;

import java.util.List;
import org.hyparsim.core.InputException;

/** The built-in planners by name. */
public final class Planners {
    /** Names accepted by {@link #byName}. */
    public static final List<String> NAMES = List.of("dp", "mp", "trick", "hypar", "exhaustive");

    private Planners() {
    }

    /** @param source where the name came from, for the error message */
    public static Planner byName(String name, String source, String path) {
        return switch (name == null ? "" : name) {
            case "dp" -> new DataParallelPlanner();
            case "mp" -> new ModelParallelPlanner();
            case "trick" -> new OneWeirdTrickPlanner();
            case "hypar" -> new HyParPlanner();
            case "exhaustive" -> new ExhaustivePlanner();
            default -> throw new InputException(source, path, "unknown strategy '" + name + "': expected one of "
                    + String.join(", ", NAMES) + (name != null && name.equals("file") ? " (file needs a plan file)" : ""));
        };
    }
}
