package org.hyparsim.scenarios.accpar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hyparsim.core.workload.Layer;
import org.hyparsim.core.workload.Network;
import org.hyparsim.core.workload.Shortcut;
import org.hyparsim.partition.Accounting;
import org.hyparsim.partition.CommunicationModel;
import org.hyparsim.core.kind.Parallelism;
import org.hyparsim.partition.Plan;
import org.hyparsim.partition.planner.LayerwisePlanner;
import org.hyparsim.input.networks.AccParReader;
import org.hyparsim.input.networks.NetworkCatalog;
import org.junit.jupiter.api.Test;

/**
 * With AccPar's accounting, hypar and accpar give the plans AccPar's released planner prints in
 * its two- and three-type modes: cases worked by hand from its source, and its printed plans for
 * every network, batch and level of the acceptance grid.
 */
class ReleasedPlannerTest {
    private static Network network(String name) {
        return name.endsWith(".txt") ? NetworkCatalog.readFile(Path.of("src/test/resources/accpar/" + name))
                : NetworkCatalog.builtIn().get(name);
    }

    private static String letters(List<Parallelism> row) {
        StringBuilder sb = new StringBuilder();
        row.forEach(p -> sb.append(p.letter()));
        return sb.toString();
    }

    private static List<String> plan(String net, int batch, boolean three, int levels) {
        CommunicationModel m = new CommunicationModel(network(net), Accounting.accpar(batch));
        Plan p = (three ? LayerwisePlanner.accpar() : LayerwisePlanner.hypar()).plan(m, levels);
        return p.rows().stream().map(ReleasedPlannerTest::letters).toList();
    }

