package org.hyparsim.core.step;

import java.util.Arrays;
import java.util.function.ToDoubleFunction;

/**
 * Energy in joules by {@link EnergyComponent}: a step's (static energy is static power over the
 * step time) or a layer's (its tasks' and its transfers'; static energy belongs to the step).
 * Immutable.
 */
public final class Energy {
    private static final EnergyComponent[] COMPONENTS = EnergyComponent.values();

    private final double[] joules;
    private final double byTasks;

    private Energy(double[] joules, double byTasks) {
        this.joules = joules;
        this.byTasks = byTasks;
    }

    /**
     * The energy whose component {@code c} is {@code joules.applyAsDouble(c)}.
     *
     * @param byTasks the same energy accumulated task by task (each compute task's MACs and accesses, each
     *        transfer's bits x hops) plus static energy: a check on the components (0 where not kept)
     */
    public static Energy of(ToDoubleFunction<EnergyComponent> joules, double byTasks) {
        double[] v = new double[COMPONENTS.length];
        for (EnergyComponent c : COMPONENTS) {
            v[c.ordinal()] = joules.applyAsDouble(c);
        }
        return new Energy(v, byTasks);
    }

    /** The joules of one component. */
    public double get(EnergyComponent c) {
        return joules[c.ordinal()];
    }

    /** All components, summed in declaration order. */
    public double total() {
        double sum = joules[0];
        for (int k = 1; k < joules.length; k++) {
            sum += joules[k];
        }
        return sum;
    }

    /** The chip's own energy: everything but memory, links and static power. */
    public double onChip() {
        return get(EnergyComponent.MAC) + get(EnergyComponent.REGISTER_FILE) + get(EnergyComponent.ARRAY_NETWORK)
                + get(EnergyComponent.GLOBAL_BUFFER);
    }

    /** The same energy accumulated task by task plus static energy (0 for a layer): a check on the components. */
    public double byTasks() {
        return byTasks;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Energy e && Arrays.equals(joules, e.joules)
                && Double.compare(byTasks, e.byTasks) == 0;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(joules) + Double.hashCode(byTasks);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Energy[");
        for (EnergyComponent c : COMPONENTS) {
            sb.append(c.label()).append('=').append(get(c)).append(", ");
        }
        return sb.append("byTasks=").append(byTasks).append(']').toString();
    }
}
