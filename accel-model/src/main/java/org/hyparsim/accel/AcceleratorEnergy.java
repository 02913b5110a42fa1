package org.hyparsim.accel;

/**
 * The energy an accelerator spends per action, level by level of its memory hierarchy (the
 * links' energy is the link profile's).
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
}
