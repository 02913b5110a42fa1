package org.hyparsim.input.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hyparsim.core.kind.LinkModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whether a scenario named its link model ({@link ArrayConfig#linkModelNamed}), on every path of
 * the input module that makes an array: a scenario that names none counts as the default (whose
 * calendars may give way to calendar-turns), one that names it, at the top or on a sweep's axis,
 * as named (refused where calendars have no exact share).
 */
class LinkModelNamedTest {
    private static final String ARRAY = "network: Lenet-c\ntopology: htree\nhardware: hmc-rs\nstrategies: [dp]\n";

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void aScenarioNamingNoneIsTheDefaultAndOneNamingItIsNamed() throws IOException {
        ArrayConfig unnamed = ScenarioReader.read(write("a.yaml", ARRAY + "accelerators: 1024\n")).array();
        assertEquals(LinkModel.CALENDAR, unnamed.linkModel());
        assertFalse(unnamed.linkModelNamed());
        assertFalse(unnamed.withSymmetry(SymmetryMode.OFF).linkModelNamed(), "symmetry off keeps the default");
        ArrayConfig named = ScenarioReader.read(write("b.yaml", ARRAY + "accelerators: 1024\nlinkModel: calendar\n"))
                .array();
        assertEquals(LinkModel.CALENDAR, named.linkModel());
        assertTrue(named.linkModelNamed(), "the default's model, named");
        assertTrue(named.withSymmetry(SymmetryMode.OFF).linkModelNamed());
        ArrayConfig back = named.onDefaultLinkModel();
        assertFalse(back.linkModelNamed());
        assertEquals(LinkModel.CALENDAR, back.linkModel());
        assertEquals(named.symmetry(), back.symmetry());
    }

    @Test
    void aSweepNamesItOnlyWhereItsAxisOrTheScenarioDoes() throws IOException {
        Sweep sizes = Sweep.read(write("sizes.yaml", ARRAY + "sweep:\n  accelerators: [16, 1024]\n"));
        for (Sweep.Point p : sizes.points()) {
            assertFalse(p.scenario().array().linkModelNamed(), "point " + p.axes());
        }
        assertEquals(List.of(LinkModel.FLOW, LinkModel.CALENDAR),
                sizes.points().stream().map(p -> p.scenario().array().linkModel()).toList());
        Sweep models = Sweep.read(write("models.yaml", ARRAY + "accelerators: 1024\n"
                + "sweep:\n  linkModel: [calendar, calendar-turns]\n  batch: [16, 32]\n"));
        assertEquals(4, models.points().size());
        for (Sweep.Point p : models.points()) {
            assertTrue(p.scenario().array().linkModelNamed(), "point " + p.axes());
        }
        Sweep top = Sweep.read(write("top.yaml", ARRAY + "linkModel: calendar\nsweep:\n  accelerators: [128, 1024]\n"));
        for (Sweep.Point p : top.points()) {
            assertTrue(p.scenario().array().linkModelNamed(), "point " + p.axes());
        }
    }

    @Test
    void aChakraScenarioNamesItOnlyWhereItsFileDoes() throws IOException {
        String array = "accelerators: 1024\ntopology: htree\nhardware: hmc-rs\nworkload: {chakra: trace/t}\n";
        ChakraScenario unnamed = ChakraScenario.read(write("c.yaml", array));
        assertEquals(LinkModel.CALENDAR, unnamed.array().linkModel());
        assertFalse(unnamed.array().linkModelNamed());
        assertTrue(ChakraScenario.read(write("d.yaml", array + "linkModel: calendar\n")).array().linkModelNamed());
    }
}
