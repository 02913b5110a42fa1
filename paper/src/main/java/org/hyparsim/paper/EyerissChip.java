package org.hyparsim.paper;

/**
 * The Eyeriss chip's published figures (Chen et al., JSSC 2017, abstract): per network, the batch,
 * frames per second, DRAM accesses (16-bit words) per MAC and chip power (mW), with issue 30's
 * gates on ours: frames/s and power within a fraction, DRAM accesses per MAC within a factor.
 */
public enum EyerissChip {
    ALEXNET("Eyeriss-AlexNet-conv", 4, 35, 0.0029, 278, new Gates(0.15, 1.5, 0.25)),
    VGG16("Eyeriss-VGG-16-conv", 3, 0.7, 0.0035, 236, new Gates(0.30, 1.5, 0.30));

    /**
     * How close ours must be.
     *
     * @param fps frames/s within this fraction of the chip's
     * @param dram DRAM accesses per MAC within this factor
     * @param power chip power within this fraction
     */
    public record Gates(double fps, double dram, double power) {
    }

    private final String network;
    private final int batch;
    private final double framesPerSecond;
    private final double dramAccessesPerMac;
    private final double milliwatts;
    private final Gates gates;

    EyerissChip(String network, int batch, double framesPerSecond, double dramAccessesPerMac, double milliwatts,
            Gates gates) {
        this.network = network;
        this.batch = batch;
        this.framesPerSecond = framesPerSecond;
        this.dramAccessesPerMac = dramAccessesPerMac;
        this.milliwatts = milliwatts;
        this.gates = gates;
    }

    /** The built-in network of the chip's conv layers. */
    public String network() {
        return network;
    }

    public int batch() {
        return batch;
    }

    public double framesPerSecond() {
        return framesPerSecond;
    }

    public double dramAccessesPerMac() {
        return dramAccessesPerMac;
    }

    public double milliwatts() {
        return milliwatts;
    }

    public Gates gates() {
        return gates;
    }
}
