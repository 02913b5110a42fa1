package org.hyparsim.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.hyparsim.core.step.RunPhase;
import org.junit.jupiter.api.Test;

/** The one wording of a refused name, and the lookup that uses it. */
class NamedTest {
    @Test
    void refusedNameListsTheSet() {
        assertEquals("'x' is not one of a, b", Named.notOneOf("x", List.of("a", "b")));
        assertEquals("'null' is not one of a", Named.notOneOf(null, List.of("a")));
        assertEquals("'x' is not one of " + String.join(", ", RunPhase.names()), Named.notOneOf(RunPhase.class, "x"));
    }

    @Test
    void requireFindsTheMemberOrNamesSourceAndPath() {
        assertEquals(RunPhase.TRAINING, Named.require(RunPhase.class, RunPhase.TRAINING.label(), "f.yaml", "phase"));
        InputException e = assertThrows(InputException.class, () -> Named.require(RunPhase.class, "nope", "f.yaml", "phase"));
        assertEquals(List.of(new InputException.Problem("f.yaml", "phase", Named.notOneOf(RunPhase.class, "nope"))),
                e.problems());
    }
}
