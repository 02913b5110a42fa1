package org.hyparsim.scenarios.sweep;

import java.nio.file.StandardCopyOption;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hyparsim.core.InputException;
import org.hyparsim.input.io.InputFiles;
import org.hyparsim.results.RowCodec;
import org.hyparsim.results.RunColumn;
import org.hyparsim.results.RunRow;

/**
 * The durable record of a sweep in progress: DIR/sweep-journal.jsonl, a header line naming the
 * scenario (a digest of its file) and the shard, then one line per finished point with its
 * rows, each forced to disk before the next. A sweep killed at any moment (SIGTERM or SIGKILL)
 * continues with --resume from what the journal holds; a torn last line is ignored, and so is a
 * failed point, which --resume runs again. The journal is removed once the results files are in
 * place, unless a point failed: then it stays, so that --resume retries exactly those points.
 */
public final class SweepJournal implements SweepRunner.PointSink, AutoCloseable {
    public static final String FILE = "sweep-journal.jsonl";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path file;
    private final FileChannel channel;
    private final OutputStream out;
    private final Map<Integer, List<RunRow>> done;

    private SweepJournal(Path file, FileChannel channel, Map<Integer, List<RunRow>> done) {
        this.file = file;
        this.channel = channel;
        this.out = Channels.newOutputStream(channel);
        this.done = done;
    }

    /** The identity of a sweep: the fingerprint of everything it read, the shard and the number of points. */
    public static Map<String, Object> header(Map<String, String> fingerprint, String shard, int points) {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("fingerprint", fingerprint);
        h.put("shard", shard == null ? "" : shard);
        h.put("points", points);
        return h;
    }

    /**
     * Opens the journal in {@code dir}: a new one, or with {@code resume} the one there, whose
     * finished points are then in {@link #finished()}.
     */
    @SuppressWarnings("unchecked")
    public static SweepJournal open(Path dir, Map<String, Object> header, boolean resume) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(FILE);
        Map<Integer, List<RunRow>> done = new TreeMap<>();
        if (resume) {
            if (!Files.exists(file)) {
                throw new InputException(dir.toString(), FILE, "nothing to resume: no journal here (the sweep finished, "
                        + "or never started in this directory)");
            }
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            JsonNode h = lines.isEmpty() ? null : parse(lines.get(0));
            if (h == null || !h.has("fingerprint") || !h.has("shard") || !h.has("points")) {
                throw new InputException(file.toString(), "header", "not a journal of this version; run without "
                        + "--resume to start again");
            }
            @SuppressWarnings("unchecked")
            Map<String, String> theirs = MAPPER.convertValue(h.get("fingerprint"), Map.class);
            @SuppressWarnings("unchecked")
            String changed = InputFiles.difference(theirs, (Map<String, String>) header.get("fingerprint"));
            if (changed != null) {
                throw new InputException(file.toString(), "fingerprint", "the inputs changed since the journal was "
                        + "written: " + changed + "; run without --resume to start again");
            }
            if (!h.get("shard").asText().equals(header.get("shard")) || h.get("points").asInt() != (int) header.get("points")) {
                throw new InputException(file.toString(), "header", "the journal belongs to shard '" + h.get("shard").asText()
                        + "' of " + h.get("points").asInt() + " points, not shard '" + header.get("shard") + "' of "
                        + header.get("points") + "; run without --resume to start again");
            }
            for (int i = 1; i < lines.size(); i++) {
                JsonNode line = parse(lines.get(i));
                if (line == null || !line.has("point") || !line.has("rows")) {
                    continue; // a line torn by a kill
                }
                try {
                    List<RunRow> rows = RowCodec.readJsonRows(line.get("rows"));
                    if (rows.stream().allMatch(RunRow::ok)) {
                        done.put(line.get("point").asInt(), rows); // a failed point runs again
                    }
                } catch (IOException | IllegalArgumentException e) {
                    continue; // a line torn by a kill
                }
            }
            // rewrite without a torn tail, then append
            StringBuilder sb = new StringBuilder(MAPPER.writeValueAsString(header)).append('\n');
            for (Map.Entry<Integer, List<RunRow>> e : done.entrySet()) {
                sb.append(line(e.getKey(), e.getValue())).append('\n');
            }
            Path tmp = dir.resolve(FILE + ".tmp");
            Files.writeString(tmp, sb.toString(), StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } else {
            Files.writeString(file, MAPPER.writeValueAsString(header) + "\n", StandardCharsets.UTF_8);
        }
        FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        ch.force(true);
        return new SweepJournal(file, ch, done);
    }

    /** Points finished before this run (on --resume), with their rows. */
    public Map<Integer, List<RunRow>> finished() {
        return done;
    }

    @Override
    public synchronized void pointFinished(int point, List<RunRow> rows) throws IOException {
        out.write((line(point, rows) + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        channel.force(false);
    }

    private static String line(int point, List<RunRow> rows) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("point", point);
        m.put("rows", RowCodec.jsonRows(rows, RunColumn.withSpread(RunColumn.sweep(), RunColumn.anyPerturbed(rows))));
        return RowCodec.jsonLine(m);
    }

    private static JsonNode parse(String line) {
        try {
            return MAPPER.readTree(line);
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Closes the journal and removes it (the results files are in place), unless a point failed:
     * then it stays for --resume, which runs those points again.
     */
    public void finish(boolean anyFailed) throws IOException {
        close();
        if (!anyFailed) {
            Files.deleteIfExists(file);
        }
    }

    @Override
    public void close() throws IOException {
        if (channel.isOpen()) {
            channel.close();
        }
    }
}
