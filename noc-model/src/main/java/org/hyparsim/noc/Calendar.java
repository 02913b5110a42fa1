package org.hyparsim.noc;

import java.util.Arrays;

/**
 * One link's reservations: disjoint busy intervals [start, end) in picoseconds, in order, those
 * that touch merged. Intervals that ended before the present are dropped as reservations are made
 * (no reservation starts before the present).
 */
final class Calendar {
    private long[] starts = new long[8];
    private long[] ends = new long[8];
    /** The live intervals are [head, head + size). */
    private int head;
    private int size;

    /**
     * Reserves {@code duration} in the idle time from {@code earliest} on, filling every gap in order
     * (a reservation may be cut into pieces around those made before); returns the pieces' bounds,
     * start and end of each in turn. A zero duration takes no time and is one empty piece at {@code earliest}.
     *
     * @param now the present: intervals that ended by then are forgotten
     */
    long[] fill(long earliest, long duration, long now) {
        while (size > 0 && ends[head] <= now) {
            head++;
            size--;
        }
        if (duration <= 0) {
            return new long[] {earliest, earliest};
        }
        long[] pieces = new long[4];
        int count = 0;
        int i = firstEndingAfter(earliest);
        long t = earliest;
        long left = duration;
        while (left > 0) {
            long gapEnd = i < head + size ? starts[i] : Long.MAX_VALUE;
            if (t < gapEnd) {
                long take = Math.min(left, gapEnd - t);
                if (count + 2 > pieces.length) {
                    pieces = Arrays.copyOf(pieces, pieces.length * 2);
                }
                pieces[count++] = t;
                pieces[count++] = t + take;
                left -= take;
                t += take;
            }
            if (left > 0) {
                t = Math.max(t, ends[i]);
                i++;
            }
        }
        for (int k = 0; k < count; k += 2) {
            insert(firstEndingAfter(pieces[k]), pieces[k], pieces[k + 1]);
        }
        return count == pieces.length ? pieces : Arrays.copyOf(pieces, count);
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
            if (ends[mid] <= t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Puts [s, e) before interval i (which starts at or after e), merged with the neighbours it touches. */
    private void insert(int i, long s, long e) {
        boolean joinsPrevious = i > head && ends[i - 1] == s;
        boolean joinsNext = i < head + size && starts[i] == e;
        if (joinsPrevious && joinsNext) {
            ends[i - 1] = ends[i];
            System.arraycopy(starts, i + 1, starts, i, head + size - i - 1);
            System.arraycopy(ends, i + 1, ends, i, head + size - i - 1);
            size--;
        } else if (joinsPrevious) {
            ends[i - 1] = e;
        } else if (joinsNext) {
            starts[i] = s;
        } else {
            if (head + size == starts.length) {
                // the live intervals to the front of arrays at least twice their number
                int n = 2 * (size + 1) > starts.length ? starts.length * 2 : starts.length;
                long[] ns = new long[n];
                long[] ne = new long[n];
                System.arraycopy(starts, head, ns, 0, size);
                System.arraycopy(ends, head, ne, 0, size);
                i -= head;
                head = 0;
                starts = ns;
                ends = ne;
            }
            System.arraycopy(starts, i, starts, i + 1, head + size - i);
            System.arraycopy(ends, i, ends, i + 1, head + size - i);
            starts[i] = s;
            ends[i] = e;
            size++;
        }
    }
}
