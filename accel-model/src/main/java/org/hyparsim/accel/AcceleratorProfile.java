package org.hyparsim.accel;

import java.util.ArrayList;
import java.util.List;
import org.hyparsim.core.Checks;
import org.hyparsim.core.step.ComputeModel;

/**
 * One accelerator of the array: its compute, its memory and the energy they spend. Values are
 * data (the bundled profiles cite their sources); units are in the names.
 *
 * @param name the profile's name
 * @param computeModel how compute is modelled
 */
public record AcceleratorProfile(String name, ComputeModelKind computeModel, PeArray array, MemorySystem memory,
        AcceleratorEnergy energy) {

    /** Problems with the values, each as (field name, reason); empty when the profile is usable. */
    public List<Checks.Problem> problems() {
        List<Checks.Problem> out = new ArrayList<>();
        if (computeModel == ComputeModelKind.ROW_STATIONARY) {
            Checks.inRange(out, "engines", array.engines());
            Checks.inRange(out, "peRows", array.peRows());
            Checks.inRange(out, "peCols", array.peCols());
            Checks.inRange(out, "clockMHz", array.clockMHz());
            Checks.inRange(out, "bufferKiBPerEngine", memory.bufferKiBPerEngine());
            Checks.inRange(out, "vaults", memory.vaults());
            Checks.inRange(out, "vaultBandwidthGBps", memory.vaultBandwidthGBps());
            Checks.inRange(out, "ifmapSpadWords", array.ifmapSpadWords());
            Checks.inRange(out, "filterSpadWords", array.filterSpadWords());
            Checks.inRange(out, "psumSpadWords", array.psumSpadWords());
            Checks.inRange(out, "rampCycles", array.rampCycles());
            Checks.inRange(out, "filterWordsPerCycle", array.filterWordsPerCycle());
            Checks.inRange(out, "bufferWordsPerCycle", array.bufferWordsPerCycle());
            Checks.inRange(out, "activationZeroFraction", memory.activationZeroFraction());
        } else {
            Checks.inRange(out, "idealMacsPerSecond", array.idealMacsPerSecond());
        }
        Checks.inRange(out, "bytesPerElement", memory.bytesPerElement());
        Checks.inRange(out, "memoryLatencyNs", memory.memoryLatencyNs());
        Checks.inRange(out, "macPj", energy.macPj());
        Checks.inRange(out, "registerFilePj", energy.registerFilePj());
        Checks.inRange(out, "arrayNetworkPj", energy.arrayNetworkPj());
        Checks.inRange(out, "sramPjPerByte", energy.sramPjPerByte());
        Checks.inRange(out, "dramPjPerBit", energy.dramPjPerBit());
        Checks.inRange(out, "staticWatts", energy.staticWatts());
        return out;
    }

    /** The compute model this profile describes. */
    public ComputeModel newComputeModel() {
        return switch (computeModel) {
            case IDEAL -> new IdealComputeModel(array.idealMacsPerSecond());
            case ROW_STATIONARY -> new RowStationaryComputeModel(this);
        };
    }
}
