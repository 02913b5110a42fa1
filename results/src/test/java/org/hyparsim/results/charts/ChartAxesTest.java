package org.hyparsim.results.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.axis.ValueTick;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.xy.XYZDataset;
import org.junit.jupiter.api.Test;

/**
 * Every chart kind's value axes: the range from the data (from zero for magnitudes, otherwise at
 * most three times the data's range, on a log axis in decades), ticks at 1, 2 or 5 x 10^k, and
 * tick labels of at most three significant digits.
 */
class ChartAxesTest {
    private static final List<String> NETS = List.of("Lenet-c", "AlexNet", "VGG-A");

    private static Map<String, double[]> series(String a, double[] av, String b, double[] bv) {
        Map<String, double[]> m = new LinkedHashMap<>();
        m.put(a, av);
        m.put(b, bv);
        return m;
    }

    private static Map<String, double[]> parts(double scale) {
        Map<String, double[]> parts = new LinkedHashMap<>();
        parts.put("compute", new double[] {1 * scale, 2 * scale, 3 * scale});
        parts.put("memory stall", new double[] {0.1 * scale, 0.2 * scale, 0.3 * scale});
        parts.put("exposed communication", new double[] {0.5 * scale, 0, 1 * scale});
        return parts;
    }

    /** One chart of each kind, with values like the sweeps' and the reproduction's. */
    static Map<String, JFreeChart> everyKind() {
        Map<String, JFreeChart> c = new LinkedHashMap<>();
        c.put("speedup, narrow (lenet-sweep)", Charts.bars("performance", "network", "speedup over dp (x, log scale)",
                NETS, series("dp", new double[] {1, 1, 1}, "hypar", new double[] {0.97, 1.02, 1.0}), true));
        c.put("speedup, a few x", Charts.bars("performance", "network", "speedup over dp (x, log scale)", NETS,
                series("dp", new double[] {1, 1, 1}, "hypar", new double[] {3.2, 5.5, 5.1}), true));
        c.put("speedup, decades", Charts.bars("timed", "network", "speedup (x, log scale)", NETS,
                series("dp", new double[] {1, 1, 1}, "hypar", new double[] {30, 500, 0.2}), true));
        c.put("communication, decades", Charts.bars("communication", "network", "bytes per step (GB, log scale)",
                NETS, series("dp", new double[] {0.05, 2, 16}, "hypar", new double[] {0.016, 0.29, 1.4}), true));
        c.put("communication, small", Charts.bars("communication", "network", "bytes per step (GB, log scale)", NETS,
                series("dp", new double[] {0.00195, 0.0021, 0.003}, "hypar", new double[] {0.001, 0.0012, 0.0025}), true));
        c.put("step time, linear", Charts.bars("mixed", "network", "step time (ms)", NETS,
                series("dp", new double[] {1020, 2050, 4100}, "hypar", new double[] {800, 1500, 8190}), false));
        c.put("breakdown", Charts.breakdown("breakdown", "run", NETS, parts(1e-3), false));
        c.put("breakdown shares", Charts.breakdown("breakdown", "run", NETS, parts(1e-3), true));
        c.put("stacked seconds", Charts.stacked("breakdown", "run", "time per step (s)", NETS, parts(40)));
        c.put("scalability", Charts.scalability("scalability", List.of("1", "2", "4"),
                series("dp", new double[] {1, 1.9, 3.5}, "hypar", new double[] {1, 2, 3.9}),
                series("dp", new double[] {0, 1.1, 3.4}, "hypar", new double[] {0, 0.02, 0.6})));
        c.put("heatmap", Charts.heatmap("space", "H1", "H4", new double[][] {{0.001, 0.002}, {0.003, 0.0045}},
                "communication per step (GB)", 0, 1, "HyPar"));
        // the partition map has symbol axes only (layers, levels): no value axis to check
        return c;
    }

    @Test
    void everyValueAxisHasADataRangeOneTwoFiveTicksAndShortLabels() {
        int axes = 0;
        for (Map.Entry<String, JFreeChart> e : everyKind().entrySet()) {
            for (Checked a : valueAxes(e.getValue())) {
                String where = e.getKey() + " / " + a.axis.getLabel();
                checkRange(where, a);
                List<ValueTick> ticks = labelled(a.axis, a.area, a.edge);
                assertTrue(ticks.size() >= 2, where + ": " + ticks.size() + " labelled ticks");
                if (a.axis instanceof NumberAxis n) {
                    assertTrue(oneTwoFive(n.getTickUnit().getSize()), where + ": tick unit " + n.getTickUnit().getSize());
                }
                for (ValueTick t : ticks) {
                    if (a.axis instanceof LogAxis) {
                        assertTrue(oneTwoFive(t.getValue()), where + ": tick at " + t.getValue());
                    }
                    assertTrue(new BigDecimal(t.getText()).stripTrailingZeros().precision() <= 3,
                            where + ": label " + t.getText());
                }
                axes++;
            }
        }
        assertEquals(12, axes);
    }

