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
 */
public record PeArray(int engines, int peRows, int peCols, double clockMHz, double idealMacsPerSecond) {
}
