package org.hyparsim.scenarios.sweep;

import java.util.Set;
import java.util.TreeSet;
import org.hyparsim.input.io.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hyparsim.core.InputException;
import org.hyparsim.input.io.InputFiles;
import org.hyparsim.results.AtomicFiles;
import org.hyparsim.results.RowCodec;
import org.hyparsim.results.RunColumn;
import org.hyparsim.results.RunRow;

/**
 * A sweep's result files: results.csv (one row per point and strategy) and results.json (the
 * same rows, with the number of points and the axes). A shard also writes shard.json, naming
 * the shard and the points it ran, which merge uses; the results files of a merge are exactly
 * those of one unsharded run.
 */
public final class SweepOutput {
    private SweepOutput() {
    }

    public static void write(Path dir, Identity id, List<RunRow> rows, String shard, List<Integer> pointsRun)
            throws IOException {
        int totalPoints = id.points();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("points", totalPoints);
        json.put("axes", id.axes());
        json.put("fingerprint", id.fingerprint());
        // perturbed replays' columns where any point asked for them
        List<RunColumn> columns = RunColumn.withSpread(RunColumn.sweep(), RunColumn.anyPerturbed(rows));
        json.put("rows", RowCodec.jsonRows(rows, columns));
        AtomicFiles.write(dir.resolve("results.json"), RowCodec.json().writeValueAsString(json) + "\n");
        AtomicFiles.write(dir.resolve("results.csv"), RowCodec.csv(rows, columns));
        Path shardFile = dir.resolve("shard.json");
        if (shard != null) {
            Map<String, Object> meta = new LinkedHashMap<>();
            meta.put("shard", shard);
            meta.put("points", totalPoints);
            meta.put("pointsRun", pointsRun);
            AtomicFiles.write(shardFile, RowCodec.json().writeValueAsString(meta) + "\n");
        } else {
            Files.deleteIfExists(shardFile);
        }
    }

    /** Which sweep results come from: its number of points, its axes and the fingerprint of its inputs. */
    public record Identity(int points, List<String> axes, Map<String, String> fingerprint) {
    }

    /** What merge joined: the sweep's identity and every row in point order. */
    public record Merged(Identity identity, List<RunRow> rows) {
    }

    /** Joins shard directories into what one unsharded run writes. */
    public static Merged merge(List<Path> dirs) throws IOException {
        Integer total = null;
        List<String> axes = null;
        Map<String, String> fingerprint = null;
        Path first = null;
        List<RunRow> rows = new ArrayList<>();
        Set<Integer> seen = new TreeSet<>();
        for (Path d : dirs) {
            Path f = d.resolve("results.json");
            if (!Files.exists(f)) {
                throw new InputException(d.toString(), "results.json", "missing: not a sweep output directory");
            }
            JsonNode j;
            List<RunRow> theirs;
            try {
                j = RowCodec.json().readTree(f.toFile());
                theirs = j == null || !j.has("rows") ? List.of() : RowCodec.readJsonRows(j.get("rows"));
            } catch (IOException | IllegalArgumentException e) {
                throw new InputException(f.toString(), "", "unreadable: " + Json.ourWords(
                        e.getMessage() == null ? null : e.getMessage().split("\n")[0]));
            }
            if (j == null || !j.has("points") || !j.has("rows") || !j.has("axes")) {
                throw new InputException(f.toString(), "", "not a sweep result (needs points, axes and rows)");
            }
            int t = j.get("points").asInt();
            List<String> ax = new ArrayList<>();
            j.get("axes").forEach(a -> ax.add(a.asText()));
            @SuppressWarnings("unchecked")
            Map<String, String> fp = j.has("fingerprint") ? RowCodec.json().convertValue(j.get("fingerprint"), Map.class)
                    : Map.of();
            if (total == null) {
                total = t;
                axes = ax;
                fingerprint = fp;
                first = f;
            } else if (total != t || !axes.equals(ax)) {
                throw new InputException(f.toString(), "points", "comes from another sweep (" + t + " points, axes "
                        + ax + "; the first directory has " + total + " points, axes " + axes + ")");
            } else if (InputFiles.difference(fingerprint, fp) != null) {
                throw new InputException(f.toString(), "fingerprint", "comes from other inputs than " + first + ": "
                        + InputFiles.difference(fingerprint, fp));
            }
            Set<Integer> here = new TreeSet<>();
            for (RunRow r : theirs) {
                int p = r.point() == null ? -1 : r.point();
                if (seen.contains(p)) {
                    throw new InputException(f.toString(), "rows", "point " + p + " is also in another directory");
                }
                here.add(p);
                rows.add(r);
            }
            seen.addAll(here);
        }
        if (total == null) {
            throw new InputException("command line", "DIR", "name at least one shard directory");
        }
        List<Integer> missing = new ArrayList<>();
        for (int p = 0; p < total && missing.size() < 10; p++) {
            if (!seen.contains(p)) {
                missing.add(p);
            }
        }
        if (!missing.isEmpty()) {
            throw new InputException("command line", "DIR", "the shards do not cover every point: missing " + missing
                    + (missing.size() == 10 ? " and maybe more" : ""));
        }
        rows.sort(Comparator.comparingInt(RunRow::point));
        return new Merged(new Identity(total, axes, fingerprint), rows);
    }
}
