package org.hyparsim.noc;

import java.util.Arrays;

/**
 * One link's reservations: disjoint busy intervals [start, end) in picoseconds, in order, those
 * that touch merged. Intervals that ended before the present are dropped as reservations are made
 * (no reservation starts before the present).
 */
final class Calendar {
    /**
     * Interval i's start at [2i] and end at [2i + 1]: one array, so that a link's calendar is read
     * from as few cache lines as it can be (the replays of the largest arrays make hundreds of
     * millions of reservations over hundreds of thousands of links). Room for four intervals at first:
     * a link rarely holds more at once, and the 65536 torus's 262,144 calendars then take about half the
     * memory they took with eight, nearer to fitting the processor's cache (its replay about a tenth
     * faster, over five runs of each on a drifting machine, 2026-12-07).
     */
    private long[] iv = new long[8];
    /** The live intervals are [head, head + size). */
    private int head;
    private int size;

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

    /**
     * Reserves {@code duration} in the idle time from {@code earliest} on (as {@link #fill(long, long,
     * long, Pieces)}); returns the pieces' bounds, start and end of each in turn (for tests).
     */
    long[] fill(long earliest, long duration, long now) {
        Pieces p = new Pieces();
        fill(earliest, duration, now, p);
        return Arrays.copyOf(p.at, p.count);
    }

    /**
     * Reserves {@code duration} in the idle time from {@code earliest} on, filling every gap in order
     * (a reservation may be cut into pieces around those made before); the pieces go to {@code out}
     * (emptied first). A zero duration takes no time and is one empty piece at {@code earliest}.
     *
     * @param now the present: intervals that ended by then are forgotten
     */
    void fill(long earliest, long duration, long now, Pieces out) {
        while (size > 0 && iv[2 * head + 1] <= now) {
            head++;
            size--;
        }
        out.count = 0;
        if (duration <= 0) {
            out.add(earliest, earliest);
            return;
        }
        int i = firstEndingAfter(earliest);
        int firstAt = -1;
        long t = earliest;
        long left = duration;
        while (left > 0) {
            long gapEnd = i < head + size ? iv[2 * i] : Long.MAX_VALUE;
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
            insert(firstAt, out.at[0], out.at[1]);
            return;
        }
        for (int k = 0; k < out.count; k += 2) {
            insert(firstEndingAfter(out.at[k]), out.at[k], out.at[k + 1]);
        }
    }

    /** How many intervals are held (for tests). */
    int intervals() {
        return size;
    }

    /** The first live interval that ends after t (head + size where none). */
    private int firstEndingAfter(long t) {
        int lo = head;
        int hi = head + size;
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

    /** Puts [s, e) before interval i (which starts at or after e), merged with the neighbours it touches. */
    private void insert(int i, long s, long e) {
        int last = head + size;
        boolean joinsPrevious = i > head && iv[2 * i - 1] == s;
        boolean joinsNext = i < last && iv[2 * i] == e;
        if (joinsPrevious && joinsNext) {
            iv[2 * i - 1] = iv[2 * i + 1];
            System.arraycopy(iv, 2 * i + 2, iv, 2 * i, 2 * (last - i - 1));
            size--;
        } else if (joinsPrevious) {
            iv[2 * i - 1] = e;
        } else if (joinsNext) {
            iv[2 * i] = s;
        } else {
            if (2 * last == iv.length) {
                // the live intervals to the front of an array at least twice their number
                long[] n = new long[2 * (size + 1) > iv.length / 2 ? iv.length * 2 : iv.length];
                System.arraycopy(iv, 2 * head, n, 0, 2 * size);
                i -= head;
                last -= head;
                head = 0;
                iv = n;
            }
            System.arraycopy(iv, 2 * i, iv, 2 * i + 2, 2 * (last - i));
            iv[2 * i] = s;
            iv[2 * i + 1] = e;
            size++;
        }
    }
}
