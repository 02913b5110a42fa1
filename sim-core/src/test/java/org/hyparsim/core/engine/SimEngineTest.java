package org.hyparsim.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SimEngineTest {
    @Test
    void eventsRunInTimeOrderThenInSchedulingOrder() {
        List<String> seen = new ArrayList<>();
        SimEngine[] e = new SimEngine[1];
        e[0] = new SimEngine("order", () -> {
            e[0].scheduleAt(30, () -> seen.add("c@" + e[0].now()));
            e[0].scheduleAt(10, () -> {
                seen.add("a@" + e[0].now());
                e[0].scheduleIn(5, () -> seen.add("b@" + e[0].now()));
            });
            e[0].scheduleAt(30, () -> seen.add("d@" + e[0].now()));
        });
        assertEquals(30, e[0].run());
        assertEquals(List.of("a@10", "b@15", "c@30", "d@30"), seen);
        assertEquals(4, e[0].events());
    }

    @Test
    void manyEventsRunByTimeThenUsualBeforeLateThenInSchedulingOrder() {
        // the event list's comparison: time, then priority, then the order of scheduling, on a list deep
        // enough for many sifts, with ties of time and of both priorities
        SplittableRandom random = new SplittableRandom(7);
        int n = 5000;
        long[] time = new long[n];
        boolean[] isLate = new boolean[n];
        List<Integer> seen = new ArrayList<>();
        SimEngine[] e = new SimEngine[1];
        e[0] = new SimEngine("many", () -> {
            for (int i = 0; i < n; i++) {
                int k = i;
                time[k] = 1 + random.nextInt(200);
                isLate[k] = random.nextInt(4) == 0;
                if (isLate[k]) {
                    e[0].scheduleLate(time[k], () -> seen.add(k));
                } else {
                    e[0].scheduleAt(time[k], () -> seen.add(k));
                }
            }
        });
        e[0].run();
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            expected.add(i);
        }
        expected.sort(Comparator.<Integer>comparingLong(i -> time[i]).thenComparing(i -> isLate[i])
                .thenComparingInt(i -> i));
        assertEquals(expected, seen);
    }

    @Test
    void lateActionsRunAfterEveryOtherActionOfTheirInstant() {
        List<String> seen = new ArrayList<>();
        SimEngine[] e = new SimEngine[1];
        e[0] = new SimEngine("late", () -> {
            e[0].scheduleLate(10, () -> seen.add("late from the start@" + e[0].now()));
            e[0].scheduleAt(10, () -> {
                seen.add("a@" + e[0].now());
                e[0].scheduleLate(10, () -> {
                    seen.add("late 1@" + e[0].now());
                    e[0].scheduleAt(10, () -> seen.add("d, scheduled late@" + e[0].now()));
                });
                e[0].scheduleLate(10, () -> seen.add("late 2@" + e[0].now()));
                e[0].scheduleAt(10, () -> seen.add("c, scheduled by a@" + e[0].now()));
            });
            e[0].scheduleAt(10, () -> seen.add("b@" + e[0].now()));
            e[0].scheduleAt(20, () -> seen.add("e@" + e[0].now()));
        });
        e[0].run();
        // as DSOL orders events of the lowest priority, held ones or not: in the order asked for, each after
        // every usual action of the instant, those a late one schedules included
        assertEquals(List.of("a@10", "b@10", "c, scheduled by a@10", "late from the start@10", "late 1@10",
                "d, scheduled late@10", "late 2@10", "e@20"), seen);
    }

    @Test
    void anExceptionInAnEventReachesTheCaller() {
        SimEngine[] e = new SimEngine[1];
        e[0] = new SimEngine("boom", () -> e[0].scheduleAt(5, () -> {
            throw new IllegalStateException("boom");
        }));
        IllegalStateException ex = assertThrows(IllegalStateException.class, () -> e[0].run());
        assertEquals("boom", ex.getMessage());
    }

    @Test
    void manyEnginesOneAfterAnother() {
        for (int i = 0; i < 50; i++) {
            SimEngine[] e = new SimEngine[1];
            e[0] = new SimEngine("many", () -> e[0].scheduleAt(1, () -> { }));
            assertEquals(1, e[0].run());
        }
    }
}
