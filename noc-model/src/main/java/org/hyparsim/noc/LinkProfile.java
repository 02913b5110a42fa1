package org.hyparsim.noc;

import java.util.ArrayList;
import java.util.List;
import org.hyparsim.core.Checks;

/**
 * The links that join the array: their bandwidth (1e9 bytes/s per direction), latency, the H
 * tree's bandwidth per level, the shared bus, the packet size messages are cut into, how a link
 * of the packet model chooses among its input ports, and the energy a bit spends per link
 * crossed. Values are data (the bundled profiles cite sources).
 *
 * @param htreeLevelBandwidthGBps per H-tree level (level 1 under the root first); empty: every level at linkBandwidthGBps
 * @param arbitration the packet model's choice among a link's input ports; null: {@link Arbitration#DEFAULT}
 */
public record LinkProfile(double linkBandwidthGBps, double linkLatencyNs, List<Double> htreeLevelBandwidthGBps,
        double busBandwidthGBps, double packetBytes, double linkPjPerBit, Arbitration arbitration) {

    public LinkProfile {
        htreeLevelBandwidthGBps = htreeLevelBandwidthGBps == null ? List.of() : List.copyOf(htreeLevelBandwidthGBps);
        arbitration = arbitration == null ? Arbitration.DEFAULT : arbitration;
    }

    /** Links whose packet model arbitrates by {@link Arbitration#DEFAULT}. */
    public LinkProfile(double linkBandwidthGBps, double linkLatencyNs, List<Double> htreeLevelBandwidthGBps,
            double busBandwidthGBps, double packetBytes, double linkPjPerBit) {
        this(linkBandwidthGBps, linkLatencyNs, htreeLevelBandwidthGBps, busBandwidthGBps, packetBytes, linkPjPerBit,
                null);
    }

    /** A point-to-point link of this profile. */
    public LinkParams link() {
        return LinkParams.of(linkBandwidthGBps, linkLatencyNs);
    }

    /** The shared channel of the bus. */
    public LinkParams bus() {
        return LinkParams.of(busBandwidthGBps, linkLatencyNs);
    }

    /** The links of H-tree level h (1 under the root), at linkBandwidthGBps where no level bandwidth is given. */
    public LinkParams htreeLevel(int h) {
        return h <= htreeLevelBandwidthGBps.size() ? LinkParams.of(htreeLevelBandwidthGBps.get(h - 1), linkLatencyNs)
                : link();
    }

    /**
     * These links with a topology's values in place of their own (null: keep this profile's).
     *
     * @param levelBandwidthGBps the H tree's per-level bandwidths
     */
    public LinkProfile with(Double bandwidthGBps, Double latencyNs, List<Double> levelBandwidthGBps, Double busGBps) {
        return new LinkProfile(bandwidthGBps != null ? bandwidthGBps : linkBandwidthGBps,
                latencyNs != null ? latencyNs : linkLatencyNs,
                levelBandwidthGBps != null ? levelBandwidthGBps : htreeLevelBandwidthGBps,
                busGBps != null ? busGBps : busBandwidthGBps, packetBytes, linkPjPerBit, arbitration);
    }

    /** Problems with the values, each as (field name, reason); empty when the links are usable. */
    public List<Checks.Problem> problems() {
        List<Checks.Problem> out = new ArrayList<>();
        Checks.inRange(out, "linkBandwidthGBps", linkBandwidthGBps);
        Checks.inRange(out, "busBandwidthGBps", busBandwidthGBps);
        Checks.inRange(out, "packetBytes", packetBytes);
        for (int i = 0; i < htreeLevelBandwidthGBps.size(); i++) {
            Double v = htreeLevelBandwidthGBps.get(i);
            Checks.inRange(out, "htreeLevelBandwidthGBps[" + i + "]", v == null ? Double.NaN : v);
        }
        Checks.inRange(out, "linkLatencyNs", linkLatencyNs);
        Checks.inRange(out, "linkPjPerBit", linkPjPerBit);
        return out;
    }
}
