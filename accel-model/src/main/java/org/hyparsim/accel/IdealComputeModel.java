package org.hyparsim.accel;

import org.hyparsim.core.step.ComputeCost;
import org.hyparsim.core.step.ComputeModel;
import org.hyparsim.core.step.ComputeWork;
import org.hyparsim.core.step.TaskKind;

/**
 * The paper's compute: forward, error and gradient each run the shard's forward MACs at a
 * fixed rate, perfectly balanced, with no memory stalls; the weight update costs nothing.
 */
public final class IdealComputeModel implements ComputeModel {
    private final double macsPerSecond;

    public IdealComputeModel(double macsPerSecond) {
        if (!(macsPerSecond > 0)) {
            throw new IllegalArgumentException("the MAC rate must be positive");
        }
        this.macsPerSecond = macsPerSecond;
    }

    @Override
    public ComputeCost cost(ComputeWork work) {
        if (work.phase() == TaskKind.UPDATE) {
            return ComputeCost.timeOnly(0, 0);
        }
        double macs = work.macs();
        long ps = Math.round(macs / macsPerSecond * 1e12);
        return ComputeCost.timeOnly(ps, macs);
    }
}
