package org.hyparsim.cli;

import org.hyparsim.scenarios.Scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.hyparsim.core.Limits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile and oversized inputs: each is refused with one clear message and exit status 2, quickly. */
class HostileInputTest {
    @TempDir
    Path dir;

    private Cli run(String name, String content) throws Exception {
        Path f = Scenarios.write(dir, name, content);
        return Cli.run("run", f.toString(), "--format", "json");
    }

    private static void assertRefused(Cli r, String expected) {
        assertEquals(2, r.status(), r.err());
        assertTrue(r.err().contains(expected), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace");
        assertEquals("", r.out());
    }

    @Test
    void yamlAliasBombIsRefused() throws Exception {
        // nine levels of nine aliases, inside a field that takes any value: 9^9 elements if expanded
        StringBuilder y = new StringBuilder("network: Lenet-c\nsweep:\n  hardware:\n"
                + "    - &a0 {profile: hmc-rs, x: [1, 1, 1, 1, 1, 1, 1, 1, 1]}\n");
        for (int i = 1; i < 10; i++) {
            y.append("    - &a").append(i).append(" [");
            for (int j = 0; j < 9; j++) {
                y.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
            }
            y.append("]\n");
        }
        Path f = Scenarios.write(dir, "bomb.yaml", y.toString());
        Cli r = Cli.run("sweep", f.toString(), "--out", dir.resolve("o").toString());
        assertRefused(r, "bomb.yaml: line 9, column 12: the YAML expands to more than 100000 values once its aliases are"
                + " replaced (system property hypar-sim.maxYamlNodes)");
    }

    @Test
    void deeplyNestedJsonIsRefused() throws Exception {
        String deep = "[".repeat(5000) + "]".repeat(5000);
        assertRefused(run("deep.json", "{\"network\": \"Lenet-c\", \"strategies\": " + deep + "}"), "deep.json");
        String deepYaml = "network: Lenet-c\nhardware: " + "[".repeat(3000) + "]".repeat(3000) + "\n";
        assertRefused(run("deep.yaml", deepYaml), "deep.yaml");
    }

    @Test
    void fileLargerThan16MegabytesIsRefused() throws Exception {
        Path f = dir.resolve("big.yaml");
        Files.writeString(f, "network: Lenet-c\n# " + "x".repeat(17 << 20) + "\n");
        assertRefused(Cli.run("run", f.toString()), "larger than the input limit of 16777216 bytes");
    }

    @Test
    void networkOfMoreThan10000LayersIsRefused() throws Exception {
        StringBuilder sb = new StringBuilder("{\"layers\": [");
        for (int i = 0; i <= 10_000; i++) {
            sb.append(i == 0 ? "" : ",").append("{\"name\":\"f").append(i).append("\",\"type\":\"fc\",\"in_ch\":4,\"out_ch\":4}");
        }
        Files.writeString(dir.resolve("deep-net.json"), sb.append("]}").toString());
        assertRefused(run("s.yaml", "network: deep-net.json\n"), "10001 layers: more than the limit of 10000");
    }

    @Test
    void hugeAndMalformedNumbersAreRefused() throws Exception {
        assertRefused(run("n1.yaml", "network: Lenet-c\nbatch: 99999999999999999999\n"), "batch: must be from 1 to 1048576");
        assertRefused(run("n2.yaml", "network: Lenet-c\naccelerators: 1e400\n"), "accelerators: wrong type");
        assertRefused(run("n3.yaml", "network: Lenet-c\naccelerators: 131072\n"), "accelerators must be a power of two from 1 to 65536");
        assertRefused(run("n4.yaml", "network: Lenet-c\nbatch: 1048577\n"), "batch: must be from 1 to 1048576");
        assertRefused(run("n5.yaml", "network: Lenet-c\nbatch: -3\n"), "batch: must be from 1");
        assertRefused(run("n6.yaml", "network: Lenet-c\niterations: 0.5\n"), "iterations: wrong type");
        assertRefused(run("n7.yaml", "network: {layers: [{name: f, type: fc, in_ch: 99999999999, out_ch: 2}]}\n"),
                "network.layers[0].in_ch");
        assertRefused(run("n8.yaml", "network: Lenet-c\nhardware: {profile: hmc-rs, packetBytes: 1}\n"),
                "hardware.packetBytes: must be a number from 64 to");
    }

    @Test
    void aTaskGraphTooLargeForMemoryIsRefused() throws Exception {
        // held whole (no symmetry to cut it by): the limit of a whole graph
        assertRefused(run("huge.yaml", "network: VGG-E\naccelerators: 65536\nsymmetry: off\nstrategies: [hypar]\n"),
                "more than the limit of 10000000");
        // built as a stream where a symmetry may cut it: a larger limit, still refused before anything is built
        assertRefused(run("huge2.yaml", "network: VGG-E\naccelerators: 65536\niterations: 2\nstrategies: [hypar]\n"),
                "more than the limit of 100000000 for a step cut by symmetry");
        // packets in chunks under round robin are replayed whole: the limit of a whole graph, as they are read
        assertRefused(run("huge3.yaml", "network: VGG-E\naccelerators: 65536\nlinkModel: packet-chunks\n"
                + "hardware: {profile: hmc-rs, arbitration: round-robin}\nstrategies: [hypar]\n"),
                "more than the limit of 10000000");
    }

    /**
     * A step within the larger limit (a symmetry might cut it) that no symmetry cuts is refused as
     * it is found, with the limit of a graph held whole (lowered here to 500 tasks): where the
     * topology has XORs to try, after the summaries (and a share by orbits over the limit before it is
     * built); on a bus, which has none, as the graph reaches it.
     */
    @Test
    void aStepThatNoSymmetryCutsIsRefusedAtTheLimitOfAWholeGraph() throws Exception {
        String key = org.hyparsim.core.Limits.property("maxTasks");
        System.setProperty(key, "500");
        try {
            assertRefused(run("mesh.yaml", "network: Lenet-c\naccelerators: 16\ntopology: mesh\ncollective: ring\n"
                    + "strategies: [dp]\n"), "mesh.yaml: accelerators: the training step has ");
            // a torus's XORs halve HyPar's step on 16 (1,712 tasks): its share of 856 is refused before it is built
            assertRefused(run("torus.yaml", "network: Lenet-c\naccelerators: 16\ntopology: torus\nstrategies: [hypar]\n"),
                    "torus.yaml: accelerators: the training step has 1712 tasks, and the symmetries of the topology"
                    + " that map it onto itself (a group of 2) leave 856 to replay by orbits, more than the limit of 500");
            Cli bus = run("bus.yaml", "network: Lenet-c\naccelerators: 16\ntopology: bus\nstrategies: [hypar]\n");
            assertRefused(bus, "bus.yaml: accelerators: the task graph to replay reaches 500 tasks, the limit of a"
                    + " graph held in memory");
        } finally {
            System.clearProperty(key);
        }
    }

    @Test
    void sweepOfMoreThanAMillionPointsIsRefused() throws Exception {
        StringBuilder list = new StringBuilder("[");
        for (int i = 1; i <= 1100; i++) {
            list.append(i == 1 ? "" : ", ").append(i);
        }
        String axis = list.append("]").toString();
        Path f = Scenarios.write(dir, "wide.yaml", "network: Lenet-c\nsweep:\n  batch: " + axis + "\n  iterations: []\n"
                + "  accelerators: [1]\n  linkModel: [packet]\n  schedule: [overlap]\n  topology: [htree]\n  hardware: [hmc-rs]\n"
                + "  network: [Lenet-c]\n  strategies: " + axis.replaceAll("\\d+", "dp") + "\n");
        Cli r = Cli.run("sweep", f.toString(), "--out", dir.resolve("o").toString());
        assertEquals(2, r.status(), r.err());
        assertTrue(r.err().contains("wide.yaml"), r.err());
    }

    @Test
    void binaryGarbageDuplicateKeysAndTypeTagsAreRefused() throws Exception {
        Path g = dir.resolve("garbage.yaml");
        Files.write(g, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2, (byte) 0x80, 10, 58, 58});
        Cli r = Cli.run("run", g.toString());
        assertEquals(2, r.status(), r.err());
        assertRefused(run("dup.yaml", "network: Lenet-c\nbatch: 1\nbatch: 2\n"), "dup.yaml");
        // no polymorphic type handling: a type tag is an unknown field, never a class to load
        assertRefused(run("tag.json", "{\"network\": \"Lenet-c\", \"@class\": \"java.lang.ProcessBuilder\"}"),
                "unknown field '@class'");
        assertRefused(run("tag2.yaml", "network: !!javax.script.ScriptEngineManager [x]\n"), "tag2.yaml");
    }

