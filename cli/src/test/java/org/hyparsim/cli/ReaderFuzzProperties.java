package org.hyparsim.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.hyparsim.core.InputException;
import org.hyparsim.core.workload.Network;
import org.hyparsim.input.networks.NetworkCatalog;
import org.hyparsim.input.scenario.Sweep;

/**
 * Fuzzing of the scenario and network readers with random and mutated files: every outcome is
 * a valid result or one clear input error naming the file; never another exception.
 */
class ReaderFuzzProperties {
    static final List<String> SCENARIOS = List.of(
            "network: VGG-E\nbatch: 256\naccelerators: 16\ntopology: htree\nhardware: hmc-rs\nschedule: overlap\n"
                    + "strategies: [dp, mp, trick, hypar]\n",
            "network: Lenet-c\nstrategies: [dp, hypar]\nsweep:\n  accelerators: [2, 4, 8]\n  topology: [htree, torus]\n",
            "network: Lenet-c\naccelerators: 8\ncollective: ring-bidir\nhardware: {profile: hmc-rs, engines: 4, "
                    + "memoryLatencyNs: 100}\nsweep:\n  collective: [hierarchical, auto, direct]\n",
            "network: Eyeriss-AlexNet-conv\nbatch: 4\naccelerators: 1\nhardware: {profile: eyeriss, registerFilePj: 2, "
                    + "ifmapSpadWords: 12}\nphase: inference\nsweep:\n  phase: [training, inference]\n",
            "network: Lenet-c\naccelerators: 4\ntopology: {name: htree, levelBandwidthGBps: [60, 30]}\n"
                    + "strategies: [dp, exhaustive]\n",
            "{\"network\": \"AlexNet\", \"hardware\": {\"profile\": \"paper\", \"linkBandwidthGBps\": 1}, \"iterations\": 2}",
            "network:\n  name: n\n  layers:\n    - {name: c, type: conv, in_ch: 3, in_hw: 8, k: 3, pad: 1, out_ch: 4, pool: 2}\n"
                    + "    - {name: f, type: fc, in_ch: 64, out_ch: 10}\ntopology: {name: torus, linkBandwidthGBps: 10}\n");
    static final List<String> NETWORKS = List.of(
            "name: tiny\nlayers:\n  - {name: f1, type: fc, in_ch: 1024, out_ch: 64}\n  - {name: f2, type: fc, in_ch: 64, out_ch: 10}\n",
            "{\"layers\": [{\"name\": \"c1\", \"type\": \"conv\", \"in_ch\": 3, \"in_hw\": 32, \"k\": 5, \"pad\": 2, \"out_ch\": 8,"
                    + " \"pool\": 2}, {\"name\": \"f\", \"type\": \"fc\", \"in_ch\": 2048, \"out_ch\": 10}]}",
            "name: grouped\nlayers:\n  - {name: c1, type: conv, in_ch: 8, in_hw: 16, k: 3, pad: 1, out_ch: 16, groups: 2}\n"
                    + "  - {name: f, type: fc, in_ch: 4096, out_ch: 10}\n",
            "num_layers 2\nconv1 CONV\nin_ch 3\nin_fmap_h 32\nin_fmap_w 32\nkernel 3\nout_ch 16\nout_fmap_h 16\nout_fmap_w 16\n"
                    + "pool 2\nfc1 FC\nin_ch 4096\nout_ch 10\n");

    private static final String ALPHABET = "{}[]:,\"' \n\t-&*!|>#%@0123456789.eEabcdfgklmnoprstuwxyz_/\\";

    @Provide
    Arbitrary<String> mutatedScenarios() {
        return mutated(SCENARIOS);
    }

    @Provide
    Arbitrary<String> mutatedNetworks() {
        return mutated(NETWORKS);
    }

    @Provide
    Arbitrary<String> randomText() {
        return Arbitraries.strings().withChars(ALPHABET.toCharArray()).ofMaxLength(300);
    }

