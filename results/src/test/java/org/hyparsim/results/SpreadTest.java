package org.hyparsim.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Perturbed replays' step times: median, minimum and maximum, and their columns beside stepTimeSeconds. */
class SpreadTest {
    private static final RunRecord.Spread ODD = new RunRecord.Spread(1e-6, 7, List.of(0.3, 0.1, 0.2));

    @Test
    void theMedianIsTheMiddleSampleOrTheMeanOfTheMiddleTwo() {
        assertEquals(0.2, ODD.medianSeconds());
        assertEquals(0.1, ODD.minSeconds());
        assertEquals(0.3, ODD.maxSeconds());
        RunRecord.Spread even = new RunRecord.Spread(0.5, 1, List.of(4.0, 1.0, 3.0, 2.0));
        assertEquals(2.5, even.medianSeconds());
        assertEquals(4, even.samples());
        assertEquals(5.0, new RunRecord.Spread(0, 1, List.of(5.0)).medianSeconds());
    }

    private static RunRow perturbed(int point) {
        RunRow plain = RowCodecTest.row(point);
        return new RunRow(plain.origin(), plain.run(), plain.times(), RunRow.Spread.of(ODD), plain.traffic(),
                plain.energy(), plain.counts(), plain.grid(), plain.notes(), plain.error());
    }

    @Test
    void theColumnsFollowTheStepTimeOnlyWhereARowIsPerturbed() throws IOException {
        List<RunRow> rows = List.of(perturbed(0), RowCodecTest.row(1));
        assertTrue(RunColumn.anyPerturbed(rows));
        assertFalse(RunColumn.anyPerturbed(List.of(RowCodecTest.row(1))));
        List<RunColumn> cols = RunColumn.withSpread(RunColumn.sweep(), true);
        List<String> headers = cols.stream().map(RunColumn::header).toList();
        int at = headers.indexOf("stepTimeSeconds");
        assertEquals(List.of("stepTimeSeconds", "stepTimeMedianSeconds", "stepTimeMinSeconds", "stepTimeMaxSeconds",
                "perturbation", "samples", "seed"), headers.subList(at, at + 7));
        assertEquals(RunColumn.sweep(), RunColumn.withSpread(RunColumn.sweep(), false));
        String csv = RowCodec.csv(rows, cols);
        assertTrue(csv.contains(",0.2,0.1,0.3,1.0E-6,3,7,"), csv);
        assertEquals(rows, RowCodec.readCsv(csv));
        // and a row of a file without them reads back unperturbed
        assertEquals(List.of(RowCodecTest.row(1)), RowCodec.readCsv(RowCodec.csv(List.of(RowCodecTest.row(1)),
                RunColumn.sweep())));
        assertEquals(rows, RowCodec.readJsonRows(RowCodec.json().valueToTree(RowCodec.jsonRows(rows, cols))));
    }
}
