package org.hyparsim.accel;

import java.util.List;
import org.hyparsim.core.step.EnergyParams;

/**
 * One accelerator of the array and the links that join them. Values are data (the bundled
 * profiles cite their sources); units are in the names.
 *
 * @param name the profile's name
 * @param computeModel "row-stationary" (a mapping model of the PE array, with buffer and HMC
 *        memory) or "ideal" (a fixed MAC rate, no memory stalls, no weight-update cost)
 * @param engines processing engines per accelerator
 * @param peRows PE rows per engine
 * @param peCols PE columns per engine
 * @param clockMHz the engines' clock
 * @param bufferKiBPerEngine on-chip global buffer per engine
 * @param vaults HMC vaults
 * @param vaultBandwidthGBps bandwidth of one vault
 * @param memoryLatencyNs latency of a memory access, added once per task
 * @param idealMacsPerSecond the MAC rate of the ideal compute model
 * @param bytesPerElement bytes per tensor element in memory
 * @param linkBandwidthGBps a link's bandwidth per direction
 * @param linkLatencyNs a link's latency
 * @param htreeLevelBandwidthGBps per H-tree level (level 1 under the root first); empty: every level at linkBandwidthGBps
 * @param busBandwidthGBps the shared bus's bandwidth
 * @param packetBytes the packet size messages are cut into
 * @param macPj energy per MAC
 * @param sramPjPerByte energy per byte of buffer traffic
 * @param dramPjPerBit energy per bit of memory traffic
 * @param linkPjPerBit energy per bit per link crossed
 * @param staticWatts static power per accelerator
 */
public record HardwareProfile(
        String name,
        String computeModel,
        int engines,
        int peRows,
        int peCols,
        double clockMHz,
        double bufferKiBPerEngine,
        int vaults,
        double vaultBandwidthGBps,
        double memoryLatencyNs,
        double idealMacsPerSecond,
        double bytesPerElement,
        double linkBandwidthGBps,
        double linkLatencyNs,
        List<Double> htreeLevelBandwidthGBps,
        double busBandwidthGBps,
        double packetBytes,
        double macPj,
        double sramPjPerByte,
        double dramPjPerBit,
        double linkPjPerBit,
        double staticWatts) {

    public static final String ROW_STATIONARY = "row-stationary";
    public static final String IDEAL = "ideal";

    public HardwareProfile {
        htreeLevelBandwidthGBps = htreeLevelBandwidthGBps == null ? List.of() : List.copyOf(htreeLevelBandwidthGBps);
    }

    public EnergyParams energy() {
        return new EnergyParams(macPj, sramPjPerByte, dramPjPerBit, linkPjPerBit, staticWatts);
    }

    /** Problems with the values (field name, reason); empty when the profile is usable. */
    public List<String[]> problems() {
        List<String[]> out = new java.util.ArrayList<>();
        if (!ROW_STATIONARY.equals(computeModel) && !IDEAL.equals(computeModel)) {
            out.add(new String[] {"computeModel", "'" + computeModel + "' is not " + ROW_STATIONARY + " or " + IDEAL});
        }
        if (ROW_STATIONARY.equals(computeModel)) {
            positive(out, "engines", engines);
            positive(out, "peRows", peRows);
            positive(out, "peCols", peCols);
            positive(out, "clockMHz", clockMHz);
            positive(out, "bufferKiBPerEngine", bufferKiBPerEngine);
            positive(out, "vaults", vaults);
            positive(out, "vaultBandwidthGBps", vaultBandwidthGBps);
        } else {
            positive(out, "idealMacsPerSecond", idealMacsPerSecond);
        }
        positive(out, "bytesPerElement", bytesPerElement);
        positive(out, "linkBandwidthGBps", linkBandwidthGBps);
        positive(out, "busBandwidthGBps", busBandwidthGBps);
        positive(out, "packetBytes", packetBytes);
        if (packetBytes > 0 && packetBytes < 64) {
            out.add(new String[] {"packetBytes", "must be at least 64, got " + packetBytes});
        }
        for (int i = 0; i < htreeLevelBandwidthGBps.size(); i++) {
            Double v = htreeLevelBandwidthGBps.get(i);
            if (v == null || !(v > 0) || v.isInfinite()) {
                out.add(new String[] {"htreeLevelBandwidthGBps[" + i + "]", "must be a positive number, got " + v});
            }
        }
        notNegative(out, "memoryLatencyNs", memoryLatencyNs);
        notNegative(out, "linkLatencyNs", linkLatencyNs);
        notNegative(out, "macPj", macPj);
        notNegative(out, "sramPjPerByte", sramPjPerByte);
        notNegative(out, "dramPjPerBit", dramPjPerBit);
        notNegative(out, "linkPjPerBit", linkPjPerBit);
        notNegative(out, "staticWatts", staticWatts);
        return out;
    }

    private static void positive(List<String[]> out, String field, double v) {
        if (!(v > 0) || Double.isInfinite(v)) {
            out.add(new String[] {field, "must be a positive number, got " + v});
        }
    }

    private static void notNegative(List<String[]> out, String field, double v) {
        if (!(v >= 0) || Double.isInfinite(v)) {
            out.add(new String[] {field, "must be 0 or more, got " + v});
        }
    }

    /** The compute model this profile describes. */
    public org.hyparsim.core.step.ComputeModel newComputeModel() {
        return IDEAL.equals(computeModel) ? new IdealComputeModel(idealMacsPerSecond) : new RowStationaryComputeModel(this);
    }
}
