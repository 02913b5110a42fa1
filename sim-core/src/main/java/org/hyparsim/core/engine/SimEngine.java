package org.hyparsim.core.engine;

import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import nl.tudelft.simulation.dsol.SimRuntimeException;
import nl.tudelft.simulation.dsol.eventlists.EventListPriorityQueue;
import nl.tudelft.simulation.dsol.experiment.SingleReplication;
import nl.tudelft.simulation.dsol.formalisms.eventscheduling.AbstractSimEvent;
import nl.tudelft.simulation.dsol.formalisms.eventscheduling.SimEventInterface;
import nl.tudelft.simulation.dsol.model.AbstractDsolModel;
import nl.tudelft.simulation.dsol.simulators.DevsSimulator;
import nl.tudelft.simulation.dsol.simulators.DevsSimulatorInterface;
import nl.tudelft.simulation.dsol.simulators.ErrorStrategy;

/**
 * The only class that touches DSOL: a discrete-event engine with integer time in picoseconds.
 *
 * <p>Runs are headless and synchronous: {@link #run()} steps the DSOL simulator on the caller's
 * thread until its event list is empty, so no simulator thread is ever left running, and an
 * exception thrown by an event reaches the caller unchanged. Each engine uses its own
 * replication id (replication ids share one naming context per JVM) and removes it from that
 * context when the run ends.
 */
public final class SimEngine {
    private static final AtomicLong IDS = new AtomicLong();
    /**
     * DSOL's logging set-up (djutils CategoryLogger) and its JVM-wide naming context are not
     * safe when simulators and replications are made or removed on several threads at once
     * (seen: a NullPointerException in addFormatter, "cannot destroy context for replication").
     * Every such step runs under this lock, and the first simulator is made while this class
     * initialises; the event loop itself runs outside it.
     */
    private static final Object DSOL_SETUP = new Object();

    static {
        synchronized (DSOL_SETUP) {
            new DevsSimulator<Long>("hypar-sim-warm-up");
        }
    }


    private final DevsSimulator<Long> simulator;
    private final SingleReplication<Long> replication;
    private final Runnable constructModel;
    private long events;
    private long pending;
    /** Sum over executed events of the events pending when each ran: the mean queue depth is this / events. */
    private double pendingSum;
    private RuntimeException failure;
    private boolean ran;
    /** Whether an event is running (late actions at its instant are then held here). */
    private boolean executing;
    /** Late actions of the current instant, in the order scheduled. */
    private final ArrayDeque<Runnable> late = new ArrayDeque<>();

    /** @param constructModel schedules the first events; runs inside DSOL's constructModel() */
    public SimEngine(String name, Runnable constructModel) {
        if (constructModel == null) {
            throw new IllegalArgumentException("constructModel is required");
        }
        this.constructModel = constructModel;
        String id = name + "-" + IDS.incrementAndGet();
        synchronized (DSOL_SETUP) {
            this.simulator = new DevsSimulator<>(id);
            this.simulator.setEventList(new EventListPriorityQueue<>());
            this.simulator.setErrorStrategy(ErrorStrategy.WARN_AND_PAUSE);
            // a replication registers itself in DSOL's JVM-wide naming context, which is not thread safe
            this.replication = new SingleReplication<>(id, 0L, 0L, Long.MAX_VALUE / 4);
        }
    }

    /** The current simulated time, ps. */
    public long now() {
        return simulator.getSimulatorTime();
    }

    /** Schedules an action at an absolute time (ps), not before now. */
    public void scheduleAt(long timePs, Runnable action) {
        schedule(timePs, action, SimEventInterface.NORMAL_PRIORITY);
    }

    private void schedule(long timePs, Runnable action, short priority) {
        if (timePs < now()) {
            throw new IllegalArgumentException("cannot schedule in the past: " + timePs + " < " + now());
        }
        try {
            simulator.scheduleEvent(new EngineEvent(timePs, priority, action));
            pending++;
        } catch (SimRuntimeException e) {
            throw new IllegalStateException("DSOL refused an event at " + timePs + " ps: " + e.getMessage(), e);
        }
    }

