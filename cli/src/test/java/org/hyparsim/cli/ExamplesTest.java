package org.hyparsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hyparsim.input.scenario.Sweep;
import org.junit.jupiter.api.Test;

/** Every example scenario reads and checks; the custom and inline ones run. */
class ExamplesTest {
    static final Path EXAMPLES = Path.of("../scenarios/examples");

    @Test
    void everyExampleIsValid() throws Exception {
        List<Path> files;
        try (var s = Files.list(EXAMPLES)) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertFalse(files.isEmpty());
        for (Path f : files) {
            Sweep sweep = Sweep.read(f);
            assertFalse(sweep.points().isEmpty(), f.toString());
        }
    }

    @Test
    void customAndInlineExamplesRun() {
        for (String f : List.of("custom.yaml", "inline.yaml")) {
            Cli r = Cli.run("run", EXAMPLES.resolve(f).toString(), "--format", "json");
            assertEquals(0, r.status(), r.err());
        }
        Cli r = Cli.run("run", EXAMPLES.resolve("custom.yaml").toString());
        assertTrue(r.out().contains("tiny-mlp"), r.out());
        assertTrue(r.out().contains("htreeLevelBandwidthGBps=[120.0, 60.0, 30.0, 30.0]"), r.out());
    }
}
