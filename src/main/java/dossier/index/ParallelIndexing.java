package dossier.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.lucene.index.IndexWriter;

/**
 * Runs document building and {@code IndexWriter.addDocument} on worker threads (IndexWriter is thread-safe and ids
 * are already fixed, so order does not matter), with a bound on work in flight. {@link #awaitAll} waits for every
 * task and rethrows the first failure, so a commit never records a document that was not added.
 */
final class ParallelIndexing implements AutoCloseable {
    /** One indexing step that may fail with an IOException. */
    @FunctionalInterface
    interface Task {
        void run() throws IOException;
    }

    /** Tasks (each a {@link Run} of many steps) queued or running at once: bounds the items held in memory. */
    private static final int IN_FLIGHT = 16;
    private final ExecutorService pool;
    private final Semaphore slots = new Semaphore(IN_FLIGHT);
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    private final int threads;

    ParallelIndexing(int threads) {
        this.threads = threads;
        pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "index");
            t.setDaemon(true);
            return t;
        });
    }

    void submit(Task task) {
        rethrow();
        slots.acquireUninterruptibly();
        pool.execute(() -> {
            try {
                task.run();
            } catch (Throwable t) {
                failure.compareAndSet(null, t);
            } finally {
                slots.release();
            }
        });
    }

    /** A new run of steps, for one thread to collect and hand over. */
    Run run() {
        return new Run();
    }

    /**
     * Steps collected on one thread and handed to the pool together once there are enough of them, so the pool's
     * threads wake once per run instead of once per document. Not thread-safe: it belongs to the thread that adds.
     */
    final class Run {
        private static final int MAX_STEPS = 64;
        private static final long MAX_BYTES = 8 << 20;
        private List<Task> steps = new ArrayList<>();
        private long bytes;

        private Run() {}

        /** Adds a step about {@code size} bytes of input; hands the run over when it is full. */
        void add(Task step, long size) {
            steps.add(step);
            bytes += size;
            if (steps.size() >= MAX_STEPS || bytes >= MAX_BYTES) submit();
        }

        /** Hands over the steps collected so far. */
        void submit() {
            if (steps.isEmpty()) return;
            List<Task> run = steps;
            steps = new ArrayList<>();
            bytes = 0;
            ParallelIndexing.this.submit(() -> {
                for (Task t : run) t.run();
            });
        }
    }

    /**
     * Writes the writer's in-memory segments to disk on every thread of the pool at once, after the tasks submitted so
     * far. A commit or a reader opened on the writer would otherwise write them all on its own thread: 0.7 s of the
     * single-threaded end of a 10-second ingest.
     */
    void flush(IndexWriter writer) {
        awaitAll();
        for (int i = 0; i < threads; i++) {
            submit(() -> {
                while (writer.flushNextBuffer()) {
                    // each call writes one thread's buffer, the largest left
                }
            });
        }
        awaitAll();
    }

    /** Waits until every submitted task has finished. */
    void awaitAll() {
        slots.acquireUninterruptibly(IN_FLIGHT);
        slots.release(IN_FLIGHT);
        rethrow();
    }

    private void rethrow() {
        Throwable t = failure.get();
        if (t == null) return;
        if (t instanceof IOException io) throw new UncheckedIOException("cannot index", io);
        if (t instanceof RuntimeException r) throw r;
        if (t instanceof Error e) throw e;
        throw new IllegalStateException(t);
    }

    @Override
    public void close() {
        pool.shutdownNow();
        try {
            pool.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
