package org.hyparsim.scenarios.sweep;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import org.hyparsim.core.InputException;

/**
 * An output directory held by one command at a time: DIR/.hypar-sim.lock, made atomically, holding
 * the holder's pid, host and command. It is removed when the command ends (and on SIGTERM or
 * Ctrl-C, by a shutdown hook); a lock left by a process that is gone (SIGKILL, a crash) is found
 * stale by its pid on this host and taken over. A lock from another host is never taken over:
 * on a shared file system only its owner knows whether it still runs.
 */
public final class OutputLock implements AutoCloseable {
    public static final String FILE = ".hypar-sim.lock";

    private final Path file;
    private final Thread hook;

    private OutputLock(Path file) {
        this.file = file;
        this.hook = new Thread(this::release, "hypar-sim output lock");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** The holder of a lock, as written in its file. */
    public record Holder(long pid, String host, String command) {
        static Holder parse(String text) {
            if (text.isBlank()) {
                return new Holder(0, thisHost(), "(starting)"); // made, not yet written: a live holder
            }
            String[] f = text.strip().split(" ", 3);
            try {
                return new Holder(Long.parseLong(f[0]), f.length > 1 ? f[1] : "", f.length > 2 ? f[2] : "");
            } catch (NumberFormatException e) {
                return new Holder(-1, "", "");
            }
        }

        String render() {
            return pid + " " + host + " " + command + "\n";
        }

        boolean isGone() {
            return pid < 0 || pid > 0 && host.equals(thisHost()) && ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
        }

        @Override
        public String toString() {
            return "hypar-sim " + command + " (pid " + pid + " on " + host + ")";
        }
    }

    /**
     * Takes {@code dir} (which must exist) for {@code command}, or refuses naming the directory
     * and the holder.
     */
    public static OutputLock acquire(Path dir, String option, String command) {
        Path file = dir.resolve(FILE);
        Holder me = new Holder(ProcessHandle.current().pid(), thisHost(), command);
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                Files.writeString(Files.createFile(file), me.render(), StandardCharsets.UTF_8);
                return new OutputLock(file);
            } catch (FileAlreadyExistsException e) {
                Optional<Holder> h = holder(file);
                if (h.isPresent() && !h.get().isGone()) {
                    throw new InputException("command line", option, "'" + dir + "' is in use by " + h.get()
                            + ": wait for it to end, or choose another directory (remove " + file + " if no such process runs)");
                }
                try {
                    Files.deleteIfExists(file); // stale: its process is gone
                } catch (IOException x) {
                    throw cannot(dir, option, x);
                }
            } catch (IOException e) {
                throw cannot(dir, option, e);
            }
        }
        throw new InputException("command line", option, "'" + dir + "' is being taken by another command at the same time");
    }

    private static InputException cannot(Path dir, String option, IOException e) {
        return new InputException("command line", option, "cannot lock '" + dir + "': " + e.getMessage());
    }

    /**
     * Who holds the lock in {@code file}, or empty when it is gone: a lock just made and not yet
     * written is read again for up to a second, so that the refusal names its holder.
     */
    private static Optional<Holder> holder(Path file) {
        Optional<Holder> h = read(file);
        for (int i = 0; i < 50 && h.isPresent() && h.get().pid() == 0; i++) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            h = read(file);
        }
        if (h.isPresent() && h.get().pid() == 0 && writtenBefore(file, STALE_BLANK_SECONDS)) {
            return Optional.of(new Holder(-1, "", "")); // made long ago and never written: its maker died in between
        }
        return h;
    }

    /** A lock file still blank after this many seconds was left by a command that died before writing it. */
    static final long STALE_BLANK_SECONDS = 10;

    private static boolean writtenBefore(Path file, long seconds) {
        try {
            return Files.getLastModifiedTime(file).toMillis() < System.currentTimeMillis() - 1000 * seconds;
        } catch (IOException e) {
            return false;
        }
    }

    private static Optional<Holder> read(Path file) {
        try {
            return Optional.of(Holder.parse(Files.readString(file, StandardCharsets.UTF_8)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(new Holder(-1, "", ""));
        }
    }

    static String thisHost() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }

    private void release() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // nothing left to do: a stale lock is taken over by the next command
        }
    }

    @Override
    public void close() {
        release();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // shutting down: the hook runs anyway
        }
    }
}
