package org.hyparsim.paper;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hyparsim.paper.report.ReproductionReport;
import org.hyparsim.paper.report.ReproductionReport.Comparison;
import org.hyparsim.paper.report.ReproductionReport.HeadlineRow;
import org.hyparsim.results.report.Table;

/** The headline: HyPar against dp per network, from Figs. 6, 7 and 8's records. */
public final class Headline {
    public static final String KEY = "headline";

    private Headline() {
    }

    /** One row per row of Fig. 6 (its networks and their geometric mean); communication where Fig. 8 has the row. */
    public static Table table(NormalisedFigure.Result fig6, NormalisedFigure.Result fig7, Fig8Communication.Result fig8) {
        List<HeadlineRow> rows = new ArrayList<>();
        for (int i = 0; i < fig6.hypar().size(); i++) {
            Optional<Comparison> comm = i < fig8.hypar().size() ? Optional.of(fig8.hypar().get(i)) : Optional.empty();
            rows.add(new HeadlineRow(fig6.hypar().get(i).label(), fig6.hypar().get(i).hypar(),
                    fig7.hypar().get(i).hypar(), comm));
        }
        return ReproductionReport.headline(rows);
    }
}
