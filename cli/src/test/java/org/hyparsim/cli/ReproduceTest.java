package org.hyparsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.hyparsim.results.Csv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** reproduce --quick writes the report, the CSVs and the charts, and the report's numbers are the CSVs'. */
class ReproduceTest {
    @TempDir
    Path dir;

    @Test
    void quickReproductionWritesAReportWhoseNumbersEqualTheCsvs() throws Exception {
        Cli r = Cli.run("reproduce", "--quick", "--out", dir.toString(), "--threads", "2");
        assertEquals(0, r.status(), r.err());
        whereTheAnswerFlipsIsComputedFromRuns();
        String report = Files.readString(dir.resolve("REPORT.md"));
        for (String f : List.of("fig5_partition", "fig6_performance", "fig7_energy", "fig8_communication", "fig9_lenet_space",
                "fig11_scalability", "fig12_topology", "hmc_rs", "validation", "flip", "accpar", "accpar_released", "timed", "timed_estimate", "timed_mixed", "headline")) {
            assertTrue(Files.exists(dir.resolve(f + ".csv")), f);
        }
        for (String png : List.of("fig6_performance", "fig7_energy", "fig8_communication", "fig9_lenet_space",
                "fig11_scalability", "fig12_topology", "hmc_rs_breakdown", "flip_bandwidth", "flip_size",
                "fig5_partition_VGG_A", "accpar_communication", "accpar_speedup", "timed_step", "timed_gain", "timed_mixed")) {
            assertTrue(Files.size(dir.resolve(png + ".png")) > 1000, png);
            assertTrue(report.contains(png + ".png") || png.startsWith("fig5"), png + " is embedded");
        }
        // every Markdown table of the report is, cell for cell, the CSV with the same header
        List<List<List<String>>> tables = markdownTables(report);
        assertEquals(14, tables.size(), "headline, Figs. 6, 7, 8, 11, 12, hmc-rs, validation, where the answer flips, "
                + "AccPar's section and its released planner, the timed plans, the estimate and the mixed array");
        List<String> order = List.of("headline", "fig6_performance", "fig7_energy", "fig8_communication",
                "fig11_scalability", "fig12_topology", "hmc_rs", "validation", "flip", "accpar", "accpar_released", "timed",
                "timed_estimate", "timed_mixed");
        for (int k = 0; k < order.size(); k++) {
            Path csv = dir.resolve(order.get(k) + ".csv");
            List<Map<String, String>> rows = Csv.read(Files.readString(csv));
            List<List<String>> t = tables.get(k);
            assertEquals(new ArrayList<>(rows.get(0).keySet()), t.get(0), csv + " header");
            assertEquals(rows.size(), t.size() - 1, csv.toString());
            for (int i = 0; i < rows.size(); i++) {
                assertEquals(new ArrayList<>(rows.get(i).values()), t.get(i + 1), csv + " row " + i);
            }
        }
        // the headline's HyPar speedups are those of Fig. 6
        assertTrue(report.contains("| VGG-A | 5.057 | 4.97 |"), report);
    }

    static List<List<List<String>>> markdownTables(String md) {
        List<List<List<String>>> out = new ArrayList<>();
        List<List<String>> current = null;
        for (String line : md.split("\n")) {
            if (line.startsWith("|")) {
                if (line.startsWith("|---")) {
                    continue;
                }
                List<String> cells = new ArrayList<>(Arrays.asList(line.substring(1, line.length() - 1).split("\\|", -1)));
                cells.replaceAll(String::trim);
                if (current == null) {
                    current = new ArrayList<>();
                    out.add(current);
                }
                current.add(cells);
            } else {
                current = null;
            }
        }
        return out;
    }

    /** Called from the test above, on the same output. */
    private void whereTheAnswerFlipsIsComputedFromRuns() throws Exception {
        String report = Files.readString(dir.resolve("REPORT.md"));
        // one sentence per network and axis, each naming the first value past 5% or saying it never passes
        List<Map<String, String>> rows = Csv.read(Files.readString(dir.resolve("flip.csv")));
        for (String varied : List.of("link bandwidth GB/s", "accelerators")) {
            String first = null;
            for (Map<String, String> row : rows) {
                double share = Double.parseDouble(row.get("dp exposed share").replace("%", ""));
                if (row.get("varied").equals(varied) && share > 5 && first == null) {
                    first = row.get("value");
                }
            }
            String sentence = report.lines().filter(l -> l.startsWith("- VGG-A, by " + varied)).findFirst().orElseThrow();
            if (first != null) {
                assertTrue(sentence.contains("passes 5% of its step at " + first + " "), sentence);
            } else {
                assertTrue(sentence.contains("stays under 5%"), sentence);
            }
        }
        assertTrue(report.contains("were fitted to the paper's Figs. 6, 7 and 11"), "the fitted ratio is said plainly");
        assertTrue(!report.contains("hides behind backward compute"), "no fixed sentence about dp hiding its exchange");
    }
}
