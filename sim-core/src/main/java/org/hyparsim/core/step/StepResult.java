package org.hyparsim.core.step;

import java.util.ArrayList;
import java.util.List;

/**
 * What a replay measured. Figures are per training step (the first, when several were
 * replayed back to back), in seconds, bytes and joules.
 *
 * <p>Step time = compute + memory stall + exposed communication of the critical accelerator
 * (the one busiest with compute): exposed communication is the time it waited for transfers.
 *
 * @param energy joules by {@link EnergyComponent}; static energy is static power over the step time
 */
public record StepResult(int accelerators, int iterations, Times times, Traffic traffic, Energy energy, Counts counts,
        Detail detail) {

    /**
     * Seconds per step.
     *
     * @param steadyStepTimeSeconds the mean step time after the first, when several steps were replayed
     * @param computeSeconds the critical accelerator's compute time
     * @param memoryStallSeconds the time its compute array waited for memory
     * @param exposedCommunicationSeconds the time it waited for transfers
     */
    public record Times(double stepTimeSeconds, double steadyStepTimeSeconds, double computeSeconds,
            double memoryStallSeconds, double exposedCommunicationSeconds) {
    }

    /**
     * Bytes per step, and MACs.
     *
     * @param communicationBytes bytes of all transfers, counted where they were delivered
     * @param linkBytes bytes x links crossed
     * @param bytesSent bytes handed to the interconnect
     * @param bytesReceived bytes it delivered
     */
    public record Traffic(double communicationBytes, double linkBytes, double dramBytes, double sramBytes, double macs,
            double bytesSent, double bytesReceived) {
    }

    /**
     * Engine events and transfers of the replay.
     *
     * @param meanPendingEvents the event list's mean depth while it ran (for depth-matched benchmarks)
     */
    public record Counts(long events, long transfers, double meanPendingEvents) {
        public Counts(long events, long transfers) {
            this(events, transfers, 0);
        }
    }

    /**
     * Per layer, per link, the trace, and per accelerator its busy compute and memory-stall
     * seconds in the first step (empty where not recorded); {@code notes}: what the replay decided
     * that its scenario did not say (auto's rings withdrawn), in words.
     */
    public record Detail(List<LayerResult> layers, List<Interconnect.LinkUsage> links, List<TraceEvent> trace,
            List<Double> busyComputeSeconds, List<Double> busyStallSeconds, List<String> notes) {
        public Detail {
            notes = List.copyOf(notes);
        }

        public Detail(List<LayerResult> layers, List<Interconnect.LinkUsage> links, List<TraceEvent> trace,
                List<Double> busyComputeSeconds, List<Double> busyStallSeconds) {
            this(layers, links, trace, busyComputeSeconds, busyStallSeconds, List.of());
        }

        public Detail(List<LayerResult> layers, List<Interconnect.LinkUsage> links, List<TraceEvent> trace) {
            this(layers, links, trace, List.of(), List.of());
        }
    }

    /**
     * This result with {@code note} added to its {@link Detail#notes}: one sentence, without ';' (results
     * files list a run's notes in one cell, apart by ';').
     */
    public StepResult withNote(String note) {
        if (note.isBlank() || note.contains(";")) {
            throw new IllegalArgumentException("a note is one sentence, not blank and without ';': '" + note + "'");
        }
        List<String> notes = new ArrayList<>(detail.notes());
        notes.add(note);
        return new StepResult(accelerators, iterations, times, traffic, energy, counts, new Detail(detail.layers(),
                detail.links(), detail.trace(), detail.busyComputeSeconds(), detail.busyStallSeconds(), notes));
    }

    /** What the replay decided that its scenario did not say, in words (empty where nothing). */
    public List<String> notes() {
        return detail.notes();
    }

    /** Per accelerator, its busy compute seconds in the first step. */
    public List<Double> busyComputeSeconds() {
        return detail.busyComputeSeconds();
    }

    /** Per accelerator, its memory-stall seconds in the first step. */
    public List<Double> busyStallSeconds() {
        return detail.busyStallSeconds();
    }

    public double energyJoules() {
        return energy.total();
    }

    public double stepTimeSeconds() {
        return times.stepTimeSeconds();
    }

    public double steadyStepTimeSeconds() {
        return times.steadyStepTimeSeconds();
    }

    public double computeSeconds() {
        return times.computeSeconds();
    }

    public double memoryStallSeconds() {
        return times.memoryStallSeconds();
    }

    public double exposedCommunicationSeconds() {
        return times.exposedCommunicationSeconds();
    }

    public double communicationBytes() {
        return traffic.communicationBytes();
    }

    public double linkBytes() {
        return traffic.linkBytes();
    }

    public double dramBytes() {
        return traffic.dramBytes();
    }

    public double sramBytes() {
        return traffic.sramBytes();
    }

    public double macs() {
        return traffic.macs();
    }

    public double bytesSent() {
        return traffic.bytesSent();
    }

    public double bytesReceived() {
        return traffic.bytesReceived();
    }

    public long events() {
        return counts.events();
    }

    public long transfers() {
        return counts.transfers();
    }

    public List<LayerResult> layers() {
        return detail.layers();
    }

    public List<Interconnect.LinkUsage> links() {
        return detail.links();
    }

    public List<TraceEvent> trace() {
        return detail.trace();
    }
}
