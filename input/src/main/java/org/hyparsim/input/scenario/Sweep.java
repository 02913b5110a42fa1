package org.hyparsim.input.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hyparsim.core.InputException;
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
        org.hyparsim.input.io.InputFiles.Recorded<Sweep> r = org.hyparsim.input.io.InputFiles.recording(() -> {
            ScenarioSpec spec = Json.read(file, ScenarioSpec.class);
            if (spec == null) {
                throw new InputException(file.toString(), "", "empty scenario");
            }
            return of(spec, file);
        });
        r.value().fingerprint = org.hyparsim.input.io.InputFiles.fingerprint(r.files());
        return r.value();
    }

    /**
     * What the sweep read, file by file (path -> SHA-256 of its contents), and the tool's version:
     * a resume or a merge with another fingerprint mixes inputs and is refused.
     */
    public Map<String, String> fingerprint() {
        return fingerprint;
    }

    public static Sweep of(ScenarioSpec spec, Path file) {
        String src = file.toString();
        if (spec.sweep() == null) {
            Scenario s = ScenarioReader.from(spec, file);
            return new Sweep(file, List.of(), List.of(new Point(0, Map.of(), s)));
        }
        Map<String, List<JsonNode>> axes = spec.sweep().axes();
        List<InputException.Problem> problems = new ArrayList<>();
        long total = 1;
        for (Map.Entry<String, List<JsonNode>> a : axes.entrySet()) {
            if (a.getValue().isEmpty()) {
                problems.add(new InputException.Problem(src, "sweep." + a.getKey(), "empty: list at least one value"));
            }
            total *= Math.max(1, a.getValue().size());
            long max = org.hyparsim.core.Limits.maxSweepPoints();
            if (total > max) {
                throw new InputException(src, "sweep", "the axes cross to more than " + max + " points (system property "
                        + org.hyparsim.core.Limits.property("maxSweepPoints") + ")");
            }
        }
        // the other axes at their first values: a swept key needs no top-level default
        ScenarioSpec firsts = spec;
        for (Map.Entry<String, List<JsonNode>> a : axes.entrySet()) {
            JsonNode v = a.getValue().isEmpty() ? null : a.getValue().get(0);
            if (v != null && !v.isNull() && !v.isArray()) {
                firsts = firsts.with(a.getKey(), v);
            }
        }
        // check every axis value on its own, so a bad value is named once with its place
        for (Map.Entry<String, List<JsonNode>> a : axes.entrySet()) {
            for (int i = 0; i < a.getValue().size(); i++) {
                String at = "sweep." + a.getKey() + "[" + i + "]";
                JsonNode v = a.getValue().get(i);
                boolean objectsAllowed = List.of("hardware", "network", "topology").contains(a.getKey());
                if (v == null || v.isNull() || v.isArray() || (!objectsAllowed && v.isContainerNode())) {
                    problems.add(new InputException.Problem(src, at, "wrong type: expected a single value"));
                    continue;
                }
                try {
                    ScenarioReader.from(firsts.with(a.getKey(), v), file);
                } catch (InputException e) {
                    for (InputException.Problem p : e.problems()) {
                        String path = p.path();
                        if (!a.getKey().equals(fieldOf(path)) && axes.containsKey(fieldOf(path))) {
                            continue; // another axis's first value: reported with that axis
                        }
                        String field = a.getKey().equals("strategies") ? "strategies[0]" : a.getKey();
                        if (path.equals(field) || path.startsWith(field + ".") || path.startsWith(field + "[")) {
                            path = at + path.substring(field.length());
                        }
                        InputException.Problem q = new InputException.Problem(p.source(), path, p.reason());
                        if (!problems.contains(q)) {
                            problems.add(q);
                        }
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InputException(problems);
        }
        List<String> names = new ArrayList<>(axes.keySet());
        List<Point> points = new ArrayList<>();
        int[] idx = new int[names.size()];
        for (int p = 0; p < total; p++) {
            ScenarioSpec s = spec;
            Map<String, String> values = new LinkedHashMap<>();
            for (int a = 0; a < names.size(); a++) {
                JsonNode v = axes.get(names.get(a)).get(idx[a]);
                s = s.with(names.get(a), v);
                values.put(names.get(a), v.isTextual() ? v.asText() : v.isObject() && v.has("name") ? v.get("name").asText()
                        : v.toString());
            }
            points.add(new Point(p, values, ScenarioReader.from(s, file)));
            for (int a = names.size() - 1; a >= 0; a--) {
                if (++idx[a] < axes.get(names.get(a)).size()) {
                    break;
                }
                idx[a] = 0;
            }
        }
        return new Sweep(file, names, points);
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
