package org.hyparsim.results;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hyparsim.core.step.TraceEvent;

/**
 * The Chrome trace event format (opens in Perfetto and chrome://tracing): one process per run,
 * two threads per accelerator (its compute, and the transfers it sends); times in microseconds.
 */
public final class ChromeTrace {
    private ChromeTrace() {
    }

    public static Map<String, Object> of(List<RunRecord> runs) {
        List<Map<String, Object>> events = new ArrayList<>();
        int pid = 0;
        for (RunRecord r : runs) {
            pid++;
            RunKey k = r.key();
            events.add(meta("process_name", pid, 0, k.network() + " " + k.strategy().label() + " ("
                    + k.topology().label() + ", " + k.schedule().label() + ")"));
            for (int a = 0; a < k.accelerators(); a++) {
                events.add(meta("thread_name", pid, 2 * a, "A" + a + " compute"));
                events.add(meta("thread_name", pid, 2 * a + 1, "A" + a + " send"));
            }
            for (TraceEvent e : r.result().trace()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("name", e.name());
                m.put("cat", e.category());
                m.put("ph", "X");
                m.put("ts", e.startPs() / 1e6);
                m.put("dur", (e.endPs() - e.startPs()) / 1e6);
                m.put("pid", pid);
                m.put("tid", 2 * e.accelerator() + (e.transfer() ? 1 : 0));
                events.add(m);
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("traceEvents", events);
        out.put("displayTimeUnit", "ns");
        return out;
    }

    private static Map<String, Object> meta(String what, int pid, int tid, String name) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", what);
        m.put("ph", "M");
        m.put("pid", pid);
        m.put("tid", tid);
        m.put("args", Map.of("name", name));
        return m;
    }
}
