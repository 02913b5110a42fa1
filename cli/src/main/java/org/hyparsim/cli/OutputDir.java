package org.hyparsim.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hyparsim.core.InputException;
import org.hyparsim.scenarios.sweep.OutputLock;
import org.hyparsim.scenarios.sweep.SweepJournal;

/**
 * An output directory: its name checked before the input is read ({@link #check}); made, checked
 * for another kind of result and locked for one command only once the input is accepted
 * ({@link #claim}), so that a refused input creates nothing.
 */
final class OutputDir {
    private static final String CLI = "command line";

    private OutputDir() {
    }

    /** The kinds of result a directory may hold, each known by the files it writes. */
    enum Kind {
        RUN("a run's", List.of("runs.json", "summary.csv", "layers.csv", "links.csv", "trace.json")),
        SWEEP("a sweep's", List.of("results.csv", "results.json", SweepJournal.FILE)),
        REPRODUCTION("the reproduction's", List.of("REPORT.md")),
        CHAKRA("a Chakra export's", List.of("groups.json", "system.json", "remote_memory.json"));

        private final String label;
        private final List<String> files;

        Kind(String label, List<String> files) {
            this.label = label;
            this.files = files;
        }
    }

    /**
     * Refuses an {@code --out} that is empty or blank, or names a file; creates nothing.
     */
    static void check(Path dir, String option) {
        if (dir == null) {
            return;
        }
        if (dir.toString().isBlank()) {
            throw new InputException(CLI, option, "an empty directory name: give a directory (. for this one)");
        }
        Path abs = dir.toAbsolutePath().normalize();
        if (Files.exists(abs) && !Files.isDirectory(abs)) {
            throw new InputException(CLI, option, "'" + dir + "' is a file, not a directory");
        }
    }

    /**
     * Makes {@code dir}, checks that it can be written and holds no other kind of result (unless
     * {@code force}), and locks it for this command: the lock is released when it is closed.
     */
    static OutputLock claim(Path dir, String option, Kind kind, boolean force, String command) {
        check(dir, option);
        Path abs = dir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(abs);
            Path probe = Files.createTempFile(abs, ".hypar-sim-probe", ".tmp");
            Files.delete(probe);
        } catch (IOException | UnsupportedOperationException e) {
            throw new InputException(CLI, option, "cannot write into '" + dir + "': " + (e.getMessage() == null
                    ? "not allowed" : e.getMessage()));
        }
        OutputLock lock = OutputLock.acquire(abs, option, command);
        if (!force) {
            for (Kind other : Kind.values()) {
                String found = other == kind ? null : other.files.stream().filter(f -> Files.exists(abs.resolve(f)))
                        .findFirst().orElse(null);
                if (found != null) {
                    lock.close();
                    throw new InputException(CLI, option, "'" + dir + "' holds " + other.label + " results (" + found
                            + "); " + kind.label + " would mix with them: choose another directory, or give --force");
                }
            }
        }
        return lock;
    }
}
