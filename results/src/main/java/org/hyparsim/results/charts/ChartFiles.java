package org.hyparsim.results.charts;

import java.util.Set;
import java.awt.Rectangle;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.hyparsim.results.AtomicFiles;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;

/** Writes a chart as PNG and SVG (each to a temporary name, then renamed into place). */
public final class ChartFiles {
    public static final int WIDTH = 1200;
    public static final int HEIGHT = 720;

    private ChartFiles() {
    }

    /** A name made safe for a file: letters, digits, '_' and '-' kept, anything else '_'. */
    public static String safe(String name) {
        return name.replaceAll("[^A-Za-z0-9_-]", "_");
    }

    /**
     * {@code base}, or base-2, base-3, ... when an earlier chart of this set already took it, its
     * case folded (two names that differ only by case are one file on some file systems).
     */
    public static String uniqueName(String base, Set<String> taken) {
        String name = base;
        for (int i = 2; isTaken(name, taken); i++) {
            name = base + "-" + i;
        }
        return name;
    }

    private static boolean isTaken(String name, Set<String> taken) {
        return taken.stream().anyMatch(t -> t.equalsIgnoreCase(name));
    }

    /** Writes base.png and base.svg; returns both paths. */
    public static List<Path> save(JFreeChart chart, Path dir, String base) throws IOException {
        System.setProperty("java.awt.headless", "true");
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ChartUtils.writeChartAsPNG(png, chart, WIDTH, HEIGHT);
        Path pngFile = dir.resolve(base + ".png");
        AtomicFiles.write(pngFile, png.toByteArray());
        SVGGraphics2D g = new SVGGraphics2D(WIDTH, HEIGHT);
        // JFreeSVG's default id prefix comes from the clock; a fixed one keeps the file deterministic
        g.setDefsKeyPrefix(safe(base) + "-");
        chart.draw(g, new Rectangle(0, 0, WIDTH, HEIGHT));
        Path svgFile = dir.resolve(base + ".svg");
        AtomicFiles.write(svgFile, g.getSVGDocument());
        return List.of(pngFile, svgFile);
    }
}
