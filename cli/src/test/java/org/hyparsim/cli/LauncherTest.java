package org.hyparsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The launcher records its class-data archive with the interpreter only: recorded with the JIT at
 * work, the archive kept methods hot at the recording's end from ever being compiled in the runs
 * that used it (Java 17), and the flow links' replays ran several times slower. No functional test
 * sees that, so the recording command is checked here.
 */
class LauncherTest {
    @Test
    void theArchiveIsRecordedInTheInterpreter() throws Exception {
        List<String> recording = Files.readAllLines(Path.of("..", "hypar-sim")).stream()
                .filter(l -> l.contains("-XX:ArchiveClassesAtExit")).toList();
        assertEquals(1, recording.size(), "one command records the archive: " + recording);
        assertTrue(recording.get(0).matches(".*\\bjava -Xint .*"), "recorded without -Xint: " + recording.get(0));
    }
}
