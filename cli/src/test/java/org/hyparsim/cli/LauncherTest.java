package org.hyparsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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

    /**
     * The launcher's throughput collector is left out wherever another is named, also through the
     * JVM's own JAVA_TOOL_OPTIONS or JDK_JAVA_OPTIONS: two collectors stop the JVM ("Multiple garbage
     * collectors selected"). The launcher's lines that choose it are run in bash with each setting.
     */
    @Test
    void noSecondCollectorWhereOneIsNamed() throws Exception {
        List<String> lines = Files.readAllLines(Path.of("..", "hypar-sim"));
        int from = 0;
        while (!lines.get(from).startsWith("gc=(")) {
            from++;
        }
        int to = from + 1;
        while (!lines.get(to).equals("fi") && !lines.get(to).equals("esac")) {
            to++;
        }
        String choose = String.join("\n", lines.subList(from, to + 1)) + "\necho \"${gc[*]:-}\"";
        String parallel = "-XX:+UseParallelGC";
        Map<String, String> named = Map.of("JAVA_TOOL_OPTIONS", "-XX:+UseSerialGC", "JDK_JAVA_OPTIONS", "-XX:+UseG1GC",
                "HYPAR_SIM_JAVA_OPTS", "-Xmx1g -XX:+UseZGC");
        for (Map.Entry<String, String> e : named.entrySet()) {
            assertEquals("", collector(choose, e.getKey(), e.getValue()), e.getKey() + "=" + e.getValue());
        }
        assertEquals(parallel, collector(choose, "HYPAR_SIM_JAVA_OPTS", "-Xmx1g"));
        assertEquals(parallel, collector(choose, "HYPAR_SIM_JAVA_OPTS", "-XX:+UseLargePages -XX:+PrintGCDetails"),
                "no collector named");
    }

    /** What the launcher's lines {@code choose} leave in gc with {@code name} set to {@code value} (the others unset). */
    private static String collector(String choose, String name, String value) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", choose).redirectErrorStream(true);
        for (String v : List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "HYPAR_SIM_JAVA_OPTS")) {
            pb.environment().remove(v);
        }
        pb.environment().put(name, value);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, p.waitFor(), out);
        return out;
    }
}
