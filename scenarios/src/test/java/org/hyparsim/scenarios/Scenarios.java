package org.hyparsim.scenarios;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hyparsim.input.scenario.Scenario;
import org.hyparsim.input.scenario.ScenarioReader;

/** Scenario files written for a test. */
public final class Scenarios {
    private Scenarios() {
    }

    public static Path write(Path dir, String name, String yaml) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, yaml);
        return f;
    }

    public static Scenario read(Path dir, String yaml) throws IOException {
        return ScenarioReader.read(write(dir, "s.yaml", yaml));
    }
}
