package org.hyparsim.noc;

import java.util.Arrays;

/**
 * The links' reservations: per link, disjoint busy intervals [start, end) in picoseconds, in order,
 * those that touch merged. Intervals that ended before the present are dropped as reservations are
 * made (no reservation starts before the present).
 *
 * <p>Every link's intervals sit in one pool, each link in a region of its own that it keeps while its
 * live intervals fit in it (they are moved to the region's front in place) and leaves for one twice as
 * large when they fill half of it. The replays of the largest arrays make over a hundred million
 * reservations on tens of thousands of links, in no order a cache foresees: a reservation reads the
 * link's four counters and the lines of its region that hold its live intervals, where a calendar
 * object per link with an array of its own read three places, and moved to freshly allocated memory
 * as its intervals slid to the end of its array.
 */
final class LinkCalendars {
    /** The room a link's region has at first, in intervals: a link rarely holds more at once. */
    private static final int FIRST_ROOM = 4;
    /** The most intervals the pool can give regions: two longs each in the longest array a JVM makes. */
    private static final int MAX_INTERVALS = (Integer.MAX_VALUE - 8) / 2;

    /**
     * Per link at [4 link ..]: its region's first interval in the pool and its room (0: no region yet),
     * its first live interval and how many are live, all in intervals of the pool.
     */
    private final int[] meta;
    /** Interval j's start at [2j] and end at [2j + 1]. */
    private long[] pool = new long[64];
    /** The intervals of the pool given to regions. */
    private int used;

    /** The pieces of one reservation: start and end of each in turn, in {@code at[0 .. count)}; reused. */
    static final class Pieces {
        long[] at = new long[8];
        int count;

        void add(long start, long end) {
            if (count + 2 > at.length) {
                at = Arrays.copyOf(at, at.length * 2);
            }
            at[count++] = start;
            at[count++] = end;
        }

        /** When the pieces have served {@code service} ps of the reservation. */
        long when(long service) {
            long left = service;
            for (int k = 0; k < count; k += 2) {
                long len = at[k + 1] - at[k];
                if (left <= len) {
                    return at[k] + left;
                }
                left -= len;
            }
            return at[count - 1];
        }
    }

    /** Empty calendars for links {@code 0 .. links - 1}. */
    LinkCalendars(int links) {
        meta = new int[4 * links];
    }

    /**
     * Reserves {@code duration} on {@code link} in the idle time from {@code earliest} on (as {@link
     * #fill(int, long, long, long, Pieces)}); returns the pieces' bounds, start and end of each in turn
     * (for tests).
     */
    long[] fill(int link, long earliest, long duration, long now) {
        Pieces p = new Pieces();
        fill(link, earliest, duration, now, p);
        return Arrays.copyOf(p.at, p.count);
    }

    /**
     * Reserves {@code duration} on {@code link} in the idle time from {@code earliest} on, filling every
     * gap in order (a reservation may be cut into pieces around those made before); the pieces go to
     * {@code out} (emptied first). A zero duration takes no time and is one empty piece at {@code earliest}.
     *
     * @param now the present: intervals that ended by then are forgotten
     */
    void fill(int link, long earliest, long duration, long now, Pieces out) {
        int m = 4 * link;
        if (meta[m + 1] == 0) {
            meta[m] = allocate(FIRST_ROOM);
            meta[m + 1] = FIRST_ROOM;
            meta[m + 2] = meta[m];
        }
        long[] iv = pool;
        int head = meta[m + 2];
        int last = head + meta[m + 3];
        while (head < last && iv[2 * head + 1] <= now) {
            head++;
        }
        meta[m + 2] = head;
        meta[m + 3] = last - head;
        out.count = 0;
        if (duration <= 0) {
            out.add(earliest, earliest);
            return;
        }
        int i = firstEndingAfter(iv, head, last, earliest);
        int firstAt = -1;
        long t = earliest;
        long left = duration;
        while (left > 0) {
            long gapEnd = i < last ? iv[2 * i] : Long.MAX_VALUE;
            if (t < gapEnd) {
                long take = Math.min(left, gapEnd - t);
                if (firstAt < 0) {
                    firstAt = i;
                }
                out.add(t, t + take);
                left -= take;
                t += take;
            }
            if (left > 0) {
                t = Math.max(t, iv[2 * i + 1]);
                i++;
            }
        }
        if (out.count == 2) {
            // one piece (the common case): it lies in the gap before interval firstAt, found above
            insert(m, firstAt, out.at[0], out.at[1]);
            return;
        }
        for (int k = 0; k < out.count; k += 2) {
            int from = meta[m + 2];
            insert(m, firstEndingAfter(pool, from, from + meta[m + 3], out.at[k]), out.at[k], out.at[k + 1]);
        }
    }