    @Test
    void everyPrintedPlanOfTheGrid() throws IOException {
        Map<String, List<String>> expected = new LinkedHashMap<>();
        try (InputStream in = getClass().getResourceAsStream("/accpar/released-plans.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\t");
                expected.computeIfAbsent(f[0] + "\t" + f[1] + "\t" + f[2], k -> new ArrayList<>()).add(f[4]);
            }
        }
        assertEquals(5 * 8 * 2, expected.size(), "five networks, batches 16 to 2048, two modes");
        for (Map.Entry<String, List<String>> e : expected.entrySet()) {
            String[] k = e.getKey().split("\t");
            List<String> want = e.getValue();
            assertEquals(7, want.size());
            // the hierarchy is greedy from the top: the plan for h levels is the first h rows of the plan for 7
            assertEquals(want, plan(k[0], Integer.parseInt(k[1]), k[2].equals("accpar"), 7), e.getKey());
            assertEquals(want.subList(0, 3), plan(k[0], Integer.parseInt(k[1]), k[2].equals("accpar"), 3), e.getKey());
        }
    }

    @Test
    void alexNetByHand() {
        // batch 512, one level. Convs: dp moves the kernel (conv1: 3 x 96 x 121 = 34,848), mp the output
        // (512 x 96 x 55 x 55 = 148.7 M): dp. fc6 9216 -> 4096: dp 37.7 M weights, mp 512 x 4096 = 2.1 M
        // outputs plus the dp -> mp transition, 0.5 x 512 x 9216 = 2.4 M: mp (4.5 M).
        assertEquals(List.of("dddddmmm"), plan("Alexnet.txt", 512, false, 1));
        // three types: fc7 4096 -> 4096 as Type III moves its input error (2.1 M), the same as Type II's output,
        // but mp -> mp-out and mp-out -> mp cost nothing where mp -> mp costs 0.5 x 512 x 4096 = 1.05 M
        assertEquals(List.of("dddddmom"), plan("Alexnet.txt", 512, true, 1));
    }

    @Test
    void vgg11ByHand() {
        // fc1 25088 -> 4096: dp 102.8 M weights against mp 2.1 M outputs + 0.5 x 512 x 25088 = 6.4 M: mp;
        // three types: fc2 as Type III between two Type II layers, as in AlexNet
        assertEquals(List.of("ddddddddmmm"), plan("Vgg11.txt", 512, false, 1));
        assertEquals(List.of("ddddddddmom"), plan("Vgg11.txt", 512, true, 1));
    }

    @Test
    void resNetsByHand() {
        // batch 512: the last conv (512 x 512 x 9 = 2.36 M weights) stays dp against its 512 x 512 x 49 = 12.8 M
        // outputs. The fc (2048 -> 1000): dp 2.05 M weights; mp 512 x 1000 = 0.51 M outputs + dp -> mp
        // 0.5 x 512 x 2048 = 0.52 M = 1.03 M; Type III 512 x 2048 = 1.05 M + 0.52 M = 1.57 M: mp in both modes.
        // Its shortcut from cv516 (dp) into the fc is never charged: the predecessor is dp.
        for (String net : List.of("AccPar-ResNet-18", "AccPar-ResNet-34", "AccPar-ResNet-50")) {
            int n = network(net).size();
            String expected = "d".repeat(n - 1) + "m";
            assertEquals(List.of(expected), plan(net, 512, false, 1), net);
            assertEquals(List.of(expected), plan(net, 512, true, 1), net);
        }
    }

    @Test
    void tiesGoToTheLowerType() {
        // one fc 16 -> 8 at batch 16: dp moves 16 x 8 = 128 weights, mp 16 x 8 = 128 outputs: a tie, dp
        Network tie = AccParReader.parse("num_layers 1\nfc1 FC\nin_ch 16\nout_ch 8\n", "tie", "test");
        assertEquals(Parallelism.DP, LayerwisePlanner.hypar().plan(new CommunicationModel(tie, Accounting.accpar(16)), 1)
                .choice(1, 0));
        // 8 -> 16 at batch 8: dp 128, mp 128, mp-out 8 x 8 = 64: mp-out with three types, dp (the tie) with two
        Network three = AccParReader.parse("num_layers 1\nfc1 FC\nin_ch 8\nout_ch 16\n", "tie3", "test");
        CommunicationModel m = new CommunicationModel(three, Accounting.accpar(8));
        assertEquals(Parallelism.DP, LayerwisePlanner.hypar().plan(m, 1).choice(1, 0));
        assertEquals(Parallelism.MP_OUT, LayerwisePlanner.accpar().plan(m, 1).choice(1, 0));
    }

    @Test
    void aShortcutWorkedByHand() {
        // fc1 8 -> 16, fc2 16 -> 2, fc3 2 -> 8, fc4 8 -> 32, batch 16; a shortcut from fc2's input to fc3's output.
        // Intra (I, II, III) = (in x out, B x out, B x in): fc1 (128, 256, 128), fc2 (32, 32, 256),
        // fc3 (16, 128, 32), fc4 (256, 512, 128). Transitions cost half the consumer's input (256, 32, 128)
        // except I -> I, II -> III and III -> II.
        // fc2: I 128 + 32 = 160 (from I), II 128 + 32 = 160 (from III), III 256 + 256 = 512 (from I: a tie).
        // fc3: I 160 + 16 = 176 (from I), II 176 + 128 = 304 (from I), III 160 + 32 = 192 (from II).
        // fc4 with the shortcut, fc2's type traced back from fc3's: as III, from I 176 + 64 = 240 (the shortcut
        // I -> III, 64, not charged: the running minimum starts from the Type I predecessor without it), from II
        // 304 + 0 + 64, from III 192 + 64 + 0 = 256: 240 + 128 = 368; as I 176 + 256 = 432; as II 240 + 512.
        // So dp, dp, dp, mp-out: 368 by the planner's count, 432 with the shortcut it left out.
        List<Layer> layers = List.of(Layer.fc("fc1", 8, 16), Layer.fc("fc2", 16, 2), Layer.fc("fc3", 2, 8),
                Layer.fc("fc4", 8, 32));
        Network net = Network.reference("hand", "", layers, List.of(Shortcut.identity(1, 2)), "test", "test");
        CommunicationModel m = new CommunicationModel(net, Accounting.accpar(16));
        Plan released = LayerwisePlanner.accpar().plan(m, 1);
        assertEquals("dddo", letters(released.rows().get(0)));
        assertEquals(432, m.evaluate(released).totalBytes());
        // the exact planner carries fc2's type to fc4: mp-out, mp, dp, mp-out moves
        // 128 + 0 + 32 + 16 + 16 + 64 + 128 and its shortcut (II -> III) nothing: 384
        Plan exact = LayerwisePlanner.accpar().exact().plan(m, 1);
        assertEquals("omdo", letters(exact.rows().get(0)));
        assertEquals(384, m.evaluate(exact).totalBytes());
        // with two types the released planner charges no shortcut at all
        Plan two = LayerwisePlanner.hypar().plan(m, 1);
        assertTrue(m.evaluate(two).totalBytes() >= m.evaluate(LayerwisePlanner.hypar().exact().plan(m, 1)).totalBytes());
    }
}
