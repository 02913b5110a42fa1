package org.hyparsim.partition.planner;

import org.hyparsim.core.kind.StrategyKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.hyparsim.core.engine.Deadline;
import org.hyparsim.core.workload.Shortcut;
import org.hyparsim.partition.CommunicationModel;
import org.hyparsim.core.kind.Parallelism;
import org.hyparsim.partition.Plan;
import org.hyparsim.partition.Split;

/**
 * HyPar's Algorithm 2 (greedy top-down over the levels) around a dynamic program over the layers
 * of one level: strategy hypar with two types (dp, mp), accpar with AccPar's three (dp, mp,
 * mp-out). Ties go to the lower type (dp, then mp), inside the recursion and at the final choice.
 *
 * <p>On a chain the state is the last layer's type. With shortcuts the planner has two modes:
 * <ul>
 *   <li><b>Exact</b> (every accounting but AccPar's): the state also carries the types of the
 *   shortcuts' first layers that are still open, so a shortcut's amount, which depends on the
 *   types of both its ends, is charged exactly; each level's row is the cheapest of all k^L
 *   (a property test checks it against brute force).</li>
 *   <li><b>AccPar's released planner</b> (accounting accpar), reproduced on purpose with its
 *   behaviours: shortcuts are charged only with three types; a shortcut's source type is not
 *   searched but traced back through the table from the predecessor's type to the shortcut's
 *   first layer; it is priced with the consuming layer's shapes; and each layer's running
 *   minimum starts from the dp predecessor without its shortcut term, so a dp predecessor is
 *   never charged one.</li>
 * </ul>
 */
public final class LayerwisePlanner implements Planner {
    /** The largest number of states per layer of the exact dynamic program (k^(1 + open shortcuts)). */
    public static final int MAX_STATES = 6561;

    private final StrategyKind kind;
    private final List<Parallelism> types;
    private final boolean exactOnly;

    private LayerwisePlanner(StrategyKind kind, List<Parallelism> types, boolean exactOnly) {
        this.kind = kind;
        this.types = types;
        this.exactOnly = exactOnly;
    }

    /**
     * This planner in its exact mode under every accounting, AccPar's included: what the
     * released planner's plans are compared with.
     */
    public LayerwisePlanner exact() {
        return new LayerwisePlanner(kind, types, true);
    }

    /** HyPar: dp and mp. */
    public static LayerwisePlanner hypar() {
        return new LayerwisePlanner(StrategyKind.HYPAR, Parallelism.TWO_TYPES, false);
    }

    /** AccPar: dp, mp and mp-out. */
    public static LayerwisePlanner accpar() {
        return new LayerwisePlanner(StrategyKind.ACCPAR, Parallelism.THREE_TYPES, false);
    }

    @Override
    public String name() {
        return kind.label();
    }

    public List<Parallelism> types() {
        return types;
    }

    @Override
    public Plan plan(CommunicationModel model, int levels) {
        Plan plan = new Plan(model.layers(), List.of());
        for (int h = 1; h <= levels; h++) {
            Deadline.check();
            plan = plan.withLevel(solveLevel(model, types, plan.splitsAbove(h - 1), exactOnly));
        }
        return plan;
    }

    /** One level: the row of choices minimising one group's bytes, given the splits above. */
    public static List<Parallelism> solveLevel(CommunicationModel model, List<Parallelism> types, Split[] above) {
        return solveLevel(model, types, above, false);
    }

    private static List<Parallelism> solveLevel(CommunicationModel model, List<Parallelism> types, Split[] above,
            boolean exactOnly) {
        boolean released = !exactOnly && model.accounting().accparShortcuts();
        List<Shortcut> shortcuts = model.network().shortcuts();
        if (shortcuts.isEmpty() || released && types.size() < 3) {
            return released(model, types, above, List.of());
        }
        return released ? released(model, types, above, shortcuts) : exact(model, types, above);
    }

    /**
     * The dynamic program with the last layer's type as its state; with shortcuts, AccPar's
     * released behaviours (see the class comment).
     */
    private static List<Parallelism> released(CommunicationModel model, List<Parallelism> types, Split[] above,
            List<Shortcut> shortcuts) {
        int n = model.layers();
        int k = types.size();
        double[][] cost = new double[n][k];
        int[][] back = new int[n][k];
        for (int t = 0; t < k; t++) {
            cost[0][t] = model.intraBytes(0, types.get(t), above[0]);
            back[0][t] = t;
        }
        for (int l = 1; l < n; l++) {
            List<Shortcut> into = new ArrayList<>();
            for (Shortcut s : shortcuts) {
                if (s.destination() == l && s.from() < l) {
                    into.add(s);
                }
            }
            for (int t = 0; t < k; t++) {
                Parallelism here = types.get(t);
                double min = cost[l - 1][0] + model.interBytes(l - 1, types.get(0), here, above[l]);
                int arg = 0;
                for (int p = 0; p < k; p++) {
                    double c = cost[l - 1][p] + model.interBytes(l - 1, types.get(p), here, above[l]);
                    for (Shortcut s : into) {
                        int source = traceBack(back, l - 1, p, s.from());
                        c += model.shortcutBytes(s, types.get(source), here, above[l]);
                    }
                    if (c < min) {
                        min = c;
                        arg = p;
                    }
                }
                cost[l][t] = min + model.intraBytes(l, here, above[l]);
                back[l][t] = arg;
            }
        }
        double[] end = new double[k]; // with the shortcuts that end at the last layer (no later layer consumes them)
        for (int t = 0; t < k; t++) {
            end[t] = cost[n - 1][t];
            for (Shortcut s : shortcuts) {
                if (s.destination() == n) {
                    int source = traceBack(back, n - 1, t, s.from());
                    end[t] += model.shortcutBytes(s, types.get(source), types.get(t), above[n - 1]);
                }
            }
        }
        int last = 0;
        for (int t = 1; t < k; t++) {
            if (end[t] < end[last]) {
                last = t;
            }
        }
        Parallelism[] row = new Parallelism[n];
        for (int l = n - 1; l >= 0; l--) {
            row[l] = types.get(last);
            last = back[l][last];
        }
        return Arrays.asList(row);
    }