    /** How many intervals {@code link} holds (for tests). */
    int intervals(int link) {
        return meta[4 * link + 3];
    }

    /** The intervals {@code link} holds, start and end of each in turn (for tests). */
    long[] busy(int link) {
        int head = meta[4 * link + 2];
        return Arrays.copyOfRange(pool, 2 * head, 2 * (head + meta[4 * link + 3]));
    }

    /** The first of the live intervals {@code [from, to)} that ends after t ({@code to} where none). */
    private static int firstEndingAfter(long[] iv, int from, int to, long t) {
        int lo = from;
        int hi = to;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (iv[2 * mid + 1] <= t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * Puts [s, e) before interval i (which starts at or after e) of the link whose counters are at
     * {@code m}, merged with the neighbours it touches.
     */
    private void insert(int m, int i, long s, long e) {
        long[] iv = pool;
        int head = meta[m + 2];
        int size = meta[m + 3];
        int last = head + size;
        boolean joinsPrevious = i > head && iv[2 * i - 1] == s;
        boolean joinsNext = i < last && iv[2 * i] == e;
        if (joinsPrevious && joinsNext) {
            iv[2 * i - 1] = iv[2 * i + 1];
            System.arraycopy(iv, 2 * i + 2, iv, 2 * i, 2 * (last - i - 1));
            meta[m + 3] = size - 1;
        } else if (joinsPrevious) {
            iv[2 * i - 1] = e;
        } else if (joinsNext) {
            iv[2 * i] = s;
        } else {
            if (last == meta[m] + meta[m + 1]) {
                int shift = head - moveToFront(m, head, size);
                i -= shift;
                last -= shift;
                iv = pool;
            }
            System.arraycopy(iv, 2 * i, iv, 2 * i + 2, 2 * (last - i));
            iv[2 * i] = s;
            iv[2 * i + 1] = e;
            meta[m + 3] = size + 1;
        }
    }

    /**
     * Makes room after the live intervals {@code [head, head + size)} of a link whose region is full to
     * its end: they go to the region's front where that leaves room for as many again, else to the
     * front of a region twice as large. Returns where they start now.
     */
    private int moveToFront(int m, int head, int size) {
        int room = meta[m + 1];
        if (2 * (size + 1) > room) {
            room *= 2;
            meta[m] = allocate(room);
            meta[m + 1] = room;
        }
        System.arraycopy(pool, 2 * head, pool, 2 * meta[m], 2 * size);
        meta[m + 2] = meta[m];
        return meta[m];
    }

    /** A region of {@code room} intervals at the pool's end; returns its first interval. */
    private int allocate(int room) {
        if ((long) used + room > MAX_INTERVALS) {
            throw new IllegalStateException("link calendars past " + MAX_INTERVALS + " intervals");
        }
        int at = used;
        used += room;
        if (2 * used > pool.length) {
            pool = Arrays.copyOf(pool, (int) Math.min(2L * MAX_INTERVALS, Math.max(2L * used, 2L * pool.length)));
        }
        return at;
    }
}