    /**
     * Schedules an action at an absolute time (ps), not before now, to run after every other
     * action at that time that is scheduled as usual (among themselves, in the order scheduled).
     * For work that gathers what a whole instant did, such as re-rating the flows it started.
     * Asked for by an event at its own instant, the action is held by the engine and run as soon as
     * an event ends with no other event pending at that instant (no event of its own); otherwise it
     * is a DSOL event of the lowest priority. The order is the same either way.
     */
    public void scheduleLate(long timePs, Runnable action) {
        if (executing && timePs == now()) {
            late.add(action);
        } else {
            schedule(timePs, action, SimEventInterface.MIN_PRIORITY);
        }
    }

    /** Whether no other event is pending at the current time (the running one excepted). */
    private boolean nothingElseNow() {
        SimEventInterface<Long> next = simulator.getEventList().first();
        return next == null || next.getAbsoluteExecutionTime() > now();
    }

    /** Schedules an action after a delay (ps). */
    public void scheduleIn(long delayPs, Runnable action) {
        scheduleAt(now() + delayPs, action);
    }

    private void execute(Runnable action) {
        events++;
        pending--;
        executing = true;
        try {
            action.run();
            // the instant's late actions, once no event of it is left (one may schedule more at this instant)
            while (!late.isEmpty() && nothingElseNow()) {
                late.poll().run();
            }
        } catch (RuntimeException e) {
            if (failure == null) {
                failure = e;
            }
            throw e;
        } finally {
            executing = false;
        }
    }

    /** The mean number of model events pending when an event ran (the event list's depth). */
    public double meanPendingEvents() {
        return events == 0 ? 0 : pendingSum / events;
    }

    /** Events executed so far. */
    public long events() {
        return events;
    }

    /**
     * Runs a task with a wall-clock limit on this thread (see {@link Deadline}): a run past it
     * stops with a {@link SimulationTimeoutException}.
     */
    public static <T> T withDeadline(double seconds, Supplier<T> task) {
        return Deadline.within(seconds, task);
    }

    /** Model events scheduled and not yet executed. */
    public long pendingEvents() {
        return pending;
    }

    /**
     * Builds the model and runs until no model event is pending (the replication's own end
     * event is never reached); returns the time of the last event (ps). An exception raised by
     * an event is rethrown here.
     */
    public long run() {
        if (ran) {
            throw new IllegalStateException("an engine runs once");
        }
        ran = true;
        try {
            synchronized (DSOL_SETUP) {
                simulator.initialize(new Model(simulator, constructModel), replication);
            }
            Deadline deadline = Deadline.current();
            EngineProgress progress = EngineProgress.CURRENT.get();
            long lastReport = System.nanoTime();
            while (pending > 0) {
                if (progress != null && (events & (EngineProgress.EVERY_EVENTS - 1)) == 0
                        && System.nanoTime() - lastReport > 1_000_000_000L) {
                    lastReport = System.nanoTime();
                    progress.at(now(), events);
                }
                if (deadline != null && deadline.expired()) {
                    deadline.checkNow(" at simulated time " + now() + " ps, " + events + " events");
                }
                pendingSum += pending;
                simulator.step();
                if (failure != null) {
                    throw failure;
                }
            }
            return now();
        } catch (SimRuntimeException e) {
            if (failure != null) {
                throw failure;
            }
            throw new IllegalStateException("simulation failed: " + e.getMessage(), e);
        } finally {
            synchronized (DSOL_SETUP) {
                try {
                    simulator.cleanUp();
                } finally {
                    replication.removeFromContext();
                }
            }
        }
    }

    /**
     * A scheduled action. DSOL builds the event's string on every scheduling (for its trace log,
     * even when that is off); a lambda event's string formats the lambda's identity hash, which
     * showed in measurements, so this event's string is a constant.
     */
    private final class EngineEvent extends AbstractSimEvent<Long> {
        private static final long serialVersionUID = 1L;
        private final transient Runnable action;

        EngineEvent(long timePs, short priority, Runnable action) {
            super(timePs, priority);
            this.action = action;
        }

        @Override
        public void execute() {
            SimEngine.this.execute(action);
        }

        @Override
        public String toString() {
            return "hypar-sim event";
        }
    }

    /** The DSOL model: constructModel() hands over to the caller's scheduling. */
    private static final class Model extends AbstractDsolModel<Long, DevsSimulatorInterface<Long>> {
        private static final long serialVersionUID = 1L;
        private final transient Runnable construct;

        Model(DevsSimulatorInterface<Long> simulator, Runnable construct) {
            super(simulator);
            this.construct = construct;
        }

        @Override
        public void constructModel() {
            construct.run();
        }
    }
}
