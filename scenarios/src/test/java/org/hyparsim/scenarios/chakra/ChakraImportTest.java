package org.hyparsim.scenarios.chakra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hyparsim.core.InputException;
import org.hyparsim.core.kind.StrategyKind;
import org.hyparsim.core.workload.Network;
import org.hyparsim.input.networks.NetworkCatalog;
import org.hyparsim.input.scenario.Scenario;
import org.hyparsim.input.scenario.ScenarioReader;
import org.hyparsim.partition.planner.Strategy;
import org.hyparsim.results.chakra.ChakraExport;
import org.hyparsim.results.chakra.ChakraFiles;
import org.hyparsim.results.chakra.EtAttr;
import org.hyparsim.results.chakra.EtCodec;
import org.hyparsim.results.chakra.EtNode;
import org.hyparsim.results.chakra.EtSchema.Names;
import org.hyparsim.results.chakra.EtSchema.NodeType;
import org.hyparsim.scenarios.array.SimulatedArray;
import org.hyparsim.scenarios.run.ScenarioRunner;
import org.hyparsim.core.step.ComputeWork;
import org.hyparsim.core.step.TaskKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Chakra traces replayed on our array: ASTRA-sim's VGG-E figure, a round trip, and the refusals. */
class ChakraImportTest {
    /** ASTRA-sim's step time for chakra.md's VGG-E trace on a 16-ring (analytical backend), seconds. */
    static final double ASTRA_SIM_VGG_E_16 = 38.299759e-3;
    /** The same on a 1024-ring. */
    static final double ASTRA_SIM_VGG_E_1024 = 59.829955e-3;

    @TempDir
    Path dir;

    static Scenario ring(Path dir, int n, String schedule) throws IOException {
        Path file = dir.resolve("ring" + n + ".yaml");
        Files.writeString(file, "network: VGG-E\nbatch: 64\naccelerators: " + n + "\ntopology: {name: ring, "
                + "linkBandwidthGBps: 30, linkLatencyNs: 500}\ncollective: ring\nlinkModel: flow\nschedule: "
                + schedule + "\nstrategies: [dp]\n");
        return ScenarioReader.read(file);
    }

    /** chakra.md's trace: 19 forward nodes of 100 us, then per layer from the last a backward of 200 us and its all-reduce. */
    static List<EtNode> vggERank() {
        Network vgg = NetworkCatalog.builtIn().get("VGG-E");
        List<EtNode> nodes = new ArrayList<>();
        long id = 0;
        for (int l = 0; l < vgg.size(); l++) {
            nodes.add(comp(id, "fwd " + vgg.layer(l).name(), 100, l == 0 ? List.of() : List.of(id - 1)));
            id++;
        }
        long lastBackward = id - 1;
        long lastAllReduce = -1;
        for (int l = vgg.size() - 1; l >= 0; l--) {
            nodes.add(comp(id, "bwd " + vgg.layer(l).name(), 200, List.of(lastBackward)));
            lastBackward = id++;
            nodes.add(new EtNode(id, "ar " + vgg.layer(l).name(), NodeType.COMM_COLL_NODE,
                    lastAllReduce < 0 ? List.of() : List.of(lastAllReduce), List.of(lastBackward), 0, 0,
                    List.of(EtAttr.int64(Names.COMM_TYPE, 0), EtAttr.int64(Names.COMM_SIZE, 4 * vgg.layer(l).weights()))));
            lastAllReduce = id++;
        }
        return nodes;
    }

    private static EtNode comp(long id, String name, long micros, List<Long> deps) {
        return new EtNode(id, name, NodeType.COMP_NODE, List.of(), deps, 0, micros,
                List.of(EtAttr.bool(Names.IS_CPU_OP, false)));
    }

    static Path writeRanks(Path dir, String name, List<List<EtNode>> ranks) throws IOException {
        Files.createDirectories(dir);
        for (int r = 0; r < ranks.size(); r++) {
            try (OutputStream out = Files.newOutputStream(dir.resolve(name + "." + r + ".et"))) {
                EtCodec.write(out, ranks.get(r));
            }
        }
        return dir.resolve(name);
    }

