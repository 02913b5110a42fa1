package org.hyparsim.results;

import java.util.List;
import java.util.Map;

/** CSV text from rows that share their keys (RFC 4180 quoting; numbers as Java prints them, so they round-trip). */
public final class Csv {
    private Csv() {
    }

    public static String of(List<Map<String, Object>> rows) {
        if (rows.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        List<String> header = List.copyOf(rows.get(0).keySet());
        sb.append(String.join(",", header.stream().map(Csv::cell).toList())).append('\n');
        for (Map<String, Object> row : rows) {
            for (int i = 0; i < header.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                sb.append(cell(row.get(header.get(i))));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    public static String cell(Object v) {
        if (v == null) {
            return "";
        }
        String s = String.valueOf(v);
        if (s.contains(",") || s.contains("\"") || s.contains("\n")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}
