package org.hyparsim.accel;

import org.hyparsim.core.step.EnergyComponent;
import org.hyparsim.core.step.EnergyParams;

/**
 * The energy an accelerator spends per action, level by level of its memory hierarchy (the
 * links' energy is the link profile's). The components are named as profiles write them; past
 * the profile they are {@link EnergyComponent}s.
 *
 * @param macPj energy per MAC
 * @param registerFilePj energy per register-file access (a word)
 * @param arrayNetworkPj energy per word moved over the PE array's network
 * @param sramPjPerByte energy per byte of global-buffer traffic
 * @param dramPjPerBit energy per bit of memory traffic
 * @param staticWatts static power per accelerator
 */
public record AcceleratorEnergy(double macPj, double registerFilePj, double arrayNetworkPj, double sramPjPerByte,
        double dramPjPerBit, double staticWatts) {

    /** The energy of one action of {@code c} (pJ; watts for static power); the link's is not the accelerator's. */
    public double perAction(EnergyComponent c) {
        return switch (c) {
            case MAC -> macPj;
            case REGISTER_FILE -> registerFilePj;
            case ARRAY_NETWORK -> arrayNetworkPj;
            case GLOBAL_BUFFER -> sramPjPerByte;
            case DRAM -> dramPjPerBit;
            case STATIC -> staticWatts;
            case LINK -> throw new IllegalArgumentException("the links' energy is the link profile's");
        };
    }

    /** Energy per action as the replay takes it: this accelerator's, with links of {@code linkPjPerBit}. */
    public EnergyParams withLinks(double linkPjPerBit) {
        return EnergyParams.of(c -> c == EnergyComponent.LINK ? linkPjPerBit : perAction(c));
    }
}