    @Test
    void emptyFilesAndDirectoriesAreRefused() throws Exception {
        assertRefused(run("empty.yaml", ""), "empty.yaml");
        Files.createDirectories(dir.resolve("adir.yaml"));
        assertRefused(Cli.run("run", dir.resolve("adir.yaml").toString()), "is a directory");
    }

    @Test
    void namesInInputCannotMakeTheToolWriteOutsideOut() throws Exception {
        Files.writeString(dir.resolve("evil.yaml"), "name: ../../../escaped\nlayers:\n"
                + "  - {name: f1, type: fc, in_ch: 64, out_ch: 64}\n  - {name: f2, type: fc, in_ch: 64, out_ch: 10}\n");
        Path s = Scenarios.write(dir, "s.yaml", "network: evil.yaml\nstrategies: [dp, hypar]\nsweep:\n  accelerators: [2, 4]\n");
        Path out = dir.resolve("a/b/out");
        Cli r = Cli.run("sweep", s.toString(), "--out", out.toString());
        assertEquals(0, r.status(), r.err());
        try (var all = Files.walk(dir)) {
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                assertTrue(p.startsWith(out) || p.getParent().equals(dir), "written outside --out: " + p);
            }
        }
    }

    @Test
    void limitsAreConfigurable() throws Exception {
        String key = Limits.property("maxLayers");
        System.setProperty(key, "675");
        try {
            StringBuilder net = new StringBuilder("network:\n  layers:\n");
            for (int i = 0; i < 676; i++) {
                net.append("    - {name: f").append(i).append(", type: fc, in_ch: 8, out_ch: 8}\n");
            }
            assertRefused(run("l.yaml", net.toString()), "676 layers: more than the limit of 675 (system property "
                    + "hypar-sim.maxLayers)");
        } finally {
            System.clearProperty(key);
        }
        assertEquals(0, run("l2.yaml", "network: Lenet-c\naccelerators: 2\n").status());
    }
}
