package org.hyparsim.input.scenario;

/**
 * Accelerators of one kind in an array: {@code count} of them, placed after the previous
 * group's in accelerator order.
 */
public record HardwareGroup(Hardware hardware, int count) {
    public HardwareGroup {
        if (hardware == null || count < 1) {
            throw new IllegalArgumentException("a hardware group has hardware and at least one accelerator");
        }
    }
}
