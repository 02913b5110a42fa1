package org.hyparsim.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
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
    void lateActionsRunAfterTheInstantAndAnInstantKnowsWhenItIsDone() {
        List<String> seen = new ArrayList<>();
        SimEngine[] e = new SimEngine[1];
        e[0] = new SimEngine("late", () -> {
            e[0].scheduleAt(10, () -> {
                seen.add("a " + e[0].nothingElseNow());
                e[0].scheduleLate(10, () -> seen.add("late " + e[0].nothingElseNow()));
            });
            e[0].scheduleAt(10, () -> seen.add("b " + e[0].nothingElseNow()));
            e[0].scheduleAt(20, () -> seen.add("c " + e[0].nothingElseNow()));
        });
        e[0].run();
        assertEquals(List.of("a false", "b false", "late true", "c true"), seen);
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
