package org.hyparsim.noc;

import java.util.Comparator;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;

/**
 * The rank of what reaches a link at one instant, by which first come, first served links order such a tie
 * (calendars' reservations, packets in chunks): those that have crossed more links first, then the shorter
 * route, then the smaller. A rank the whole replay and a replay by symmetry both see, where the engine's
 * order of events is not; the links break ties of one rank by the order sent.
 */
final class ArrivalRank {
    private ArrivalRank() {
    }

    /**
     * @param hop how many links each has crossed (the index of this link on its route)
     * @param routeLength its route's links
     * @param bytes what it carries over this link
     */
    static <T> Comparator<T> of(ToIntFunction<T> hop, ToIntFunction<T> routeLength, ToDoubleFunction<T> bytes) {
        return Comparator.<T>comparingInt(x -> -hop.applyAsInt(x)).thenComparingInt(routeLength)
                .thenComparingDouble(bytes);
    }
}
