package org.hyparsim.paper;

import org.jfree.chart.JFreeChart;

/** A figure's chart and its file name (without extension). */
public record Chart(String file, JFreeChart chart) {
}
