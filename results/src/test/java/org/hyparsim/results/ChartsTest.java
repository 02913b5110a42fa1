package org.hyparsim.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.hyparsim.core.kind.Parallelism;
import javax.xml.parsers.DocumentBuilderFactory;
import org.hyparsim.results.charts.ChartFiles;
import org.hyparsim.results.charts.Charts;
import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** Every chart type renders to a PNG and an SVG that parse. */
class ChartsTest {
    @TempDir
    Path dir;

    private static Map<String, double[]> series(String a, double[] x, String b, double[] y) {
        Map<String, double[]> m = new LinkedHashMap<>();
        m.put(a, x);
        m.put(b, y);
        return m;
    }

    private void check(JFreeChart chart, String name) throws Exception {
        List<Path> files = ChartFiles.save(chart, dir, name);
        assertEquals(2, files.size());
        BufferedImage png = ImageIO.read(dir.resolve(name + ".png").toFile());
        assertNotNull(png, name + ".png does not parse");
        assertEquals(ChartFiles.WIDTH, png.getWidth());
        assertEquals(ChartFiles.HEIGHT, png.getHeight());
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document svg = f.newDocumentBuilder().parse(dir.resolve(name + ".svg").toFile());
        assertEquals("svg", svg.getDocumentElement().getLocalName());
        assertTrue(svg.getElementsByTagNameNS("*", "text").getLength() > 0 || svg.getDocumentElement().getTextContent()
                .length() > 0, name + ": the SVG has no text");
    }

    @Test
    void everyChartTypeRendersToPngAndSvg() throws Exception {
        List<String> nets = List.of("Lenet-c", "AlexNet", "VGG-A");
        check(Charts.partitionMap("partition", List.of("conv1", "conv2", "fc1"),
                List.of(List.of(Parallelism.DP, Parallelism.DP, Parallelism.MP), List.of(Parallelism.DP, Parallelism.MP, Parallelism.MP))), "partition");
        check(Charts.bars("performance", "network", "speedup over dp (x, log scale)", nets,
                series("dp", new double[] {1, 1, 1}, "hypar", new double[] {3.2, 5.5, 5.1}), true), "performance");
        check(Charts.bars("energy", "network", "energy efficiency over dp (x, log scale)", nets,
                series("dp", new double[] {1, 1, 1}, "hypar", new double[] {2.4, 2.0, 1.4}), true), "energy");
        check(Charts.bars("communication", "network", "GB per step (log scale)", nets,
                series("dp", new double[] {0.05, 2, 16}, "hypar", new double[] {0.016, 0.29, 1.4}), true), "communication");
        check(Charts.scalability("scalability", List.of("1", "2", "4"), series("dp", new double[] {1, 1.9, 3.5}, "hypar",
                new double[] {1, 2, 3.9}), series("dp", new double[] {0, 1.1, 3.4}, "hypar", new double[] {0, 0.2, 0.6})),
                "scalability");
        check(Charts.bars("topology", "network", "speedup over dp (x, log scale)", nets,
                series("torus", new double[] {1.6, 2.4, 3.5}, "htree", new double[] {3, 3.3, 5}), true), "topology");
        Map<String, double[]> parts = new LinkedHashMap<>();
        parts.put("compute", new double[] {1, 2, 3});
        parts.put("memory stall", new double[] {0.1, 0.2, 0.3});
        parts.put("exposed communication", new double[] {0.5, 0, 1});
        check(Charts.stacked("breakdown", "run", "time per step (ms)", nets, parts), "breakdown");
        check(Charts.heatmap("space", "H1", "H4", new double[][] {{1, 2}, {3, 4}}, "GB", 0, 1, "HyPar"), "heatmap");
    }
}
