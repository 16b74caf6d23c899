package org.membranepnp.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C during a run: a shutdown hook asks the solver to stop after its current time step and waits (up to a
 * minute) until the run has written its checkpoint and released this guard, so the JVM exits with a consistent
 * state on disk.
 */
final class StopOnInterrupt {
    private static final long WAIT_S = 60;

    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;
    private volatile boolean requested;

    private StopOnInterrupt() {
        this.hook = new Thread(() -> {
            requested = true;
            try {
                finished.await(WAIT_S, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "pnp-stop-on-interrupt");
    }

    /** Installs the hook for the duration of one run. */
    static StopOnInterrupt install() {
        StopOnInterrupt s = new StopOnInterrupt();
        Runtime.getRuntime().addShutdownHook(s.hook);
        return s;
    }

    /** True once Ctrl-C (or another termination request) arrived. */
    boolean requested() {
        return requested;
    }

    /** The run is over and its files are written: lets a pending shutdown proceed, removes the hook. */
    void release() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is already exiting: the hook will return now that the latch is open
        }
    }
}
