package org.hyparsim.partition.planner;

import org.hyparsim.partition.Plan;

/** A strategy, resolved once by the reader: a built-in planner, or a plan read from a file. */
public sealed interface Strategy permits Strategy.Named, Strategy.FromFile {

    StrategyKind kind();

    Planner planner();

    /** A built-in planner. */
    record Named(StrategyKind kind) implements Strategy {
        public Named {
            if (kind == StrategyKind.FILE) {
                throw new IllegalArgumentException("the file strategy needs its plan: use FromFile");
            }
        }

        @Override
        public Planner planner() {
            return switch (kind) {
                case DP -> new DataParallelPlanner();
                case MP -> new ModelParallelPlanner();
                case TRICK -> new OneWeirdTrickPlanner();
                case HYPAR -> new HyParPlanner();
                case EXHAUSTIVE -> new ExhaustivePlanner();
                case FILE -> throw new IllegalStateException("unreachable");
            };
        }
    }

    /** A plan read from a file and checked against the network by the reader. */
    record FromFile(Plan plan) implements Strategy {
        @Override
        public StrategyKind kind() {
            return StrategyKind.FILE;
        }

        @Override
        public Planner planner() {
            return new FilePlanner(plan);
        }
    }
}
