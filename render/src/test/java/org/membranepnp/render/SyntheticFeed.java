package org.membranepnp.render;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.membranepnp.engine.model.RunMode;
import org.membranepnp.engine.model.RunSpec;
import org.membranepnp.engine.model.Scenario;
import org.membranepnp.engine.result.Profiles;
import org.membranepnp.engine.result.ResultReader;

/**
 * A live feed for the viewer tests, without a solver: the synthetic run's profiles scaled by a growth factor
 * (0: flat baths, 1: the charged membrane), added by the test as frames.
 */
final class SyntheticFeed implements LiveFeed {
    private final Scenario scenario = SyntheticResults.scenario(new RunSpec(RunMode.TRANSIENT, 1e-4,
            RunSpec.DEFAULT_RELATIVE_TOLERANCE));
    private final Profiles base;
    private final List<Frame> frames = new ArrayList<>();
    private final List<double[]> trace = new ArrayList<>();
    private final AtomicLong version = new AtomicLong();
    private volatile Frame latest;
    private volatile Phase phase = Phase.RUNNING;
    volatile int pauses;
    volatile boolean stopped;

    /** From the synthetic run written into {@code dir}. */
    SyntheticFeed(Path dir) {
        this.base = ResultReader.profiles(dir).profiles();
    }

    /** Adds a frame at {@code timeS} with the profiles grown by {@code growth}. */
    synchronized void add(double timeS, double growth) {
        int n = base.nodeCount();
        double[] phi = new double[n];
        double[] rho = new double[n];
        double[][] c = new double[base.concentrationsMm().length][n];
        int a = base.membraneStartNode();
        int b = base.membraneEndNode();
        for (int k = 0; k < n; k++) {
            phi[k] = growth * base.potentialMv()[k];
            rho[k] = growth * base.chargeDensityCPerM3()[k];
            for (int i = 0; i < c.length; i++) {
                double[] ci = base.concentrationsMm()[i];
                double bulk = k <= a ? ci[0] : ci[n - 1];
                c[i][k] = k > a && k < b ? ci[k] : bulk + growth * (ci[k] - bulk);
            }
        }
        Frame f = new Frame(timeS, growth * SyntheticResults.VM, new Profiles(base.xNm(), phi, c, rho, a, b));
        frames.add(f);
        trace.add(new double[] {timeS, f.membranePotentialMv()});
        latest = f;
        version.incrementAndGet();
    }

    void finish() {
        phase = Phase.FINISHED;
        version.incrementAndGet();
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
        double[] t = new double[trace.size()];
        double[] v = new double[trace.size()];
        for (int i = 0; i < t.length; i++) {
            t[i] = trace.get(i)[0];
            v[i] = trace.get(i)[1];
        }
        return new Trace(t, v);
    }

    @Override
    public Phase phase() {
        return phase;
    }

    @Override
    public String message() {
        return "";
    }

    @Override
    public void setPaused(boolean paused) {
        pauses++;
        phase = paused ? Phase.PAUSED : Phase.RUNNING;
        version.incrementAndGet();
    }

    @Override
    public void stop() {
        stopped = true;
        phase = Phase.STOPPED;
        version.incrementAndGet();
    }
}
