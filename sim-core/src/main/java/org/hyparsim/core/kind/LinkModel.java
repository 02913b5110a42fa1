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
     * Where a scenario or command names none: calendars, at every scale. On the validation set
     * (docs/VALIDATION.md: 64 to 1024 accelerators, H tree and torus) they give packet level's step
     * times far closer than flows (flows: up to +28.7% at 256 and +25.5% at 1024 on H trees), at one
     * event per message, and replay a symmetric array by representatives wherever no link carries two
     * copies of a message, which is exact; elsewhere whole, and by an approximate quotient only where
     * the whole step could not be held (SimulatedArray).
     */
    public static final LinkModel DEFAULT = CALENDAR;
    /** {@link #DEFAULT}'s label, a constant for command-line option defaults. */
    public static final String DEFAULT_LABEL = "calendar";

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
