package org.hyparsim.paper;

/**
 * The Eyeriss chip's published figures (Chen et al., JSSC 2017, abstract): per network, the batch,
 * frames per second, DRAM accesses (16-bit words) per MAC and chip power (mW); whether ours is
 * gated against them (AlexNet) or only reported (VGG-16).
 */
public enum EyerissChip {
    ALEXNET("Eyeriss-AlexNet-conv", 4, 35, 0.0029, 278, true),
    VGG16("Eyeriss-VGG-16-conv", 3, 0.7, 0.0035, 236, false);

    private final String network;
    private final int batch;
    private final double framesPerSecond;
    private final double dramAccessesPerMac;
    private final double milliwatts;
    private final boolean gated;

    EyerissChip(String network, int batch, double framesPerSecond, double dramAccessesPerMac, double milliwatts,
            boolean gated) {
        this.network = network;
        this.batch = batch;
        this.framesPerSecond = framesPerSecond;
        this.dramAccessesPerMac = dramAccessesPerMac;
        this.milliwatts = milliwatts;
        this.gated = gated;
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

    /** Whether ours must stay within the gates, or is only reported beside the chip. */
    public boolean gated() {
        return gated;
    }
}
