package org.hyparsim.noc;

import java.util.ArrayList;
import java.util.List;
import org.hyparsim.core.step.Interconnect.LinkUsage;

/** Per link of a replay: the bytes it carried, the time it was busy and the units (packets, messages) it served. */
final class LinkTally {
    private final double[] bytes;
    /** Per link its busy ps at [2 link] and its units at [2 link + 1]: side by side, as they are added together. */
    private final long[] busyUnits;

    LinkTally(int links) {
        bytes = new double[links];
        busyUnits = new long[2 * links];
    }

    /** Link {@code link} carried {@code carried} bytes, busy for {@code busy} ps, as one unit. */
    void add(int link, double carried, long busy) {
        bytes[link] += carried;
        busyUnits[2 * link] += busy;
        busyUnits[2 * link + 1]++;
    }

    /** The usage of each of {@code links} (by id); all zero where {@code tally} is null (never attached). */
    static List<LinkUsage> usage(Link[] links, LinkTally tally) {
        List<LinkUsage> out = new ArrayList<>(links.length);
        for (Link l : links) {
            int i = l.id();
            out.add(tally == null ? new LinkUsage(l.name(), l.bandwidthBytesPerSecond(), 0, 0, 0)
                    : new LinkUsage(l.name(), l.bandwidthBytesPerSecond(), tally.bytes[i], tally.busyUnits[2 * i],
                            tally.busyUnits[2 * i + 1]));
        }
        return out;
    }
}
