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
            Checks.positive(out, "engines", array.engines());
            Checks.positive(out, "peRows", array.peRows());
            Checks.positive(out, "peCols", array.peCols());
            Checks.positive(out, "clockMHz", array.clockMHz());
            Checks.positive(out, "bufferKiBPerEngine", memory.bufferKiBPerEngine());
            Checks.positive(out, "vaults", memory.vaults());
            Checks.positive(out, "vaultBandwidthGBps", memory.vaultBandwidthGBps());
        } else {
            Checks.positive(out, "idealMacsPerSecond", array.idealMacsPerSecond());
        }
        Checks.positive(out, "bytesPerElement", memory.bytesPerElement());
        Checks.notNegative(out, "memoryLatencyNs", memory.memoryLatencyNs());
        Checks.notNegative(out, "macPj", energy.macPj());
        Checks.notNegative(out, "sramPjPerByte", energy.sramPjPerByte());
        Checks.notNegative(out, "dramPjPerBit", energy.dramPjPerBit());
        Checks.notNegative(out, "staticWatts", energy.staticWatts());
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
