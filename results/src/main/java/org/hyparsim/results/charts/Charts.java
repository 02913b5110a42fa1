package org.hyparsim.results.charts;

import java.awt.Polygon;
import java.util.LinkedHashMap;
import org.hyparsim.core.kind.Parallelism;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.renderer.category.AbstractCategoryItemRenderer;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The project's charts, built from plain figures so that sweeps, the reproduction and the
 * chart command draw the same pictures from the same records. Every axis states its unit;
 * fonts are sized to stay readable at 1000 pixels wide.
 */
public final class Charts {
    static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 22);
    static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 17);
    static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 15);
    /** Colours for the strategies (colour-blind safe, Okabe-Ito), in a fixed order. */
    static final Color[] PALETTE = {new Color(0, 114, 178), new Color(230, 159, 0), new Color(0, 158, 115),
        new Color(204, 121, 167), new Color(86, 180, 233), new Color(213, 94, 0), new Color(240, 228, 66),
        new Color(0, 0, 0)};

    private Charts() {
    }

    /**
     * Bars per category and series, on a value axis chosen from the data ({@link ValueAxes}): a
     * log axis when asked for and the values span a decade or more, the unit the label names
     * changed to the one that suits the values.
     */
    public static JFreeChart bars(String title, String categoryLabel, String valueLabel, List<String> categories,
            Map<String, double[]> series, boolean log) {
        double[] range = range(series, log);
        ValueAxes.Scaled y = ValueAxes.of(valueLabel, range[0], range[1], log);
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Map.Entry<String, double[]> s : series.entrySet()) {
            for (int i = 0; i < categories.size(); i++) {
                double v = s.getValue()[i];
                if (Double.isFinite(v) && (!(y.axis() instanceof LogAxis) || v > 0)) {
                    data.addValue(v * y.factor(), s.getKey(), categories.get(i));
                }
            }
        }
        BarRenderer r = new BarRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setItemMargin(0.02);
        r.setBase(y.barBase());
        r.setIncludeBaseInRange(false);
        colour(r, series.size());
        CategoryPlot plot = new CategoryPlot(data, categoryAxis(categoryLabel, categories.size()), y.axis(), r);
        return finish(title, plot);
    }

    /** The smallest and largest finite values (positive ones only for a log axis); infinities when none. */
    static double[] range(Map<String, double[]> series, boolean positiveOnly) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double[] values : series.values()) {
            for (double v : values) {
                if (Double.isFinite(v) && (!positiveOnly || v > 0)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        return new double[] {min, max};
    }

    /** Stacked bars: the parts of each category's total (for the step-time breakdown), from zero. */
    public static JFreeChart stacked(String title, String categoryLabel, String valueLabel, List<String> categories,
            Map<String, double[]> parts) {
        double max = 0;
        for (int i = 0; i < categories.size(); i++) {
            double total = 0;
            for (double[] v : parts.values()) {
                total += Double.isFinite(v[i]) ? v[i] : 0;
            }
            max = Math.max(max, total);
        }
        ValueAxes.Scaled y = ValueAxes.of(valueLabel, 0, max, false);
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Map.Entry<String, double[]> s : parts.entrySet()) {
            for (int i = 0; i < categories.size(); i++) {
                data.addValue(s.getValue()[i] * y.factor(), s.getKey(), categories.get(i));
            }
        }
        StackedBarRenderer r = new StackedBarRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        colour(r, parts.size());
        CategoryPlot plot = new CategoryPlot(data, categoryAxis(categoryLabel, categories.size()), y.axis(), r);
        return finish(title, plot);
    }

    /**
     * The step-time breakdown: each category's parts in seconds stacked, on a time axis in the
     * unit that suits them ({@code shares} false), or each part's share of its category's total
     * ({@code shares} true, the normalised version: a second chart, never the only one).
     */
    public static JFreeChart breakdown(String title, String categoryLabel, List<String> categories,
            Map<String, double[]> partsSeconds, boolean shares) {
        if (!shares) {
            return stacked(title, categoryLabel, "time per step (s)", categories, partsSeconds);
        }
        double[] totals = new double[categories.size()];
        partsSeconds.values().forEach(v -> {
            for (int i = 0; i < totals.length; i++) {
                totals[i] += Double.isFinite(v[i]) ? v[i] : 0;
            }
        });
        Map<String, double[]> share = new LinkedHashMap<>();
        partsSeconds.forEach((k, v) -> {
            double[] f = new double[totals.length];
            for (int i = 0; i < f.length; i++) {
                f[i] = totals[i] > 0 ? v[i] / totals[i] : 0;
            }
            share.put(k, f);
        });
        return stacked(title + " (shares)", categoryLabel, "share of the step time (fraction)", categories, share);
    }

    /**
     * Gain bars per array size (left axis) with communication lines on a second, logarithmic
     * axis (the paper's Fig. 11).
     */
    public static JFreeChart scalability(String title, List<String> sizes, Map<String, double[]> gains,
            Map<String, double[]> communicationGB) {
        JFreeChart chart = bars(title, "accelerators", "gain over the smallest array (x)", sizes, gains, false);
        CategoryPlot plot = chart.getCategoryPlot();
        double[] range = range(communicationGB, true);
        if (range[1] > 0) {
            ValueAxes.Scaled y = ValueAxes.of("communication per step (GB, log scale)", range[0], range[1], true);
            DefaultCategoryDataset lines = new DefaultCategoryDataset();
            for (Map.Entry<String, double[]> s : communicationGB.entrySet()) {
                for (int i = 0; i < sizes.size(); i++) {
                    double v = s.getValue()[i];
                    // every category is added (a gap where there is nothing to draw), so that the
                    // lines' categories line up with the bars'
                    lines.addValue(v > 0 ? Double.valueOf(v * y.factor()) : null, s.getKey() + " communication",
                            sizes.get(i));
                }
            }
            plot.setDataset(1, lines);
            plot.setRangeAxis(1, y.axis());
            plot.mapDatasetToRangeAxis(1, 1);
            LineAndShapeRenderer lr = new LineAndShapeRenderer(true, true);
            for (int i = 0; i < communicationGB.size(); i++) {
                lr.setSeriesPaint(i, PALETTE[i % PALETTE.length].darker());
                lr.setSeriesStroke(i, new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f,
                        new float[] {8f, 5f}, 0f));
                lr.setSeriesShape(i, new Ellipse2D.Double(-5, -5, 10, 10));
            }
            plot.setRenderer(1, lr);
            plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        }
        return chart;
    }

    /**
     * The partition map (the paper's Fig. 5): a mark per layer and level, one colour and shape per
     * partition type (mp-out only where the plan uses it).
     */
    public static JFreeChart partitionMap(String title, List<String> layers,
            List<List<Parallelism>> plan) {
        XYSeries dp = new XYSeries("dp (split the batch)");
        XYSeries mp = new XYSeries("mp (split the kernel by input channels)");
        XYSeries out = new XYSeries("mp-out (split the kernel by output channels)");
        for (int h = 0; h < plan.size(); h++) {
            for (int l = 0; l < layers.size(); l++) {
                XYSeries series = switch (plan.get(h).get(l)) {
                    case DP -> dp;
                    case MP -> mp;
                    case MP_OUT -> out;
                };
                series.add(l, plan.size() - 1 - h);
            }
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(dp);
        data.addSeries(mp);
        if (out.getItemCount() > 0) {
            data.addSeries(out);
        }
        SymbolAxis x = new SymbolAxis("layer", layers.toArray(new String[0]));
        x.setVerticalTickLabels(layers.size() > 8);
        String[] levels = new String[plan.size()];
        for (int h = 0; h < plan.size(); h++) {
            levels[plan.size() - 1 - h] = "H" + (h + 1);
        }
        SymbolAxis y = new SymbolAxis("level of the hierarchy (H1: the first split)", levels);
        style(x);
        style(y);
        x.setGridBandsVisible(false);
        y.setGridBandsVisible(false);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
        r.setSeriesPaint(0, PALETTE[0]);
        r.setSeriesPaint(1, PALETTE[5]);
        r.setSeriesShape(0, new Ellipse2D.Double(-9, -9, 18, 18));
        r.setSeriesShape(1, new Rectangle2D.Double(-9, -9, 18, 18));
        r.setSeriesPaint(2, PALETTE[2]);
        r.setSeriesShape(2, new Polygon(new int[] {-10, 10, 0}, new int[] {8, 8, -10}, 3));
        XYPlot plot = new XYPlot(data, x, y, r);
        x.setRange(-0.6, layers.size() - 0.4);
        y.setRange(-0.6, Math.max(0.6, plan.size() - 0.4));
        return finish(title, plot);
    }

    /**
     * A heat map of values over two choices (the paper's Fig. 9): x and y index the choices,
     * colour the value on a log scale (in the unit of the label's kind that suits the values);
     * the marked cell is outlined by a legend entry.
     */
    public static JFreeChart heatmap(String title, String xLabel, String yLabel, double[][] values, String valueLabel,
            int markX, int markY, String markLabel) {
        int nx = values.length;
        int ny = values[0].length;
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (double[] column : values) {
            for (double v : column) {
                if (v > 0) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        AxisUnit unit = AxisUnit.inLabel(valueLabel);
        AxisUnit shown = unit == null ? null : unit.suited(max);
        double factor = unit == null ? 1 : unit.factor / shown.factor;
        double[][] xyz = new double[3][nx * ny];
        for (int i = 0; i < nx; i++) {
            for (int j = 0; j < ny; j++) {
                xyz[0][i * ny + j] = i;
                xyz[1][i * ny + j] = j;
                xyz[2][i * ny + j] = values[i][j] * factor;
            }
        }
        String label = unit == null ? valueLabel : AxisUnit.relabel(valueLabel, shown);
        LogAxis scaleAxis = ValueAxes.logAxis(label, min * factor, max == min ? min * factor * 10 : max * factor);
        LogPaintScale scale = new LogPaintScale(scaleAxis.getLowerBound(), scaleAxis.getUpperBound());
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries(label, xyz);
        XYBlockRenderer r = new XYBlockRenderer();
        r.setPaintScale(scale);
        XYPlot plot = new XYPlot(data, indexAxis(xLabel, nx), indexAxis(yLabel, ny), r);
        mark(plot, markX, markY, markLabel);
        JFreeChart chart = finish(title, plot);
        PaintScaleLegend legend = new PaintScaleLegend(scale, scaleAxis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setMargin(new RectangleInsets(10, 10, 10, 10));
        legend.setStripWidth(20);
        chart.addSubtitle(legend);
        return chart;
    }

    /** An axis of choices 0 to n - 1, a tick at each. */
    private static NumberAxis indexAxis(String label, int n) {
        NumberAxis a = numberAxis(label);
        a.setRange(-0.5, n - 0.5);
        a.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        return a;
    }

    /** Outlines one cell of a heat map, named in the legend. */
    private static void mark(XYPlot plot, int markX, int markY, String markLabel) {
        XYSeriesCollection mark = new XYSeriesCollection();
        XYSeries m = new XYSeries(markLabel);
        m.add(markX, markY);
        mark.addSeries(m);
        XYLineAndShapeRenderer mr = new XYLineAndShapeRenderer(false, true);
        mr.setSeriesPaint(0, Color.WHITE);
        mr.setSeriesOutlinePaint(0, Color.BLACK);
        mr.setUseOutlinePaint(true);
        mr.setDrawOutlines(true);
        mr.setSeriesShape(0, new Ellipse2D.Double(-8, -8, 16, 16));
        plot.setDataset(1, mark);
        plot.setRenderer(1, mr);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        LegendItemCollection items = new LegendItemCollection();
        items.add(new LegendItem(markLabel, null, null, null, new Ellipse2D.Double(-8, -8, 16, 16), Color.WHITE,
                new BasicStroke(1.5f), Color.BLACK));
        plot.setFixedLegendItems(items);
    }

    /** Colours from blue (low) to yellow (high) on a log scale. */
    static final class LogPaintScale implements PaintScale {
        private final double lower;
        private final double upper;

        LogPaintScale(double lower, double upper) {
            this.lower = lower;
            this.upper = upper;
        }

        @Override
        public double getLowerBound() {
            return lower;
        }

        @Override
        public double getUpperBound() {
            return upper;
        }

        @Override
        public Paint getPaint(double value) {
            double v = Math.max(lower, Math.min(upper, value));
            double t = Math.log(v / lower) / Math.log(upper / lower);
            // viridis-like: dark blue -> teal -> yellow
            float r = (float) Math.min(1, Math.max(0, -0.2 + 1.2 * t * t));
            float g = (float) Math.min(1, Math.max(0, 0.1 + 0.8 * t));
            float b = (float) Math.min(1, Math.max(0, 0.5 + 0.3 * Math.sin(Math.PI * t) - 0.4 * t));
            return new Color(r, g, b);
        }
    }

    static CategoryAxis categoryAxis(String label, int categories) {
        CategoryAxis x = new CategoryAxis(label);
        style(x);
        if (categories > 20) {
            // many runs: vertical labels in a smaller font, so that neighbours do not collide
            x.setCategoryLabelPositions(CategoryLabelPositions.UP_90);
            x.setTickLabelFont(x.getTickLabelFont().deriveFont(x.getTickLabelFont().getSize2D() * 0.75f));
            x.setMaximumCategoryLabelLines(1);
            return x;
        }
        if (categories > 6) {
            x.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }
        x.setMaximumCategoryLabelLines(3);
        return x;
    }

    static NumberAxis numberAxis(String label) {
        NumberAxis y = new NumberAxis(label);
        style(y);
        return y;
    }

    static void style(Axis a) {
        a.setLabelFont(LABEL);
        a.setTickLabelFont(TICK);
    }

    static void colour(AbstractCategoryItemRenderer r, int n) {
        for (int i = 0; i < n; i++) {
            r.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
        }
    }

    static JFreeChart finish(String title, Plot plot) {
        JFreeChart chart = new JFreeChart(title, TITLE, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        plot.setBackgroundPaint(Color.WHITE);
        if (plot instanceof CategoryPlot cp) {
            cp.setRangeGridlinePaint(new Color(200, 200, 200));
            cp.setRangeGridlinesVisible(true);
            cp.setRangeMinorGridlinesVisible(cp.getRangeAxis() instanceof LogAxis);
            cp.setRangeMinorGridlinePaint(new Color(235, 235, 235));
            cp.setOrientation(PlotOrientation.VERTICAL);
        } else if (plot instanceof XYPlot xp) {
            xp.setDomainGridlinePaint(new Color(220, 220, 220));
            xp.setRangeGridlinePaint(new Color(220, 220, 220));
        }
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setItemFont(LABEL);
            legend.setFrame(BlockBorder.NONE);
            legend.setPosition(RectangleEdge.BOTTOM);
        }
        return chart;
    }

    /** A subtitle under the title (for notes such as the normalisation). */
    public static JFreeChart note(JFreeChart chart, String text) {
        TextTitle t = new TextTitle(text, new Font(Font.SANS_SERIF, Font.ITALIC, 15));
        chart.addSubtitle(0, t);
        return chart;
    }
}
