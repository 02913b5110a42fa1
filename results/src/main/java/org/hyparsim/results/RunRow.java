package org.hyparsim.results;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
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
        @JsonUnwrapped Traffic traffic,
        @JsonUnwrapped Energy energy,
        @JsonUnwrapped Counts counts,
        @JsonUnwrapped PlanGrid grid,
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

    /** Bytes per step, and MACs. */
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

    /** Joules per step, in total and by level of the memory hierarchy. */
    public record Energy(Double energyJoules, Double energyMacJoules, Double energyRegisterFileJoules,
            Double energyArrayNetworkJoules, Double energyGlobalBufferJoules, Double energyDramJoules,
            Double energyLinkJoules, Double energyStaticJoules) {
    }

    /** Engine events and transfers of the replay. */
    public record Counts(Long events, Long transfers) {
    }

    /** The summary of a finished run. */
    public static RunRow of(RunRecord r) {
        StepResult s = r.result();
        StepResult.Energy e = s.energy();
        return new RunRow(Origin.NONE, r.key(),
                new Times(s.iterations(), s.stepTimeSeconds(), s.steadyStepTimeSeconds(), s.computeSeconds(),
                        s.memoryStallSeconds(), s.exposedCommunicationSeconds()),
                new Traffic(s.communicationBytes(), s.bytesSent(), r.plannerBytes(), s.linkBytes(), s.dramBytes(),
                        s.sramBytes(),
                        s.macs()),
                new Energy(s.energyJoules(), e.mac(), e.registerFile(), e.arrayNetwork(), e.globalBuffer(), e.dram(),
                        e.link(), e.staticEnergy()),
                new Counts(s.events(), s.transfers()), r.plan(), null);
    }

    /** A run that failed: its key and the error, no figures. */
    public static RunRow failed(RunKey key, String error) {
        return new RunRow(Origin.NONE, key, new Times(null, null, null, null, null, null),
                new Traffic(null, null, null, null, null, null, null), new Energy(null, null, null, null, null, null, null, null),
                new Counts(null, null), new PlanGrid(java.util.List.of(), java.util.List.of()), error);
    }

    /** This row as a sweep writes it: with its point and an error column. */
    public RunRow atPoint(int p) {
        return new RunRow(new Origin(origin.suite(), p), run, times, traffic, energy, counts, grid,
                error == null ? "" : error);
    }

    /** This row as the reproduction writes it: with its suite and point, without an error column. */
    public RunRow inSuite(String s) {
        return new RunRow(new Origin(s, origin.point()), run, times, traffic, energy, counts, grid, null);
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
