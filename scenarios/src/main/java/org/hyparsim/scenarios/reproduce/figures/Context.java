package org.hyparsim.scenarios.reproduce.figures;

import java.util.List;
import java.util.Map;
import org.hyparsim.core.workload.Network;
import org.hyparsim.scenarios.reproduce.Runs;
import org.hyparsim.scenarios.reproduce.Scope;
import org.hyparsim.scenarios.scenario.BuiltInProfile;
import org.hyparsim.scenarios.scenario.Hardware;

/** What every figure reads: the scope, the collected runs and the built-in profiles' hardware. */
public record Context(Scope scope, Runs runs, Map<BuiltInProfile, Hardware> hardware) {
    /** The paper's networks the scope shows. */
    public List<Network> networks() {
        return scope.networks();
    }

    public List<String> names() {
        return networks().stream().map(Network::name).toList();
    }
}