    /** A valid file with 1 to 6 random edits: deletions, insertions, replaced numbers, duplicated lines. */
    private static Arbitrary<String> mutated(List<String> bases) {
        Arbitrary<String> base = Arbitraries.of(bases);
        Arbitrary<List<Integer>> positions = Arbitraries.integers().between(0, 10_000).list().ofMinSize(1).ofMaxSize(3);
        Arbitrary<List<Integer>> kinds = Arbitraries.integers().between(0, 4).list().ofSize(6);
        Arbitrary<List<Character>> chars = Arbitraries.of(ALPHABET.chars().mapToObj(c -> (char) c).toList()).list().ofSize(6);
        Arbitrary<List<String>> numbers = Arbitraries.of("0", "-1", "65536", "1e400", "99999999999999999999", "0.5", "2147483648",
                "\"x\"", "[]", "{}", "null", "131072", "1048577", "3").list().ofSize(6);
        return Combinators.combine(base, positions, kinds, chars, numbers).as((b, pos, kind, ch, num) -> {
            StringBuilder s = new StringBuilder(b);
            for (int i = 0; i < pos.size(); i++) {
                int p = s.length() == 0 ? 0 : pos.get(i) % s.length();
                switch (kind.get(i)) {
                    case 0 -> s.deleteCharAt(Math.min(p, Math.max(0, s.length() - 1)));
                    case 1 -> s.insert(p, ch.get(i));
                    case 2 -> {
                        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\d+").matcher(s);
                        if (m.find(p) || m.find(0)) {
                            s.replace(m.start(), m.end(), num.get(i));
                        }
                    }
                    case 3 -> {
                        int start = s.lastIndexOf("\n", p) + 1;
                        int end = s.indexOf("\n", p);
                        if (end > start) {
                            s.insert(start, s.substring(start, end + 1));
                        }
                    }
                    default -> s.setCharAt(Math.min(p, Math.max(0, s.length() - 1)), ch.get(i));
                }
            }
            return s.toString();
        });
    }

    private static void assertReadsOrRefuses(Path file, Runnable read) {
        try {
            read.run();
            net.jqwik.api.statistics.Statistics.label("outcome").collect("read");
        } catch (InputException e) {
            net.jqwik.api.statistics.Statistics.label("outcome").collect("refused");
            assertTrue(e.getMessage().contains(file.getFileName().toString()) || e.getMessage().startsWith("the scenario")
                    || e.getMessage().contains("built-in"), "the error names the file: " + e.getMessage());
        }
    }

    /** Writes the text under each file name and reads each with the reader: a result or a clear refusal. */
    private static void readEach(String text, List<String> names, java.util.function.Consumer<Path> reader)
            throws Exception {
        Path dir = Files.createTempDirectory("fuzz");
        try {
            for (String name : names) {
                Path f = dir.resolve(name);
                Files.writeString(f, text);
                assertReadsOrRefuses(f, () -> reader.accept(f));
            }
        } finally {
            deleteAll(dir);
        }
    }

    private static void readNetwork(Path f) {
        Network n = NetworkCatalog.readFile(f);
        assertTrue(n.size() >= 1);
    }

    @Property(tries = 400, seed = "1901020672")
    void mutatedScenarioFilesReadOrAreRefused(@ForAll("mutatedScenarios") String text) throws Exception {
        readEach(text, List.of("s.yaml", "s.json"), Sweep::read);
    }

    @Property(tries = 400, seed = "1901020673")
    void mutatedNetworkFilesReadOrAreRefused(@ForAll("mutatedNetworks") String text) throws Exception {
        readEach(text, List.of("n.yaml", "n.json", "n.txt"), ReaderFuzzProperties::readNetwork);
    }

    @Property(tries = 300, seed = "1901020674")
    void randomTextReadsOrIsRefused(@ForAll("randomText") String text) throws Exception {
        readEach(text, List.of("r.yaml"), Sweep::read);
        readEach(text, List.of("r.json"), ReaderFuzzProperties::readNetwork);
    }

    private static void deleteAll(Path dir) throws java.io.IOException {
        try (var s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
