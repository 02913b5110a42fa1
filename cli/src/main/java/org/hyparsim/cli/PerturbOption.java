package org.hyparsim.cli;

import java.util.ArrayList;
import java.util.List;
import org.hyparsim.core.Checks;
import org.hyparsim.core.InputException;
import org.hyparsim.input.scenario.Scenario;
import org.hyparsim.noc.LinkPerturbation;

/** run's --perturb, --samples and --seed, checked in one place; they take the place of the scenario's keys. */
final class PerturbOption {
    private PerturbOption() {
    }

    /**
     * The scenario with the options' perturbation: each option given replaces the scenario's value,
     * the others keep it (or {@link LinkPerturbation}'s defaults); the scenario as it is without
     * options. A bad value is refused naming its option.
     */
    static Scenario apply(Scenario s, Double perturb, Integer samples, Long seed) {
        if (perturb == null && samples == null && seed == null) {
            return s;
        }
        LinkPerturbation base = s.perturbation();
        if (perturb == null && base == null) {
            throw new InputException("command line", samples != null ? "--samples" : "--seed",
                    "given without --perturb: say how far to perturb the links (--perturb R)");
        }
        double r = perturb != null ? perturb : base.range();
        long k = samples != null ? samples : base != null ? base.samples() : LinkPerturbation.DEFAULT_SAMPLES;
        long sd = seed != null ? seed : base != null ? base.seed() : LinkPerturbation.DEFAULT_SEED;
        List<InputException.Problem> problems = new ArrayList<>();
        for (Checks.Problem p : LinkPerturbation.problems(r, k)) {
            problems.add(new InputException.Problem("command line", "--" + p.field(), p.reason()));
        }
        if (!problems.isEmpty()) {
            throw new InputException(problems);
        }
        return s.withPerturbation(new LinkPerturbation(r, (int) k, sd));
    }
}
