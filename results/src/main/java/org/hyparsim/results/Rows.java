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
    private Rows() {
    }

    /** The JSON object of a run (run --format json): the summary, energy by component, the plan, per-layer rows. */
    public static Map<String, Object> json(RunRecord r) {
        RunRow row = RunRow.of(r);
        Map<String, Object> m = new LinkedHashMap<>();
        // the energy components follow as an object of their own, the layers as rows
        java.util.Set<RunColumn> apart = java.util.EnumSet.of(RunColumn.ENERGY_MAC, RunColumn.ENERGY_REGISTER_FILE,
                RunColumn.ENERGY_ARRAY_NETWORK, RunColumn.ENERGY_GLOBAL_BUFFER, RunColumn.ENERGY_DRAM, RunColumn.ENERGY_LINK,
                RunColumn.ENERGY_STATIC, RunColumn.LAYERS);
        for (RunColumn c : RunColumn.summary()) {
            if (!apart.contains(c)) {
                m.put(c.header(), c.get(row));
            }
        }
        StepResult.Energy e = r.result().energy();
        Map<String, Object> energy = new LinkedHashMap<>();
        energy.put("mac", e.mac());
        energy.put("registerFile", e.registerFile());
        energy.put("arrayNetwork", e.arrayNetwork());
        energy.put("globalBuffer", e.globalBuffer());
        energy.put("dram", e.dram());
        energy.put("link", e.link());
        energy.put("static", e.staticEnergy());
        m.put("energy", energy);
        m.put("plan", r.plan().labels());
        if (!r.plan().ratios().isEmpty()) {
            m.put("ratios", r.plan().ratios());
        }
        if (!r.groups().isEmpty()) {
            List<Map<String, Object>> groups = new ArrayList<>();
            for (RunRecord.GroupResult g : r.groups()) {
                Map<String, Object> gm = new LinkedHashMap<>();
                gm.put("hardware", g.hardware());
                gm.put("firstAccelerator", g.first());
                gm.put("accelerators", g.count());
                gm.put("computeSeconds", g.computeSeconds());
                gm.put("memoryStallSeconds", g.memoryStallSeconds());
                gm.put("busySeconds", g.busySeconds());
                gm.put("utilisation", g.utilisation());
                groups.add(gm);
            }
            m.put("groups", groups);
        }
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
            m.put("energyJoules", l.energy().total());
            m.put("energyMacJoules", l.energy().mac());
            m.put("energyRegisterFileJoules", l.energy().registerFile());
            m.put("energyArrayNetworkJoules", l.energy().arrayNetwork());
            m.put("energyGlobalBufferJoules", l.energy().globalBuffer());
            m.put("energyDramJoules", l.energy().dram());
            m.put("energyLinkJoules", l.energy().link());
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
            RunKey k = r.key();
            m.put("network", k.network());
            m.put("accelerators", k.accelerators());
            m.put("topology", k.topology().label());
            m.put("hardware", k.hardware());
            m.put("schedule", k.schedule().label());
            m.put("strategy", k.strategy().label());
            m.putAll(row);
            out.add(m);
        }
        return out;
    }
}
