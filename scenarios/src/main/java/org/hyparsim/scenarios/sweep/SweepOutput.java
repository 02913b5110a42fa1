package org.hyparsim.scenarios.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hyparsim.core.InputException;
import org.hyparsim.results.AtomicFiles;
import org.hyparsim.results.Csv;
import org.hyparsim.scenarios.io.Json;

/**
 * A sweep's result files: results.csv (one row per point and strategy) and results.json (the
 * same rows, with the number of points and the axes). A shard also writes shard.json, naming
 * the shard and the points it ran, which merge uses; the results files of a merge are exactly
 * those of one unsharded run.
 */
public final class SweepOutput {
    private SweepOutput() {
    }

    public static void write(Path dir, int totalPoints, List<String> axes, List<Map<String, Object>> rows,
            String shard, List<Integer> pointsRun) throws IOException {
        rows = normalise(rows);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("points", totalPoints);
        json.put("axes", axes);
        json.put("rows", rows);
        AtomicFiles.write(dir.resolve("results.json"), Json.writer().writeValueAsString(json) + "\n");
        AtomicFiles.write(dir.resolve("results.csv"), Csv.of(rows));
        Path shardFile = dir.resolve("shard.json");
        if (shard != null) {
            Map<String, Object> meta = new LinkedHashMap<>();
            meta.put("shard", shard);
            meta.put("points", totalPoints);
            meta.put("pointsRun", pointsRun);
            AtomicFiles.write(shardFile, Json.writer().writeValueAsString(meta) + "\n");
        } else {
            Files.deleteIfExists(shardFile);
        }
    }

    /**
     * The rows as they read back from JSON, so that rows computed now and rows read from a
     * journal or a shard are written identically.
     */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> normalise(List<Map<String, Object>> rows) throws IOException {
        ObjectMapper m = new ObjectMapper();
        return m.readValue(m.writeValueAsString(rows), List.class);
    }

    /** Joins shard directories into what one unsharded run writes. */
    public static List<Map<String, Object>> merge(List<Path> dirs, int[] totalOut, List<String> axesOut) throws IOException {
        ObjectMapper m = new ObjectMapper();
        Integer total = null;
        List<String> axes = null;
        List<Map<String, Object>> rows = new ArrayList<>();
        java.util.Set<Integer> seen = new java.util.TreeSet<>();
        for (Path d : dirs) {
            Path f = d.resolve("results.json");
            if (!Files.exists(f)) {
                throw new InputException(d.toString(), "results.json", "missing: not a sweep output directory");
            }
            JsonNode j;
            try {
                j = m.readTree(f.toFile());
            } catch (IOException e) {
                throw new InputException(f.toString(), "", "unreadable: " + e.getMessage());
            }
            if (j == null || !j.has("points") || !j.has("rows") || !j.has("axes")) {
                throw new InputException(f.toString(), "", "not a sweep result (needs points, axes and rows)");
            }
            int t = j.get("points").asInt();
            List<String> ax = new ArrayList<>();
            j.get("axes").forEach(a -> ax.add(a.asText()));
            if (total == null) {
                total = t;
                axes = ax;
            } else if (total != t || !axes.equals(ax)) {
                throw new InputException(f.toString(), "points", "comes from another sweep (" + t + " points, axes "
                        + ax + "; the first directory has " + total + " points, axes " + axes + ")");
            }
            java.util.Set<Integer> here = new java.util.TreeSet<>();
            for (JsonNode row : j.get("rows")) {
                @SuppressWarnings("unchecked")
                Map<String, Object> r = m.convertValue(row, LinkedHashMap.class);
                int p = row.get("point").asInt();
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
        rows.sort(Comparator.comparingInt(r -> ((Number) r.get("point")).intValue()));
        totalOut[0] = total;
        axesOut.addAll(axes);
        return rows;
    }
}
