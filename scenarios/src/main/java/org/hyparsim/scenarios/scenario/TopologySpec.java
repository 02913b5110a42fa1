package org.hyparsim.scenarios.scenario;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A topology written inline or in its own file: its name and, optionally, link values that
 * override the hardware profile's (GB/s per direction, ns).
 */
public record TopologySpec(
        @JsonProperty("name") String name,
        @JsonProperty("linkBandwidthGBps") Double linkBandwidthGBps,
        @JsonProperty("linkLatencyNs") Double linkLatencyNs,
        @JsonProperty("levelBandwidthGBps") List<Double> levelBandwidthGBps,
        @JsonProperty("busBandwidthGBps") Double busBandwidthGBps) {
}
