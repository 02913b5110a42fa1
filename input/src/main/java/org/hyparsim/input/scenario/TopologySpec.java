package org.hyparsim.input.scenario;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;
import org.hyparsim.core.Checks;
import org.hyparsim.core.kind.TopologyKind;

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

    /** A topology by name alone. */
    static TopologySpec named(String name) {
        return new TopologySpec(name, null, null, null, null);
    }

    /** The kind named; the reader has checked the name. */
    TopologyKind kind() {
        return TopologyKind.fromName(name).orElseThrow();
    }

    /** Problems with the link values given, as (field, reason). */
    List<Checks.Problem> problems() {
        List<Checks.Problem> out = new ArrayList<>();
        if (linkBandwidthGBps != null) {
            Checks.inRange(out, "linkBandwidthGBps", linkBandwidthGBps);
        }
        if (busBandwidthGBps != null) {
            Checks.inRange(out, "busBandwidthGBps", busBandwidthGBps);
        }
        if (linkLatencyNs != null) {
            Checks.inRange(out, "linkLatencyNs", linkLatencyNs);
        }
        if (levelBandwidthGBps != null) {
            for (int i = 0; i < levelBandwidthGBps.size(); i++) {
                Double v = levelBandwidthGBps.get(i);
                List<Checks.Problem> one = new ArrayList<>();
                Checks.inRange(one, "htreeLevelBandwidthGBps", v == null ? Double.NaN : v);
                for (Checks.Problem p : one) {
                    out.add(new Checks.Problem("levelBandwidthGBps[" + i + "]", p.reason()));
                }
            }
        }
        return out;
    }

    /** The hardware with this topology's link values in place of its profile's, each named in its label. */
    Hardware applyTo(Hardware hardware) {
        List<Hardware.Override> given = new ArrayList<>();
        if (linkBandwidthGBps != null) {
            given.add(new Hardware.Override("linkBandwidthGBps", String.valueOf(linkBandwidthGBps)));
        }
        if (linkLatencyNs != null) {
            given.add(new Hardware.Override("linkLatencyNs", String.valueOf(linkLatencyNs)));
        }
        if (levelBandwidthGBps != null) {
            given.add(new Hardware.Override("htreeLevelBandwidthGBps", String.valueOf(levelBandwidthGBps)));
        }
        if (busBandwidthGBps != null) {
            given.add(new Hardware.Override("busBandwidthGBps", String.valueOf(busBandwidthGBps)));
        }
        return hardware.withLinks(hardware.links().with(linkBandwidthGBps, linkLatencyNs, levelBandwidthGBps,
                busBandwidthGBps), given);
    }
}
