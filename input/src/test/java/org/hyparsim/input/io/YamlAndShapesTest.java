package org.hyparsim.input.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.hyparsim.core.InputException;
import org.hyparsim.core.Limits;
import org.hyparsim.core.workload.Layer;
import org.hyparsim.core.workload.Network;
import org.hyparsim.input.networks.NetworkCatalog;
import org.hyparsim.input.scenario.Scenario;
import org.hyparsim.input.scenario.ScenarioReader;
import org.hyparsim.input.scenario.Sweep;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** YAML read as YAML (issue 33, point 1) and declared shapes that must agree with derived ones (point 2). */
class YamlAndShapesTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    private String refusal(String name, String text) throws Exception {
        Path f = write(name, text);
        return assertThrows(InputException.class, () -> ScenarioReader.read(f)).getMessage();
    }

    @Test
    void anAliasStandsForItsAnchorsValue() throws Exception {
        Scenario s = ScenarioReader.read(write("a.yaml", "description: &Lenet-c Cifar-c\nnetwork: *Lenet-c\n"));
        assertEquals("Cifar-c", s.network().name());
        Sweep sw = Sweep.read(write("b.yaml", "network: Lenet-c\nsweep: {batch: [&b 2, *b, 4]}\n"));
        assertEquals(3, sw.points().size());
        Sweep m = Sweep.read(write("c.yaml", "hardware: &hw {profile: hmc-rs}\nnetwork: Lenet-c\n"
                + "sweep: {hardware: [*hw, *hw]}\n"));
        assertEquals(2, m.points().size());
    }

    @Test
    void aliasBombsAndUnknownAliasesAreRefused() throws Exception {
        StringBuilder y = new StringBuilder("network: Lenet-c\nd:\n  - &a0 [1, 1, 1, 1, 1, 1, 1, 1, 1]\n");
        for (int i = 1; i < 10; i++) {
            y.append("  - &a").append(i).append(" [").append(("*a" + (i - 1) + ", ").repeat(8)).append("*a")
                    .append(i - 1).append("]\n");
        }
        String bomb = refusal("bomb.yaml", y.toString());
        assertTrue(bomb.contains("the YAML expands to more than 100000 values once its aliases are replaced (system "
                + "property hypar-sim.maxYamlNodes)"), bomb);
        String many = refusal("many.yaml", "network: Lenet-c\nd: [&a 1, " + "*a, ".repeat(60) + "*a]\n");
        assertTrue(many.contains("more than 50 YAML aliases (system property hypar-sim.maxYamlAliases)"), many);
        String none = refusal("none.yaml", "network: Lenet-c\nd: [&a 1, *b]\n");
        assertTrue(none.contains("alias *b names no anchor (&b) before it"), none);
        StringBuilder wide = new StringBuilder("network: Lenet-c\nd:\n  - &a0 [" + "1, ".repeat(9999) + "1]\n");
        wide.append("  - [").append("*a0, ".repeat(20)).append("*a0]\n");
        String w = refusal("wide.yaml", wide.toString());
        assertTrue(w.contains("expands to more than 100000 values"), w);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "batch: !!int \"4\"|line 2, column 8: a YAML tag (!!int) is not read",
        "network: !!java.io.File x|line 1, column 10: a YAML tag (!!java.io.File) is not read",
        "hardware: !custom {profile: hmc-rs}|a YAML tag (!custom) is not read",
        "batch: ~|batch: no value (null, ~ or nothing after the colon)",
        "batch:|batch: no value (null, ~ or nothing after the colon)",
        "batch: null|batch: no value (null, ~ or nothing after the colon)",
        "hardware: ~|hardware: no value (null, ~ or nothing after the colon)",
        "strategies: [dp, ~]|no value (null, ~ or nothing after the colon)"})
    void tagsAndNullsAreRefusedTheSameWayEverywhere(String line, String expected) throws Exception {
        String text = line.startsWith("network") ? line + "\n" : "network: Lenet-c\n" + line + "\n";
        String m = refusal("t.yaml", text);
        assertTrue(m.contains(expected), m);
    }

    @Test
    void nullInJsonIsRefusedLikeNullInYaml() throws Exception {
        String m = refusal("n.json", "{\"network\": \"Lenet-c\", \"batch\": null}");
        assertTrue(m.contains("batch: no value"), m);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{name: c, type: conv, in_ch: 3, in_hw: 8, k: 3, out_ch: 4, out_hw: 100}|out_hw: declared 100, but in_hw 8, k 3, "
                + "stride 1 and pad 0 give 6",
        "{name: c, type: conv, in_ch: 3, in_hw: 8, k: 3, pad: 1, out_ch: 4, out_hw: 8, pool: 2, out_hw_pooled: 5}"
                + "|out_hw_pooled: declared 5, but out_hw 8, pool_k 2 and pool 2 give 4"})
    void declaredSizesMustAgreeWithDerivedOnes(String layer, String expected) throws Exception {
        String m = refusal("s.yaml", "network:\n  layers:\n    - " + layer + "\n    - {name: f, type: fc, in_ch: 64, out_ch: 2}\n");
        assertTrue(m.contains(expected), m);
    }

    @Test
    void accParSizesAreRefusedOnlyWhereNoStrideAndPaddingGiveThem() throws Exception {
        Path ok = write("ok.txt", "num_layers 2\nc CONV\nin_ch 3\nin_fmap_h 224\nin_fmap_w 224\nkernel 11\nout_ch 96\n"
                + "out_fmap_h 55\nout_fmap_w 55\npool 1\nf FC\nin_ch 290400\nout_ch 10\n");
        assertEquals(2, NetworkCatalog.readFile(ok).layers().size());
        Path bad = write("bad.txt", "num_layers 1\nc CONV\nin_ch 3\nin_fmap_h 8\nin_fmap_w 8\nkernel 3\nout_ch 4\n"
                + "out_fmap_h 100\nout_fmap_w 6\npool 1\n");
        String m = assertThrows(InputException.class, () -> NetworkCatalog.readFile(bad)).getMessage();
        assertTrue(m.contains("out_fmap_h 100: more than any stride and padding make from the input (the format gives "
                + "neither; at most 10, with stride 1 and padding 2) (in_fmap_h 8, kernel 3)"), m);
        assertNull(org.hyparsim.input.networks.AccParReaderAccess.unreachable(55, 5, 27, 2));
        assertNull(org.hyparsim.input.networks.AccParReaderAccess.unreachable(8, 3, 10, 1));
    }

    @Test
    void everyBuiltInNetworkFitsTheLeastLimitsAllowed() {
        for (Network n : NetworkCatalog.builtIn().values()) {
            assertTrue(n.layers().size() <= Limits.Limit.MAX_LAYERS.minimum(), n.name() + " " + n.layers().size());
            for (Layer l : n.layers()) {
                int max = Math.max(Math.max(l.inChannels(), l.outChannels()), Math.max(l.inHeight(), l.kernel()));
                assertTrue(max <= Limits.Limit.MAX_LAYER_DIMENSION.minimum(), n.name() + " " + l.name() + " " + max);
            }
        }
    }
}
