package org.hyparsim.scenarios.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.hyparsim.core.step.StepResult;
import org.hyparsim.scenarios.Scenarios;
import org.hyparsim.scenarios.run.ScenarioRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compute, memory and energy models against a chip nobody here built: Eyeriss (Chen et al.,
 * JSSC 2017), AlexNet's conv layers (227 x 227, grouped as published), batch 4, inference:
 * 35 frames/s, 0.0029 DRAM accesses (16-bit words) per MAC, 278 mW on chip. The profile's
 * values come from the chip and from published costs, none tuned to these figures.
 */
class EyerissChipTest {
    @TempDir
    Path dir;

    StepResult run(String network, int batch) throws Exception {
        return ScenarioRunner.run(Scenarios.read(dir, "network: " + network + "\nbatch: " + batch
                + "\naccelerators: 1\nhardware: eyeriss\nphase: inference\nstrategies: [dp]\n"), false).get(0).result();
    }

    @Test
    void alexNetConvLayersAgreeWithTheChip() throws Exception {
        StepResult r = run("Eyeriss-AlexNet-conv", 4);
        assertEquals(4 * 665_784_864.0, r.macs(), 1, "forward MACs only: 666 M per image");
        double fps = 4 / r.stepTimeSeconds();
        double dramPerMac = r.dramBytes() / 2 / r.macs();
        double chipMw = r.energy().onChip() / r.stepTimeSeconds() * 1e3;
        assertEquals(35, fps, 0.30 * 35, "frames per second within 30%");
        assertTrue(dramPerMac >= 0.0029 / 1.5 && dramPerMac <= 0.0029 * 1.5, "DRAM accesses per MAC " + dramPerMac);
        assertEquals(278, chipMw, 0.35 * 278, "chip power within 35%");
    }

    @Test
    void vgg16IsReportedNotGated() throws Exception {
        // the chip runs VGG-16 at about 32% utilisation against about 69% on AlexNet; our array maps it better,
        // so ours is faster: the report shows the gap and its likely cause; here only what must hold
        StepResult r = run("Eyeriss-VGG-16-conv", 3);
        assertEquals(3 * 15_346_630_656.0, r.macs(), 1);
        assertTrue(3 / r.stepTimeSeconds() > 0.7, "faster than the chip's 0.7 frames/s");
        assertTrue(r.energy().byTasks() > 0 && Math.abs(r.energy().byTasks() - r.energyJoules()) < 1e-9 * r.energyJoules());
    }
}
