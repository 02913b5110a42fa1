package org.hyparsim.noc;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builds a topology's links, looked up by (from node, to node). */
final class LinkTable {
    private final List<Link> links = new ArrayList<>();
    private final Map<Long, Integer> byEnds = new HashMap<>();
    private final List<int[]> ends = new ArrayList<>();

    int add(int from, int to, String name, LinkParams p) {
        Integer existing = byEnds.get(key(from, to));
        if (existing != null) {
            return existing;
        }
        int id = links.size();
        links.add(new Link(id, name, p.bandwidthBytesPerSecond(), p.latencyPs()));
        byEnds.put(key(from, to), id);
        ends.add(new int[] {from, to});
        return id;
    }

    int get(int from, int to) {
        Integer id = byEnds.get(key(from, to));
        if (id == null) {
            throw new IllegalStateException("no link from node " + from + " to node " + to);
        }
        return id;
    }

    /** Link id's (from node, to node). */
    int[] ends(int id) {
        return ends.get(id);
    }

    List<Link> links() {
        return List.copyOf(links);
    }

    private static long key(int from, int to) {
        return ((long) from << 32) | (to & 0xffffffffL);
    }
}
