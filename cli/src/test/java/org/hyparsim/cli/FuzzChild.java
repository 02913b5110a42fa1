package org.hyparsim.cli;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The child JVM of {@link CommandFuzzProperties}: reads one command line a line (each argument in
 * Base64, separated by spaces), runs it as the command line would, and answers with a line "status
 * out err" (the two texts in Base64). Started with a small heap, so that a draw that needs more
 * memory than a small machine has meets the out-of-memory path, not the test JVM's heap.
 */
public final class FuzzChild {
    private FuzzChild() {
    }

    public static void main(String[] ignored) throws IOException {
        PrintStream answers = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String[] parts = line.split(" ", -1);
            String[] args = new String[parts.length];
            for (int i = 0; i < parts.length; i++) {
                args[i] = decode(parts[i]);
            }
            Cli r = Cli.run(args);
            answers.println(r.status() + " " + encode(r.out()) + " " + encode(r.err()));
        }
    }

    static String encode(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    static String decode(String s) {
        return new String(Base64.getDecoder().decode(s), StandardCharsets.UTF_8);
    }
}
