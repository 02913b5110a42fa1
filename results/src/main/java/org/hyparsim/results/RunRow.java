package org.hyparsim.results;

import java.util.List;
import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.hyparsim.core.step.EnergyComponent;
import org.hyparsim.core.step.StepResult;

/**
 * The summary row of one run, as sweeps, shards, the journal, merge, charts and the
 * reproduction write and read it (CSV and JSON, through {@link RowCodec}). The columns, their
 * units and their order are {@link RunColumn}'s. A failed sweep point has its run key, its
 * error and empty figures.
 *
 * @param origin where the row comes from: a sweep point, a reproduction suite
 * @param error empty for a run that finished, else why it failed (sweep rows only)
 */
public record RunRow(
        @JsonUnwrapped Origin origin,
        @JsonUnwrapped RunKey run,
        @JsonUnwrapped Times times,
        @JsonUnwrapped Spread spread,
        @JsonUnwrapped Traffic traffic,
        @JsonUnwrapped Energy energy,
        @JsonUnwrapped Counts counts,
        @JsonUnwrapped PlanGrid grid,
        @JsonProperty("notes") List<String> notes,
        @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("error") String error) {

    /**
     * Where a row comes from.
     *
     * @param suite the reproduction suite the run belongs to (reproduction rows only)
     * @param point the sweep point (sweep and reproduction rows)
     */
    public record Origin(@JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("suite") String suite,
            @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("point") Integer point) {
        static final Origin NONE = new Origin(null, null);
    }

    public RunRow {
        origin = origin == null ? Origin.NONE : origin;
        spread = spread == null ? Spread.NONE : spread;
        // what the replay decided that the scenario did not say (StepResult#withNote); an empty CSV cell reads as ""
        notes = notes == null ? List.of() : notes.stream().filter(n -> !n.isBlank()).toList();
    }

    /** The reproduction suite, or null. */
    public String suite() {
        return origin.suite();
    }

    /** The sweep point, or null. */
    public Integer point() {
        return origin.point();
    }

    /** Seconds per step (the first step when several were replayed). */
    public record Times(Integer iterations, Double stepTimeSeconds, Double steadyStepTimeSeconds, Double computeSeconds,
            Double memoryStallSeconds, Double exposedCommunicationSeconds) {
    }

    /**
     * The step times of the run's perturbed replays (each link orbit's bandwidth scaled by a factor
     * from [1 - perturbation, 1 + perturbation], {@code samples} of them from {@code seed}); every
     * figure null where none were asked for.
     */
    public record Spread(Double stepTimeMedianSeconds, Double stepTimeMinSeconds, Double stepTimeMaxSeconds,
            Double perturbation, Integer samples, Long seed) {
        static final Spread NONE = new Spread(null, null, null, null, null, null);

        static Spread of(RunRecord.Spread s) {
            return s == null ? NONE : new Spread(s.medianSeconds(), s.minSeconds(), s.maxSeconds(), s.range(),
                    s.samples(), s.seed());
        }
    }

    /** True where the run has perturbed replays. */
    public boolean perturbed() {
        return spread.samples() != null;
    }

    /**
     * Bytes per step, and MACs.
     *
     * @param communicationBytes the communication in the planner's accounting, as the replay's transfers carry it
     * @param injectedBytes what the collective algorithms sent: equal to communicationBytes for every algorithm
     *        here (each all-reduce injects 2(N-1)/N x S, the paper's amount), reported apart all the same
     */
    public record Traffic(Double communicationBytes, Double injectedBytes, Double plannerBytes, Double linkBytes,
            Double dramBytes, Double sramBytes, Double macs) {
    }

    /**
     * Joules per step, in total and by {@link EnergyComponent} (each in its column,
     * {@link EnergyComponent#column()}); every figure null for a failed run.
     */
    public static final class Energy {
        private static final EnergyComponent[] COMPONENTS = EnergyComponent.values();
        static final Energy NONE = new Energy(null, new Double[COMPONENTS.length]);

        private final Double energyJoules;
        private final Double[] joules;

        private Energy(Double energyJoules, Double[] joules) {
            this.energyJoules = energyJoules;
            this.joules = joules;
        }

        /** A finished run's energy. */
        public static Energy of(double total, org.hyparsim.core.step.Energy e) {
            Double[] v = new Double[COMPONENTS.length];
            for (EnergyComponent c : COMPONENTS) {
                v[c.ordinal()] = e.get(c);
            }
            return new Energy(total, v);
        }

        /** Read back from the columns: the total and each component's column (other columns ignored). */
        @JsonCreator
        static Energy read(@JsonProperty("energyJoules") Double total, @JsonAnySetter Map<String, Object> columns) {
            Double[] v = new Double[COMPONENTS.length];
            for (EnergyComponent c : COMPONENTS) {
                Object cell = columns == null ? null : columns.get(c.column());
                v[c.ordinal()] = cell == null || "".equals(cell) ? null
                        : cell instanceof Number n ? n.doubleValue() : Double.valueOf(cell.toString());
            }
            return new Energy(total, v);
        }

        /** The total, or null. */
        @JsonProperty("energyJoules")
        public Double energyJoules() {
            return energyJoules;
        }

        /** One component's joules, or null. */
        public Double get(EnergyComponent c) {
            return joules[c.ordinal()];
        }

        /** The components by their columns, in order (as Jackson writes them). */
        @JsonAnyGetter
        Map<String, Double> columns() {
            Map<String, Double> m = new LinkedHashMap<>();
            for (EnergyComponent c : COMPONENTS) {
                m.put(c.column(), get(c));
            }
            return m;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Energy e && Objects.equals(energyJoules, e.energyJoules)
                    && Arrays.equals(joules, e.joules);
        }

        @Override
        public int hashCode() {
            return 31 * Objects.hashCode(energyJoules) + Arrays.hashCode(joules);
        }

        @Override
        public String toString() {
            return "Energy" + columns() + ", total " + energyJoules;
        }
    }

    /** Engine events and transfers of the replay. */
    public record Counts(Long events, Long transfers) {
    }

    /** The summary of a finished run. */
    public static RunRow of(RunRecord r) {
        StepResult s = r.result();
        return new RunRow(Origin.NONE, r.key(),
                new Times(s.iterations(), s.stepTimeSeconds(), s.steadyStepTimeSeconds(), s.computeSeconds(),
                        s.memoryStallSeconds(), s.exposedCommunicationSeconds()), Spread.of(r.spread()),
                new Traffic(s.communicationBytes(), s.bytesSent(), r.plannerBytes(), s.linkBytes(), s.dramBytes(),
                        s.sramBytes(),
                        s.macs()),
                Energy.of(s.energyJoules(), s.energy()),
                new Counts(s.events(), s.transfers()), r.plan(), s.notes(), null);
    }

    /** A run that failed: its key and the error, no figures. */
    public static RunRow failed(RunKey key, String error) {
        return new RunRow(Origin.NONE, key, new Times(null, null, null, null, null, null), Spread.NONE,
                new Traffic(null, null, null, null, null, null, null), Energy.NONE,
                new Counts(null, null), new PlanGrid(List.of(), List.of()), List.of(), error);
    }

    /** This row as a sweep writes it: with its point and an error column. */
    public RunRow atPoint(int p) {
        return new RunRow(new Origin(origin.suite(), p), run, times, spread, traffic, energy, counts, grid, notes,
                error == null ? "" : error);
    }

    /** This row as the reproduction writes it: with its suite and point, without an error column. */
    public RunRow inSuite(String s) {
        return new RunRow(new Origin(s, origin.point()), run, times, spread, traffic, energy, counts, grid, notes, null);
    }

    /** True when the run finished. */
    public boolean ok() {
        return error == null || error.isEmpty();
    }

    /** A figure of this row by its column. */
    public double value(RunColumn column) {
        Object v = column.get(this);
        return v instanceof Number n ? n.doubleValue() : Double.NaN;
    }
}
