package org.hyparsim.accel;

/**
 * The energy an accelerator spends per action (the links' energy is the link profile's).
 *
 * @param macPj energy per MAC
 * @param sramPjPerByte energy per byte of buffer traffic
 * @param dramPjPerBit energy per bit of memory traffic
 * @param staticWatts static power per accelerator
 */
public record AcceleratorEnergy(double macPj, double sramPjPerByte, double dramPjPerBit, double staticWatts) {
}
