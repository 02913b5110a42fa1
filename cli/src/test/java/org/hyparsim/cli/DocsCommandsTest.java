package org.hyparsim.cli;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Every shell command that README.md and docs/*.md show works as written. A command is a line of
 * a {@code ```sh} block, or a line starting with {@code ./hypar-sim} in any fenced block, with
 * backslash continuations joined and a trailing {@code # comment} dropped. Commands that finish
 * within 60 s run in-process through the command line's own entry point
 * ({@link HyparSimCommand#execute}), outputs redirected to a temporary directory, and must exit
 * with status 0; the long ones ({@link #PARSE_ONLY}) are parsed by picocli's parser only.
 *
 * <p>Lines that do not call {@code ./hypar-sim} are skipped: {@code mvn ...} is the build this
 * test runs in, {@code java -jar benchmarks/...} the JMH microbenchmarks (a measurement, not a
 * test). Paths in commands are relative to the repository root; {@code --out} directories and
 * {@code results/...} paths go under the temporary directory, and a {@code sweep} without
 * {@code --out} gets {@code results/NAME} there, as it would at the root.
 */
class DocsCommandsTest {
    /**
     * Commands that take longer than a test should (or need a cluster), matched by the start of
     * their arguments after {@code ./hypar-sim}: parsed, not run.
     */
    static final List<String> PARSE_ONLY = List.of(
            "reproduce",                                    // the whole evaluation, about a minute on 2 cores
            "bench",                                        // a benchmark: minutes, the largest runs stop at 300 s
            "sweep scenarios/examples/paper-fig6.yaml",     // the ten networks under the paper profile
            "sweep scenarios/examples/paper-fig11.yaml",    // VGG-E from 1 to 64 accelerators
            "run scenarios/examples/gpt2-memory.yaml",      // GPT-2 on 64, six strategies (MemoryFitTest replays it)
            "sweep big.yaml");                              // the cluster example: a placeholder scenario, Slurm's variables

    static final String LAUNCHER = "./hypar-sim";

    @TempDir
    Path tmp;

