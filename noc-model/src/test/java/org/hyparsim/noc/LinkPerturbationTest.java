package org.hyparsim.noc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Perturbed link bandwidths: reproducible for a seed, within their range, alike on a link orbit. */
class LinkPerturbationTest {
    private static final Topology TORUS = GridTopology.torus(16, LinkParams.of(30, 4.6));

    @Test
    void aSeedGivesTheSameFactorsAndAnotherSeedOthers() {
        LinkPerturbation p = new LinkPerturbation(0.1, 3, 42);
        double[] a = p.sample(0).factors(TORUS, null);
        assertArrayEquals(a, new LinkPerturbation(0.1, 3, 42).sample(0).factors(TORUS, null));
        assertFalse(Arrays.equals(a, new LinkPerturbation(0.1, 3, 43).sample(0).factors(TORUS, null)));
        assertFalse(Arrays.equals(a, p.sample(1).factors(TORUS, null)), "each sample its own factors");
        // the number of samples does not change sample k's draws
        assertArrayEquals(a, new LinkPerturbation(0.1, 7, 42).sample(0).factors(TORUS, null));
    }

    @Test
    void everyFactorLiesInItsRangeAndEachLinkHasItsOwnWhereTheReplayIsWhole() {
        double[] f = new LinkPerturbation(0.25, 1, 1).sample(0).factors(TORUS, null);
        assertEquals(TORUS.links().size(), f.length);
        assertEquals(f.length, Arrays.stream(f).distinct().count());
        for (double x : f) {
            assertTrue(x >= 0.75 && x <= 1.25, "factor " + x);
        }
        for (double x : new LinkPerturbation(0, 1, 1).sample(0).factors(TORUS, null)) {
            assertEquals(1.0, x);
        }
    }

    @Test
    void theLinksOfAnOrbitShareTheirFactor() {
        Symmetry g = TORUS.symmetry();
        int[] classOf = g.linkClasses();
        double[] f = new LinkPerturbation(0.1, 1, 5).sample(0).factors(TORUS, g);
        long orbits = Arrays.stream(classOf).distinct().count();
        assertTrue(orbits > 1 && orbits < f.length, orbits + " orbits");
        for (int l = 0; l < f.length; l++) {
            assertEquals(f[classOf[l]], f[l], "link " + l);
        }
        assertEquals(orbits, Arrays.stream(f).distinct().count());
    }

    @Test
    void theScaledTopologyKeepsRoutesAndLatenciesAndScalesBandwidths() {
        double[] f = new LinkPerturbation(0.1, 1, 9).sample(0).factors(TORUS, null);
        Topology t = LinkScaling.apply(LinkScaling.fixed(f), TORUS, null);
        for (Link l : TORUS.links()) {
            Link s = t.links().get(l.id());
            assertEquals(l.bandwidthBytesPerSecond() * f[l.id()], s.bandwidthBytesPerSecond());
            assertEquals(l.latencyPs(), s.latencyPs());
            assertEquals(l.name(), s.name());
        }
        assertArrayEquals(TORUS.routes(0, 10), t.routes(0, 10));
        assertSame(TORUS, LinkScaling.apply(LinkScaling.NONE, TORUS, null));
    }

    @Test
    void badValuesAreNamedByTheirField() {
        assertEquals(List.of("perturb"), LinkPerturbation.problems(1, 3).stream().map(p -> p.field()).toList());
        assertEquals(List.of("perturb"), LinkPerturbation.problems(-0.1, 3).stream().map(p -> p.field()).toList());
        assertEquals(List.of("perturb"), LinkPerturbation.problems(Double.NaN, 3).stream().map(p -> p.field()).toList());
        assertEquals(List.of("samples"), LinkPerturbation.problems(0.5, 0).stream().map(p -> p.field()).toList());
        assertTrue(LinkPerturbation.problems(0, 1).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> new LinkPerturbation(1, 1, 1));
    }
}
