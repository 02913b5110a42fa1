package org.hyparsim.noc;

import java.util.ArrayList;
import java.util.List;
import org.hyparsim.core.engine.SimEngine;
import org.hyparsim.core.step.Interconnect;

/**
 * Flow-level interconnect: a message is one flow over its route; the flows that share links
 * share their bandwidth max-min fairly (progressive filling), recomputed whenever a flow
 * starts or ends. A message is delivered when its last byte has been sent plus its path's
 * latency, so on an idle path it takes latency + size / bandwidth, as at packet level. Events
 * are two per message whatever its size: the model for sweeps where packet-level detail costs
 * too much.
 */
public final class FlowInterconnect extends RoutedInterconnect {
    /** Bytes below which a flow counts as finished (rounding of times to the picosecond). */
    private static final double DONE = 1e-3;


    private SimEngine engine;
    private final List<Flow> active = new ArrayList<>();
    private long lastAdvance;
    private long version;
    private double[] linkBytes;
    private long[] linkFlows;
    // scratch for the rate computation
    private double[] residual;
    private int[] unfrozen;

    public FlowInterconnect(Topology topology) {
        super(topology);
    }

    @Override
    public void attach(SimEngine engine) {
        this.engine = engine;
        active.clear();
        lastAdvance = 0;
        version = 0;
        linkBytes = new double[links.length];
        linkFlows = new long[links.length];
        residual = new double[links.length];
        unfrozen = new int[links.length];
    }

    @Override
    public void send(int src, int dst, double bytes, Runnable onDelivered) {
        int[] r = route(src, dst);
        long latency = 0;
        for (int l : r) {
            latency += links[l].latencyPs();
            linkBytes[l] += bytes;
            linkFlows[l]++;
        }
        advance();
        active.add(new Flow(r, bytes, latency, onDelivered));
        reschedule();
    }

    /** Brings every active flow's remaining bytes up to now. */
    private void advance() {
        long now = engine.now();
        long dt = now - lastAdvance;
        if (dt > 0) {
            for (Flow f : active) {
                f.remaining -= f.rate * dt;
            }
        }
        lastAdvance = now;
    }

    /** Recomputes the fair rates and schedules the next completion. */
    private void reschedule() {
        rates();
        long v = ++version;
        double soonest = Double.POSITIVE_INFINITY;
        for (Flow f : active) {
            soonest = Math.min(soonest, Math.max(0, f.remaining) / f.rate);
        }
        if (soonest < Double.POSITIVE_INFINITY) {
            engine.scheduleAt(engine.now() + (long) Math.ceil(soonest - 1e-9), () -> complete(v));
        }
    }

    private void complete(long v) {
        if (v != version) {
            return; // superseded by a later start or end
        }
        advance();
        List<Flow> finished = new ArrayList<>();
        active.removeIf(f -> {
            if (f.remaining <= DONE) {
                finished.add(f);
                return true;
            }
            return false;
        });
        for (Flow f : finished) {
            engine.scheduleIn(f.latency, f.onDelivered);
        }
        reschedule();
    }

    /** Max-min fair rates (bytes per ps) by progressive filling. */
    private void rates() {
        if (active.isEmpty()) {
            return;
        }
        List<Integer> used = new ArrayList<>();
        for (Flow f : active) {
            f.frozen = false;
            for (int l : f.route) {
                if (unfrozen[l] == 0) {
                    used.add(l);
                    residual[l] = links[l].bandwidthBytesPerSecond() * 1e-12;
                }
                unfrozen[l]++;
            }
        }
        int left = active.size();
        while (left > 0) {
            int bottleneck = -1;
            double share = Double.POSITIVE_INFINITY;
            for (int l : used) {
                if (unfrozen[l] > 0 && residual[l] / unfrozen[l] < share) {
                    share = residual[l] / unfrozen[l];
                    bottleneck = l;
                }
            }
            for (Flow f : active) {
                if (f.frozen || !f.crosses(bottleneck)) {
                    continue;
                }
                f.frozen = true;
                f.rate = share;
                left--;
                for (int l : f.route) {
                    residual[l] -= share;
                    unfrozen[l]--;
                }
            }
        }
        for (int l : used) {
            unfrozen[l] = 0;
        }
    }

    @Override
    public List<LinkUsage> linkUsage() {
        List<LinkUsage> out = new ArrayList<>(links.length);
        for (Link l : links) {
            int i = l.id();
            double b = linkBytes == null ? 0 : linkBytes[i];
            out.add(new LinkUsage(l.name(), l.bandwidthBytesPerSecond(), b,
                    Math.round(b * 1e12 / l.bandwidthBytesPerSecond()), linkFlows == null ? 0 : linkFlows[i]));
        }
        return out;
    }

    private static final class Flow {
        final int[] route;
        final long latency;
        final Runnable onDelivered;
        double remaining;
        double rate;
        boolean frozen;

        Flow(int[] route, double bytes, long latency, Runnable onDelivered) {
            this.route = route;
            this.remaining = bytes;
            this.latency = latency;
            this.onDelivered = onDelivered;
        }

        boolean crosses(int link) {
            for (int l : route) {
                if (l == link) {
                    return true;
                }
            }
            return false;
        }
    }
}
