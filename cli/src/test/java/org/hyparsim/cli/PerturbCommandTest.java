package org.hyparsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hyparsim.core.kind.LinkModel;
import org.hyparsim.input.scenario.Sweep;
import org.hyparsim.noc.Arbitration;
import org.hyparsim.scenarios.Scenarios;
import org.hyparsim.scenarios.sweep.SweepJournal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** run --perturb: its figures in JSON, CSV and text, its refusals; a sweep's perturb key; defaults in the fingerprint. */
class PerturbCommandTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String LENET = "network: Lenet-c\naccelerators: 16\ntopology: torus\n"
            + "hardware: {profile: hmc-rs, linkBandwidthGBps: 2}\nstrategies: [dp, hypar]\n";

    @TempDir
    Path dir;

    @Test
    void runReportsTheMedianMinimumAndMaximumBesideTheUnperturbedStepTime() throws Exception {
        Path s = Scenarios.write(dir, "s.yaml", LENET);
        Cli r = Cli.run("run", s.toString(), "--perturb", "0.2", "--samples", "3", "--seed", "5", "--format", "json",
                "--out", dir.resolve("o").toString());
        assertEquals(0, r.status(), r.err());
        JsonNode hypar = MAPPER.readTree(r.out()).get("runs").get(1);
        assertEquals("hypar", hypar.get("strategy").asText());
        assertEquals("flow", hypar.get("linkModel").asText());
        assertEquals(5, hypar.get("seed").asLong());
        assertEquals(3, hypar.get("samples").asInt());
        assertEquals(0.2, hypar.get("perturbation").asDouble());
        double min = hypar.get("stepTimeMinSeconds").asDouble();
        double med = hypar.get("stepTimeMedianSeconds").asDouble();
        double max = hypar.get("stepTimeMaxSeconds").asDouble();
        assertTrue(min <= med && med <= max && min < max, hypar.toString());
        assertEquals(3, hypar.get("stepTimeSamplesSeconds").size());
        assertTrue(hypar.has("stepTimeSeconds"));
        // the same seed again: the same numbers
        Cli again = Cli.run("run", s.toString(), "--perturb", "0.2", "--samples", "3", "--seed", "5", "--format", "json");
        assertEquals(hypar, MAPPER.readTree(again.out()).get("runs").get(1));
        List<String> csv = Files.readAllLines(dir.resolve("o/summary.csv"));
        assertTrue(csv.get(0).contains("stepTimeSeconds,stepTimeMedianSeconds,stepTimeMinSeconds,stepTimeMaxSeconds,"
                + "perturbation,samples,seed,"), csv.get(0));
        Cli text = Cli.run("run", s.toString(), "--perturb", "0.2", "--samples", "3");
        assertTrue(text.out().contains("Perturbed replays (link model flow, seed 1): 3 per strategy"), text.out());
        // without --perturb the output has none of it
        Cli plain = Cli.run("run", s.toString(), "--format", "json");
        assertFalse(plain.out().contains("stepTimeMedianSeconds"));
    }

    @Test
    void badValuesAreRefusedNamingTheOption() throws Exception {
        Path s = Scenarios.write(dir, "s.yaml", LENET);
        for (String[] bad : List.of(new String[] {"--perturb", "1"}, new String[] {"--perturb", "-0.1"},
                new String[] {"--perturb", "0.1", "--samples", "0"}, new String[] {"--samples", "3"})) {
            String[] args = new String[bad.length + 2];
            args[0] = "run";
            args[1] = s.toString();
            System.arraycopy(bad, 0, args, 2, bad.length);
            Cli r = Cli.run(args);
            assertEquals(2, r.status(), String.join(" ", bad) + ": " + r.err());
            String option = bad[0].equals("--perturb") && bad.length == 2 ? "--perturb" : "--samples";
            assertTrue(r.err().contains(option + ":"), r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertFalse(r.err().contains("\tat "));
        }
        Path k = Scenarios.write(dir, "k.yaml", LENET + "perturb: 0.1\nsamples: 0\n");
        Cli r = Cli.run("run", k.toString());
        assertEquals(2, r.status());
        assertTrue(r.err().contains("samples: must be a whole number from 1"), r.err());
    }

    @Test
    void aSweepPerturbsPerPoint() throws Exception {
        Path s = Scenarios.write(dir, "s.yaml", LENET.replace("[dp, hypar]", "[hypar]") + "samples: 2\nseed: 9\n"
                + "sweep:\n  perturb: [0, 0.3]\n");
        Cli r = Cli.run("sweep", s.toString(), "--out", dir.resolve("o").toString());
        assertEquals(0, r.status(), r.err());
        JsonNode rows = MAPPER.readTree(dir.resolve("o/results.json").toFile()).get("rows");
        assertEquals(2, rows.size());
        assertEquals(0.0, rows.get(0).get("perturbation").asDouble());
        assertEquals(rows.get(0).get("stepTimeSeconds"), rows.get(0).get("stepTimeMaxSeconds"));
        assertEquals(9, rows.get(1).get("seed").asLong());
        assertTrue(rows.get(1).get("stepTimeMinSeconds").asDouble() < rows.get(1).get("stepTimeMaxSeconds").asDouble());
        assertTrue(Files.readAllLines(dir.resolve("o/results.csv")).get(0).contains("stepTimeMedianSeconds"));
    }

    @Test
    void theFingerprintHoldsTheDefaultsAndAResumeAcrossAChangedDefaultIsRefused() throws Exception {
        Path s = Scenarios.write(dir, "s.yaml", LENET + "sweep:\n  accelerators: [2, 4]\n");
        Map<String, String> fp = Sweep.read(s).fingerprint();
        assertEquals(LinkModel.DEFAULT_RULE, fp.get("default linkModel"));
        assertEquals(Arbitration.DEFAULT.label(), fp.get("default arbitration"));
        assertTrue(fp.containsKey("hypar-sim") && fp.containsKey("default profile hmc-rs"), fp.toString());
        // a journal written when the default link model was another
        Map<String, String> before = new TreeMap<>(fp);
        String other = "packet";
        before.put("default linkModel", other);
        Path out = dir.resolve("o");
        Files.createDirectories(out);
        Files.writeString(out.resolve(SweepJournal.FILE), MAPPER.writeValueAsString(SweepJournal.header(before, null, 2))
                + "\n");
        Cli r = Cli.run("sweep", s.toString(), "--out", out.toString(), "--resume");
        assertEquals(2, r.status(), r.err());
        assertTrue(r.err().contains("the default linkModel changed (" + other + " -> " + LinkModel.DEFAULT_RULE + ")"),
                r.err());
        // and with the same defaults it resumes
        Files.writeString(out.resolve(SweepJournal.FILE), MAPPER.writeValueAsString(SweepJournal.header(fp, null, 2))
                + "\n");
        assertEquals(0, Cli.run("sweep", s.toString(), "--out", out.toString(), "--resume").status());
    }
}
