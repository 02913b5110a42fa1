package org.hyparsim.accel;

/**
 * An accelerator's compute: its processing engines and their PE arrays (row-stationary), or a
 * fixed MAC rate (ideal).
 *
 * @param engines processing engines per accelerator
 * @param peRows PE rows per engine
 * @param peCols PE columns per engine
 * @param clockMHz the engines' clock
 * @param idealMacsPerSecond the MAC rate of the ideal compute model
 * @param ifmapSpadWords words of a PE's input scratchpad: it holds a kernel row of each input
 *        channel whose partial sums the PE accumulates before they leave it
 * @param filterSpadWords words of a PE's filter scratchpad (p filters x q channels x a filter row)
 * @param psumSpadWords words of a PE's partial-sum scratchpad (p partial sums)
 * @param rampCycles the fixed part of a processing pass's ramp-up, cycles
 * @param filterWordsPerCycle words per cycle at which a pass's filter words reach the PEs' scratchpads while it ramps up
 * @param bufferWordsPerCycle words per cycle the global buffer streams to and from the array during a pass
 *        (input rows in, partial sums in and out)
 * @param foldFirst whether the mapper keeps a PE set's whole output height, folded down the array,
 *        wherever it fits, strip-mining only where it does not (the Eyeriss chip's), or tries every strip
 */
public record PeArray(int engines, int peRows, int peCols, double clockMHz, double idealMacsPerSecond,
        int ifmapSpadWords, int filterSpadWords, int psumSpadWords, double rampCycles, double filterWordsPerCycle,
        double bufferWordsPerCycle, boolean foldFirst) {
}
