package org.hyparsim.noc;

import java.util.ArrayList;
import java.util.List;
import org.hyparsim.core.engine.SimEngine;

/**
 * Calendar interconnect: every link keeps a calendar of the intervals it is reserved for. A message
 * (its share on each of its equal-cost routes) reserves, when it is sent, hop by hop along its route,
 * the earliest idle gap of each link that holds it whole at or after the time its head can reach
 * that link (first fit); it is delivered when its tail has crossed the last link plus that link's
 * latency. One engine event per message delivered, and nothing already reserved is moved again.
 *
 * <p>Per hop the timing is the packet model's ({@link PacketInterconnect}) with the message as one
 * packet: on link k+1 it may start once its head has crossed link k (k's latency after it started
 * there), but never so early that it would finish before its tail has arrived ({@code start(k+1) >=
 * start(k) + latency(k) + max(0, duration(k) - duration(k+1))}); a link's duration for the message is
 * its bytes over that link's own bandwidth, rounded once to the picosecond. So on an idle path a
 * message takes the sum of the latencies plus its size over the slowest link, as at packet level.
 * Messages that reach a link at one instant are served in the order they were sent (ties in the
 * engine's event order, as at packet level).
 */
public final class CalendarInterconnect extends RoutedInterconnect {
    private SimEngine engine;
    private Calendar[] calendars;
    private double[] linkBytes;
    private long[] linkBusy;
    private long[] linkMessages;

    public CalendarInterconnect(Topology topology) {
        super(topology);
    }

    @Override
    public void attach(SimEngine engine) {
        this.engine = engine;
        calendars = new Calendar[links.length];
        linkBytes = new double[links.length];
        linkBusy = new long[links.length];
        linkMessages = new long[links.length];
    }

    @Override
    public void send(int src, int dst, double bytes, Runnable onDelivered) {
        if (engine == null) {
            throw new IllegalStateException("attach the interconnect to an engine first");
        }
        int[][] rs = routes(src, dst);
        double share = bytes / rs.length;
        long now = engine.now();
        long delivered = now;
        for (int[] r : rs) {
            delivered = Math.max(delivered, reserve(r, share, now));
        }
        engine.scheduleAt(delivered, onDelivered);
    }

    /** Reserves a message of {@code bytes} along {@code route} from {@code now}; returns when it is delivered, ps. */
    long reserve(int[] route, double bytes, long now) {
        long earliest = now;
        long start = now;
        long duration = 0;
        for (int hop = 0; hop < route.length; hop++) {
            int link = route[hop];
            long d = duration(bytes, link);
            if (hop > 0) {
                earliest = start + links[route[hop - 1]].latencyPs() + Math.max(0, duration - d);
            }
            start = calendar(link).reserve(earliest, d, now);
            duration = d;
            linkBytes[link] += bytes;
            linkBusy[link] += d;
            linkMessages[link]++;
        }
        return start + duration + links[route[route.length - 1]].latencyPs();
    }

    private long duration(double bytes, int link) {
        return Math.round(bytes * 1e12 / links[link].bandwidthBytesPerSecond());
    }

    private Calendar calendar(int link) {
        Calendar c = calendars[link];
        if (c == null) {
            c = new Calendar();
            calendars[link] = c;
        }
        return c;
    }

    @Override
    public List<LinkUsage> linkUsage() {
        List<LinkUsage> out = new ArrayList<>(links.length);
        for (Link l : links) {
            int i = l.id();
            out.add(new LinkUsage(l.name(), l.bandwidthBytesPerSecond(), linkBytes == null ? 0 : linkBytes[i],
                    linkBusy == null ? 0 : linkBusy[i], linkMessages == null ? 0 : linkMessages[i]));
        }
        return out;
    }
}
