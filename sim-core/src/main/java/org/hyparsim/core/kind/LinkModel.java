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
     * Packet level, first come, first served by arrival on every link, whose packets are chunks that
     * hold a message's first link for 1/{@link #CHUNKS_PER_STEP} of the step's lower bound (or a
     * packet of the profile's {@code packetBytes} where that is longer), packets that reach a link at
     * one instant served in a fixed order: packet level's contention at a step's time scale, a chunk
     * taking its route's links one by one (an arrival per chunk and hop, held in the links' own heap,
     * an engine event per instant at which heads arrive).
     */
    PACKET_CHUNKS,
    /**
     * Each link keeps a calendar of reservations; a message reserves, hop by hop, the earliest idle
     * gap of each link of its route that holds it (first come, first served), in chunks of
     * 1/{@link #CHUNKS_PER_STEP} of the step's time, each sent once the one before has
     * left its first link, so that messages sharing links take turns on every link of their routes.
     */
    CALENDAR,
    /**
     * Calendars whose messages of one rank (as many links crossed, as long a route, as many bytes)
     * reaching a link at one instant take turns by packets and are through together, where
     * {@link #CALENDAR} serves them one after the other: symmetric copies of a message stay
     * symmetric, so a replay by symmetry is exact under any group. The default where the first come,
     * first served models (calendars, packets in chunks) have no exact share that can be held
     * ({@code docs/MODEL.md}).
     */
    CALENDAR_TURNS;

    /**
     * Where a scenario or command names none, up to this many accelerators: flows; above it, packets
     * in chunks up to {@link #PACKET_CHUNKS_DEFAULT_UP_TO}, calendars beyond. Each is the nearest to
     * packet level that keeps the speed targets where it is used (docs/VALIDATION.md): flows within
     * 1.3% up to 64 accelerators, where calendars serve an accelerator's messages a chunk at a time
     * and miss part of packet level's interleaving (a 16-accelerator fat tree's hierarchical
     * exchange: calendar +8.1%, flows -0.06%); from 256 flows are up to +28.7% off on H trees and
     * chaotic under a 1e-8 change of a link's bandwidth.
     */
    public static final int FLOW_DEFAULT_UP_TO = 64;
    /**
     * Where a scenario or command names none, from {@link #FLOW_DEFAULT_UP_TO} up to this many
     * accelerators: packets in chunks, within 1.8% of packet level on the validation set's 256 cases,
     * where calendars, which reserve a chunk's whole route when it is sent, miss an all-reduce's
     * hierarchical exchange over the 256 H tree by 3.4%; at 512 VGG-E dp on the H tree +0.8%
     * unperturbed and -2.8% on the median of three 1e-6 perturbations, calendars -0.6% and -3.7%.
     * Above it, calendars, which reserve a chunk's route at once where packets in chunks take its hops
     * one by one: the bench's eight VGG-E runs at 1024 would take about twice as long (23.5 against
     * 12.7 s from the command line), past their 10 s; calendars are within 1.1% on the validation
     * set's 1024 cases (docs/VALIDATION.md).
     */
    public static final int PACKET_CHUNKS_DEFAULT_UP_TO = 512;
    /**
     * Calendars and packets in chunks cut a message into chunks each of which holds its first link
     * for 1/2500 of a lower bound on one training step's time (the longest an accelerator computes or
     * the longest the step's transfers hold one link, whichever is longer), or for a packet where that
     * is longer (a share's last chunk: what is left). Whole messages queue a layer's small exchange
     * behind a large one already reserved, which packets, taking turns, do not (a convoy: VGG-E dp on the 256 H tree with hierarchical
     * collectives +4.5%, at 1024 +7.4%, mp at 1024 +14 to +38% against packet level). 2500 is the
     * value of 1000, 2500, 5000 and 10000 whose largest error on the six cases where whole messages
     * convoy is smallest for calendars (docs/VALIDATION.md); finer chunks move them by at most a point
     * and cost events in proportion.
     */
    public static final int CHUNKS_PER_STEP = 2500;

    /** The rule {@link #defaultFor} follows, in words, for help texts and outputs. */
    public static final String DEFAULT_RULE = "flow up to " + FLOW_DEFAULT_UP_TO + " accelerators, packet-chunks up to "
            + PACKET_CHUNKS_DEFAULT_UP_TO + ", calendar above (calendar-turns where packet-chunks or calendar have no"
            + " exact share under the task limit)";

    /** The link model of an array of {@code accelerators} whose scenario names none. */
    public static LinkModel defaultFor(long accelerators) {
        return accelerators <= FLOW_DEFAULT_UP_TO ? FLOW : accelerators <= PACKET_CHUNKS_DEFAULT_UP_TO ? PACKET_CHUNKS
                : CALENDAR;
    }

    /**
     * Whether a replay on these links may stand one accelerator for its equivalents: flows (max-min
     * rates are unique, so symmetric) and turn-taking calendars under any group, first come, first
     * served calendars and packets in chunks under a group that leaves no link two copies of a message
     * ({@link #replaysExactlyUnderAnyGroup}); packets are replayed whole, and so are packets in chunks whose
     * links arbitrate by round robin (their ports merge on a quotient: the noc model's
     * {@code SymmetricInterconnect.replays}).
     */
    public boolean replaysBySymmetry() {
        return this != PACKET;
    }

    /**
     * Whether a replay by symmetry gives the whole replay's figures under every group of the
     * topology's automorphisms (first come, first served calendars and packets in chunks: only where
     * no link carries two copies of a message, since a link staggers copies that reach it at one instant).
     */
    public boolean replaysExactlyUnderAnyGroup() {
        return this == FLOW || this == CALENDAR_TURNS;
    }

    /** Whether links of this model keep calendars ({@code calendar}, {@code calendar-turns}). */
    public boolean calendars() {
        return this == CALENDAR || this == CALENDAR_TURNS;
    }

    /** The name in scenarios and results. */
    @Override
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<LinkModel> fromName(String name) {
        return Named.fromName(LinkModel.class, name);
    }

    public static List<String> names() {
        return Named.names(LinkModel.class);
    }
}
