package org.hyparsim.paper.report;

import org.hyparsim.results.report.Table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.hyparsim.paper.report.ReproductionReport.Comparison;
import org.hyparsim.paper.report.ReproductionReport.HeadlineRow;
import org.junit.jupiter.api.Test;

/** The headline's verdict per row: within 10% of every paper figure agrees, anything else says what differs. */
class ReproductionReportTest {
    static final List<String> NAMES = List.of("speedup", "energy efficiency", "communication");

    @Test
    void withinTenPercentAgrees() {
        assertEquals("agrees (all within 10%)", ReproductionReport.verdict(NAMES, List.of(3.217, 1.9, 0.01561),
                List.of(3.05, 1.81, 0.0161)));
    }

    @Test
    void eachFigureOffIsNamedWithItsDifference() {
        assertEquals("differs: speedup +69.6%, energy efficiency +68.8%", ReproductionReport.verdict(NAMES,
                List.of(5.547, 2.009, 0.2867), List.of(3.27, 1.19, 0.289)));
    }

    @Test
    void figuresWithoutAPaperValueAreLeftOut() {
        assertEquals("agrees (all within 10%)", ReproductionReport.verdict(NAMES, List.of(3.6, 1.7, Double.NaN),
                List.of(3.4, 1.6, Double.NaN)));
        assertEquals("no paper figure", ReproductionReport.verdict(NAMES, List.of(1.0, 1.0, 1.0),
                List.of(Double.NaN, Double.NaN, Double.NaN)));
    }

    @Test
    void theHeadlineJudgesTheFiguresAsShown() {
        // 1.09996 is within 10% of 1, but it shows as 1.1, which (in doubles) is not: judged as shown
        Table t = ReproductionReport.headline(List.of(
                new HeadlineRow("Net", new Comparison(1.09996, 1), new Comparison(2, 2),
                        Optional.of(new Comparison(0.5, 0.5))),
                new HeadlineRow("Gmean", new Comparison(3, 1), new Comparison(1, 1), Optional.empty())));
        assertEquals(List.of("Net", "1.1", "1", "2", "2", "0.5", "0.5", "differs: speedup +10.0%"), t.rows().get(0));
        assertEquals(List.of("Gmean", "3", "1", "1", "1", "", "", "differs: speedup +200.0%"), t.rows().get(1));
    }

    @Test
    void figuresAreJudgedAtFourSignificantDigits() {
        assertTrue(Double.isNaN(ReproductionReport.shown(Double.POSITIVE_INFINITY)));
        assertEquals(1.235, ReproductionReport.shown(1.23456));
        assertEquals(0.0, ReproductionReport.shown(0));
    }
}
