package org.hyparsim.scenarios.sweep;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hyparsim.core.workload.Network;
import org.hyparsim.results.CsvReader;
import org.hyparsim.results.charts.ChartFiles;
import org.hyparsim.results.charts.Charts;
import org.hyparsim.scenarios.networks.NetworkCatalog;
import org.jfree.chart.JFreeChart;

/**
 * The charts a sweep's axes support, drawn from its results.csv: performance and energy
 * efficiency normalised to dp, communication per step, the step-time breakdown, scalability
 * when the array size varies, the topology comparison when the topology varies, and the
 * partition map of HyPar's plans.
 */
public final class ChartSet {
    private static final List<String> FIELDS = List.of("network", "batch", "accelerators", "topology", "hardware",
            "schedule", "linkModel");

    private ChartSet() {
    }

    public static List<Path> drawFromResults(Path dir) throws IOException {
        String csv = Files.readString(dir.resolve("results.csv"), StandardCharsets.UTF_8);
        List<Map<String, String>> rows = new ArrayList<>();
        for (Map<String, String> r : CsvReader.parse(csv)) {
            if (r.getOrDefault("error", "").isEmpty()) {
                rows.add(r);
            }
        }
        return draw(rows, dir);
    }

    public static List<Path> draw(List<Map<String, String>> rows, Path dir) throws IOException {
        List<Path> out = new ArrayList<>();
        if (rows.isEmpty()) {
            return out;
        }
        rows = shortenHardware(rows);
        List<String> varying = new ArrayList<>();
        for (String f : FIELDS) {
            if (distinct(rows, f).size() > 1) {
                varying.add(f);
            }
        }
        List<String> strategies = distinct(rows, "strategy");
        Map<String, Map<String, Map<String, String>>> byCategory = new LinkedHashMap<>();
        for (Map<String, String> r : rows) {
            byCategory.computeIfAbsent(category(r, varying), k -> new LinkedHashMap<>()).put(r.get("strategy"), r);
        }
        List<String> categories = new ArrayList<>(byCategory.keySet());
        String categoryLabel = varying.isEmpty() ? "network" : String.join(", ", varying);
        if (strategies.contains("dp") && strategies.size() > 1) {
            out.addAll(ChartFiles.save(Charts.note(Charts.bars("Performance normalised to data parallelism", categoryLabel,
                    "speedup over dp (x, log scale)", categories, ratio(byCategory, categories, strategies,
                            "stepTimeSeconds", true), true), "dp step time / strategy step time"), dir, "performance"));
            out.addAll(ChartFiles.save(Charts.note(Charts.bars("Energy efficiency normalised to data parallelism",
                    categoryLabel, "energy efficiency over dp (x, log scale)", categories, ratio(byCategory, categories,
                            strategies, "energyJoules", true), true), "dp energy / strategy energy per step"), dir, "energy"));
        }
        Map<String, double[]> comm = values(byCategory, categories, strategies, "communicationBytes", 1e-9);
        if (comm.values().stream().anyMatch(v -> java.util.Arrays.stream(v).anyMatch(x -> x > 0))) {
            out.addAll(ChartFiles.save(Charts.bars("Communication per training step", categoryLabel,
                    "bytes exchanged per step (GB, log scale)", categories, comm, true), dir, "communication"));
        }
        out.addAll(breakdown(rows, varying, dir));
        if (varying.contains("accelerators")) {
            out.addAll(scalability(rows, varying, strategies, dir));
        }
        if (varying.contains("topology") && strategies.contains("dp") && strategies.contains("hypar")) {
            out.addAll(topology(rows, varying, dir));
        }
        out.addAll(partitionMaps(rows, dir));
        return out;
    }

    private static List<Path> breakdown(List<Map<String, String>> rows, List<String> varying, Path dir) throws IOException {
        List<Map<String, String>> shown = rows.size() > 40 ? rows.subList(0, 40) : rows;
        List<String> labels = new ArrayList<>();
        double[] compute = new double[shown.size()];
        double[] stall = new double[shown.size()];
        double[] exposed = new double[shown.size()];
        double max = 0;
        for (Map<String, String> r : shown) {
            max = Math.max(max, num(r, "stepTimeSeconds"));
        }
        double scale = max < 1e-3 ? 1e6 : max < 1 ? 1e3 : 1;
        String unit = max < 1e-3 ? "us" : max < 1 ? "ms" : "s";
        for (int i = 0; i < shown.size(); i++) {
            Map<String, String> r = shown.get(i);
            labels.add(category(r, varying) + " " + r.get("strategy"));
            compute[i] = num(r, "computeSeconds") * scale;
            stall[i] = num(r, "memoryStallSeconds") * scale;
            exposed[i] = num(r, "exposedCommunicationSeconds") * scale;
        }
        Map<String, double[]> parts = new LinkedHashMap<>();
        parts.put("compute", compute);
        parts.put("memory stall", stall);
        parts.put("exposed communication", exposed);
        JFreeChart c = Charts.stacked("Step time breakdown (critical accelerator)", "run", "time per step (" + unit + ")",
                labels, parts);
        if (rows.size() > shown.size()) {
            Charts.note(c, "first 40 of " + rows.size() + " runs");
        }
        return ChartFiles.save(c, dir, "breakdown");
    }

