package org.hyparsim.core.kind;

import org.hyparsim.core.Named;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** How links carry messages. */
public enum LinkModel implements Named {
    /** Every packet on every link, one at a time per link (FIFO): contention is real. */
    PACKET,
    /** A message is one flow; flows sharing links share them max-min fairly. */
    FLOW,
    /**
     * Each link keeps a calendar of reservations; a message reserves, hop by hop, the earliest idle
     * gap of each link of its route that holds it (first come, first served, one event per delivery).
     */
    CALENDAR;

    /**
     * Where a scenario or command names none: flows. On the cases measured (the hmc-rs table in
     * the README, the paper's runs on one shared channel) they give packet level's step times to
     * within 0.1% at a small fraction of its events, and only flows replay a symmetric array by a
     * representative.
     */
    public static final LinkModel DEFAULT = FLOW;
    /** {@link #DEFAULT}'s label, a constant for command-line option defaults. */
    public static final String DEFAULT_LABEL = "flow";

    /**
     * Whether a replay on these links may stand one accelerator for its equivalents: flows (max-min
     * rates are unique, so symmetric) and calendars (messages that reach a link at one instant share
     * it, whatever order they were sent in); packets are replayed whole.
     */
    public boolean replaysBySymmetry() {
        return this != PACKET;
    }

    /** The name in scenarios and results. */
    @Override
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<LinkModel> fromName(String name) {
        return Named.fromName(LinkModel.class, name);
    }

    public static List<String> names() {
        return Named.names(LinkModel.class);
    }
}
