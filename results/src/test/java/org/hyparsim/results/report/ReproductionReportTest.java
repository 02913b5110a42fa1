package org.hyparsim.results.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The headline's verdict per row: within 10% of every paper figure agrees, anything else says what differs. */
class ReproductionReportTest {
    static final List<String> NAMES = List.of("speedup", "energy efficiency", "communication");

    @Test
    void withinTenPercentAgrees() {
        assertEquals("agrees (all within 10%)", ReproductionReport.verdict(NAMES, List.of("3.217", "1.9", "0.01561"),
                List.of("3.05", "1.81", "0.0161")));
    }

    @Test
    void eachFigureOffIsNamedWithItsDifference() {
        assertEquals("differs: speedup +69.6%, energy efficiency +68.8%", ReproductionReport.verdict(NAMES,
                List.of("5.547", "2.009", "0.2867"), List.of("3.27", "1.19", "0.289")));
    }

    @Test
    void figuresWithoutAPaperValueAreLeftOut() {
        assertEquals("agrees (all within 10%)", ReproductionReport.verdict(NAMES, List.of("3.6", "1.7", ""),
                List.of("3.4", "1.6", "")));
        assertEquals("no paper figure", ReproductionReport.verdict(NAMES, List.of("1", "1", "1"),
                List.of(">10 (off scale)", "", "n/a")));
    }
}