    /** The repository root: the nearest directory above the working directory (a module's) holding README.md and docs/. */
    static Path root() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("README.md")) && Files.isDirectory(p.resolve("docs"))) {
                return p;
            }
        }
        throw new IllegalStateException("no README.md with docs/ above " + Path.of("").toAbsolutePath());
    }

    /** README.md, then docs/*.md in name order. */
    static List<Path> documents(Path root) throws IOException {
        List<Path> docs = new ArrayList<>();
        docs.add(root.resolve("README.md"));
        try (Stream<Path> s = Files.list(root.resolve("docs"))) {
            s.filter(p -> p.getFileName().toString().endsWith(".md")).sorted().forEach(docs::add);
        }
        return docs;
    }

    /** The shell commands of a Markdown text, as written (continuations joined, comments dropped). */
    static List<String> commands(String markdown) {
        List<String> out = new ArrayList<>();
        boolean inBlock = false;
        boolean shell = false;
        StringBuilder pending = null;
        for (String raw : markdown.split("\n", -1)) {
            String line = raw.strip();
            if (line.startsWith("```")) {
                inBlock = !inBlock;
                shell = inBlock && line.substring(3).strip().equals("sh");
                pending = null;
                continue;
            }
            if (!inBlock) {
                continue;
            }
            if (pending != null) {
                pending.append(' ').append(line);
            } else if (shell || line.startsWith(LAUNCHER)) {
                pending = new StringBuilder(line);
            } else {
                continue;
            }
            if (pending.toString().endsWith("\\")) {
                pending.setLength(pending.length() - 1);
                String kept = pending.toString().strip();
                pending.setLength(0);
                pending.append(kept);
                continue;
            }
            String command = withoutComment(pending.toString()).strip();
            pending = null;
            if (!command.isEmpty()) {
                out.add(command);
            }
        }
        return out;
    }

    private static String withoutComment(String line) {
        int hash = line.indexOf(" #");
        return hash < 0 ? line : line.substring(0, hash);
    }

    /** The arguments after {@code ./hypar-sim}; null for a line that does not call it. */
    static String[] launcherArgs(String command) {
        if (!command.startsWith(LAUNCHER + " ")) {
            return null;
        }
        return command.substring(LAUNCHER.length()).strip().split("\\s+");
    }

    static boolean parseOnly(String[] args) {
        String joined = String.join(" ", args);
        return PARSE_ONLY.stream().anyMatch(p -> joined.equals(p) || joined.startsWith(p + " "));
    }

    /** The arguments with paths made absolute: inputs at the root, outputs under {@code tmp}. */
    String[] localised(Path root, String[] args) {
        List<String> out = new ArrayList<>();
        boolean outNext = false;
        boolean hasOut = false;
        for (String a : args) {
            if (outNext || a.startsWith("results/")) {
                out.add(tmp.resolve(a).toString());
            } else if (!a.startsWith("-") && Files.exists(root.resolve(a))) {
                out.add(root.resolve(a).toString());
            } else {
                out.add(a);
            }
            outNext = a.equals("--out");
            hasOut |= outNext;
        }
        if (args[0].equals("sweep") && !hasOut) {
            String name = Path.of(args[1]).getFileName().toString().replaceFirst("\\.[^.]*$", "");
            out.add("--out");
            out.add(tmp.resolve("results").resolve(name).toString());
        }
        return out.toArray(String[]::new);
    }

    @Test
    void everyCommandInTheDocsRunsOrParses() throws Exception {
        Path root = root();
        int ran = 0;
        int parsed = 0;
        for (Path doc : documents(root)) {
            for (String command : commands(Files.readString(doc))) {
                String[] args = launcherArgs(command);
                if (args == null) {
                    continue; // mvn, java -jar benchmarks: see the class comment
                }
                String where = root.relativize(doc) + ": " + command;
                if (parseOnly(args)) {
                    String[] local = localised(root, args);
                    assertDoesNotThrow(() -> new CommandLine(new HyparSimCommand()).parseArgs(local), where);
                    parsed++;
                } else {
                    Cli r = Cli.run(localised(root, args));
                    assertEquals(0, r.status(), where + "\n" + r.err());
                    ran++;
                }
            }
        }
        assertTrue(ran >= 10, "commands run: " + ran);
        assertTrue(parsed >= 3, "commands parsed: " + parsed);
    }

    @Test
    void everyParseOnlyEntryIsInTheDocs() throws Exception {
        List<String> all = new ArrayList<>();
        for (Path doc : documents(root())) {
            commands(Files.readString(doc)).stream().map(DocsCommandsTest::launcherArgs)
                    .filter(a -> a != null).map(a -> String.join(" ", a)).forEach(all::add);
        }
        for (String p : PARSE_ONLY) {
            assertTrue(all.stream().anyMatch(c -> c.equals(p) || c.startsWith(p + " ")), "no command in the docs starts " + p);
        }
    }

    @Test
    void theReadmeIsAManualWithTheTwoCommandsFirst() throws Exception {
        List<String> lines = Files.readAllLines(root().resolve("README.md"));
        assertTrue(lines.size() <= 200, "README.md has " + lines.size() + " lines");
        List<String> first = commands(String.join("\n", lines)).subList(0, 2);
        assertEquals(List.of("./hypar-sim reproduce", "mvn -B verify"), first);
    }

    @Test
    void commandsAreFoundAsWritten() {
        String md = String.join("\n", "text `./hypar-sim networks` in prose", "```sh",
                "./hypar-sim plan --network VGG-E \\", "    --accelerators 16   # a comment", "mvn -B verify", "```",
                "```", "#SBATCH --array=1-8", "./hypar-sim sweep big.yaml --shard 1/8", "```");
        assertEquals(List.of("./hypar-sim plan --network VGG-E --accelerators 16", "mvn -B verify",
                "./hypar-sim sweep big.yaml --shard 1/8"), commands(md));
        assertFalse(parseOnly(launcherArgs("./hypar-sim networks")));
        assertTrue(parseOnly(launcherArgs("./hypar-sim reproduce --quick --out x")));
        assertEquals(List.of("sweep", "a.yaml"), Arrays.asList(launcherArgs("./hypar-sim sweep  a.yaml")));
    }
}