    @Test
    void vggETraceOnA16RingIsWithinOnePercentOfAstraSim() throws IOException {
        assertEquals(143_652_544L, NetworkCatalog.builtIn().get("VGG-E").weights());
        int n = 16;
        List<List<EtNode>> ranks = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            ranks.add(vggERank());
        }
        Path prefix = writeRanks(dir.resolve("vgg"), "vgg", ranks);
        ChakraImport.Trace t = ChakraImport.read(prefix, null, n);
        double seconds = ChakraImport.replay(t, SimulatedArray.of(ring(dir, n, "overlap").array(),
                ring(dir, n, "overlap").schedule()), ChakraImport.Options.DEFAULT).stepTimeSeconds();
        assertEquals(ASTRA_SIM_VGG_E_16, seconds, 0.01 * ASTRA_SIM_VGG_E_16, "ours: " + seconds);
        double astraRule = ChakraImport.replay(t, SimulatedArray.of(ring(dir, n, "overlap").array(),
                ring(dir, n, "overlap").schedule()), new ChakraImport.Options(true)).stepTimeSeconds();
        assertEquals(seconds, astraRule, 1e-9 * seconds, "already one communication at a time");
    }

    @Test
    void roundTripGivesTheOriginalStepTime() throws IOException {
        Scenario s = ring(dir, 16, "serial");
        for (StrategyKind k : List.of(StrategyKind.DP, StrategyKind.HYPAR)) {
            Strategy strategy = ChakraExporter.strategy(s, k, "test", "strategy");
            double original = ScenarioRunner.run(s, strategy, false).result().stepTimeSeconds();
            for (ChakraExport.Collectives mode : ChakraExport.Collectives.values()) {
                ChakraExport.Trace trace = ChakraExporter.export(s, strategy, mode);
                Path out = dir.resolve(k.label() + mode.label());
                ChakraFiles.write(out, "step", trace, ChakraExporter.array(s));
                ChakraImport.Trace back = ChakraImport.read(out.resolve("step"), out.resolve("groups.json"), 16);
                double replayed = ChakraImport.replay(back, SimulatedArray.of(s.array(), s.schedule()),
                        ChakraImport.Options.DEFAULT).stepTimeSeconds();
                assertEquals(original, replayed, 1e-3 * original, k + " " + mode + ": " + replayed + " vs " + original);
            }
        }
    }

    /** A COMP node with num_ops and tensor_size but no duration is costed by the accelerator's compute model. */
    @Test
    void computeNodesWithoutADurationTakeOurComputeModel() throws IOException {
        long ops = 2L * 1024 * 1024 * 4096;
        long bytes = 4L * 1024 * 1024;
        EtNode node = new EtNode(0, "gemm", NodeType.COMP_NODE, List.of(), List.of(), 0, 0, List.of(
                EtAttr.bool(Names.IS_CPU_OP, false), EtAttr.int64(Names.NUM_OPS, ops), EtAttr.uint64(Names.TENSOR_SIZE, bytes)));
        Path prefix = writeRanks(dir.resolve("ops"), "ops", List.of(List.of(node), List.of(node)));
        Scenario s = ring(dir, 2, "overlap");
        SimulatedArray array = SimulatedArray.of(s.array(), s.schedule());
        double seconds = ChakraImport.replay(ChakraImport.read(prefix, null, 2), array, ChakraImport.Options.DEFAULT)
                .stepTimeSeconds();
        ComputeWork work = ChakraStepBuilder.opsWork(ops, bytes, TaskKind.FORWARD);
        assertEquals(1024, work.layer().inChannels(), "a 1024 x 1024 fp32 weight is 4 MiB");
        assertEquals(ops / 2.0, work.samples() * work.layer().forwardMacsPerSample(), 1e-6 * ops);
        double model = array.computeModels().apply(0).cost(work).durationPs() * 1e-12;
        assertTrue(model > 0, "our model gives the work a time");
        assertEquals(model, seconds, 1e-9 * model, "the step is the node's time on our model");
    }

    private InputException refused(List<List<EtNode>> ranks) throws IOException {
        Path prefix = writeRanks(dir.resolve("bad"), "bad", ranks);
        return assertThrows(InputException.class, () -> ChakraImport.read(prefix, null, ranks.size()));
    }

    @Test
    void brokenTracesAreRefusedNamingRankAndNode() throws IOException {
        EtNode a = comp(0, "a", 1, List.of());
        assertTrue(refused(List.of(List.of(a, comp(1, "b", 1, List.of(7L))))).getMessage()
                .contains("rank 0, node 1 'b': depends on node 7"));
        assertTrue(refused(List.of(List.of(comp(0, "a", 1, List.of(1L)), comp(1, "b", 1, List.of(0L)))))
                .getMessage().contains("on a dependency cycle"));
        EtNode recv = new EtNode(1, "r", NodeType.COMM_RECV_NODE, List.of(), List.of(), 0, 0, List.of(
                EtAttr.int32(Names.COMM_SRC, 1), EtAttr.int32(Names.COMM_DST, 0), EtAttr.int32(Names.COMM_TAG, 5),
                EtAttr.int64(Names.COMM_SIZE, 8)));
        assertTrue(refused(List.of(List.of(a, recv), List.of(a))).getMessage()
                .contains("rank 0, node 1 'r': a receive from rank 1 (tag 5) without its send"));
        EtNode ar1 = new EtNode(1, "ar", NodeType.COMM_COLL_NODE, List.of(), List.of(), 0, 0, List.of(
                EtAttr.int64(Names.COMM_TYPE, 0), EtAttr.int64(Names.COMM_SIZE, 8)));
        EtNode ar2 = new EtNode(1, "ar", NodeType.COMM_COLL_NODE, List.of(), List.of(), 0, 0, List.of(
                EtAttr.int64(Names.COMM_TYPE, 0), EtAttr.int64(Names.COMM_SIZE, 16)));
        assertTrue(refused(List.of(List.of(a, ar1), List.of(a, ar2))).getMessage()
                .contains("rank 1, node 1 'ar': collective 1 of group '' is type 0 of 16 bytes here but type 0 of 8"));
        Path prefix = writeRanks(dir.resolve("missing"), "m", List.of(List.of(a)));
        InputException missing = assertThrows(InputException.class, () -> ChakraImport.read(prefix, null, 2));
        assertTrue(missing.getMessage().contains("rank 1: missing"), missing.getMessage());
    }
}
