package org.hyparsim.core.step;

/**
 * One layer's share of a replayed step (the first step when several were replayed).
 *
 * @param computeSeconds the layer's compute task time (forward, error, gradient, update), averaged over accelerators
 * @param memoryStallSeconds the part of it the compute array waited for memory, averaged over accelerators
 * @param intraLayerBytes its partial-sum and gradient-sum transfers
 * @param interLayerBytes the redistribution into this layer's partition (forward and backward)
 * @param forwardEndSeconds when its last forward task finished
 * @param backwardEndSeconds when its last gradient or error task finished
 */
public record LayerResult(String layer, double macs, double dramBytes, double computeSeconds,
        double memoryStallSeconds, double intraLayerBytes, double interLayerBytes, double forwardEndSeconds,
        double backwardEndSeconds) {
}
