package org.hyparsim.paper;

/**
 * The Eyeriss chip's AlexNet conv layers at batch 4 and 200 MHz (Chen et al., JSSC 2017,
 * Table V): active PEs, processing latency (DRAM traffic overlapped), global buffer and DRAM
 * traffic (MB, the DRAM's after the chip's run-length compression) and power. The overhead is the
 * processing latency over MACs / (active PEs x 200 MHz), minus 1.
 */
public enum EyerissLayer {
    CONV1(154, 16.5, 18.5, 5.0, 332),
    CONV2(135, 39.2, 77.6, 4.0, 288),
    CONV3(156, 21.8, 50.2, 3.0, 266),
    CONV4(156, 16.0, 37.4, 2.1, 235),
    CONV5(156, 10.0, 24.9, 1.3, 236);

    /** The chip's core clock for these figures. */
    public static final double CLOCK_HZ = 200e6;
    /** Issue 30's gates: processing latency within 10%, overhead within 6 points, traffic within x1.5, power within 25%. */
    public static final double LATENCY_GATE = 0.10;
    public static final double OVERHEAD_POINTS = 6;
    public static final double TRAFFIC_GATE = 1.5;
    public static final double POWER_GATE = 0.25;

    private final int activePes;
    private final double processingMs;
    private final double bufferMb;
    private final double dramMb;
    private final double milliwatts;

    EyerissLayer(int activePes, double processingMs, double bufferMb, double dramMb, double milliwatts) {
        this.activePes = activePes;
        this.processingMs = processingMs;
        this.bufferMb = bufferMb;
        this.dramMb = dramMb;
        this.milliwatts = milliwatts;
    }

    public int activePes() {
        return activePes;
    }

    public double processingMs() {
        return processingMs;
    }

    public double bufferMb() {
        return bufferMb;
    }

    public double dramMb() {
        return dramMb;
    }

    public double milliwatts() {
        return milliwatts;
    }

    /** The chip's processing latency over MACs / (active PEs x 200 MHz), minus 1, in %, for {@code macs}. */
    public double overheadPercent(double macs) {
        return overheadPercent(processingMs / 1e3, macs, activePes);
    }

    /** A latency's overhead over MACs / (PEs x 200 MHz), minus 1, in %. */
    public static double overheadPercent(double seconds, double macs, int pes) {
        return (seconds / (macs / (pes * CLOCK_HZ)) - 1) * 100;
    }
}
