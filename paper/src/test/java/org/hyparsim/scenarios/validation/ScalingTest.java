package org.hyparsim.scenarios.validation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.hyparsim.core.step.EnergyComponent;
import org.hyparsim.core.step.LayerResult;
import org.hyparsim.core.step.StepResult;
import org.hyparsim.core.workload.Layer;
import org.hyparsim.core.workload.Network;
import org.hyparsim.scenarios.Scenarios;
import org.hyparsim.input.networks.NetworkCatalog;
import org.hyparsim.scenarios.run.ScenarioRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.hyparsim.paper.Validation;
import org.junit.jupiter.api.io.TempDir;

/**
 * Memory traffic and energy that scale honestly: data parallelism on hmc-rs, 1 and 16
 * accelerators. Sixteen cannot be more than 16 times faster than one (5% allowed for the
 * memory stalls the smaller shards avoid), nor spend less dynamic energy on the same work, and
 * every layer moves at least its compulsory traffic (each operand once per phase) and at most
 * {@link #MOST} times it.
 */
class ScalingTest {
    /** The stated bound on a layer's DRAM traffic, as a multiple of its compulsory traffic ({@link Validation#MOST_COMPULSORY}). */
    static final double MOST = Validation.MOST_COMPULSORY;

    @TempDir
    Path dir;

    StepResult run(String network, int accelerators) throws Exception {
        return ScenarioRunner.run(Scenarios.read(dir, "network: " + network + "\naccelerators: " + accelerators
                + "\nhardware: hmc-rs\nlinkModel: flow\nstrategies: [dp]\n"), false).get(0).result();
    }

    static double compulsory(Layer l, double batch, int accelerators) {
        return org.hyparsim.paper.Reproduction.compulsory(l, batch, accelerators);
    }

    /** A residual network (issue 30's third): speedup and dynamic energy only (its adds have no compulsory formula). */
    @Test
    void resNet50ScalesHonestly() throws Exception {
        StepResult one = run("ResNet-50", 1);
        StepResult sixteen = run("ResNet-50", 16);
        double speedup = one.stepTimeSeconds() / sixteen.stepTimeSeconds();
        assertTrue(speedup <= 16 * 1.05, "ResNet-50 speedup " + speedup);
        double dynamicOne = one.energyJoules() - one.energy().get(EnergyComponent.STATIC);
        double dynamicSixteen = sixteen.energyJoules() - sixteen.energy().get(EnergyComponent.STATIC);
        assertTrue(dynamicSixteen >= dynamicOne, "ResNet-50: " + dynamicSixteen + " J < " + dynamicOne + " J");
    }

    @ParameterizedTest
    @ValueSource(strings = {"VGG-A", "VGG-E"})
    void sixteenAcceleratorsScaleHonestly(String name) throws Exception {
        StepResult one = run(name, 1);
        StepResult sixteen = run(name, 16);
        double speedup = one.stepTimeSeconds() / sixteen.stepTimeSeconds();
        assertTrue(speedup <= 16 * 1.05, name + " speedup " + speedup);
        double dynamicOne = one.energyJoules() - one.energy().get(EnergyComponent.STATIC);
        double dynamicSixteen = sixteen.energyJoules() - sixteen.energy().get(EnergyComponent.STATIC);
        assertTrue(dynamicSixteen >= dynamicOne, name + ": " + dynamicSixteen + " J < " + dynamicOne + " J");
        Network net = NetworkCatalog.builtIn().get(name);
        for (int n : new int[] {1, 16}) {
            StepResult r = n == 1 ? one : sixteen;
            for (int i = 0; i < net.size(); i++) {
                LayerResult lr = r.layers().get(i);
                double floor = compulsory(net.layer(i), 256, n);
                assertTrue(lr.dramBytes() >= floor * (1 - 1e-9) && lr.dramBytes() <= MOST * floor,
                        name + " on " + n + ", " + lr.layer() + ": " + lr.dramBytes() / floor + " x compulsory");
            }
        }
    }
}
