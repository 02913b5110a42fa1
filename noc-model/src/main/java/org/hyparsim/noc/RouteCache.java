package org.hyparsim.noc;

/**
 * A topology's routes, each computed once, looked up by source then destination: per source an
 * open-addressed table keyed by the destination itself (no boxed keys: the replays of the largest
 * arrays look routes up hundreds of millions of times). (One map keyed by the pair packed into a
 * long hashed neighbours' pairs alike: Long's hash is src ^ dst.)
 */
final class RouteCache {
    private final Topology topology;
    private final Table[] bySource;

    RouteCache(Topology topology) {
        this.topology = topology;
        this.bySource = new Table[topology.accelerators()];
    }

    /** The minimal routes from src to dst, each the links in order. */
    int[][] routes(int src, int dst) {
        Table t = bySource[src];
        if (t == null) {
            t = new Table();
            bySource[src] = t;
        }
        int[][] r = t.get(dst);
        if (r == null) {
            r = topology.routes(src, dst);
            t.put(dst, r);
        }
        return r;
    }

    /** Destinations to routes: linear probing over a power-of-two table at most half full. */
    private static final class Table {
        private int[] keys = new int[8];
        private int[][][] values = new int[8][][];
        private int size;

        int[][] get(int key) {
            int mask = keys.length - 1;
            for (int i = hash(key) & mask;; i = (i + 1) & mask) {
                int[][] v = values[i];
                if (v == null) {
                    return null;
                }
                if (keys[i] == key) {
                    return v;
                }
            }
        }

        void put(int key, int[][] value) {
            if (2 * (size + 1) > keys.length) {
                grow();
            }
            int mask = keys.length - 1;
            int i = hash(key) & mask;
            while (values[i] != null && keys[i] != key) {
                i = (i + 1) & mask;
            }
            if (values[i] == null) {
                size++;
            }
            keys[i] = key;
            values[i] = value;
        }

        private void grow() {
            int[] oldKeys = keys;
            int[][][] oldValues = values;
            keys = new int[oldKeys.length * 2];
            values = new int[oldKeys.length * 2][][];
            size = 0;
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldValues[i] != null) {
                    put(oldKeys[i], oldValues[i]);
                }
            }
        }

        /** Spreads neighbouring destinations over the table (Fibonacci hashing). */
        private static int hash(int key) {
            int h = key * 0x9E3779B9;
            return h ^ (h >>> 16);
        }
    }
}
