package org.hyparsim.noc;

import org.hyparsim.core.kind.TopologyKind;
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
 * The flow-level links re-rate only the flows connected to a start or an end, and of those only
 * the ones at or above a floor (the slowest ended rate, a lower bound of the level at which each new
 * flow's links can saturate with the slower flows' rates kept); a
 * from-scratch reference re-rates every flow at every event. On random flow sets, started at a
 * few shared instants and in between, both deliver every message at the same time (within the
 * picosecond rounding of event times). A floor set too high fails it.
 */
class FlowRatesProperties {
    /** One message: from, to, bytes, when it starts (ps). */
    record Msg(int src, int dst, double bytes, long start) {
    }

    @Provide
    Arbitrary<List<Msg>> flows() {
        return messages(16);
    }

    /** Up to 24 messages among the first {@code accelerators}, started at a few instants (several flows at once) and between them. */
    static Arbitrary<List<Msg>> messages(int accelerators) {
        Arbitrary<Long> start = Arbitraries.oneOf(Arbitraries.of(0L, 0L, 40_000_000L, 90_000_000L),
                Arbitraries.longs().between(0, 150_000_000L));
        Arbitrary<Msg> msg = Combinators.combine(Arbitraries.integers().between(0, accelerators - 1),
                Arbitraries.integers().between(0, accelerators - 1), Arbitraries.doubles().between(1_000, 200_000), start)
                .filter((a, b, c, d) -> !a.equals(b)).as(Msg::new);
        return msg.list().ofMinSize(1).ofMaxSize(24);
    }

    @Property(tries = 60)
    void incrementalEqualsFromScratch(@ForAll("flows") List<Msg> msgs, @ForAll("kinds") TopologyKind kind) {
        Topology t = Topologies.create(kind, 16, new LinkProfile(1, 0, List.of(), 1, 65536, 0));
        int[][] pairs = new int[msgs.size()][];
        double[] bytes = new double[msgs.size()];
        long[] starts = new long[msgs.size()];
        for (int i = 0; i < msgs.size(); i++) {
            pairs[i] = new int[] {msgs.get(i).src(), msgs.get(i).dst()};
            bytes[i] = msgs.get(i).bytes();
            starts[i] = msgs.get(i).start();
        }
        long[] incremental = Deliveries.deliver(new FlowInterconnect(t), pairs, bytes, starts);
        double[] reference = fromScratch(t, pairs, bytes, starts);
        for (int i = 0; i < pairs.length; i++) {
            // events run on whole picoseconds: each start or end (two routes per message at most) can move the
            // later ones by up to a picosecond
            assertEquals(reference[i], incremental[i], 2.0 + 4.0 * pairs.length + 1e-9 * reference[i],
                    "message " + i + " on " + kind);
        }
    }

    /** Messages among four accelerators: several at once on one route (a bundle), joining and leaving it. */
    @Provide
    Arbitrary<List<Msg>> crowded() {
        return messages(4);
    }

    @Property(tries = 60)
    void flowsOnOneRouteEndAsFromScratch(@ForAll("crowded") List<Msg> msgs, @ForAll("kinds") TopologyKind kind) {
        incrementalEqualsFromScratch(msgs, kind);
    }

    @Provide
    Arbitrary<TopologyKind> kinds() {
        return Arbitraries.of(TopologyKind.RING, TopologyKind.TORUS, TopologyKind.SWITCH, TopologyKind.HTREE,
                TopologyKind.MESH, TopologyKind.BUS);
    }

    /**
     * Every flow re-rated by global progressive filling at each start and completion; delivery
     * times in ps (no latency).
     */
    static double[] fromScratch(Topology t, int[][] pairs, double[] bytes, long[] starts) {
        List<double[]> flows = new ArrayList<>(); // {message, remaining, start}
        List<int[]> routes = new ArrayList<>();
        for (int i = 0; i < pairs.length; i++) {
            int[][] rs = t.routes(pairs[i][0], pairs[i][1]);
            for (int[] r : rs) {
                flows.add(new double[] {i, bytes[i] / rs.length, starts[i]});
                routes.add(r);
            }
        }
        double[] done = new double[pairs.length];
        double now = 0;
        List<Link> links = t.links();
        boolean[] active = new boolean[flows.size()];
        boolean[] waiting = new boolean[flows.size()];
        for (int f = 0; f < flows.size(); f++) {
            active[f] = flows.get(f)[2] <= 0;
            waiting[f] = !active[f];
        }
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
                } else if (waiting[f]) {
                    step = Math.min(step, flows.get(f)[2] - now);
                }
            }
            now += step;
            for (int f = 0; f < flows.size(); f++) {
                if (active[f]) {
                    flows.get(f)[1] -= rate[f] * step;
                    if (flows.get(f)[1] <= 1e-6) {
                        active[f] = false;
                        left--;
                        int m = (int) flows.get(f)[0];
                        done[m] = Math.max(done[m], now);
                    }
                }
            }
            for (int f = 0; f < flows.size(); f++) {
                if (waiting[f] && flows.get(f)[2] <= now + 1e-6) {
                    waiting[f] = false;
                    active[f] = true;
                }
            }
        }
        return done;
    }
}
