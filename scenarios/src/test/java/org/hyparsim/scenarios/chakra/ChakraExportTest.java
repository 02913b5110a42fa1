package org.hyparsim.scenarios.chakra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hyparsim.core.kind.StrategyKind;
import org.hyparsim.input.scenario.Scenario;
import org.hyparsim.input.scenario.ScenarioReader;
import org.hyparsim.results.chakra.ChakraExport;
import org.hyparsim.results.chakra.ChakraFiles;
import org.hyparsim.results.chakra.EtCodec;
import org.hyparsim.results.chakra.EtNode;
import org.hyparsim.results.chakra.EtSchema;
import org.hyparsim.results.chakra.EtValidation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The export of VGG-E and ResNet-50 at 16 and 64 accelerators under every planner: the files
 * parse with our reader of Chakra's schema, every dependency exists, no cycles, every collective
 * on every member of its group alike and in the same order, sends and receives pair.
 */
class ChakraExportTest {
    static final List<StrategyKind> STRATEGIES = List.of(StrategyKind.DP, StrategyKind.MP, StrategyKind.TRICK,
            StrategyKind.HYPAR, StrategyKind.ACCPAR, StrategyKind.TIMED); // exhaustive refuses these sizes (2^76 plans)

    @TempDir
    Path dir;

    static Scenario scenario(Path dir, String network, int accelerators, String extra) throws IOException {
        Path file = dir.resolve(network + "-" + accelerators + ".yaml");
        Files.writeString(file, "network: " + network + "\nbatch: 256\naccelerators: " + accelerators
                + "\ntopology: ring\nstrategies: [dp]\n" + extra);
        return ScenarioReader.read(file);
    }

    /** Reads back what was written and checks it; returns the nodes per rank. */
    static List<List<EtNode>> writeReadCheck(Path out, String name, ChakraExport.Trace trace, Scenario s)
            throws IOException {
        ChakraFiles.write(out, name, trace, ChakraExporter.array(s));
        List<List<EtNode>> ranks = new ArrayList<>();
        for (int r = 0; r < s.accelerators(); r++) {
            EtCodec.EtFile f = EtCodec.read(out.resolve(name + "." + r + ".et"));
            assertEquals(EtSchema.VERSION, f.version());
            ranks.add(f.nodes());
        }
        Map<String, int[]> groups = new HashMap<>();
        trace.groups().forEach((k, v) -> groups.put(Integer.toString(k), v));
        assertTrue(Files.readString(out.resolve("groups.json")).startsWith("{"));
        EtValidation.check(ranks, groups, name);
        assertEquals(0, trace.droppedDependencies(), "every dependency has a node on a shared rank");
        return ranks;
    }

    @Test
    void everyNetworkSizeAndStrategyExportsACheckedTrace() throws IOException {
        for (String network : List.of("VGG-E", "ResNet-50")) {
            for (int n : new int[] {16, 64}) {
                Scenario s = scenario(dir, network, n, "collective: ring\n");
                for (StrategyKind k : STRATEGIES) {
                    ChakraExport.Trace t = ChakraExporter.export(s, ChakraExporter.strategy(s, k, "test", "strategy"),
                            ChakraExport.Collectives.AS_NODES);
                    List<List<EtNode>> ranks = writeReadCheck(dir.resolve(network + n + k.label()), "step", t, s);
                    assertEquals(n, ranks.size());
                }
            }
        }
    }

    @Test
    void asTransfersPairsEverySend() throws IOException {
        Scenario s = scenario(dir, "VGG-E", 16, "collective: ring\n");
        ChakraExport.Trace t = ChakraExporter.export(s, ChakraExporter.strategy(s, StrategyKind.HYPAR, "test", "s"),
                ChakraExport.Collectives.AS_TRANSFERS);
        List<List<EtNode>> ranks = writeReadCheck(dir.resolve("transfers"), "step", t, s);
        assertTrue(t.groups().isEmpty());
        long sends = ranks.stream().flatMap(List::stream).filter(e -> e.type() == EtSchema.NodeType.COMM_SEND_NODE).count();
        long recvs = ranks.stream().flatMap(List::stream).filter(e -> e.type() == EtSchema.NodeType.COMM_RECV_NODE).count();
        assertEquals(sends, recvs);
        assertTrue(sends > 0);
    }
}
