package org.hyparsim.core.step;

import java.util.List;

/**
 * What a replay measured. Figures are per training step (the first, when several were
 * replayed back to back), in seconds, bytes and joules.
 *
 * <p>Step time = compute + memory stall + exposed communication of the critical accelerator
 * (the one busiest with compute): exposed communication is the time it waited for transfers.
 */
public record StepResult(
        int accelerators,
        int iterations,
        double stepTimeSeconds,
        double steadyStepTimeSeconds,
        double computeSeconds,
        double memoryStallSeconds,
        double exposedCommunicationSeconds,
        double communicationBytes,
        double linkBytes,
        double dramBytes,
        double sramBytes,
        double macs,
        Energy energy,
        long events,
        long transfers,
        double bytesSent,
        double bytesReceived,
        List<LayerResult> layers,
        List<Interconnect.LinkUsage> links,
        List<TraceEvent> trace) {

    /** Energy by component, joules; staticEnergy is static power over the step time. */
    public record Energy(double compute, double sram, double dram, double link, double staticEnergy) {
        public double total() {
            return compute + sram + dram + link + staticEnergy;
        }
    }

    public double energyJoules() {
        return energy.total();
    }
}
