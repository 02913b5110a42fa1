package org.hyparsim.core.step;

/** The cost of a compute task on one accelerator (implemented by the accelerator model). */
public interface ComputeModel {
    ComputeCost cost(ComputeWork work);
}
