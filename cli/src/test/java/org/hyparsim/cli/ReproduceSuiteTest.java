package org.hyparsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code reproduce --suite}: an unknown suite is bad input naming the option and the suites. */
class ReproduceSuiteTest {
    @TempDir
    Path dir;

    @Test
    void anUnknownSuiteIsRefusedNamingTheOption() {
        Cli r = Cli.run("reproduce", "--suite", "cnn", "--out", dir.resolve("out").toString());
        assertEquals(2, r.status(), r.err());
        assertTrue(r.err().contains("--suite") && r.err().contains("'cnn' is not one of paper, transformers"), r.err());
    }
}
