package org.hyparsim.scenarios.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hyparsim.core.kind.LinkModel;
import org.hyparsim.core.kind.TopologyKind;
import org.hyparsim.input.scenario.Scenario;
import org.hyparsim.partition.planner.Strategy;
import org.hyparsim.results.RunRecord;
import org.hyparsim.scenarios.Scenarios;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default link model against packet level (FIFO, 64 KiB packets) on the validation set of
 * docs/VALIDATION.md: VGG-E and ResNet-50; dp, hypar, accpar; 64 and 256 accelerators; H tree and
 * torus; collectives auto and hierarchical; at 1024, VGG-E hypar. Packet-level replays are whole
 * (tens of millions of events at 256 and 1024), each unperturbed and three times perturbed, so this runs only
 * on request and raises the task limit itself:
 * {@code mvn -B -o -pl scenarios -am test -Dtest=LinkModelValidationCheck -Dsurefire.failIfNoSpecifiedTests=false -DargLine=-Xmx8g}.
 * It prints each row as it is measured and writes the table to {@code target/link-validation.md};
 * beside it, on VGG-E's H-tree cases from 256 accelerators, {@code calendar-turns} (the default's
 * choice where calendars have no exact share that can be held) against the same packet replays, to
 * {@code target/link-validation-turns.md}.
 */
class LinkModelValidationCheck {
    /** Whole packet-level steps at 1024 accelerators hold tens of millions of tasks. */
    private static final String MAX_TASKS = "60000000";

    @TempDir
    Path dir;

    private record Case(String network, int accelerators, String topology, String collective, String strategies) {
    }

    @Test
    void defaultLinkModelAgainstPacketLevel() throws IOException {
        System.setProperty("hypar-sim.maxTasks", MAX_TASKS);
        List<Case> cases = new ArrayList<>();
        for (int n : new int[] {64, 256}) {
            for (String net : List.of("VGG-E", "ResNet-50")) {
                for (String topo : List.of("htree", "torus")) {
                    for (String coll : List.of("auto", "hierarchical")) {
                        cases.add(new Case(net, n, topo, coll, "dp, hypar, accpar"));
                    }
                }
            }
        }
        for (String topo : List.of("torus", "htree")) {
            for (String coll : List.of("auto", "hierarchical")) {
                cases.add(new Case("VGG-E", 1024, topo, coll, "hypar"));
            }
        }
        List<String> rows = new ArrayList<>();
        rows.add("| network | accelerators | topology | collective | strategy | default | default ms | packet ms | difference "
                + "| default, median of 3 at perturb 1e-6, ms | packet, the same, ms | difference |");
        rows.add("|---|---|---|---|---|---|---|---|---|---|---|---|");
        Path out = Path.of("target", "link-validation.md");
        List<String> turnsRows = new ArrayList<>();
        turnsRows.add("| network | accelerators | collective | strategy | calendar-turns ms | packet ms | difference "
                + "| the default's difference |");
        turnsRows.add("|---|---|---|---|---|---|---|---|");
        Path turnsOut = Path.of("target", "link-validation-turns.md");
        for (Case c : cases) {
            List<RunRecord> dfltRuns = runs(c, null);
            List<Double> dflt = dfltRuns.stream().map(r -> r.result().stepTimeSeconds()).toList();
            List<Double> median = dfltRuns.stream().map(r -> r.spread().medianSeconds()).toList();
            List<RunRecord> packetRuns = runs(c, LinkModel.PACKET);
            List<Double> packet = packetRuns.stream().map(r -> r.result().stepTimeSeconds()).toList();
            List<Double> packetMedian = packetRuns.stream().map(r -> r.spread().medianSeconds()).toList();
            String[] strategies = c.strategies().split(", ");
            assertEquals(strategies.length, dflt.size());
            for (int i = 0; i < strategies.length; i++) {
                String row = String.format(Locale.ROOT, "| %s | %d | %s | %s | %s | %s | %.3f | %.3f | %+.1f%% | %.3f | %.3f | %+.1f%% |",
                        c.network(), c.accelerators(), c.topology(), c.collective(), strategies[i],
                        LinkModel.defaultFor(c.accelerators()).label(), dflt.get(i) * 1e3, packet.get(i) * 1e3,
                        100 * (dflt.get(i) / packet.get(i) - 1), median.get(i) * 1e3, packetMedian.get(i) * 1e3,
                        100 * (median.get(i) / packetMedian.get(i) - 1));
                System.out.println(row);
                rows.add(row);
            }
            Files.createDirectories(out.getParent());
            Files.write(out, rows);
            if (c.network().equals("VGG-E") && TopologyKind.fromName(c.topology()).orElseThrow() == TopologyKind.HTREE
                    && c.accelerators() >= 256) {
                List<RunRecord> turnsRuns = runs(c, LinkModel.CALENDAR_TURNS);
                for (int i = 0; i < strategies.length; i++) {
                    double t = turnsRuns.get(i).result().stepTimeSeconds();
                    String row = String.format(Locale.ROOT, "| %s | %d | %s | %s | %.3f | %.3f | %+.1f%% | %+.1f%% |",
                            c.network(), c.accelerators(), c.collective(), strategies[i], t * 1e3, packet.get(i) * 1e3,
                            100 * (t / packet.get(i) - 1), 100 * (dflt.get(i) / packet.get(i) - 1));
                    System.out.println(row);
                    turnsRows.add(row);
                }
                Files.write(turnsOut, turnsRows);
            }
        }
    }

    /**
     * Each strategy's run on the case's array with the given link model (null: the default), with
     * three samples at a perturbation of 1e-6 (seed 1) beside the unperturbed replay.
     */
    private List<RunRecord> runs(Case c, LinkModel model) throws IOException {
        Scenario s = Scenarios.read(dir, "network: " + c.network() + "\nbatch: 256\naccelerators: " + c.accelerators()
                + "\ntopology: " + c.topology() + "\nhardware: hmc-rs\nschedule: overlap\ncollective: " + c.collective()
                + "\nperturb: 1e-6\nsamples: 3\nseed: 1" + (model == null ? "" : "\nlinkModel: " + model.label())
                + "\nstrategies: [" + c.strategies() + "]\n");
        List<RunRecord> out = new ArrayList<>();
        for (Strategy st : s.strategies()) {
            out.add(ScenarioRunner.run(s, st, false));
        }
        return out;
    }
}
