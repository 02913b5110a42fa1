package org.hyparsim.core.step;

/**
 * Energy per action: energy = MACs x macPj + buffer bytes x sramPjPerByte + DRAM bits x
 * dramPjPerBit + link bits x hops x linkPjPerBit + static power x accelerators x time.
 */
public record EnergyParams(double macPj, double sramPjPerByte, double dramPjPerBit, double linkPjPerBit,
        double staticWattsPerAccelerator) {
    public EnergyParams {
        for (double v : new double[] {macPj, sramPjPerByte, dramPjPerBit, linkPjPerBit, staticWattsPerAccelerator}) {
            if (!(v >= 0) || Double.isInfinite(v)) {
                throw new IllegalArgumentException("energy parameters are finite and not negative");
            }
        }
    }
}
