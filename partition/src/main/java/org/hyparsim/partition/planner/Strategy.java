package org.hyparsim.partition.planner;

import org.hyparsim.partition.Plan;

/** A strategy, resolved once by the reader: a built-in planner, or a plan read from a file. */
public sealed interface Strategy permits Strategy.Named, Strategy.Exhaustive, Strategy.FromFile {

    StrategyKind kind();

    Planner planner();

    /** A built-in planner. */
    record Named(StrategyKind kind) implements Strategy {
        public Named {
            if (kind == StrategyKind.FILE) {
                throw new IllegalArgumentException("the file strategy needs its plan: use FromFile");
            }
            if (kind == StrategyKind.EXHAUSTIVE) {
                throw new IllegalArgumentException("the exhaustive strategy needs its partition types: use Exhaustive");
            }
        }

        @Override
        public Planner planner() {
            return switch (kind) {
                case DP -> new DataParallelPlanner();
                case MP -> new ModelParallelPlanner();
                case TRICK -> new OneWeirdTrickPlanner();
                case HYPAR -> LayerwisePlanner.hypar();
                case ACCPAR -> LayerwisePlanner.accpar();
                case EXHAUSTIVE, FILE -> throw new IllegalStateException("unreachable");
            };
        }
    }

    /** Every plan over 2 (dp, mp) or 3 (dp, mp, mp-out) partition types. */
    record Exhaustive(int partitionTypes) implements Strategy {
        public Exhaustive {
            if (partitionTypes != 2 && partitionTypes != 3) {
                throw new IllegalArgumentException("partitionTypes is 2 or 3, got " + partitionTypes);
            }
        }

        @Override
        public StrategyKind kind() {
            return StrategyKind.EXHAUSTIVE;
        }

        @Override
        public Planner planner() {
            return new ExhaustivePlanner(partitionTypes);
        }
    }

    /** The built-in strategy of this kind; exhaustive over {@code partitionTypes}. */
    public static Strategy of(StrategyKind kind, int partitionTypes) {
        return kind == StrategyKind.EXHAUSTIVE ? new Exhaustive(partitionTypes) : new Named(kind);
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
