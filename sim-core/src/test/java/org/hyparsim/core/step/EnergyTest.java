package org.hyparsim.core.step;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.hyparsim.core.Named;
import org.junit.jupiter.api.Test;

/** Energy components, per-action parameters and the energy value keyed by them. */
class EnergyTest {
    @Test
    void componentsKeepTheirNamesAndOrder() {
        assertEquals(List.of("mac", "registerFile", "arrayNetwork", "globalBuffer", "dram", "link", "static"),
                Named.names(EnergyComponent.class));
        assertEquals("energyRegisterFileJoules", EnergyComponent.REGISTER_FILE.column());
        assertEquals(EnergyComponent.LINK, Named.fromName(EnergyComponent.class, "link").orElseThrow());
    }

    @Test
    void thePapersTwoTermModelPricesOnlyMacsAndLinkBits() {
        EnergyParams p = EnergyParams.macsAndLinks(4.6, 97.75);
        assertEquals(4.6e-12 * 1000, p.joules(EnergyComponent.MAC, 1000), 1e-24);
        assertEquals(100 * 8 * 97.75e-12, p.joules(EnergyComponent.LINK, 100), 1e-20);
        for (EnergyComponent c : List.of(EnergyComponent.REGISTER_FILE, EnergyComponent.ARRAY_NETWORK,
                EnergyComponent.GLOBAL_BUFFER, EnergyComponent.DRAM)) {
            assertEquals(0, p.joules(c, 1e9), c.label());
        }
        assertEquals(0, p.staticJoules(16, 2));
        assertThrows(IllegalArgumentException.class, () -> p.joules(EnergyComponent.STATIC, 1));
    }

    @Test
    void parametersAreCheckedAndComparedByValue() {
        assertThrows(IllegalArgumentException.class, () -> EnergyParams.of(c -> c == EnergyComponent.DRAM ? -1 : 0));
        assertThrows(IllegalArgumentException.class, () -> EnergyParams.of(c -> Double.POSITIVE_INFINITY));
        assertEquals(EnergyParams.macsAndLinks(1, 2), EnergyParams.of(c -> c == EnergyComponent.MAC ? 1
                : c == EnergyComponent.LINK ? 2 : 0));
        assertNotEquals(EnergyParams.macsAndLinks(1, 2), EnergyParams.macsAndLinks(1, 3));
        assertEquals(3.5, EnergyParams.of(c -> c == EnergyComponent.STATIC ? 3.5 : 0).staticJoules(1, 1));
    }

    @Test
    void theTotalSumsEveryComponentAndOnChipTheChipsOwn() {
        Energy e = Energy.of(c -> 1 << c.ordinal(), 7);
        assertEquals(127, e.total());
        assertEquals(15, e.onChip());
        assertEquals(64, e.get(EnergyComponent.STATIC));
        assertEquals(7, e.byTasks());
        assertEquals(e, Energy.of(c -> 1 << c.ordinal(), 7));
        assertNotEquals(e, Energy.of(c -> 1 << c.ordinal(), 0));
    }
}
