package org.hyparsim.partition.planner;

import org.hyparsim.partition.Plan;

/** A strategy, resolved once by the reader: a built-in planner, or a plan read from a file. */
public sealed interface Strategy permits Strategy.Named, Strategy.Exhaustive, Strategy.Timed, Strategy.FromFile {

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
            if (kind == StrategyKind.TIMED) {
                throw new IllegalArgumentException("the timed strategy needs its replay budget: use Timed");
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
                case EXHAUSTIVE, TIMED, FILE -> throw new IllegalStateException("unreachable");
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

    /**
     * Plans by simulated time, at most {@code budget} replays per plan. Its planner needs the
     * array it replays on: the scenario runner builds it ({@link #planner()} refuses).
     */
    record Timed(int budget) implements Strategy {
        @Override
        public StrategyKind kind() {
            return StrategyKind.TIMED;
        }

        @Override
        public Planner planner() {
            throw new IllegalStateException("the timed planner replays plans on an array: the scenario runner builds it");
        }
    }

    /** Replays per timed plan unless a scenario says otherwise. */
    int DEFAULT_TIMED_BUDGET = 16;

    /** The built-in strategy of this kind; exhaustive over {@code partitionTypes}, timed with the default budget. */
    static Strategy of(StrategyKind kind, int partitionTypes) {
        return kind == StrategyKind.EXHAUSTIVE ? new Exhaustive(partitionTypes)
                : kind == StrategyKind.TIMED ? new Timed(DEFAULT_TIMED_BUDGET) : new Named(kind);
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
