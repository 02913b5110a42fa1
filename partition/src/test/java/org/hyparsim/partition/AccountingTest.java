package org.hyparsim.partition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The accountings by name, their defaults, and the rules they carry as fields. */
class AccountingTest {
    @Test
    void namesReadIntoRules() {
        assertEquals(Optional.of(Accounting.hypar(8)), Accounting.byName("hypar", 8));
        assertEquals(Optional.of(Accounting.accpar(8)), Accounting.byName("accpar", 8));
        assertEquals(Optional.empty(), Accounting.byName("AccPar", 8));
        assertEquals(Optional.empty(), Accounting.byName(null, 8));
        assertEquals("accpar", Accounting.accpar(8).name());
    }

    @Test
    void defaultsAndRules() {
        Accounting h = Accounting.hypar(16);
        assertEquals(new Accounting(Accounting.Rules.HYPAR, 16, 4, 2, 1), h);
        assertFalse(h.countsElements());
        assertFalse(h.accparShortcuts());
        assertFalse(h.withBytesPerElement(1).countsElements());
        Accounting a = Accounting.accpar(16);
        assertEquals(new Accounting(Accounting.Rules.ACCPAR, 16, 1, 1, 1), a);
        assertTrue(a.countsElements());
        assertTrue(a.accparShortcuts());
        assertFalse(a.withBytesPerElement(2).countsElements());
        assertTrue(a.withBytesPerElement(2).accparShortcuts());
    }
}
