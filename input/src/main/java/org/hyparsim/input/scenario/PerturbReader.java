package org.hyparsim.input.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.hyparsim.core.Checks;
import org.hyparsim.core.InputException;
import org.hyparsim.noc.LinkPerturbation;

/**
 * A scenario's perturbed replays: {@code perturb: R} (each link orbit's bandwidth scaled by a factor
 * from [1 - R, 1 + R]), {@code samples: K} and {@code seed: S}, the latter two at
 * {@link LinkPerturbation}'s defaults where absent.
 */
final class PerturbReader {
    private PerturbReader() {
    }

    /** The perturbation the scenario asks for, or null for none; each problem added with its field. */
    static LinkPerturbation read(ScenarioSpec s, String src, List<InputException.Problem> problems) {
        if (s.perturb() == null || s.perturb().isNull()) {
            for (String key : List.of("samples", "seed")) {
                JsonNode v = key.equals("samples") ? s.samples() : s.seed();
                if (v != null && !v.isNull()) {
                    problems.add(new InputException.Problem(src, key, "given without perturb: say how far to perturb "
                            + "the links (perturb: R)"));
                }
            }
            return null;
        }
        int before = problems.size();
        JsonNode r = s.perturb();
        if (!r.isNumber()) {
            problems.add(new InputException.Problem(src, "perturb", "wrong type: expected a number, got " + r));
        }
        long samples = whole(problems, src, "samples", s.samples(), LinkPerturbation.DEFAULT_SAMPLES);
        long seed = whole(problems, src, "seed", s.seed(), LinkPerturbation.DEFAULT_SEED);
        if (problems.size() > before) {
            return null;
        }
        List<Checks.Problem> bad = LinkPerturbation.problems(r.asDouble(), samples);
        for (Checks.Problem p : bad) {
            problems.add(new InputException.Problem(src, p.field(), p.reason()));
        }
        return bad.isEmpty() ? new LinkPerturbation(r.asDouble(), (int) samples, seed) : null;
    }

    private static long whole(List<InputException.Problem> problems, String src, String path, JsonNode v, long dflt) {
        if (v == null || v.isNull()) {
            return dflt;
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            problems.add(new InputException.Problem(src, path, "wrong type: expected a whole number, got " + v));
            return dflt;
        }
        return v.asLong();
    }
}
