package org.membranepnp.solver.parallel;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One fixed pool of worker threads for a solve. Loops are cut into chunks whose boundaries depend only on the
 * loop length (never on the number of threads), and each chunk writes its own memory, so results are
 * bit-identical for any number of threads. The calling thread works too; {@code threads = 1} runs inline.
 */
public final class WorkerPool implements AutoCloseable {
    /** Loop iterations per chunk. */
    public static final int CHUNK = 4096;

    /** A loop body over the index range [from, to). */
    @FunctionalInterface
    public interface RangeBody {
        void run(int from, int to);
    }

    private static final WorkerPool SERIAL = new WorkerPool(1);

    private final int threads;
    private final ExecutorService executor;

    private WorkerPool(int threads) {
        this.threads = threads;
        if (threads > 1) {
            AtomicInteger id = new AtomicInteger();
            ThreadFactory factory = r -> {
                Thread t = new Thread(r, "pnp-worker-" + id.incrementAndGet());
                t.setDaemon(true);
                return t;
            };
            this.executor = Executors.newFixedThreadPool(threads - 1, factory);
        } else {
            this.executor = null;
        }
    }

    /** A pool of {@code threads} threads (the caller included); 1 is the shared serial pool. */
    public static WorkerPool create(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        return threads == 1 ? SERIAL : new WorkerPool(threads);
    }

    /** The single-threaded pool. */
    public static WorkerPool serial() {
        return SERIAL;
    }

    /** Number of threads, the caller included. */
    public int threads() {
        return threads;
    }

    /** Runs {@code body} over [0, count) in chunks of {@link #CHUNK}, the chunks spread over the threads. */
    public void forEachChunk(int count, RangeBody body) {
        forEachChunk(count, CHUNK, body);
    }

    /**
     * Runs {@code body} over [0, count) in chunks of {@code chunk} iterations (fixed, whatever the number of
     * threads), the chunks spread over the threads.
     */
    public void forEachChunk(int count, int chunk, RangeBody body) {
        int chunks = (count + chunk - 1) / chunk;
        if (executor == null || chunks <= 1) {
            body.run(0, count);
            return;
        }
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            for (int c = next.getAndIncrement(); c < chunks; c = next.getAndIncrement()) {
                body.run(c * chunk, Math.min(count, (c + 1) * chunk));
            }
        };
        int helpers = Math.min(threads - 1, chunks - 1);
        @SuppressWarnings("unchecked")
        Future<?>[] futures = new Future<?>[helpers];
        for (int h = 0; h < helpers; h++) {
            futures[h] = executor.submit(worker);
        }
        worker.run();
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } catch (java.util.concurrent.ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException re) {
                    throw re;
                }
                throw new IllegalStateException(cause);
            }
        }
    }

    @Override
    public void close() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
