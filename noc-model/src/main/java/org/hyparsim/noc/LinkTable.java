package org.hyparsim.noc;

import java.util.ArrayList;
import java.util.List;
import org.hyparsim.core.Hashes;

/**
 * Builds a topology's links, looked up by (from node, to node) in an open-addressing table of
 * the pairs, well mixed (a map of boxed longs hashed neighbours' pairs alike, Long's hash being
 * from ^ to, and a lookup per hop of every route went through its collisions).
 */
final class LinkTable {
    private final List<Link> links = new ArrayList<>();
    private final List<int[]> ends = new ArrayList<>();
    private long[] keys = new long[64];
    private int[] ids = new int[64];
    private boolean[] used = new boolean[64];

    int add(int from, int to, String name, LinkParams p) {
        int existing = find(from, to);
        if (existing >= 0) {
            return existing;
        }
        int id = links.size();
        links.add(new Link(id, name, p.bandwidthBytesPerSecond(), p.latencyPs()));
        ends.add(new int[] {from, to});
        if (2 * (id + 1) > keys.length) {
            grow();
        }
        put(key(from, to), id);
        return id;
    }

    int get(int from, int to) {
        int id = find(from, to);
        if (id < 0) {
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

    private int find(int from, int to) {
        long k = key(from, to);
        int mask = keys.length - 1;
        for (int i = slot(k, mask); used[i]; i = (i + 1) & mask) {
            if (keys[i] == k) {
                return ids[i];
            }
        }
        return -1;
    }

    private void put(long k, int id) {
        int mask = keys.length - 1;
        int i = slot(k, mask);
        while (used[i]) {
            i = (i + 1) & mask;
        }
        used[i] = true;
        keys[i] = k;
        ids[i] = id;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldIds = ids;
        boolean[] oldUsed = used;
        keys = new long[oldKeys.length * 2];
        ids = new int[oldKeys.length * 2];
        used = new boolean[oldKeys.length * 2];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldUsed[i]) {
                put(oldKeys[i], oldIds[i]);
            }
        }
    }

    private static int slot(long k, int mask) {
        return (int) Hashes.mix(k) & mask;
    }

    private static long key(int from, int to) {
        return ((long) from << 32) | (to & 0xffffffffL);
    }
}