    /** The type index of layer {@code target} on the path that has type index t at layer l. */
    private static int traceBack(int[][] back, int l, int t, int target) {
        int type = t;
        for (int j = l; j > target; j--) {
            type = back[j][type];
        }
        return type;
    }

    /**
     * The exact dynamic program: the state at layer l is the types of l and of every shortcut's
     * first layer that is still open after l (its end comes later), as base-k digits.
     */
    private static List<Parallelism> exact(CommunicationModel model, List<Parallelism> types, Split[] above) {
        int n = model.layers();
        int k = types.size();
        List<Shortcut> shortcuts = model.network().shortcuts();
        int[] end = new int[shortcuts.size()];
        for (int i = 0; i < end.length; i++) {
            end[i] = model.shortcutEnd(shortcuts.get(i));
        }
        int[][] positions = statePositions(model, k, shortcuts, end);
        double[][] cost = new double[n][];
        int[][] back = new int[n][];
        for (int l = 0; l < n; l++) {
            int states = (int) Math.pow(k, positions[l].length);
            cost[l] = new double[states];
            back[l] = new int[states];
            Arrays.fill(cost[l], Double.POSITIVE_INFINITY);
        }
        int[] typeOf = new int[n];
        for (int t = 0; t < k; t++) {
            typeOf[0] = t;
            cost[0][t] = model.intraBytes(0, types.get(t), above[0])
                    + shortcutsEndingAt(model, types, shortcuts, end, 0, typeOf, above);
        }
        for (int l = 1; l < n; l++) {
            int[] prev = positions[l - 1];
            int[] next = positions[l];
            for (int ps = 0; ps < cost[l - 1].length; ps++) {
                if (cost[l - 1][ps] == Double.POSITIVE_INFINITY) {
                    continue;
                }
                decode(ps, prev, k, typeOf);
                for (int t = 0; t < k; t++) {
                    typeOf[l] = t;
                    double c = cost[l - 1][ps] + model.interBytes(l - 1, types.get(typeOf[l - 1]), types.get(t), above[l])
                            + model.intraBytes(l, types.get(t), above[l])
                            + shortcutsEndingAt(model, types, shortcuts, end, l, typeOf, above);
                    int ns = encode(next, k, typeOf);
                    if (c < cost[l][ns]) {
                        cost[l][ns] = c;
                        back[l][ns] = ps;
                    }
                }
            }
        }
        int best = 0;
        for (int s = 1; s < cost[n - 1].length; s++) {
            if (cost[n - 1][s] < cost[n - 1][best]) {
                best = s;
            }
        }
        Parallelism[] row = new Parallelism[n];
        int state = best;
        for (int l = n - 1; l >= 0; l--) {
            decode(state, positions[l], k, typeOf);
            row[l] = types.get(typeOf[l]);
            state = back[l][state];
        }
        return Arrays.asList(row);
    }

    /**
     * Per layer l, the layers whose types the exact program's state after l holds: l first, then
     * the first layers of the shortcuts still open after l, in order.
     */
    private static int[][] statePositions(CommunicationModel model, int k, List<Shortcut> shortcuts, int[] end) {
        int n = model.layers();
        int[][] positions = new int[n][];
        for (int l = 0; l < n; l++) {
            TreeSet<Integer> open = new TreeSet<>();
            for (int i = 0; i < end.length; i++) {
                int s = shortcuts.get(i).from();
                if (s < l && end[i] > l) {
                    open.add(s);
                }
            }
            int[] pos = new int[1 + open.size()];
            pos[0] = l;
            int j = 1;
            for (int s : open) {
                pos[j++] = s;
            }
            double states = Math.pow(k, pos.length);
            if (states > MAX_STATES) {
                throw new IllegalArgumentException("layer " + model.network().layer(l).name() + " has "
                        + open.size() + " shortcuts open at once: the exact planner would need " + (long) states
                        + " states; the limit is " + MAX_STATES);
            }
            positions[l] = pos;
        }
        return positions;
    }

    private static double shortcutsEndingAt(CommunicationModel model, List<Parallelism> types, List<Shortcut> shortcuts,
            int[] end, int l, int[] typeOf, Split[] above) {
        double sum = 0;
        for (int i = 0; i < end.length; i++) {
            if (end[i] == l) {
                Shortcut s = shortcuts.get(i);
                sum += model.shortcutBytes(s, types.get(typeOf[s.from()]), types.get(typeOf[l]), above[l]);
            }
        }
        return sum;
    }

    /** The state's digits: position j's type is digit j (position 0, the layer itself, least significant). */
    private static void decode(int state, int[] positions, int k, int[] typeOf) {
        int rest = state;
        for (int position : positions) {
            typeOf[position] = rest % k;
            rest /= k;
        }
    }

    private static int encode(int[] positions, int k, int[] typeOf) {
        int state = 0;
        for (int j = positions.length - 1; j >= 0; j--) {
            state = state * k + typeOf[positions[j]];
        }
        return state;
    }
}
