package org.hyparsim.noc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The max-min solver driven alone: rates per flow on hand-worked cases, as flows join and leave. */
class MaxMinSolverTest {
    private static final double EXACT = 1e-12;

    /** A bundle of {@code flows} flows on these links. */
    private static int bundle(MaxMinSolver solver, int flows, int... links) {
        int b = solver.open(links);
        for (int i = 0; i < flows; i++) {
            solver.join(b);
        }
        return b;
    }

    @Test
    void oneLinkTwoFlowsShareItEqually() {
        MaxMinSolver solver = new MaxMinSolver(new double[] {1.0});
        int a = bundle(solver, 1, 0);
        int b = bundle(solver, 1, 0);
        assertEquals(2, solver.rerate()); // both rated first
        assertEquals(0.5, solver.rate(a), EXACT);
        assertEquals(0.5, solver.rate(b), EXACT);
    }

    @Test
    void aBundleCountsEachOfItsFlows() {
        // link of 0.9: a bundle of two flows and one flow alone: three flows, 0.3 each
        MaxMinSolver solver = new MaxMinSolver(new double[] {0.9});
        int two = bundle(solver, 2, 0);
        int one = bundle(solver, 1, 0);
        solver.rerate();
        assertEquals(0.3, solver.rate(two), EXACT);
        assertEquals(0.3, solver.rate(one), EXACT);
    }

    @Test
    void aFlowAcrossTwoLinksTakesTheShareOfTheMoreLoaded() {
        // link 0 (capacity 1) carries a alone; link 1 (capacity 1.2) carries a, b, c, d.
        // Water-filling: link 1's share 0.3 is the least: a, b, c, d freeze at 0.3; link 0 keeps 0.7 unused.
        MaxMinSolver solver = new MaxMinSolver(new double[] {1.0, 1.2});
        int a = bundle(solver, 1, 0, 1);
        int b = bundle(solver, 1, 1);
        int c = bundle(solver, 1, 1);
        int d = bundle(solver, 1, 1);
        solver.rerate();
        assertEquals(0.3, solver.rate(a), EXACT);
        assertEquals(0.3, solver.rate(b), EXACT);
        assertEquals(0.3, solver.rate(c), EXACT);
        assertEquals(0.3, solver.rate(d), EXACT);
    }

    @Test
    void theBottleneckFreesCapacityForAnother() {
        // link 0 (capacity 1): x and y; link 1 (capacity 1): y and z, w (a bundle of two).
        // Shares: link 0 1/2, link 1 1/3: link 1 is the bottleneck, y, z, w freeze at 1/3;
        // link 0 then leaves 1 - 1/3 = 2/3 to x alone.
        MaxMinSolver solver = new MaxMinSolver(new double[] {1.0, 1.0});
        int x = bundle(solver, 1, 0);
        int y = bundle(solver, 1, 0, 1);
        int zw = bundle(solver, 2, 1);
        solver.rerate();
        assertEquals(1.0 / 3, solver.rate(y), EXACT);
        assertEquals(1.0 / 3, solver.rate(zw), EXACT);
        assertEquals(2.0 / 3, solver.rate(x), EXACT);
    }

    @Test
    void aFlowThatJoinsAndLeavesIsSharedWithAndThenGivenBack() {
        // link 0 (capacity 1) with a and b: 1/2 each; c joins over links 0 and 1 (capacity 0.1):
        // link 1 freezes c at 0.1, a and b share the 0.9 left: 0.45 each. c leaves: back to 1/2.
        MaxMinSolver solver = new MaxMinSolver(new double[] {1.0, 0.1});
        int a = bundle(solver, 1, 0);
        int b = bundle(solver, 1, 0);
        solver.rerate();
        assertEquals(0.5, solver.rate(a), EXACT);

        int c = bundle(solver, 1, 0, 1);
        assertEquals(3, solver.rerate());
        assertEquals(0.1, solver.rate(c), EXACT);
        assertEquals(0.45, solver.rate(a), EXACT);
        assertEquals(0.45, solver.rate(b), EXACT);
        assertEquals(0.5, solver.previousRate(a), EXACT);

        solver.leave(c);
        solver.close(c);
        assertEquals(2, solver.rerate());
        assertEquals(0.5, solver.rate(a), EXACT);
        assertEquals(0.5, solver.rate(b), EXACT);
    }

    @Test
    void flowsOnLinksApartAreNotReRated() {
        // a on link 0, b on link 1: b joining later changes nothing of a, which is not even looked at
        MaxMinSolver solver = new MaxMinSolver(new double[] {1.0, 2.0});
        int a = bundle(solver, 1, 0);
        solver.rerate();
        int b = bundle(solver, 1, 1);
        assertEquals(1, solver.rerate());
        assertEquals(b, solver.changed(0));
        assertEquals(1.0, solver.rate(a), EXACT);
        assertEquals(2.0, solver.rate(b), EXACT);
    }

    @Test
    void aSecondFlowOnABundleHalvesItsRateOnItsOwnLink() {
        MaxMinSolver solver = new MaxMinSolver(new double[] {1.0});
        int a = bundle(solver, 1, 0);
        solver.rerate();
        assertEquals(1.0, solver.rate(a), EXACT);
        solver.join(a);
        solver.rerate();
        assertEquals(0.5, solver.rate(a), EXACT);
        assertEquals(2, solver.count(a));
        solver.leave(a);
        solver.rerate();
        assertEquals(1.0, solver.rate(a), EXACT);
    }
}
