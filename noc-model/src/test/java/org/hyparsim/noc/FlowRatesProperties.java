package org.hyparsim.noc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The flow-level links re-rate only the flows connected to a start or an end (after ends alone,
 * only those at or above the slowest ended rate: every message here starts at 0, so every later
 * re-rating is of that kind); a from-scratch reference re-rates every flow at every event. On random flow sets both deliver every message
 * at the same time (within the picosecond rounding of event times).
 */
class FlowRatesProperties {
    /** One message: from, to, bytes. */
    record Msg(int src, int dst, double bytes) {
    }

    @Provide
    Arbitrary<List<Msg>> flows() {
        Arbitrary<Msg> msg = Combinators.combine(Arbitraries.integers().between(0, 15),
                Arbitraries.integers().between(0, 15), Arbitraries.doubles().between(1_000, 200_000))
                .filter((a, b, c) -> !a.equals(b)).as(Msg::new);
        return msg.list().ofMinSize(1).ofMaxSize(24);
    }

    @Property(tries = 60)
    void incrementalEqualsFromScratch(@ForAll("flows") List<Msg> msgs, @ForAll("kinds") TopologyKind kind) {
        Topology t = kind.create(16, new LinkProfile(1, 0, List.of(), 1, 65536, 0));
        int[][] pairs = new int[msgs.size()][];
        double[] bytes = new double[msgs.size()];
        for (int i = 0; i < msgs.size(); i++) {
            pairs[i] = new int[] {msgs.get(i).src(), msgs.get(i).dst()};
            bytes[i] = msgs.get(i).bytes();
        }
        long[] incremental = Deliveries.deliver(new FlowInterconnect(t), pairs, bytes);
        double[] reference = fromScratch(t, pairs, bytes);
        for (int i = 0; i < pairs.length; i++) {
            assertEquals(reference[i], incremental[i], 2.0 + 1e-9 * reference[i], "message " + i + " on " + kind);
        }
    }

    @Provide
    Arbitrary<TopologyKind> kinds() {
        return Arbitraries.of(TopologyKind.RING, TopologyKind.TORUS, TopologyKind.SWITCH, TopologyKind.HTREE,
                TopologyKind.MESH, TopologyKind.BUS);
    }

    /** Every flow re-rated by global progressive filling at each completion; delivery times in ps (no latency). */
    static double[] fromScratch(Topology t, int[][] pairs, double[] bytes) {
        List<double[]> flows = new ArrayList<>(); // {message, remaining}
        List<int[]> routes = new ArrayList<>();
        for (int i = 0; i < pairs.length; i++) {
            int[][] rs = t.routes(pairs[i][0], pairs[i][1]);
            for (int[] r : rs) {
                flows.add(new double[] {i, bytes[i] / rs.length});
                routes.add(r);
            }
        }
        double[] done = new double[pairs.length];
        double now = 0;
        List<Link> links = t.links();
        boolean[] active = new boolean[flows.size()];
        java.util.Arrays.fill(active, true);
        int left = flows.size();
        while (left > 0) {
            double[] rate = new double[flows.size()];
            double[] residual = new double[links.size()];
            int[] users = new int[links.size()];
            boolean[] frozen = new boolean[flows.size()];
            for (Link l : links) {
                residual[l.id()] = l.bandwidthBytesPerSecond() * 1e-12;
            }
            int open = 0;
            for (int f = 0; f < flows.size(); f++) {
                if (active[f]) {
                    open++;
                    for (int l : routes.get(f)) {
                        users[l]++;
                    }
                } else {
                    frozen[f] = true;
                }
            }
            while (open > 0) {
                int bottleneck = -1;
                double share = Double.POSITIVE_INFINITY;
                for (int l = 0; l < links.size(); l++) {
                    if (users[l] > 0 && residual[l] / users[l] < share) {
                        share = residual[l] / users[l];
                        bottleneck = l;
                    }
                }
                for (int f = 0; f < flows.size(); f++) {
                    if (frozen[f]) {
                        continue;
                    }
                    boolean crosses = false;
                    for (int l : routes.get(f)) {
                        crosses |= l == bottleneck;
                    }
                    if (crosses) {
                        frozen[f] = true;
                        rate[f] = share;
                        open--;
                        for (int l : routes.get(f)) {
                            residual[l] -= share;
                            users[l]--;
                        }
                    }
                }
            }
            double step = Double.POSITIVE_INFINITY;
            for (int f = 0; f < flows.size(); f++) {
                if (active[f]) {
                    step = Math.min(step, flows.get(f)[1] / rate[f]);
                }
            }
            now += step;
            for (int f = 0; f < flows.size(); f++) {
                if (!active[f]) {
                    continue;
                }
                flows.get(f)[1] -= rate[f] * step;
                if (flows.get(f)[1] <= 1e-6) {
                    active[f] = false;
                    left--;
                    int m = (int) flows.get(f)[0];
                    done[m] = Math.max(done[m], now);
                }
            }
        }
        return done;
    }
}
