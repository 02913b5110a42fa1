package org.hyparsim.paper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hyparsim.results.Csv;

/** The paper's published numbers, carried into the project as data (resources /paper/). */
public final class PaperData {
    private PaperData() {
    }

    /** Rows of a figure's CSV keyed by their first column. */
    public static Map<String, Map<String, String>> figure(String file) {
        try (InputStream in = PaperData.class.getResourceAsStream("/paper/" + file)) {
            if (in == null) {
                throw new IllegalStateException("missing bundled paper data " + file);
            }
            StringBuilder sb = new StringBuilder();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    sb.append(line).append('\n');
                }
            }
            Map<String, Map<String, String>> out = new LinkedHashMap<>();
            List<Map<String, String>> rows = Csv.read(sb.toString());
            for (Map<String, String> row : rows) {
                out.put(row.values().iterator().next(), row);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("unreadable paper data " + file, e);
        }
    }

    /** A number from the paper's table, NaN where it has none (">10 (off scale)", "NA"). */
    public static double value(Map<String, Map<String, String>> fig, String row, String column) {
        Map<String, String> r = fig.get(row);
        if (r == null || r.get(column) == null) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(r.get(column));
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
