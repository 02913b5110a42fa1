package org.hyparsim.results.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.Locale;
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

    /** Bars per category and series; a log axis when the values span orders of magnitude. */
    public static JFreeChart bars(String title, String categoryLabel, String valueLabel, List<String> categories,
            Map<String, double[]> series, boolean log) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (Map.Entry<String, double[]> s : series.entrySet()) {
            for (int i = 0; i < categories.size(); i++) {
                double v = s.getValue()[i];
                if (Double.isFinite(v) && (!log || v > 0)) {
                    data.addValue(v, s.getKey(), categories.get(i));
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        CategoryAxis x = categoryAxis(categoryLabel, categories.size());
        ValueAxis y = log ? logAxis(valueLabel, min, max) : numberAxis(valueLabel);
        BarRenderer r = new BarRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setItemMargin(0.02);
        if (log) {
            r.setBase(y.getLowerBound());
        }
        colour(r, series.size());
        CategoryPlot plot = new CategoryPlot(data, x, y, r);
        return finish(title, plot);
    }

    /** Stacked bars: the parts of each category's total (for the step-time breakdown). */
    public static JFreeChart stacked(String title, String categoryLabel, String valueLabel, List<String> categories,
            Map<String, double[]> parts) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Map.Entry<String, double[]> s : parts.entrySet()) {
            for (int i = 0; i < categories.size(); i++) {
                data.addValue(s.getValue()[i], s.getKey(), categories.get(i));
            }
        }
        StackedBarRenderer r = new StackedBarRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        colour(r, parts.size());
        CategoryPlot plot = new CategoryPlot(data, categoryAxis(categoryLabel, categories.size()), numberAxis(valueLabel), r);
        return finish(title, plot);
    }

    /**
     * Gain bars per array size (left axis) with communication lines on a second, logarithmic
     * axis (the paper's Fig. 11).
     */
    public static JFreeChart scalability(String title, List<String> sizes, Map<String, double[]> gains,
            Map<String, double[]> communicationGB) {
        JFreeChart chart = bars(title, "accelerators", "gain over the smallest array (x)", sizes, gains, false);
        CategoryPlot plot = chart.getCategoryPlot();
        DefaultCategoryDataset lines = new DefaultCategoryDataset();
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (Map.Entry<String, double[]> s : communicationGB.entrySet()) {
            for (int i = 0; i < sizes.size(); i++) {
                double v = s.getValue()[i];
                // every category is added (a gap where there is nothing to draw), so that the
                // lines' categories line up with the bars'
                lines.addValue(v > 0 ? Double.valueOf(v) : null, s.getKey() + " communication", sizes.get(i));
                if (v > 0) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        if (max > 0) {
            plot.setDataset(1, lines);
            plot.setRangeAxis(1, logAxis("communication per step (GB, log scale)", min, max));
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
            List<List<org.hyparsim.core.kind.Parallelism>> plan) {
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
        r.setSeriesShape(2, new java.awt.Polygon(new int[] {-10, 10, 0}, new int[] {8, 8, -10}, 3));
        XYPlot plot = new XYPlot(data, x, y, r);
        x.setRange(-0.6, layers.size() - 0.4);
        y.setRange(-0.6, Math.max(0.6, plan.size() - 0.4));
        return finish(title, plot);
    }

    /**
     * A heat map of values over two choices (the paper's Fig. 9): x and y index the choices,
     * colour the value on a log scale; the marked cell is outlined by a legend entry.
     */
    public static JFreeChart heatmap(String title, String xLabel, String yLabel, double[][] values, String valueLabel,
            int markX, int markY, String markLabel) {
        int nx = values.length;
        int ny = values[0].length;
        double[] xs = new double[nx * ny];
        double[] ys = new double[nx * ny];
        double[] zs = new double[nx * ny];
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (int i = 0; i < nx; i++) {
            for (int j = 0; j < ny; j++) {
                int k = i * ny + j;
                xs[k] = i;
                ys[k] = j;
                zs[k] = values[i][j];
                if (values[i][j] > 0) {
                    min = Math.min(min, values[i][j]);
                    max = Math.max(max, values[i][j]);
                }
            }
        }
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries(valueLabel, new double[][] {xs, ys, zs});
        XYBlockRenderer r = new XYBlockRenderer();
        LogPaintScale scale = new LogPaintScale(min, max == min ? min * 10 : max);
        r.setPaintScale(scale);
        NumberAxis x = numberAxis(xLabel);
        NumberAxis y = numberAxis(yLabel);
        x.setRange(-0.5, nx - 0.5);
        y.setRange(-0.5, ny - 0.5);
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        y.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        XYPlot plot = new XYPlot(data, x, y, r);
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
        JFreeChart chart = finish(title, plot);
        LogAxis scaleAxis = new LogAxis(valueLabel);
        style(scaleAxis);
        scaleAxis.setRange(min, max == min ? min * 10 : max);
        scaleAxis.setNumberFormatOverride(new java.text.DecimalFormat("0.###"));
        PaintScaleLegend legend = new PaintScaleLegend(scale, scaleAxis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setMargin(new RectangleInsets(10, 10, 10, 10));
        legend.setStripWidth(20);
        chart.addSubtitle(legend);
        LegendItemCollection items = new LegendItemCollection();
        items.add(new LegendItem(markLabel, null, null, null, new Ellipse2D.Double(-8, -8, 16, 16), Color.WHITE,
                new BasicStroke(1.5f), Color.BLACK));
        plot.setFixedLegendItems(items);
        return chart;
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

    static LogAxis logAxis(String label, double min, double max) {
        LogAxis y = new LogAxis(label);
        style(y);
        if (min > 0 && max > 0 && Double.isFinite(min)) {
            // a little beyond whole decades, so that both end labels are drawn
            double lo = Math.pow(10, Math.floor(Math.log10(min))) / 1.02;
            double hi = Math.pow(10, Math.ceil(Math.log10(max * 1.0001))) * 1.02;
            y.setRange(lo, hi);
        }
        // a labelled tick per decade, or per doubling when the axis spans two decades or less
        double decades = y.getUpperBound() > 0 && y.getLowerBound() > 0
                ? Math.log10(y.getUpperBound() / y.getLowerBound()) : 10;
        y.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(decades <= 2.1 ? Math.log10(2) : 1.0), false, true);
        y.setMinorTickCount(9);
        y.setMinorTickMarksVisible(true);
        y.setMinorTickMarkOutsideLength(3f);
        y.setTickMarkOutsideLength(6f);
        y.setNumberFormatOverride(new java.text.DecimalFormat("0.####E0") {
            private static final long serialVersionUID = 1L;

            @Override
            public StringBuffer format(double number, StringBuffer result, java.text.FieldPosition pos) {
                return result.append(readable(number));
            }
        });
        return y;
    }

    /** 0.001, 0.01, ..., 100, 1000, 1e4 ... as a reader writes them. */
    static String readable(double v) {
        if (v >= 1e-3 && v < 1e5) {
            return new java.math.BigDecimal(v).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
        }
        return String.format(Locale.ROOT, "%.0e", v);
    }

    static void style(org.jfree.chart.axis.Axis a) {
        a.setLabelFont(LABEL);
        a.setTickLabelFont(TICK);
    }

    static void colour(org.jfree.chart.renderer.category.AbstractCategoryItemRenderer r, int n) {
        for (int i = 0; i < n; i++) {
            r.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
        }
    }

    static JFreeChart finish(String title, org.jfree.chart.plot.Plot plot) {
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
