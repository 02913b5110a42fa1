package org.hyparsim.noc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The pooled calendars against a plain list of intervals per link, on reservations that interleave
 * links, cut around earlier ones, outlive the present and make regions move (in place and to larger
 * ones): every reservation's pieces and every link's count of intervals agree.
 */
class LinkCalendarsTest {
    /** One link's busy intervals as a sorted list of [start, end), merged where they touch. */
    private static final class PlainCalendar {
        final List<long[]> busy = new ArrayList<>();

        long[] fill(long earliest, long duration, long now) {
            busy.removeIf(iv -> iv[1] <= now);
            if (duration <= 0) {
                return new long[] {earliest, earliest};
            }
            List<Long> pieces = new ArrayList<>();
            long t = earliest;
            long left = duration;
            for (int k = 0; left > 0; k++) {
                long gapEnd = k < busy.size() ? busy.get(k)[0] : Long.MAX_VALUE;
                long gapStart = k == 0 ? Long.MIN_VALUE : busy.get(k - 1)[1];
                long from = Math.max(t, gapStart);
                if (from < gapEnd) {
                    long take = Math.min(left, gapEnd - from);
                    pieces.add(from);
                    pieces.add(from + take);
                    left -= take;
                }
            }
            for (int k = 0; k < pieces.size(); k += 2) {
                busy.add(new long[] {pieces.get(k), pieces.get(k + 1)});
            }
            busy.sort((a, b) -> Long.compare(a[0], b[0]));
            List<long[]> merged = new ArrayList<>();
            for (long[] iv : busy) {
                if (!merged.isEmpty() && merged.get(merged.size() - 1)[1] == iv[0]) {
                    merged.get(merged.size() - 1)[1] = iv[1];
                } else {
                    merged.add(iv.clone());
                }
            }
            busy.clear();
            busy.addAll(merged);
            return pieces.stream().mapToLong(Long::longValue).toArray();
        }
    }

    @Test
    void pooledCalendarsAgreeWithPlainListsOnInterleavedLinks() {
        int links = 7;
        LinkCalendars pooled = new LinkCalendars(links);
        PlainCalendar[] plain = new PlainCalendar[links];
        Arrays.setAll(plain, l -> new PlainCalendar());
        SplittableRandom random = new SplittableRandom(20261207L);
        long now = 0;
        int maxHeld = 0;
        for (int n = 0; n < 40_000; n++) {
            // link 6 drawn rarely, so that all its intervals have ended when it is drawn again
            int link = random.nextInt(500) == 0 ? 6 : random.nextInt(links - 1);
            // link 0 piles up far into the future, so that its region grows; the others stay near the present
            long earliest = now + (link == 0 ? random.nextLong(200_000) : random.nextLong(2_000));
            long duration = random.nextInt(10) == 0 ? 0 : 1 + random.nextLong(link == 0 ? 40 : 300);
            long[] expected = plain[link].fill(earliest, duration, now);
            assertArrayEquals(expected, pooled.fill(link, earliest, duration, now), "reservation " + n);
            assertEquals(plain[link].busy.size(), pooled.intervals(link), "intervals after reservation " + n);
            assertArrayEquals(plain[link].busy.stream().flatMapToLong(Arrays::stream).toArray(), pooled.busy(link),
                    "intervals held after reservation " + n);
            maxHeld = Math.max(maxHeld, pooled.intervals(link));
            now += random.nextLong(link == 0 ? 8 : 60);
        }
        // the regions did move: some link held many times the first room
        assertEquals(true, maxHeld > 64, "most intervals a link held: " + maxHeld);
    }

    /** Reserves 1 ps at each of {@code starts} in turn, on the link given before each, at time 0: {link, start, ...}. */
    private static LinkCalendars reserved(int links, long... linkAndStart) {
        LinkCalendars c = new LinkCalendars(links);
        for (int k = 0; k < linkAndStart.length; k += 2) {
            c.fill((int) linkAndStart[k], linkAndStart[k + 1], 1, 0);
        }
        return c;
    }

    @Test
    void intervalsOfNeighbouringRegionsAreNeverMerged() {
        // link 1's region is the pool's first, link 0's the next: link 1's last interval ends where link 0's
        // first starts (8), and neither is taken for the other's neighbour
        LinkCalendars c = reserved(2, 1, 0, 0, 8, 1, 2, 1, 4, 1, 6);
        assertArrayEquals(new long[] {7, 8}, c.fill(1, 7, 1, 0)); // joins [6, 7)
        assertEquals(4, c.intervals(1)); // [0, 1), [2, 3), [4, 5), [6, 8)
        assertArrayEquals(new long[] {0, 1, 2, 3, 4, 5, 6, 8}, c.busy(1));
        assertArrayEquals(new long[] {7, 8}, c.fill(0, 7, 1, 0));
        assertArrayEquals(new long[] {7, 9}, c.busy(0));
    }

    @Test
    void aFullRegionMovesItsLiveIntervalsToItsFront() {
        // link 0's region (after link 1's) is full with [0, 1), [2, 3), [4, 5), [10, 11); at 6 the first three have
        // ended and are dropped, [10, 11) goes to the region's front and [7, 8) before it; then [8, 10) joins both
        LinkCalendars d = reserved(2, 1, 0, 0, 0, 0, 2, 0, 4, 0, 10);
        assertArrayEquals(new long[] {7, 8}, d.fill(0, 7, 1, 6));
        assertArrayEquals(new long[] {7, 8, 10, 11}, d.busy(0));
        assertArrayEquals(new long[] {8, 10}, d.fill(0, 8, 2, 6));
        assertArrayEquals(new long[] {7, 11}, d.busy(0));
        assertArrayEquals(new long[] {0, 1}, d.busy(1));
    }
}
