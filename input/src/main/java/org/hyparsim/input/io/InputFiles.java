package org.hyparsim.input.io;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The input files a reading reads, recorded as they pass the reading policy, and their
 * fingerprint: what a sweep's journal and shards carry so that a resume or a merge cannot mix
 * inputs. Recording is per thread and only inside {@link #recording}.
 */
public final class InputFiles {
    private static final ThreadLocal<Set<Path>> CURRENT = new ThreadLocal<>();
    /** The prefix of a fingerprint's entries that are defaults rather than files ("default linkModel"). */
    public static final String DEFAULT_PREFIX = "default ";

    private InputFiles() {
    }

    static void record(Path file) {
        Set<Path> files = CURRENT.get();
        if (files != null) {
            files.add(file.toAbsolutePath().normalize());
        }
    }

    /** Runs the reading and returns what it made together with the files it read. */
    public static <T> Recorded<T> recording(Supplier<T> reading) {
        Set<Path> previous = CURRENT.get();
        Set<Path> files = new LinkedHashSet<>();
        CURRENT.set(files);
        try {
            T value = reading.get();
            return new Recorded<>(value, Set.copyOf(files));
        } finally {
            CURRENT.set(previous);
            if (previous != null) {
                previous.addAll(files);
            }
        }
    }

    /** A reading's result and the files it read. */
    public record Recorded<T>(T value, Set<Path> files) {
    }

    /**
     * The fingerprint of a run's inputs: each file read (by its path as given relative to the
     * working directory where it can be) with the SHA-256 of its contents, and the tool's
     * version, which fixes the built-in networks and profiles.
     */
    public static Map<String, String> fingerprint(Set<Path> files) {
        Map<String, String> out = new TreeMap<>();
        out.put("hypar-sim", version());
        Path here = Path.of("").toAbsolutePath();
        for (Path f : files) {
            String name = f.startsWith(here) ? here.relativize(f).toString() : f.toString();
            try {
                out.put(name, sha256(Files.readAllBytes(f)));
            } catch (IOException e) {
                out.put(name, "unreadable: " + e.getMessage());
            }
        }
        return out;
    }

    /** The tool's version: the built-in networks and profiles are those of this version. */
    public static String version() {
        String v = InputFiles.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0-SNAPSHOT" : v;
    }

    /** What differs between two fingerprints, in words, or null when they are the same. */
    public static String difference(Map<String, String> expected, Map<String, String> actual) {
        Set<String> keys = new TreeSet<>(expected.keySet());
        keys.addAll(actual.keySet());
        List<String> out = new ArrayList<>();
        for (String k : keys) {
            String a = expected.get(k);
            String b = actual.get(k);
            if (a == null) {
                out.add(k + " is read now but was not");
            } else if (b == null) {
                out.add(k + " was read but is not now");
            } else if (!a.equals(b)) {
                out.add(k.equals("hypar-sim") ? "the tool's version changed (" + a + " -> " + b + ")"
                        : k.startsWith(DEFAULT_PREFIX) ? "the " + k + " changed (" + a + " -> " + b + ")" : k + " changed");
            }
        }
        return out.isEmpty() ? null : String.join("; ", out);
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
