package org.hyparsim.partition.planner;

import org.hyparsim.core.kind.StrategyKind;
import org.hyparsim.partition.CommunicationModel;
import org.hyparsim.partition.Plan;

/** A strategy, resolved once by the reader: a built-in planner, or a plan read from a file. */
public sealed interface Strategy permits Strategy.Named, Strategy.Exhaustive, Strategy.Timed, Strategy.FromFile {

    StrategyKind kind();

    /**
     * This strategy's planner, for an array it may replay plans on: only {@code timed} does (it
     * chooses by simulated time); the others plan from the communication model alone.
     */
    default Planner planner(ArrayPort array) {
        return planner();
    }

    /** This strategy's planner where no array is at hand: every strategy but {@code timed}. */
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
     * Plans by simulated time, at most {@code budget} replays per plan, on the array it is given
     * ({@link #planner(ArrayPort)}); without one it has nothing to replay on ({@link #planner()}
     * refuses: the plan command refuses the strategy before).
     */
    record Timed(int budget) implements Strategy {
        @Override
        public StrategyKind kind() {
            return StrategyKind.TIMED;
        }

        @Override
        public Planner planner(ArrayPort array) {
            return new Planner() {
                @Override
                public String name() {
                    return StrategyKind.TIMED.label();
                }

                @Override
                public Plan plan(CommunicationModel model, int levels) {
                    return new TimedPlanner(array, model).choose(budget).plan();
                }
            };
        }

        @Override
        public Planner planner() {
            throw new IllegalStateException("the timed planner replays plans on an array: give it one");
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