    private static List<Path> scalability(List<Map<String, String>> rows, List<String> varying, List<String> strategies,
            Path dir) throws IOException {
        List<String> others = new ArrayList<>(varying);
        others.remove("accelerators");
        // the first group of the other fields
        String first = category(rows.get(0), others);
        List<Map<String, String>> group = rows.stream().filter(r -> category(r, others).equals(first)).toList();
        List<String> sizes = distinct(group, "accelerators");
        sizes.sort((a, b) -> Integer.compare(Integer.parseInt(a), Integer.parseInt(b)));
        Map<String, double[]> gains = new LinkedHashMap<>();
        Map<String, double[]> comm = new LinkedHashMap<>();
        for (String s : strategies) {
            double[] g = new double[sizes.size()];
            double[] c = new double[sizes.size()];
            double base = Double.NaN;
            for (int i = 0; i < sizes.size(); i++) {
                String n = sizes.get(i);
                Map<String, String> r = group.stream().filter(x -> x.get("strategy").equals(s)
                        && x.get("accelerators").equals(n)).findFirst().orElse(null);
                if (r == null) {
                    g[i] = Double.NaN;
                    continue;
                }
                if (Double.isNaN(base)) {
                    base = num(r, "stepTimeSeconds");
                }
                g[i] = base / num(r, "stepTimeSeconds");
                c[i] = num(r, "communicationBytes") / 1e9;
            }
            gains.put(s, g);
            comm.put(s, c);
        }
        JFreeChart chart = Charts.scalability("Scalability" + (first.isEmpty() ? "" : ": " + first), sizes, gains, comm);
        Charts.note(chart, "bars: step-time gain over " + sizes.get(0) + " accelerator(s); dashed lines: communication");
        return ChartFiles.save(chart, dir, "scalability");
    }

    private static List<Path> topology(List<Map<String, String>> rows, List<String> varying, Path dir) throws IOException {
        List<String> others = new ArrayList<>(varying);
        others.remove("topology");
        List<String> topologies = distinct(rows, "topology");
        Map<String, Map<String, Double>> speed = new LinkedHashMap<>();
        for (Map<String, String> r : rows) {
            if (!r.get("strategy").equals("hypar")) {
                continue;
            }
            Map<String, String> dp = rows.stream().filter(x -> x.get("strategy").equals("dp")
                    && category(x, varying).equals(category(r, varying))).findFirst().orElse(null);
            if (dp != null) {
                speed.computeIfAbsent(category(r, others).isEmpty() ? r.get("network") : category(r, others),
                        k -> new LinkedHashMap<>()).put(r.get("topology"), num(dp, "stepTimeSeconds") / num(r, "stepTimeSeconds"));
            }
        }
        List<String> cats = new ArrayList<>(speed.keySet());
        Map<String, double[]> series = new LinkedHashMap<>();
        for (String t : topologies) {
            double[] v = new double[cats.size()];
            for (int i = 0; i < cats.size(); i++) {
                v[i] = speed.get(cats.get(i)).getOrDefault(t, Double.NaN);
            }
            series.put(t, v);
        }
        JFreeChart c = Charts.bars("HyPar on each topology, normalised to dp on the same topology",
                others.isEmpty() ? "network" : String.join(", ", others), "speedup over dp (x, log scale)", cats, series, true);
        return ChartFiles.save(c, dir, "topology");
    }

