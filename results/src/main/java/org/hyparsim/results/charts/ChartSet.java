package org.hyparsim.results.charts;

import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.regex.Pattern;
import org.hyparsim.core.InputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.hyparsim.core.kind.StrategyKind;
import org.hyparsim.results.RowCodec;
import org.hyparsim.results.RunColumn;
import org.hyparsim.results.RunRow;
import org.jfree.chart.JFreeChart;

/**
 * The charts a sweep's axes support, drawn from its rows: performance and energy efficiency
 * normalised to dp, communication per step, the step-time breakdown, scalability when the array
 * size varies, the topology comparison when the topology varies, and the partition map of
 * HyPar's plans.
 */
public final class ChartSet {
    /** The run columns that can vary across a sweep, in the order they name a category. */
    private static final List<RunColumn> FIELDS = List.of(RunColumn.NETWORK, RunColumn.BATCH, RunColumn.ACCELERATORS,
            RunColumn.TOPOLOGY, RunColumn.HARDWARE, RunColumn.SCHEDULE, RunColumn.PHASE, RunColumn.LINK_MODEL,
            RunColumn.COLLECTIVE);
    /** Runs shown in the breakdown chart. */
    static final int MAX_BREAKDOWN_RUNS = 40;

    private ChartSet() {
    }

    /** The charts of a sweep directory's results.csv (its failed rows left out), written beside it. */
    public static List<Path> drawFromResults(Path dir) throws IOException {
        Path file = dir.resolve("results.csv");
        String csv = Files.readString(file, StandardCharsets.UTF_8);
        List<RunRow> rows = new ArrayList<>();
        List<RunRow> read;
        try {
            read = RowCodec.readCsv(csv);
        } catch (IOException e) {
            throw new InputException(file.toString(), "", "not a complete results table ("
                    + e.getMessage().split("\n")[0] + "); run the sweep again, or merge its shards again");
        }
        for (RunRow r : read) {
            if (r.ok()) {
                rows.add(r);
            }
        }
        return draw(rows, dir);
    }

    /** Speedup of each strategy over dp, per category: dp's value / the strategy's (NaN where either is missing). */
    public static Map<StrategyKind, double[]> overDp(Map<String, Map<StrategyKind, RunRow>> byCategory,
            List<StrategyKind> strategies, RunColumn column) {
        Map<StrategyKind, double[]> out = new LinkedHashMap<>();
        List<String> categories = new ArrayList<>(byCategory.keySet());
        for (StrategyKind s : strategies) {
            double[] v = new double[categories.size()];
            for (int i = 0; i < categories.size(); i++) {
                Map<StrategyKind, RunRow> c = byCategory.get(categories.get(i));
                v[i] = c.containsKey(StrategyKind.DP) && c.containsKey(s)
                        ? c.get(StrategyKind.DP).value(column) / c.get(s).value(column) : Double.NaN;
            }
            out.put(s, v);
        }
        return out;
    }

    /** The chart files a sweep directory owns: what a redraw replaces, and removes when it no longer draws it. */
    static final Pattern OWNED = Pattern.compile(
            "(performance|energy|communication|breakdown|breakdown-share|scalability|topology|partition-.+)\\.(png|svg)");

