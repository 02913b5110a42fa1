package org.hyparsim.accel;

/**
 * The on-chip global buffer: its capacity decides how often a task's operands are re-read from
 * memory. When both operands and the result fit, each moves once; otherwise one operand is
 * tiled into half the buffer and the other re-read once per tile, whichever order moves fewer
 * bytes.
 */
public final class OnChipBuffer {
    private final double capacityBytes;

    public OnChipBuffer(double capacityBytes) {
        if (!(capacityBytes > 0)) {
            throw new IllegalArgumentException("a buffer has a positive capacity");
        }
        this.capacityBytes = capacityBytes;
    }

    public double capacityBytes() {
        return capacityBytes;
    }

    /** Memory bytes moved to read operands a and b (bytes each) and write the result once. */
    public double memoryTraffic(double a, double b, double result) {
        if (a + b + result <= capacityBytes) {
            return a + b + result;
        }
        double tile = capacityBytes / 2;
        double keepB = b + a * Math.ceil(b / tile);
        double keepA = a + b * Math.ceil(a / tile);
        return result + Math.min(keepA, keepB);
    }
}
