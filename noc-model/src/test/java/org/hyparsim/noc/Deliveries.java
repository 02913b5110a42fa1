package org.hyparsim.noc;

import org.hyparsim.core.engine.SimEngine;
import org.hyparsim.core.step.Interconnect;

/** Messages sent at time 0 through an interconnect, and when each arrived. */
final class Deliveries {
    private Deliveries() {
    }

    /** Sends message i from pairs[i][0] to pairs[i][1] with bytes[i] at time 0; returns the delivery times, ps. */
    static long[] deliver(Interconnect net, int[][] pairs, double[] bytes) {
        return deliver(net, pairs, bytes, new long[pairs.length]);
    }

    /** Sends message i from pairs[i][0] to pairs[i][1] with bytes[i] at startPs[i]; returns the delivery times, ps. */
    static long[] deliver(Interconnect net, int[][] pairs, double[] bytes, long[] startPs) {
        return deliver(net, pairs, bytes, startPs, -1);
    }

    /**
     * As {@link #deliver(Interconnect, int[][], double[], long[])}, the links told first what the step asks of
     * them, as a replay tells them: the longest an accelerator computes ({@code computeSeconds}; negative: told
     * nothing), one step, and every message.
     */
    static long[] deliver(Interconnect net, int[][] pairs, double[] bytes, long[] startPs, double computeSeconds) {
        long[] delivered = new long[pairs.length];
        SimEngine[] e = new SimEngine[1];
        e[0] = new SimEngine("net-test", () -> {
            for (int i = 0; i < pairs.length; i++) {
                int idx = i;
                e[0].scheduleAt(startPs[i],
                        () -> net.send(pairs[idx][0], pairs[idx][1], bytes[idx], () -> delivered[idx] = e[0].now()));
            }
        });
        net.attach(e[0]);
        if (computeSeconds >= 0) {
            net.expectStep(computeSeconds, 1);
            for (int i = 0; i < pairs.length; i++) {
                net.expectTransfer(pairs[i][0], pairs[i][1], bytes[i]);
            }
        }
        e[0].run();
        return delivered;
    }
}
