package org.hyparsim.partition.planner;

import org.hyparsim.partition.CommunicationModel;
import org.hyparsim.partition.Plan;

/** Chooses dp or mp for every layer at every level of an array of 2^levels accelerators. */
public interface Planner {
    /** The strategy's name on the command line and in results (dp, mp, trick, hypar, ...). */
    String name();

    Plan plan(CommunicationModel model, int levels);
}
