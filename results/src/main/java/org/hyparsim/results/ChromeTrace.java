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

    /**
     * One process per run; per accelerator one thread for its compute and one per lane of its
     * sends: concurrent transfers take the first lane free at their start, so the slices of a
     * thread never overlap without nesting (Perfetto draws overlapping slices wrongly).
     */
    public static Map<String, Object> of(List<RunRecord> runs) {
        List<Map<String, Object>> events = new ArrayList<>();
        int pid = 0;
        for (RunRecord r : runs) {
            pid++;
            RunKey k = r.key();
            events.add(meta("process_name", pid, 0, k.network() + " " + k.strategy().label() + " ("
                    + k.topology().label() + ", " + k.schedule().label() + ")"));
            List<TraceEvent> sorted = new ArrayList<>(r.result().trace());
            sorted.sort(java.util.Comparator.comparingLong(TraceEvent::startPs).thenComparingLong(TraceEvent::endPs));
            // per accelerator, the end time of each send lane
            Map<Integer, List<Long>> lanes = new java.util.TreeMap<>();
            List<Map<String, Object>> slices = new ArrayList<>();
            int lanesMax = 1;
            for (TraceEvent e : sorted) {
                int lane = 0;
                if (e.transfer()) {
                    List<Long> ends = lanes.computeIfAbsent(e.accelerator(), a -> new ArrayList<>());
                    lane = 0;
                    while (lane < ends.size() && ends.get(lane) > e.startPs()) {
                        lane++;
                    }
                    if (lane == ends.size()) {
                        ends.add(e.endPs());
                    } else {
                        ends.set(lane, e.endPs());
                    }
                    lanesMax = Math.max(lanesMax, lane + 1);
                }
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("name", e.name());
                m.put("cat", e.category());
                m.put("ph", "X");
                m.put("ts", e.startPs() / 1e6);
                m.put("dur", (e.endPs() - e.startPs()) / 1e6);
                m.put("pid", pid);
                m.put("tid", new int[] {e.accelerator(), e.transfer() ? 1 + lane : 0}); // resolved below
                slices.add(m);
            }
            int stride = 1 + lanesMax;
            java.util.SortedSet<Integer> traced = new java.util.TreeSet<>();
            for (TraceEvent e : sorted) {
                traced.add(e.accelerator());
            }
            if (traced.size() < k.accelerators()) {
                // a replay by symmetry keeps its representatives, a large array the accelerators that fit the limit
                Map<String, Object> label = new LinkedHashMap<>();
                label.put("name", "process_labels");
                label.put("ph", "M");
                label.put("pid", pid);
                label.put("args", Map.of("labels", "traced: accelerators " + ranges(traced) + " of " + k.accelerators()));
                events.add(label);
            }
            for (int a : traced) {
                events.add(meta("thread_name", pid, stride * a, "A" + a + " compute"));
                int used = lanes.getOrDefault(a, List.of()).size();
                for (int lane = 0; lane < Math.max(1, used); lane++) {
                    events.add(meta("thread_name", pid, stride * a + 1 + lane, "A" + a + " send"
                            + (lane == 0 ? "" : " " + (lane + 1))));
                }
            }
            for (Map<String, Object> m : slices) {
                int[] t = (int[]) m.get("tid");
                m.put("tid", stride * t[0] + t[1]);
                events.add(m);
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("traceEvents", events);
        out.put("displayTimeUnit", "ns");
        return out;
    }

    /** A sorted set of accelerators as ranges: 0-3, 8, 10-11. */
    static String ranges(java.util.SortedSet<Integer> set) {
        List<String> out = new ArrayList<>();
        int[] a = set.stream().mapToInt(Integer::intValue).toArray();
        for (int i = 0, j; i < a.length; i = j) {
            for (j = i + 1; j < a.length && a[j] == a[j - 1] + 1; j++) {
                // extend the run
            }
            out.add(j - 1 == i ? String.valueOf(a[i]) : a[i] + "-" + a[j - 1]);
        }
        return String.join(", ", out);
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
