package dossier.parse.isolation;

import dossier.parse.TextExtractor.Extraction;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One extraction worker process and its pipes. Each call is guarded by a timer that kills the process at the
 * deadline; a worker that died or was killed is never used again. Used by one thread at a time.
 */
final class Worker {
    /** Exit status of a JVM stopped by {@code -XX:+ExitOnOutOfMemoryError}. */
    static final int OUT_OF_MEMORY_EXIT = 3;

    /** Why a worker could not give an answer: the problem reason to record. */
    static final class Died extends Exception {
        Died(String reason) {
            super(reason, null, false, false);
        }
    }

    private final Process process;
    private final OutputStream toWorker;
    private final InputStream fromWorker;
    private final ScheduledExecutorService timer;
    private volatile boolean killedAtDeadline;

    private Worker(Process process, ScheduledExecutorService timer) {
        this.process = process;
        this.timer = timer;
        this.toWorker = new BufferedOutputStream(process.getOutputStream(), 1 << 16);
        this.fromWorker = new BufferedInputStream(process.getInputStream(), 1 << 16);
    }

    /** Starts a worker and waits until it has loaded Tika. */
    static Worker start(List<String> command, ScheduledExecutorService timer, Duration startup) throws Died {
        Process p;
        try {
            p = new ProcessBuilder(command)
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .directory(new java.io.File(System.getProperty("java.io.tmpdir")))
                    .start();
        } catch (IOException e) {
            throw new Died("cannot start a parser process: " + e.getMessage());
        }
        Worker w = new Worker(p, timer);
        ScheduledFuture<?> kill = w.killAfter(startup);
        try {
            byte[] ready = Frames.read(w.fromWorker);
            if (ready == null || !java.util.Arrays.equals(ready, Frames.READY)) throw new IOException("no ready frame");
            return w;
        } catch (IOException e) {
            w.kill();
            throw new Died("parser process failed to start (" + w.exitReason("no answer after " + startup.toSeconds() + " s") + ")");
        } finally {
            kill.cancel(false);
        }
    }

    /** Sends one file and waits for its extraction, at most {@code timeout}; {@code timeoutReason} if it runs out. */
    Extraction extract(byte[] bytes, String name, int maxChars, Duration timeout, String timeoutReason) throws Died {
        ScheduledFuture<?> kill = killAfter(timeout);
        try {
            Frames.writeRequest(toWorker, bytes, name, maxChars);
            byte[] response = Frames.read(fromWorker);
            if (response == null) throw new IOException("end of stream");
            return Frames.response(response);
        } catch (IOException e) {
            kill();
            throw new Died(exitReason(timeoutReason));
        } finally {
            kill.cancel(false);
        }
    }

    /** True while the process can take another file. */
    boolean usable() {
        return !killedAtDeadline && process.isAlive();
    }

    /** Kills the worker and what it started (a Tesseract run would otherwise outlive it, still reading a scan). */
    void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private ScheduledFuture<?> killAfter(Duration timeout) {
        return timer.schedule(() -> {
            killedAtDeadline = true;
            kill();
        }, Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS);
    }

    /** Why the process ended: killed at the deadline, or its exit status. */
    private String exitReason(String timeoutReason) {
        try {
            if (killedAtDeadline) return timeoutReason;
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return "parser stopped answering";
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return "parser stopped: ingest interrupted";
        }
        if (killedAtDeadline) return timeoutReason;
        int status = process.exitValue();
        return status == OUT_OF_MEMORY_EXIT ? "parser ran out of memory" : "parser crashed (exit " + status + ")";
    }
}
