package org.hyparsim.core.step;

import java.util.Arrays;
import java.util.function.ToDoubleFunction;

/**
 * Energy per action, by {@link EnergyComponent}: energy = MACs x mac pJ + register-file accesses x
 * registerFile pJ + array-network accesses x arrayNetwork pJ + global-buffer bytes x globalBuffer
 * pJ per byte + DRAM bits x dram pJ per bit + link bits x hops x link pJ per bit + static watts per
 * accelerator x accelerators x time. Immutable.
 */
public final class EnergyParams {
    private static final double JOULES_PER_PJ = 1e-12;
    private static final int BITS_PER_BYTE = 8;

    private final double[] perAction;

    private EnergyParams(double[] perAction) {
        for (double v : perAction) {
            if (!(v >= 0) || Double.isInfinite(v)) {
                throw new IllegalArgumentException("energy parameters are finite and not negative");
            }
        }
        this.perAction = perAction;
    }

    /**
     * The parameters where component {@code c} costs {@code perAction.applyAsDouble(c)}: pJ per MAC,
     * per access, per byte or per bit ({@link EnergyComponent#perBit}); for {@link EnergyComponent#STATIC}
     * watts per accelerator.
     */
    public static EnergyParams of(ToDoubleFunction<EnergyComponent> perAction) {
        EnergyComponent[] all = EnergyComponent.values();
        double[] v = new double[all.length];
        for (EnergyComponent c : all) {
            v[c.ordinal()] = perAction.applyAsDouble(c);
        }
        return new EnergyParams(v);
    }

    /** The two-term model: MACs and link bits only (the paper's). */
    public static EnergyParams macsAndLinks(double macPj, double linkPjPerBit) {
        return of(c -> switch (c) {
            case MAC -> macPj;
            case LINK -> linkPjPerBit;
            default -> 0;
        });
    }

    /** The energy of one action of {@code c}: pJ, or for static energy watts per accelerator. */
    public double perAction(EnergyComponent c) {
        return perAction[c.ordinal()];
    }

    /**
     * Joules of {@code amount} of a dynamic component: MACs, accesses, or bytes (bytes x hops for
     * links) for the components priced per byte or per bit.
     */
    public double joules(EnergyComponent c, double amount) {
        if (!c.dynamic()) {
            throw new IllegalArgumentException("static energy is power over time: see staticJoules");
        }
        return c.perBit() ? amount * BITS_PER_BYTE * perAction(c) * JOULES_PER_PJ
                : amount * perAction(c) * JOULES_PER_PJ;
    }

    /** Static energy of {@code accelerators} over {@code seconds}. */
    public double staticJoules(int accelerators, double seconds) {
        return perAction(EnergyComponent.STATIC) * accelerators * seconds;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EnergyParams p && Arrays.equals(perAction, p.perAction);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(perAction);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("EnergyParams[");
        for (EnergyComponent c : EnergyComponent.values()) {
            sb.append(c == EnergyComponent.MAC ? "" : ", ").append(c.label()).append('=').append(perAction(c));
        }
        return sb.append(']').toString();
    }
}
