package org.membranepnp.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.membranepnp.engine.model.RunMode;
import org.membranepnp.engine.model.Scenario;
import org.membranepnp.engine.result.Profiles;
import org.membranepnp.engine.result.RunResult;
import org.membranepnp.render.LiveFeed;
import org.membranepnp.solver.ProfileSnapshots;
import org.membranepnp.solver.ProgressListener;
import org.membranepnp.solver.RunControl;
import org.membranepnp.solver.Simulation;
import org.membranepnp.solver.SolverOptions;

/**
 * {@code pnp view SCENARIO.toml}: the scenario runs in a background thread ({@link Simulation} with a
 * {@link RunControl}) and the viewer pulls what it needs through {@link LiveFeed}. The run hands the profiles of
 * every accepted time step to this {@link ProfileSnapshots}: each becomes the newest state and a point of V_m(t);
 * those at the log-spaced times of {@code pnp run --snapshots} ({@link SnapshotWriter#times}) are kept as frames.
 * A steady scenario shows its solution when it is solved. Nothing is written to disk.
 */
final class LiveRun implements LiveFeed, ProfileSnapshots {
    private final Scenario scenario;
    private final double[] frameTimes;
    private final BooleanSupplier interrupted;
    private final List<Frame> frames = new ArrayList<>();
    private final AtomicLong version = new AtomicLong();
    private final CountDownLatch done = new CountDownLatch(1);
    private final CountDownLatch firstState = new CountDownLatch(1);
    private double[] traceT = new double[256];
    private double[] traceVm = new double[256];
    private int traceSize;
    private int nextFrame;
    private double lastTimeS = Double.NEGATIVE_INFINITY;
    private volatile Frame latest;
    private volatile Phase phase = Phase.RUNNING;
    private volatile String message = "";
    private volatile RuntimeException failure;
    private volatile boolean stopRequested;
    private boolean paused;
    private Runnable onDone = () -> { };

    private LiveRun(Scenario scenario, int frameCount, BooleanSupplier interrupted) {
        this.scenario = scenario;
        this.interrupted = interrupted;
        this.frameTimes = scenario.run().mode() == RunMode.TRANSIENT
                ? SnapshotWriter.times(frameCount, scenario.run().endTimeS()) : new double[0];
    }

    /**
     * Starts {@code scenario} in a daemon thread.
     *
     * @param frameCount  frames to keep (≥ 2), log-spaced in time
     * @param threads     the solver's worker threads
     * @param interrupted true once Ctrl-C came: the run then stops after its current time step
     * @param onDone      called in the run's thread when it has ended (finished, stopped or failed)
     */
    static LiveRun start(Scenario scenario, int frameCount, int threads, BooleanSupplier interrupted, Runnable onDone) {
        LiveRun r = new LiveRun(scenario, frameCount, interrupted);
        r.onDone = onDone;
        Thread t = new Thread(() -> r.run(threads), "pnp-view-run");
        t.setDaemon(true);
        t.start();
        return r;
    }

    private void run(int threads) {
        try {
            RunControl control = new RunControl(this::stopNow, 0, cp -> { }, this);
            RunResult r = Simulation.run(scenario, new SolverOptions(threads, false), ProgressListener.NONE, control,
                    null);
            double t = r.timeSeries() == null ? Double.NaN
                    : r.timeSeries().timeS()[r.timeSeries().sampleCount() - 1];
            Frame last = new Frame(t, r.membranePotentialMv(), r.profiles());
            synchronized (this) {
                if (frames.isEmpty() || !(t <= frames.get(frames.size() - 1).timeS())) {
                    frames.add(last);
                }
                latest = last;
            }
            boolean reachedEnd = scenario.run().mode() != RunMode.TRANSIENT
                    || t >= scenario.run().endTimeS() * (1 - 1e-12);
            phase = reachedEnd ? Phase.FINISHED : Phase.STOPPED;
        } catch (RuntimeException e) {
            failure = e;
            message = e.getMessage() == null ? e.toString() : e.getMessage();
            phase = Phase.FAILED;
        } finally {
            version.incrementAndGet();
            firstState.countDown();
            done.countDown();
            onDone.run();
        }
    }

    /** Between two time steps: blocks while paused; true once a stop was asked for. */
    private boolean stopNow() {
        synchronized (this) {
            while (paused && !stopRequested && !interrupted.getAsBoolean()) {
                try {
                    wait(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return true;
                }
            }
        }
        return stopRequested || interrupted.getAsBoolean();
    }

    @Override
    public synchronized double nextTimeS() {
        return lastTimeS == Double.NEGATIVE_INFINITY ? 0 : Math.nextUp(lastTimeS); // every accepted step
    }

    @Override
    public void take(double timeS, double membranePotentialMv, Profiles profiles) {
        Frame f = new Frame(timeS, membranePotentialMv, profiles);
        synchronized (this) {
            lastTimeS = timeS;
            if (traceSize == traceT.length) {
                traceT = Arrays.copyOf(traceT, traceSize * 2);
                traceVm = Arrays.copyOf(traceVm, traceSize * 2);
            }
            traceT[traceSize] = timeS;
            traceVm[traceSize] = membranePotentialMv;
            traceSize++;
            if (nextFrame < frameTimes.length && timeS >= frameTimes[nextFrame] * (1 - 1e-12)) {
                frames.add(f);
                while (nextFrame < frameTimes.length && frameTimes[nextFrame] <= timeS * (1 + 1e-12)) {
                    nextFrame++;
                }
            }
            latest = f;
        }
        version.incrementAndGet();
        firstState.countDown();
    }

    /** Waits until the first state is there or the run has ended; true for a first state. */
    boolean awaitFirstState(long ms) throws InterruptedException {
        firstState.await(ms, TimeUnit.MILLISECONDS);
        return latest != null;
    }

    /** Waits until the run has ended; true if it did within {@code ms}. */
    boolean awaitDone(long ms) throws InterruptedException {
        return done.await(ms, TimeUnit.MILLISECONDS);
    }

    /** The exception the run failed with, or null. */
    RuntimeException failure() {
        return failure;
    }

    /** The time of the newest state, s (NaN before the first or for a steady state). */
    double latestTimeS() {
        Frame f = latest;
        return f == null ? Double.NaN : f.timeS();
    }

    @Override
    public Scenario scenario() {
        return scenario;
    }

    @Override
    public long version() {
        return version.get();
    }

    @Override
    public synchronized List<Frame> frames() {
        return List.copyOf(frames);
    }

    @Override
    public Frame latest() {
        return latest;
    }

    @Override
    public synchronized Trace trace() {
        return new Trace(Arrays.copyOf(traceT, traceSize), Arrays.copyOf(traceVm, traceSize));
    }

    @Override
    public Phase phase() {
        return phase;
    }

    @Override
    public String message() {
        return message;
    }

    @Override
    public void setPaused(boolean p) {
        synchronized (this) {
            if (phase != Phase.RUNNING && phase != Phase.PAUSED) {
                return;
            }
            paused = p;
            phase = p ? Phase.PAUSED : Phase.RUNNING;
            notifyAll();
        }
        version.incrementAndGet();
    }

    @Override
    public void stop() {
        synchronized (this) {
            stopRequested = true;
            notifyAll();
        }
        version.incrementAndGet();
    }
}
