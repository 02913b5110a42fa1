package org.hyparsim.input.networks;

import org.hyparsim.core.kind.StrategyKind;
import org.hyparsim.input.io.Json;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hyparsim.core.InputException;
import org.hyparsim.core.workload.Network;
import org.hyparsim.core.kind.Parallelism;
import org.hyparsim.partition.Plan;

/**
 * A plan file: {"plan": [["dp","mp","mp-out",...], ...]} with one list per level, level 1 first,
 * and optionally "layers" (the layer names, checked against the network), "strategy" (a plan
 * that names a two-type strategy, such as hypar, may not use mp-out) and "ratios" (per level and
 * layer, the first half's share of the split dimension, strictly between 0 and 1; 0.5 where
 * absent). The JSON that
 * {@code hypar-sim plan --format json} prints is a valid plan file: its other fields are ignored.
 */
@JsonIgnoreProperties({"batch", "levels", "accounting", "unit",
        "levelBytes", "intraLayerBytes", "interLayerBytes", "shortcutBytes", "communicationBytes", "bytesPerElement",
        "intraMultiplicity", "interMultiplicity", "peakMemoryBytes", "capacityBytes", "fits"})
public record PlanFile(@JsonProperty("plan") List<List<String>> plan, @JsonProperty("layers") List<String> layers,
        @JsonProperty("network") String network, @JsonProperty("accelerators") Long accelerators,
        @JsonProperty("strategy") String strategy, @JsonProperty("ratios") List<List<Double>> ratios) {

    /**
     * Reads a plan for a network on an array of {@code accelerators}; a plan file that names
     * another network or array size (as {@code plan --format json} writes them) is refused.
     */
    public static Plan read(Path file, Network network, long accelerators) {
        String source = file.toString();
        PlanFile pf = Json.read(file, PlanFile.class);
        if (pf == null || pf.plan() == null) {
            throw new InputException(source, "plan", "missing: a list per level of \"dp\"/\"mp\" per layer");
        }
        List<InputException.Problem> problems = new ArrayList<>();
        if (pf.network() != null && !pf.network().equals(network.name())) {
            problems.add(new InputException.Problem(source, "network", "the plan is for network " + pf.network()
                    + ", not " + network.name()));
        }
        if (pf.accelerators() != null && pf.accelerators() != accelerators) {
            problems.add(new InputException.Problem(source, "accelerators", "the plan is for " + pf.accelerators()
                    + " accelerators, not " + accelerators));
        }
        if (!problems.isEmpty()) {
            throw new InputException(problems);
        }
        return pf.toPlan(network, source);
    }

    Plan toPlan(Network network, String source) {
        List<InputException.Problem> problems = new ArrayList<>();
        if (layers != null && !layers.equals(network.layerNames())) {
            problems.add(new InputException.Problem(source, "layers", "the plan's layers " + layers
                    + " are not network " + network.name() + "'s " + network.layerNames()));
        }
        StrategyKind named = strategy == null ? null
                : StrategyKind.fromName(strategy).orElse(null);
        boolean twoTypes = named != null && named != StrategyKind.EXHAUSTIVE
                && named != StrategyKind.FILE && named.partitionTypes() == 2;
        List<List<Parallelism>> rows = new ArrayList<>();
        for (int h = 0; h < plan.size(); h++) {
            List<String> row = plan.get(h);
            String at = "plan[" + h + "]";
            if (row == null || row.size() != network.size()) {
                problems.add(new InputException.Problem(source, at, "level " + (h + 1) + " must list "
                        + network.size() + " choices (one per layer of " + network.name() + "), got "
                        + (row == null ? 0 : row.size())));
                continue;
            }
            List<Parallelism> parsed = new ArrayList<>();
            for (int l = 0; l < row.size(); l++) {
                Parallelism p = Parallelism.parse(row.get(l));
                if (p == null) {
                    problems.add(new InputException.Problem(source, at + "[" + l + "]", "'" + row.get(l)
                            + "' is not dp, mp or mp-out"));
                } else if (p == Parallelism.MP_OUT && twoTypes) {
                    problems.add(new InputException.Problem(source, at + "[" + l + "]", "mp-out is AccPar's third "
                            + "partition type: a plan for " + strategy + " uses dp and mp only (use accpar)"));
                }
                parsed.add(p);
            }
            rows.add(parsed);
        }
        List<List<Double>> shares = Plan.evenRatios(rows.size(), network.size());
        if (ratios != null) {
            if (ratios.size() != plan.size()) {
                problems.add(new InputException.Problem(source, "ratios", "a row of ratios per level: the plan has "
                        + plan.size() + " levels, ratios has " + ratios.size()));
            } else {
                shares = new ArrayList<>();
                for (int h = 0; h < ratios.size(); h++) {
                    List<Double> row = ratios.get(h);
                    if (row == null || row.size() != network.size()) {
                        problems.add(new InputException.Problem(source, "ratios[" + h + "]", "level " + (h + 1)
                                + " must give " + network.size() + " ratios (one per layer), got " + (row == null ? 0 : row.size())));
                        continue;
                    }
                    for (int l = 0; l < row.size(); l++) {
                        Double r = row.get(l);
                        if (r == null || !(r > 0 && r < 1)) {
                            problems.add(new InputException.Problem(source, "ratios[" + h + "][" + l + "]", "a ratio is the "
                                    + "first half's share, strictly between 0 and 1, got " + r));
                        }
                    }
                    shares.add(row);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InputException(problems);
        }
        return new Plan(network.size(), rows, shares);
    }
}
