package org.hyparsim.paper;

import java.util.List;
import java.util.Map;
import org.hyparsim.core.workload.Network;
import org.hyparsim.input.scenario.BuiltInProfile;
import org.hyparsim.input.scenario.Hardware;

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