    private static List<Path> partitionMaps(List<Map<String, String>> rows, Path dir) throws IOException {
        List<Path> out = new ArrayList<>();
        Map<String, Map<String, String>> largest = new LinkedHashMap<>();
        for (Map<String, String> r : rows) {
            if (!r.get("strategy").equals("hypar") || r.getOrDefault("plan", "").isEmpty()) {
                continue;
            }
            Map<String, String> prev = largest.get(r.get("network"));
            if (prev == null || num(r, "accelerators") > num(prev, "accelerators")) {
                largest.put(r.get("network"), r);
            }
        }
        int drawn = 0;
        for (Map.Entry<String, Map<String, String>> e : largest.entrySet()) {
            if (drawn++ == 4) {
                break;
            }
            List<List<String>> plan = expand(e.getValue().get("plan"));
            Network net = NetworkCatalog.builtIn().get(e.getKey());
            List<String> layers = new ArrayList<>();
            for (int l = 0; l < plan.get(0).size(); l++) {
                layers.add(net != null && net.size() == plan.get(0).size() ? net.layer(l).name() : "L" + (l + 1));
            }
            JFreeChart c = Charts.partitionMap("HyPar's partition of " + e.getKey() + " on "
                    + e.getValue().get("accelerators") + " accelerators", layers, plan);
            out.addAll(ChartFiles.save(c, dir, "partition-" + e.getKey().replaceAll("[^A-Za-z0-9_-]", "_")));
        }
        return out;
    }

    /**
     * Hardware labels without the part all rows share ("hmc-rs+linkBandwidthGBps=2" and
     * "hmc-rs+linkBandwidthGBps=30" become "linkBandwidthGBps=2" and "...=30"), for chart labels.
     */
    static List<Map<String, String>> shortenHardware(List<Map<String, String>> rows) {
        List<String> values = distinct(rows, "hardware");
        if (values.size() < 2) {
            return rows;
        }
        String prefix = values.get(0);
        for (String v : values) {
            int i = 0;
            while (i < prefix.length() && i < v.length() && prefix.charAt(i) == v.charAt(i)) {
                i++;
            }
            prefix = prefix.substring(0, i);
        }
        int cut = prefix.lastIndexOf('+') + 1;
        if (cut == 0) {
            return rows;
        }
        List<Map<String, String>> out = new ArrayList<>();
        for (Map<String, String> r : rows) {
            Map<String, String> m = new LinkedHashMap<>(r);
            m.put("hardware", r.get("hardware").substring(cut));
            out.add(m);
        }
        return out;
    }

    /** "ddm/dmm" back to [["dp","dp","mp"],["dp","mp","mp"]]. */
    public static List<List<String>> expand(String compact) {
        List<List<String>> plan = new ArrayList<>();
        for (String level : compact.split("/")) {
            List<String> row = new ArrayList<>();
            for (char c : level.toCharArray()) {
                row.add(c == 'm' ? "mp" : "dp");
            }
            plan.add(row);
        }
        return plan;
    }

    private static Map<String, double[]> ratio(Map<String, Map<String, Map<String, String>>> byCategory,
            List<String> categories, List<String> strategies, String field, boolean dpOverStrategy) {
        Map<String, double[]> out = new LinkedHashMap<>();
        for (String s : strategies) {
            double[] v = new double[categories.size()];
            for (int i = 0; i < categories.size(); i++) {
                Map<String, Map<String, String>> c = byCategory.get(categories.get(i));
                v[i] = c.containsKey("dp") && c.containsKey(s) ? num(c.get("dp"), field) / num(c.get(s), field) : Double.NaN;
            }
            out.put(s, v);
        }
        return out;
    }

    private static Map<String, double[]> values(Map<String, Map<String, Map<String, String>>> byCategory,
            List<String> categories, List<String> strategies, String field, double scale) {
        Map<String, double[]> out = new LinkedHashMap<>();
        for (String s : strategies) {
            double[] v = new double[categories.size()];
            for (int i = 0; i < categories.size(); i++) {
                Map<String, String> r = byCategory.get(categories.get(i)).get(s);
                v[i] = r == null ? Double.NaN : num(r, field) * scale;
            }
            out.put(s, v);
        }
        return out;
    }

    private static String category(Map<String, String> r, List<String> fields) {
        if (fields.isEmpty()) {
            return r.get("network");
        }
        List<String> parts = new ArrayList<>();
        for (String f : fields) {
            parts.add(f.equals("accelerators") ? r.get(f) + " acc" : r.get(f));
        }
        return String.join(" ", parts);
    }

    private static List<String> distinct(List<Map<String, String>> rows, String field) {
        Set<String> s = new LinkedHashSet<>();
        for (Map<String, String> r : rows) {
            s.add(r.get(field));
        }
        return new ArrayList<>(s);
    }

    private static double num(Map<String, String> r, String field) {
        String v = r.get(field);
        return v == null || v.isEmpty() ? Double.NaN : Double.parseDouble(v);
    }
}
