package dossier.parse.isolation;

import dossier.parse.TextExtractor.Extraction;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * One extraction worker process, its pipes and its temporary folder. Each call is guarded by a timer that kills the
 * process at the deadline; a worker that died or was killed is never used again, only {@link #discard discarded}.
 * Used by one thread at a time.
 */
final class Worker {
    /** Exit status of a JVM stopped by {@code -XX:+ExitOnOutOfMemoryError}. */
    static final int OUT_OF_MEMORY_EXIT = 3;

    /** Why a worker could not give an answer: the problem reason to record. */
    static class Died extends Exception {
        Died(String reason) {
            super(reason, null, false, false);
        }
    }

    /**
     * A worker that could not start. {@code why} says why, with the first line it wrote to stderr ("exit 1:
     * Unrecognized VM option 'Foo'"); the message is the problem to record for the file that asked for it.
     */
    static final class StartFailed extends Died {
        final String why;

        StartFailed(String why) {
            super("parser process failed to start (" + why + ")");
            this.why = why;
        }
    }

    private final Process process;
    private final StderrPump stderr;
    private final Path tempDir;
    private final OutputStream toWorker;
    private final InputStream fromWorker;
    private final ScheduledExecutorService timer;
    private volatile boolean killedAtDeadline;

    private Worker(Process process, Path tempDir, ScheduledExecutorService timer) {
        this.process = process;
        this.tempDir = tempDir;
        this.timer = timer;
        this.toWorker = new BufferedOutputStream(process.getOutputStream(), 1 << 16);
        this.fromWorker = new BufferedInputStream(process.getInputStream(), 1 << 16);
        this.stderr = StderrPump.start(process);
    }

    /**
     * Starts a worker and waits until it has loaded Tika. {@code command} gets the folder {@code tempDir} (created
     * here) as its temporary folder and working directory: Tika's spooled inputs and Tesseract's output files land
     * there, and {@link #discard} deletes it, whatever state the worker was killed in.
     */
    static Worker start(Function<Path, List<String>> command, Path tempDir, ScheduledExecutorService timer,
                        Duration startup) throws Died {
        Process p;
        try {
            Files.createDirectories(tempDir);
            ProcessBuilder pb = new ProcessBuilder(command.apply(tempDir)).directory(tempDir.toFile());
            // Tesseract's OpenMP threads spin while they wait, and every core is busy in an ingest: one page took
            // 20-95 s with two threads and 3-5 s with one (BENCHMARKS.md). OCR runs on threads of its own anyway.
            pb.environment().putIfAbsent("OMP_THREAD_LIMIT", "1");
            p = pb.start();
        } catch (IOException e) {
            deleteTree(tempDir);
            throw new StartFailed(e.getMessage());
        }
        Worker w = new Worker(p, tempDir, timer);
        ScheduledFuture<?> kill = w.killAfter(startup);
        try {
            if (!Frames.awaitReady(w.fromWorker, 64 << 10)) throw new IOException("no ready frame");
            return w;
        } catch (IOException e) {
            String reason = w.exitReason("no answer after " + startup.toSeconds() + " s")
                    .replaceFirst("^parser crashed \\((exit \\d+)\\)$", "$1");
            // Before the kill: Process.destroyForcibly closes the streams even of a process that has ended, and the
            // pump may not have read the worker's last words yet (one failed start in twelve lost them).
            String said = w.stderr.firstLineAtEnd();
            w.kill();
            w.discard();
            throw new StartFailed(reason + (said.isEmpty() ? "" : ": " + said));
        } finally {
            kill.cancel(false);
        }
    }

    /**
     * Sends one file (with the type the ingest detected, or null) and waits for its extraction, at most
     * {@code timeout}; {@code timeoutReason} if it runs out.
     */
    Extraction extract(byte[] bytes, String name, String type, int maxChars, Duration timeout, String timeoutReason)
            throws Died {
        ScheduledFuture<?> kill = killAfter(timeout);
        try {
            Frames.writeRequest(toWorker, bytes, name, type, maxChars);
            byte[] response = Frames.read(fromWorker, Frames.maxResponse(maxChars));
            if (response == null) throw new IOException("end of stream");
            return Frames.response(response);
        } catch (IOException e) {
            throw new Died(reasonAfterBrokenStream(timeoutReason));
        } finally {
            kill.cancel(false);
        }
    }

    /**
     * Why the worker's answer broke off. A worker that ends on its own (out of memory) closes its output while it
     * exits: it gets a moment to finish, so that its exit status tells why, before it and what it started are killed.
     * Killing it at once raced with that exit and turned "out of memory" into "crashed (exit 137)".
     */
    private String reasonAfterBrokenStream(String timeoutReason) {
        boolean exited;
        try {
            exited = process.waitFor(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
            return "parser stopped: ingest interrupted";
        }
        kill();
        if (!exited && !killedAtDeadline) return "parser stopped answering";
        return exitReason(timeoutReason);
    }

    /** Ends the worker's input, so that it exits on its own (and a flight recording it runs is written out). */
    void endInput() {
        try {
            toWorker.close();
        } catch (IOException e) {
            // already gone
        }
    }

    /** Waits at most until {@code deadlineNanos} (System.nanoTime) for the process to exit. */
    void awaitExit(long deadlineNanos) {
        try {
            process.waitFor(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** True when the process has exited on its own with status 0 (after {@link #endInput}). */
    boolean endedCleanly() {
        return !process.isAlive() && !killedAtDeadline && process.exitValue() == 0;
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

    /**
     * Kills the worker if it still runs, waits until it and what it started have ended, and deletes its temporary
     * folder: files a parser or Tesseract left there when killed mid-file. Called by the thread that used the worker
     * last, never by the deadline timer (it may wait a little).
     */
    void discard() {
        List<ProcessHandle> started = process.descendants().toList();
        kill();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
            for (ProcessHandle h : started) h.onExit().get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            // a child that will not die: delete what can be deleted
        }
        deleteTree(tempDir);
    }

    /** Deletes a folder and everything in it, as far as it can. */
    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // left for the next ingest's sweep (ProcessExtractor)
                }
            });
        } catch (IOException | java.io.UncheckedIOException e) {
            // gone already, or unreadable: nothing more to do
        }
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