    @Test
    void theUnitSuitsTheValues() {
        Map<String, JFreeChart> c = everyKind();
        String small = c.get("communication, small").getCategoryPlot().getRangeAxis().getLabel();
        assertTrue(small.contains("(MB"), small);
        String ms = c.get("breakdown").getCategoryPlot().getRangeAxis().getLabel();
        assertTrue(ms.contains("(ms)"), ms);
        String s = c.get("step time, linear").getCategoryPlot().getRangeAxis().getLabel();
        assertTrue(s.contains("(s)"), s);
        String heat = ((PaintScaleLegend) c.get("heatmap").getSubtitle(1)).getAxis().getLabel();
        assertTrue(heat.contains("(MB)"), heat);
    }

    @Test
    void aNarrowSpeedupIsNotDrawnOverDecades() {
        ValueAxis y = everyKind().get("speedup, narrow (lenet-sweep)").getCategoryPlot().getRangeAxis();
        assertFalse(y instanceof LogAxis);
        assertTrue(y.getLowerBound() >= 0.9 && y.getUpperBound() <= 1.1, y.getRange().toString());
        assertFalse(y.getLabel().contains("log"), y.getLabel());
    }

    private record Checked(ValueAxis axis, double min, double max, Rectangle2D area, RectangleEdge edge) {
    }

    private static List<Checked> valueAxes(JFreeChart chart) {
        BufferedImage image = new BufferedImage(ChartFiles.WIDTH, ChartFiles.HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        ChartRenderingInfo info = new ChartRenderingInfo();
        chart.draw(g, new Rectangle2D.Double(0, 0, ChartFiles.WIDTH, ChartFiles.HEIGHT), info);
        Rectangle2D area = info.getPlotInfo().getDataArea();
        List<Checked> out = new ArrayList<>();
        if (chart.getPlot() instanceof CategoryPlot p) {
            for (int i = 0; i < p.getRangeAxisCount(); i++) {
                double[] b = bounds(p.getDataset(i));
                out.add(new Checked(p.getRangeAxis(i), b[0], b[1], area, i == 0 ? RectangleEdge.LEFT : RectangleEdge.RIGHT));
            }
        }
        for (int i = 0; i < chart.getSubtitleCount(); i++) {
            if (chart.getSubtitle(i) instanceof PaintScaleLegend legend) {
                XYZDataset d = (XYZDataset) ((XYPlot) chart.getPlot()).getDataset(0);
                double min = Double.POSITIVE_INFINITY;
                double max = 0;
                for (int k = 0; k < d.getItemCount(0); k++) {
                    min = Math.min(min, d.getZValue(0, k));
                    max = Math.max(max, d.getZValue(0, k));
                }
                out.add(new Checked(legend.getAxis(), min, max, area, RectangleEdge.RIGHT));
            }
        }
        g.dispose();
        return out;
    }

    private static double[] bounds(CategoryDataset d) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int r = 0; r < d.getRowCount(); r++) {
            for (int c = 0; c < d.getColumnCount(); c++) {
                Number v = d.getValue(r, c);
                if (v != null) {
                    min = Math.min(min, v.doubleValue());
                    max = Math.max(max, v.doubleValue());
                }
            }
        }
        return new double[] {min, max};
    }

    private static void checkRange(String where, Checked a) {
        double lo = a.axis.getLowerBound();
        double hi = a.axis.getUpperBound();
        assertTrue(lo <= a.min + 1e-12 && hi >= a.max - 1e-12, where + ": " + a.axis.getRange() + " misses data");
        if (a.axis instanceof LogAxis) {
            double decades = Math.log10(Math.max(a.max / a.min, 1 + ValueAxes.LEAST_RANGE_SHARE));
            assertTrue(Math.log10(hi / lo) <= 3 * decades, where + ": " + a.axis.getRange() + " for " + a.min + ".." + a.max);
        } else if (lo != 0) {
            assertTrue(hi - lo <= 3 * ValueAxes.dataRange(a.min, a.max),
                    where + ": " + a.axis.getRange() + " for " + a.min + ".." + a.max);
        }
    }

    private static List<ValueTick> labelled(ValueAxis axis, Rectangle2D area, RectangleEdge edge) {
        BufferedImage image = new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        List<ValueTick> out = new ArrayList<>();
        for (Object t : axis.refreshTicks(g, new AxisState(), area, edge)) {
            ValueTick v = (ValueTick) t;
            if (v.getTickType() == TickType.MAJOR && !v.getText().isEmpty()) {
                out.add(v);
            }
        }
        g.dispose();
        return out;
    }

    /** 1, 2 or 5 x 10^k (or 0). */
    static boolean oneTwoFive(double v) {
        if (v == 0) {
            return true;
        }
        double m = Math.abs(v) / Math.pow(10, Math.floor(Math.log10(Math.abs(v)) + 1e-9));
        return Math.abs(m - 1) < 1e-6 || Math.abs(m - 2) < 1e-6 || Math.abs(m - 5) < 1e-6;
    }
}
