package org.hyparsim.noc;

import java.util.ArrayList;
import java.util.List;
import org.hyparsim.core.step.Interconnect.LinkUsage;

/** Per link of a replay: the bytes it carried, the time it was busy and the units (packets, messages) it served. */
final class LinkTally {
    private final double[] bytes;
    private final long[] busyPs;
    private final long[] units;

    LinkTally(int links) {
        bytes = new double[links];
        busyPs = new long[links];
        units = new long[links];
    }

    /** Link {@code link} carried {@code carried} bytes, busy for {@code busy} ps, as one unit. */
    void add(int link, double carried, long busy) {
        bytes[link] += carried;
        busyPs[link] += busy;
        units[link]++;
    }

    /** The usage of each of {@code links} (by id); all zero where {@code tally} is null (never attached). */
    static List<LinkUsage> usage(Link[] links, LinkTally tally) {
        List<LinkUsage> out = new ArrayList<>(links.length);
        for (Link l : links) {
            int i = l.id();
            out.add(tally == null ? new LinkUsage(l.name(), l.bandwidthBytesPerSecond(), 0, 0, 0)
                    : new LinkUsage(l.name(), l.bandwidthBytesPerSecond(), tally.bytes[i], tally.busyPs[i], tally.units[i]));
        }
        return out;
    }
}
