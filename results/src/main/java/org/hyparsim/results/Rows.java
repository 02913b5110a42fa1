package org.hyparsim.results;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hyparsim.core.step.Interconnect;
import org.hyparsim.core.step.LayerResult;
import org.hyparsim.core.step.StepResult;

/** Run records as ordered rows: the summary, per-layer and per-link tables every writer uses. */
public final class Rows {
    /** The keys of {@link #summary}, in order. */
    public static final List<String> SUMMARY_COLUMNS = List.of("network", "batch", "accelerators", "topology",
            "hardware", "schedule", "linkModel", "strategy", "iterations", "stepTimeSeconds", "steadyStepTimeSeconds",
            "computeSeconds", "memoryStallSeconds", "exposedCommunicationSeconds", "communicationBytes", "plannerBytes",
            "linkBytes", "dramBytes", "sramBytes", "macs", "energyJoules", "energyComputeJoules", "energySramJoules",
            "energyDramJoules", "energyLinkJoules", "energyStaticJoules", "events", "transfers", "plan");

    private Rows() {
    }

    /** The summary figures of a run, flat, in a fixed order (units in the names). */
    public static Map<String, Object> summary(RunRecord r) {
        StepResult s = r.result();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("network", r.network());
        m.put("batch", r.batch());
        m.put("accelerators", r.accelerators());
        m.put("topology", r.topology());
        m.put("hardware", r.hardware());
        m.put("schedule", r.schedule());
        m.put("linkModel", r.linkModel());
        m.put("strategy", r.strategy());
        m.put("iterations", s.iterations());
        m.put("stepTimeSeconds", s.stepTimeSeconds());
        m.put("steadyStepTimeSeconds", s.steadyStepTimeSeconds());
        m.put("computeSeconds", s.computeSeconds());
        m.put("memoryStallSeconds", s.memoryStallSeconds());
        m.put("exposedCommunicationSeconds", s.exposedCommunicationSeconds());
        m.put("communicationBytes", s.communicationBytes());
        m.put("plannerBytes", r.plannerBytes());
        m.put("linkBytes", s.linkBytes());
        m.put("dramBytes", s.dramBytes());
        m.put("sramBytes", s.sramBytes());
        m.put("macs", s.macs());
        m.put("energyJoules", s.energyJoules());
        m.put("energyComputeJoules", s.energy().compute());
        m.put("energySramJoules", s.energy().sram());
        m.put("energyDramJoules", s.energy().dram());
        m.put("energyLinkJoules", s.energy().link());
        m.put("energyStaticJoules", s.energy().staticEnergy());
        m.put("events", s.events());
        m.put("transfers", s.transfers());
        m.put("plan", compactPlan(r.plan()));
        return m;
    }

    /** A plan as letters, one level after another: "ddm/dmm" (d: dp, m: mp; level 1 first). */
    public static String compactPlan(List<List<String>> plan) {
        StringBuilder sb = new StringBuilder();
        for (List<String> level : plan) {
            if (sb.length() > 0) {
                sb.append('/');
            }
            for (String c : level) {
                sb.append(c.charAt(0));
            }
        }
        return sb.toString();
    }

    /** The JSON object of a run: the summary, energy by component, the plan, per-layer rows. */
    public static Map<String, Object> json(RunRecord r) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : summary(r).entrySet()) {
            if (!e.getKey().startsWith("energy") || e.getKey().equals("energyJoules")) {
                m.put(e.getKey(), e.getValue());
            }
        }
        StepResult.Energy e = r.result().energy();
        Map<String, Object> energy = new LinkedHashMap<>();
        energy.put("compute", e.compute());
        energy.put("sram", e.sram());
        energy.put("dram", e.dram());
        energy.put("link", e.link());
        energy.put("static", e.staticEnergy());
        m.put("energy", energy);
        m.put("plan", r.plan());
        m.put("layers", layers(r));
        return m;
    }

    public static List<Map<String, Object>> layers(RunRecord r) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (LayerResult l : r.result().layers()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("layer", l.layer());
            m.put("macs", l.macs());
            m.put("dramBytes", l.dramBytes());
            m.put("computeSeconds", l.computeSeconds());
            m.put("memoryStallSeconds", l.memoryStallSeconds());
            m.put("intraLayerBytes", l.intraLayerBytes());
            m.put("interLayerBytes", l.interLayerBytes());
            m.put("forwardEndSeconds", l.forwardEndSeconds());
            m.put("backwardEndSeconds", l.backwardEndSeconds());
            out.add(m);
        }
        return out;
    }

    public static List<Map<String, Object>> links(RunRecord r) {
        List<Map<String, Object>> out = new ArrayList<>();
        double span = r.result().stepTimeSeconds() * Math.max(1, r.result().iterations());
        for (Interconnect.LinkUsage u : r.result().links()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("link", u.name());
            m.put("bandwidthBytesPerSecond", u.bandwidthBytesPerSecond());
            m.put("bytes", u.bytes());
            m.put("packets", u.packets());
            m.put("busySeconds", u.busyPs() * 1e-12);
            m.put("utilisation", span > 0 ? u.busyPs() * 1e-12 / span : 0.0);
            out.add(m);
        }
        return out;
    }

    /** Rows of several runs, each prefixed with the run's identifying columns. */
    public static List<Map<String, Object>> withRun(RunRecord r, List<Map<String, Object>> rows) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("network", r.network());
            m.put("accelerators", r.accelerators());
            m.put("topology", r.topology());
            m.put("hardware", r.hardware());
            m.put("schedule", r.schedule());
            m.put("strategy", r.strategy());
            m.putAll(row);
            out.add(m);
        }
        return out;
    }
}
