package org.hyparsim.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.hyparsim.core.Ranges;
import org.junit.jupiter.api.Test;

/** What the README promises stays what the code does. */
class ReadmeTest {
    @Test
    void theRangesTableIsTheCodes() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        for (Map.Entry<String, Ranges.Range> e : Ranges.table().entrySet()) {
            String row = "| `" + e.getKey() + "` | " + e.getValue().describe() + " |";
            assertTrue(readme.contains(row), "README lacks the row " + row);
        }
    }
}
