package org.hyparsim.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.hyparsim.core.InputException;

/** An output directory, checked before any long computation starts. */
final class OutputDir {
    private OutputDir() {
    }

    /**
     * Refuses an {@code --out} that names a file, or a place where no directory can be written:
     * the directory is made now and a probe file written and removed in it.
     */
    static void check(Path dir, String option) {
        if (dir == null) {
            return;
        }
        Path abs = dir.toAbsolutePath().normalize();
        if (Files.exists(abs) && !Files.isDirectory(abs)) {
            throw new InputException("command line", option, "'" + dir + "' is a file, not a directory");
        }
        try {
            Files.createDirectories(abs);
            Path probe = Files.createTempFile(abs, ".hypar-sim-probe", ".tmp");
            Files.delete(probe);
        } catch (java.io.IOException | UnsupportedOperationException e) {
            throw new InputException("command line", option, "cannot write into '" + dir + "': "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + " "
                    + e.getMessage()));
        }
    }
}
