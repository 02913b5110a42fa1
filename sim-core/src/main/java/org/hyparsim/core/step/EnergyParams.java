package org.hyparsim.core.step;

/**
 * Energy per action, level by level: energy = MACs x macPj + register-file accesses x
 * registerFilePj + array-network accesses x arrayNetworkPj + global-buffer bytes x sramPjPerByte
 * + DRAM bits x dramPjPerBit + link bits x hops x linkPjPerBit + static power x accelerators x time.
 */
public record EnergyParams(double macPj, double registerFilePj, double arrayNetworkPj, double sramPjPerByte,
        double dramPjPerBit, double linkPjPerBit, double staticWattsPerAccelerator) {
    public EnergyParams {
        for (double v : new double[] {macPj, registerFilePj, arrayNetworkPj, sramPjPerByte, dramPjPerBit, linkPjPerBit,
            staticWattsPerAccelerator}) {
            if (!(v >= 0) || Double.isInfinite(v)) {
                throw new IllegalArgumentException("energy parameters are finite and not negative");
            }
        }
    }

    /** The two-term model: MACs and link bits only (the paper's). */
    public static EnergyParams macsAndLinks(double macPj, double linkPjPerBit) {
        return new EnergyParams(macPj, 0, 0, 0, 0, linkPjPerBit, 0);
    }
}
