package org.hyparsim.results;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;
import org.hyparsim.core.kind.Parallelism;

/**
 * A plan as it travels with results: the network's layer names and, per level (level 1 first),
 * each layer's partition type. In rows it is two columns: {@code plan}, the letters of each level
 * joined by '/' ("ddm/dmm": d for dp, m for mp), and {@code layers}, the layer names.
 */
public record PlanGrid(@JsonProperty("layers") List<String> layers, @JsonIgnore List<List<Parallelism>> levels,
        @JsonIgnore List<List<Double>> ratios) {

    public PlanGrid {
        layers = layers == null ? List.of() : List.copyOf(layers);
        levels = levels.stream().map(List::copyOf).toList();
        ratios = ratios == null ? List.of() : ratios.stream().map(List::copyOf).toList();
    }

    /** A plan of even splits (its ratios are not kept). */
    public PlanGrid(List<String> layers, List<List<Parallelism>> levels) {
        this(layers, levels, List.of());
    }

    /** Read back from the two columns. */
    @JsonCreator
    static PlanGrid read(@JsonProperty("layers") JsonNode layerNode,
            @JsonProperty("plan") String plan) {
        // JSON writes the names as a list; CSV as one cell, joined by ';'
        List<String> layers = new ArrayList<>();
        if (layerNode != null && layerNode.isArray()) {
            layerNode.forEach(n -> layers.add(n.asText()));
        } else if (layerNode != null && layerNode.isTextual() && !layerNode.asText().isEmpty()) {
            layers.addAll(List.of(layerNode.asText().split(";", -1)));
        }
        List<List<Parallelism>> levels = new ArrayList<>();
        if (plan != null && !plan.isEmpty()) {
            for (String level : plan.split("/")) {
                List<Parallelism> row = new ArrayList<>();
                for (char c : level.toCharArray()) {
                    row.add(Parallelism.fromLetter(c).orElseThrow(() -> new IllegalArgumentException(
                            "'" + plan + "' is not a plan: letters d and m, levels joined by '/'")));
                }
                levels.add(row);
            }
        }
        return new PlanGrid(layers, levels);
    }

    /** "ddm/dmm": each level's letters, level 1 first. */
    @JsonProperty("plan")
    public String compact() {
        StringBuilder sb = new StringBuilder();
        for (List<Parallelism> level : levels) {
            if (sb.length() > 0) {
                sb.append('/');
            }
            level.forEach(p -> sb.append(p.letter()));
        }
        return sb.toString();
    }

    /** The labels per level ("dp", "mp"), as plan files and JSON output write them. */
    public List<List<String>> labels() {
        return levels.stream().map(l -> l.stream().map(Parallelism::label).toList()).toList();
    }

    /** The layer names, or L1..Ln when they are not known or do not match the plan. */
    public List<String> layerNames() {
        int n = levels.isEmpty() ? layers.size() : levels.get(0).size();
        if (layers.size() == n) {
            return layers;
        }
        List<String> out = new ArrayList<>();
        for (int l = 1; l <= n; l++) {
            out.add("L" + l);
        }
        return out;
    }
}
