package org.hyparsim.input.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hyparsim.core.InputException;
import org.hyparsim.core.Limits;
import org.hyparsim.input.io.InputFiles;
import org.hyparsim.input.io.Json;

/**
 * The points of a scenario's sweep: the crossing of its axes, in a fixed order (the first axis
 * varies slowest), each a checked {@link Scenario}. A scenario without a sweep is one point.
 */
public final class Sweep {

    /** One point: its index, the axis values that make it, and the scenario to run. */
    public record Point(int index, Map<String, String> axes, Scenario scenario) {
    }

    private final Path file;
    private final List<String> axisNames;
    private final List<Point> points;

    private Map<String, String> fingerprint = Map.of();

    private Sweep(Path file, List<String> axisNames, List<Point> points) {
        this.file = file;
        this.axisNames = axisNames;
        this.points = points;
    }

    public Path file() {
        return file;
    }

    public List<String> axisNames() {
        return axisNames;
    }

    public List<Point> points() {
        return points;
    }

    /** Reads a sweep; its fingerprint covers every file the reading read. */
    public static Sweep read(Path file) {
        InputFiles.Recorded<Sweep> r = InputFiles.recording(() -> {
            ScenarioSpec spec = Json.read(file, ScenarioSpec.class);
            if (spec == null) {
                throw new InputException(file.toString(), "", "empty scenario");
            }
            return of(spec, file);
        });
        Map<String, String> fingerprint = new TreeMap<>(InputFiles.fingerprint(r.files()));
        fingerprint.putAll(ScenarioDefaults.fingerprint());
        r.value().fingerprint = Collections.unmodifiableMap(fingerprint);
        return r.value();
    }

    /**
     * What the sweep read, file by file (path -> SHA-256 of its contents), the tool's version and the
     * defaults that change results ({@link ScenarioDefaults}): a resume or a merge with another
     * fingerprint mixes inputs and is refused.
     */
    public Map<String, String> fingerprint() {
        return fingerprint;
    }

    public static Sweep of(ScenarioSpec spec, Path file) {
        if (spec.sweep() == null) {
            Scenario s = ScenarioReader.from(spec, file);
            return new Sweep(file, List.of(), List.of(new Point(0, Map.of(), s)));
        }
        Map<SweepAxis, List<JsonNode>> axes = spec.sweep().axes();
        List<InputException.Problem> problems = new ArrayList<>();
        long total = pointCount(axes, file.toString(), problems);
        // the other axes at their first values: a swept key needs no top-level default
        ScenarioSpec firsts = spec;
        for (Map.Entry<SweepAxis, List<JsonNode>> a : axes.entrySet()) {
            JsonNode v = a.getValue().isEmpty() ? null : a.getValue().get(0);
            if (v != null && !v.isNull() && !v.isArray()) {
                firsts = firsts.with(a.getKey(), v);
            }
        }
        // check every axis value on its own, so a bad value is named once with its place
        for (SweepAxis axis : axes.keySet()) {
            checkValues(axis, axes, firsts, file, problems);
        }
        if (!problems.isEmpty()) {
            throw new InputException(problems);
        }
        List<String> names = axes.keySet().stream().map(SweepAxis::label).toList();
        return new Sweep(file, names, points(spec, file, axes, total));
    }

    /** The number of points the axes cross to; an empty axis is a problem, too many points an error. */
    private static long pointCount(Map<SweepAxis, List<JsonNode>> axes, String src, List<InputException.Problem> problems) {
        long total = 1;
        for (Map.Entry<SweepAxis, List<JsonNode>> a : axes.entrySet()) {
            if (a.getValue().isEmpty()) {
                problems.add(new InputException.Problem(src, "sweep." + a.getKey().label(), "empty: list at least one value"));
            }
            total *= Math.max(1, a.getValue().size());
            long max = Limits.maxSweepPoints();
            if (total > max) {
                throw new InputException(src, "sweep", "the axes cross to more than " + max + " points (system property "
                        + Limits.property("maxSweepPoints") + ")");
            }
        }
        return total;
    }

    /**
     * Reads the scenario each value of one axis makes (the other axes at their first values) and
     * reports its problems at the value's place in the sweep ("sweep.batch[2]").
     */
    private static void checkValues(SweepAxis axis, Map<SweepAxis, List<JsonNode>> axes, ScenarioSpec firsts, Path file,
            List<InputException.Problem> problems) {
        List<JsonNode> values = axes.get(axis);
        for (int i = 0; i < values.size(); i++) {
            String at = "sweep." + axis.label() + "[" + i + "]";
            JsonNode v = values.get(i);
            if (v == null || v.isNull() || v.isArray() || (!axis.objectsAllowed() && v.isContainerNode())) {
                problems.add(new InputException.Problem(file.toString(), at, "wrong type: expected a single value"));
                continue;
            }
            try {
                ScenarioReader.from(firsts.with(axis, v), file);
            } catch (InputException e) {
                for (InputException.Problem p : e.problems()) {
                    SweepAxis other = SweepAxis.fromName(fieldOf(p.path())).orElse(null);
                    if (other != axis && other != null && axes.containsKey(other)) {
                        continue; // another axis's first value: reported with that axis
                    }
                    InputException.Problem q = new InputException.Problem(p.source(), placed(p.path(), axis, at), p.reason());
                    if (!problems.contains(q)) {
                        problems.add(q);
                    }
                }
            }
        }
    }

    /** A problem's path within the scenario moved to the value's place in the sweep, if it lies under the axis's field. */
    private static String placed(String path, SweepAxis axis, String at) {
        String field = axis.scenarioPath();
        if (path.equals(field) || path.startsWith(field + ".") || path.startsWith(field + "[")) {
            return at + path.substring(field.length());
        }
        return path;
    }

    /** Every point of the crossing, the first axis varying slowest. */
    private static List<Point> points(ScenarioSpec spec, Path file, Map<SweepAxis, List<JsonNode>> axes, long total) {
        List<SweepAxis> order = new ArrayList<>(axes.keySet());
        List<Point> points = new ArrayList<>();
        int[] idx = new int[order.size()];
        for (int p = 0; p < total; p++) {
            ScenarioSpec s = spec;
            Map<String, String> values = new LinkedHashMap<>();
            for (int a = 0; a < order.size(); a++) {
                JsonNode v = axes.get(order.get(a)).get(idx[a]);
                s = s.with(order.get(a), v);
                values.put(order.get(a).label(), v.isTextual() ? v.asText() : v.isObject() && v.has("name")
                        ? v.get("name").asText() : v.toString());
            }
            points.add(new Point(p, values, ScenarioReader.from(s, file)));
            for (int a = order.size() - 1; a >= 0; a--) {
                if (++idx[a] < axes.get(order.get(a)).size()) {
                    break;
                }
                idx[a] = 0;
            }
        }
        return points;
    }

    /** The top-level scenario field a problem's path starts with. */
    private static String fieldOf(String path) {
        int end = 0;
        while (end < path.length() && Character.isLetterOrDigit(path.charAt(end))) {
            end++;
        }
        return path.substring(0, end);
    }
}