    /** Draws the charts the rows support into {@code dir} and removes the charts of an earlier run it did not redraw. */
    public static List<Path> draw(List<RunRow> rows, Path dir) throws IOException {
        List<Path> out = drawCharts(rows, dir);
        Set<Path> drawn = new HashSet<>(out);
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                if (OWNED.matcher(f.getFileName().toString()).matches() && !drawn.contains(f)) {
                    Files.deleteIfExists(f);
                }
            }
        }
        return out;
    }

    private static List<Path> drawCharts(List<RunRow> rows, Path dir) throws IOException {
        List<Path> out = new ArrayList<>();
        if (rows.isEmpty()) {
            return out;
        }
        Map<RunRow, String> hardware = shortHardware(rows);
        Labeller label = (r, fields) -> category(r, fields, hardware);
        List<RunColumn> varying = new ArrayList<>();
        for (RunColumn f : FIELDS) {
            if (distinct(rows, r -> String.valueOf(f.get(r))).size() > 1) {
                varying.add(f);
            }
        }
        List<StrategyKind> strategies = distinct(rows, r -> r.run().strategy());
        Map<String, Map<StrategyKind, RunRow>> byCategory = new LinkedHashMap<>();
        for (RunRow r : rows) {
            byCategory.computeIfAbsent(label.of(r, varying), k -> new LinkedHashMap<>()).put(r.run().strategy(), r);
        }
        List<String> categories = new ArrayList<>(byCategory.keySet());
        String categoryLabel = varying.isEmpty() ? "network"
                : String.join(", ", varying.stream().map(RunColumn::header).toList());
        if (strategies.contains(StrategyKind.DP) && strategies.size() > 1) {
            out.addAll(ChartFiles.save(Charts.note(Charts.bars("Performance normalised to data parallelism", categoryLabel,
                    "speedup over dp (x, log scale)", categories, named(overDp(byCategory, strategies,
                            RunColumn.STEP_TIME)), true), "dp step time / strategy step time"), dir, "performance"));
            out.addAll(ChartFiles.save(Charts.note(Charts.bars("Energy efficiency normalised to data parallelism",
                    categoryLabel, "energy efficiency over dp (x, log scale)", categories, named(overDp(byCategory,
                            strategies, RunColumn.ENERGY)), true), "dp energy / strategy energy per step"), dir, "energy"));
        }
        Map<String, double[]> comm = new LinkedHashMap<>();
        for (StrategyKind s : strategies) {
            comm.put(s.label(), categories.stream().mapToDouble(c -> {
                RunRow r = byCategory.get(c).get(s);
                return r == null ? Double.NaN : r.value(RunColumn.COMMUNICATION_BYTES) * 1e-9;
            }).toArray());
        }
        if (comm.values().stream().anyMatch(v -> Arrays.stream(v).anyMatch(x -> x > 0))) {
            out.addAll(ChartFiles.save(Charts.bars("Communication per training step", categoryLabel,
                    "bytes exchanged per step (GB, log scale)", categories, comm, true), dir, "communication"));
        }
        out.addAll(breakdown(rows, varying, label, dir));
        if (varying.contains(RunColumn.ACCELERATORS)) {
            out.addAll(scalability(rows, varying, strategies, label, dir));
        }
        if (varying.contains(RunColumn.TOPOLOGY) && strategies.contains(StrategyKind.DP)
                && strategies.contains(StrategyKind.HYPAR)) {
            out.addAll(topology(rows, varying, label, dir));
        }
        out.addAll(partitionMaps(rows, dir));
        return out;
    }

    /** A category's label from the given columns of a row. */
    private interface Labeller {
        String of(RunRow r, List<RunColumn> fields);
    }

    private static Map<String, double[]> named(Map<StrategyKind, double[]> byStrategy) {
        Map<String, double[]> out = new LinkedHashMap<>();
        byStrategy.forEach((k, v) -> out.put(k.label(), v));
        return out;
    }

    private static List<Path> breakdown(List<RunRow> rows, List<RunColumn> varying, Labeller label, Path dir)
            throws IOException {
        List<RunRow> shown = rows.size() > MAX_BREAKDOWN_RUNS ? rows.subList(0, MAX_BREAKDOWN_RUNS) : rows;
        List<String> labels = new ArrayList<>();
        Map<String, double[]> parts = new LinkedHashMap<>();
        parts.put("compute", new double[shown.size()]);
        parts.put("memory stall", new double[shown.size()]);
        parts.put("exposed communication", new double[shown.size()]);
        for (int i = 0; i < shown.size(); i++) {
            RunRow r = shown.get(i);
            labels.add(label.of(r, varying) + " " + r.run().strategy().label());
            parts.get("compute")[i] = r.value(RunColumn.COMPUTE);
            parts.get("memory stall")[i] = r.value(RunColumn.MEMORY_STALL);
            parts.get("exposed communication")[i] = r.value(RunColumn.EXPOSED_COMMUNICATION);
        }
        List<Path> out = new ArrayList<>();
        for (boolean shares : new boolean[] {false, true}) {
            JFreeChart c = Charts.breakdown("Step time breakdown (critical accelerator)", "run", labels, parts, shares);
            if (rows.size() > shown.size()) {
                Charts.note(c, "first " + MAX_BREAKDOWN_RUNS + " of " + rows.size() + " runs");
            }
            out.addAll(ChartFiles.save(c, dir, shares ? "breakdown-share" : "breakdown"));
        }
        return out;
    }

    private static List<Path> scalability(List<RunRow> rows, List<RunColumn> varying, List<StrategyKind> strategies,
            Labeller label, Path dir) throws IOException {
        List<RunColumn> others = new ArrayList<>(varying);
        others.remove(RunColumn.ACCELERATORS);
        // the first group of the other fields
        String first = label.of(rows.get(0), others);
        List<RunRow> group = rows.stream().filter(r -> label.of(r, others).equals(first)).toList();
        List<Integer> sizes = distinct(group, r -> r.run().accelerators());
        sizes.sort(Integer::compare);
        Map<String, double[]> gains = new LinkedHashMap<>();
        Map<String, double[]> comm = new LinkedHashMap<>();
        for (StrategyKind s : strategies) {
            double[] g = new double[sizes.size()];
            double[] c = new double[sizes.size()];
            double base = Double.NaN;
            for (int i = 0; i < sizes.size(); i++) {
                int n = sizes.get(i);
                RunRow r = group.stream().filter(x -> x.run().strategy() == s && x.run().accelerators() == n)
                        .findFirst().orElse(null);
                if (r == null) {
                    g[i] = Double.NaN;
                    continue;
                }
                if (Double.isNaN(base)) {
                    base = r.value(RunColumn.STEP_TIME);
                }
                g[i] = base / r.value(RunColumn.STEP_TIME);
                c[i] = r.value(RunColumn.COMMUNICATION_BYTES) / 1e9;
            }
            gains.put(s.label(), g);
            comm.put(s.label(), c);
        }
        List<String> sizeLabels = sizes.stream().map(String::valueOf).toList();
        JFreeChart chart = Charts.scalability("Scalability" + (first.isEmpty() ? "" : ": " + first), sizeLabels, gains,
                comm);
        Charts.note(chart, "bars: step-time gain over " + sizes.get(0) + " accelerator(s); dashed lines: communication");
        return ChartFiles.save(chart, dir, "scalability");
    }

    private static List<Path> topology(List<RunRow> rows, List<RunColumn> varying, Labeller label, Path dir)
            throws IOException {
        List<RunColumn> others = new ArrayList<>(varying);
        others.remove(RunColumn.TOPOLOGY);
        List<String> topologies = distinct(rows, r -> r.run().topology().label());
        Map<String, Map<String, Double>> speed = new LinkedHashMap<>();
        for (RunRow r : rows) {
            if (r.run().strategy() != StrategyKind.HYPAR) {
                continue;
            }
            RunRow dp = rows.stream().filter(x -> x.run().strategy() == StrategyKind.DP
                    && label.of(x, varying).equals(label.of(r, varying))).findFirst().orElse(null);
            if (dp != null) {
                String key = label.of(r, others).isEmpty() ? r.run().network() : label.of(r, others);
                speed.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(r.run().topology().label(),
                        dp.value(RunColumn.STEP_TIME) / r.value(RunColumn.STEP_TIME));
            }
        }
        List<String> cats = new ArrayList<>(speed.keySet());
        Map<String, double[]> series = new LinkedHashMap<>();
        for (String t : topologies) {
            series.put(t, cats.stream().mapToDouble(c -> speed.get(c).getOrDefault(t, Double.NaN)).toArray());
        }
        JFreeChart c = Charts.bars("HyPar on each topology, normalised to dp on the same topology",
                others.isEmpty() ? "network" : String.join(", ", others.stream().map(RunColumn::header).toList()),
                "speedup over dp (x, log scale)", cats, series, true);
        return ChartFiles.save(c, dir, "topology");
    }

    private static List<Path> partitionMaps(List<RunRow> rows, Path dir) throws IOException {
        List<Path> out = new ArrayList<>();
        Map<String, RunRow> largest = new LinkedHashMap<>();
        for (RunRow r : rows) {
            StrategyKind k = r.run().strategy();
            if (k != StrategyKind.HYPAR && k != StrategyKind.ACCPAR || r.grid().levels().isEmpty()) {
                continue;
            }
            String key = r.run().network() + (k == StrategyKind.HYPAR ? "" : "-" + k.label());
            RunRow prev = largest.get(key);
            if (prev == null || r.run().accelerators() > prev.run().accelerators()) {
                largest.put(key, r);
            }
        }
        Set<String> files = new LinkedHashSet<>();
        for (Map.Entry<String, RunRow> e : largest.entrySet()) {
            RunRow r = e.getValue();
            String who = r.run().strategy() == StrategyKind.HYPAR ? "HyPar" : "AccPar (three types)";
            JFreeChart c = Charts.partitionMap(who + "'s partition of " + r.run().network() + " on "
                    + r.run().accelerators() + " accelerators", r.grid().layerNames(), r.grid().levels());
            String base = ChartFiles.uniqueName("partition-" + ChartFiles.safe(e.getKey()), files);
            files.add(base);
            out.addAll(ChartFiles.save(c, dir, base));
        }
        return out;
    }

    /**
     * Hardware labels without the part all rows share ("hmc-rs+linkBandwidthGBps=2" and
     * "hmc-rs+linkBandwidthGBps=30" become "linkBandwidthGBps=2" and "...=30"), for chart labels.
     */
    static Map<RunRow, String> shortHardware(List<RunRow> rows) {
        List<String> values = distinct(rows, r -> r.run().hardware());
        String prefix = values.get(0);
        for (String v : values) {
            int i = 0;
            while (i < prefix.length() && i < v.length() && prefix.charAt(i) == v.charAt(i)) {
                i++;
            }
            prefix = prefix.substring(0, i);
        }
        int cut = values.size() < 2 ? 0 : prefix.lastIndexOf('+') + 1;
        Map<RunRow, String> out = new IdentityHashMap<>();
        rows.forEach(r -> out.put(r, r.run().hardware().substring(cut)));
        return out;
    }

    private static String category(RunRow r, List<RunColumn> fields, Map<RunRow, String> hardware) {
        if (fields.isEmpty()) {
            return r.run().network();
        }
        List<String> parts = new ArrayList<>();
        for (RunColumn f : fields) {
            parts.add(switch (f) {
                case ACCELERATORS -> r.run().accelerators() + " acc";
                case HARDWARE -> hardware.get(r);
                case TOPOLOGY -> r.run().topology().label();
                case SCHEDULE -> r.run().schedule().label();
                case PHASE -> r.run().phase().label();
                case LINK_MODEL -> r.run().linkModel().label();
                case COLLECTIVE -> r.run().collective().label();
                default -> String.valueOf(f.get(r));
            });
        }
        return String.join(" ", parts);
    }

    private static <T> List<T> distinct(List<RunRow> rows, Function<RunRow, T> field) {
        Set<T> s = new LinkedHashSet<>();
        for (RunRow r : rows) {
            s.add(field.apply(r));
        }
        return new ArrayList<>(s);
    }
}
