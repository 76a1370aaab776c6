package dossier.parse.isolation;

import dossier.model.DocMeta;
import dossier.parse.Deadline;
import dossier.parse.Extractor;
import dossier.parse.Ocr;
import dossier.parse.TextExtractor.Extraction;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MimeTypes;

/**
 * Runs Tika in a pool of worker JVMs ({@link ExtractWorker}), so that a file that hangs a parser, exhausts the heap
 * or crashes native code costs one worker, not the ingest: at the deadline the worker is killed, a dead worker's exit
 * status becomes the problem ("parser timed out after 120 s", "parser ran out of memory", "parser crashed (exit
 * 134)"), and the next file gets a fresh worker.
 *
 * <pre>{@code
 * try (Extractor tika = new ProcessExtractor(ProcessExtractor.Options.forWorkers(2).withOcr(Ocr.on("eng")))) {
 *     Extraction x = tika.extract(bytes, "plan.docx", 1_000_000, Deadline.after(Duration.ofSeconds(120)));
 * }
 * }</pre>
 *
 * <p>Workers start on first use (plain mail never pays for one), are reused across files, and are killed by
 * {@link #close} and by a JVM shutdown hook. Each has a temporary folder of its own, deleted when it is discarded, so
 * the temporary files of a worker killed mid-file (Tika's spooled inputs, Tesseract's output) never pile up. Repeated files (the same attachment forwarded around) are answered from
 * a small cache without a round trip. Thread-safe: at most {@code workers} extractions run at once.
 */
public final class ProcessExtractor implements Extractor {
    /**
     * How workers run.
     *
     * @param workers   worker processes at most, one extraction each at a time (the ingest's parse and OCR threads)
     * @param heap      each worker's -Xmx, e.g. "512m"
     * @param startup   how long a worker may take to load Tika before it is given up
     * @param ocr       whether and how the workers' Tika reads images and scanned pages (given on their command line)
     */
    public record Options(int workers, String heap, Duration startup, Ocr ocr) {
        /** Without OCR. */
        public Options(int workers, String heap, Duration startup) {
            this(workers, heap, startup, Ocr.OFF);
        }

        public static Options forWorkers(int workers) {
            return new Options(Math.max(1, workers), "512m", Duration.ofSeconds(60));
        }

        public Options withOcr(Ocr ocr) {
            return new Options(workers, heap, startup, ocr);
        }
    }

    private static final int CACHE_ENTRIES = 1024, CACHED_TEXT_MAX = 100_000;
    /**
     * How long a file waits for a busy worker before another one is started, while fewer than the allowed number run.
     * A start costs some 1.7 s of CPU and a few hundred MB of memory, and most files take milliseconds: mail with a few
     * attachments is then read by one worker, not one per parse thread (Enron + SpamAssassin, 178 attachments: 6%
     * less time, BENCHMARKS.md). Files wait so only until they have waited {@link #WAIT_BUDGET} in all: where files
     * keep every worker busy (a dump of documents), waiting would leave a parse thread idle for each file.
     */
    static final Duration SPARE_WAIT = Duration.ofMillis(200);
    /** What all files of a run may wait for busy workers (see {@link #SPARE_WAIT}): about the CPU time of two starts. */
    static final Duration WAIT_BUDGET = Duration.ofSeconds(3);
    /** Failed starts in a row after which no worker is started again (see {@link #giveUpStarting}). */
    static final int START_ATTEMPTS = 3;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ProcessExtractor.class);

    private final Options options;
    private final ClassArchive classArchive = ClassArchive.fromSystemProperties();
    /** The worker that writes the class archive when it ends, if one does. */
    private volatile Worker trainer;
    /** Holds each worker's temporary folder; deleted by {@link #close}. */
    private final Path tempRoot;
    private final AtomicInteger started = new AtomicInteger();
    private final AtomicInteger startFailures = new AtomicInteger();
    /** Nanoseconds files have waited for a busy worker so far (see {@link #SPARE_WAIT}). */
    private final AtomicLong waited = new AtomicLong();
    /** Why workers cannot start, once {@link #giveUpStarting} decided so; null while they can. */
    private final java.util.concurrent.atomic.AtomicReference<String> unstartable = new java.util.concurrent.atomic.AtomicReference<>();
    private final Semaphore slots;
    private final LinkedBlockingDeque<Worker> idle = new LinkedBlockingDeque<>();
    private final Set<Worker> all = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService timer;
    private final Thread shutdownHook;
    private final Map<String, Extraction> recent = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Extraction> eldest) {
            return size() > CACHE_ENTRIES;
        }
    });
    private volatile boolean closed;

    public ProcessExtractor(Options options) {
        this.options = options;
        this.tempRoot = Path.of(System.getProperty("java.io.tmpdir"))
                .resolve(TEMP_PREFIX + ProcessHandle.current().pid() + "-" + Long.toHexString(System.nanoTime()));
        sweepStaleTempRoots();
        this.slots = new Semaphore(options.workers());
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "parser-deadlines");
            t.setDaemon(true);
            return t;
        });
        this.shutdownHook = new Thread(this::killAll, "parser-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * The worker's command line: this JVM's java binary and class path, a small heap, an exit on OOM, its own
     * temporary folder {@code tempDir}, and as arguments this process's id (the worker ends with it) and the OCR
     * settings, so Tika in the worker reads scans as it would in process; {@code jvmOptions} for its class archive.
     */
    private static List<String> command(String heap, Ocr ocr, List<String> jvmOptions, Path tempDir) {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // Kept in the shared temporary folder: this run's own (RunFolder) is deleted when the ingest ends.
        Path tmp = RunFolder.shared();
        List<String> c = new ArrayList<>(List.of(java, "-Xmx" + heap, "-Xss4m", "-XX:+ExitOnOutOfMemoryError",
                "-XX:+UseSerialGC", "-XX:-UsePerfData",
                // The quick JIT only: compiling Tika and POI with the optimising one took 40% of the CPU of an
                // ingest of 842 office files and PDFs (bench/documents), more than it ever gave back.
                "-XX:TieredStopAtLevel=1",
                // A native crash writes its report here, kept after the worker's own folder is deleted.
                "-XX:ErrorFile=" + tmp.resolve("dossier-parser-crash-%p.log"),
                "-Djava.awt.headless=true", "-Djava.io.tmpdir=" + tempDir, "--enable-native-access=ALL-UNNAMED",
                // The JVM logs warnings to stdout by default, where they would corrupt the frames.
                "-Xlog:disable", "-Xlog:all=warning:stderr",
                // POI, PDFBox and Tika log thousands of notes on odd files (3,362 lines over documents/tika and
                // enron-attachments), and their errors with stack traces on broken ones (1,857 lines over 1,200
                // fuzzed documents, bench/fuzz) that no reader can act on; what matters becomes the file's problem
                // record. -Dorg.slf4j.simpleLogger.log.org.apache=warn in dossier.parser.java-options shows them.
                "-D" + Logs.LIBRARIES + "=off"));
        c.addAll(jvmOptions);
        // Diagnostics (a profiler, other JIT settings) for the workers alone.
        String extra = System.getProperty("dossier.parser.java-options", "").strip();
        if (!extra.isEmpty()) c.addAll(List.of(extra.split("\\s+")));
        // Tika's own settings (tika.config, tika.custom-mimetypes) apply to the workers as they would in process.
        System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith("tika.")).sorted()
                .forEach(k -> c.add("-D" + k + "=" + System.getProperty(k)));
        c.addAll(List.of("-cp", System.getProperty("java.class.path"),
                ExtractWorker.class.getName(), Long.toString(ProcessHandle.current().pid()), ocr.toArgument()));
        return List.copyOf(c);
    }

    @Override
    public Extraction extract(byte[] bytes, String name, String type, int maxChars, Deadline deadline) {
        String key = sha256(bytes) + "/" + maxChars + "/" + name;
        Extraction cached = recent.get(key);
        if (cached != null) return cached;
        return extractUncached(new Frames.Request(bytes, name, type, maxChars), deadline, key);
    }

    /** Only answers a worker gave are cached: a timeout may be the deadline of a busy message, not the file's fault. */
    private Extraction extractUncached(Frames.Request r, Deadline deadline, String key) {
        byte[] bytes = r.bytes();
        String name = r.name();
        if (deadline.left().isZero()) return failed(bytes, name, deadline.reason());
        String cannotStart = unstartable.get();
        if (cannotStart != null) return failed(bytes, name, cannotStart);
        slots.acquireUninterruptibly();
        Worker w = null;
        boolean answered = false;
        try {
            if (closed) return failed(bytes, name, "ingest stopped");
            w = idle.pollFirst();
            Duration timeout = deadline.left();
            if (w == null && started.get() > 0 && waited.get() < WAIT_BUDGET.toNanos()) { // one runs or starts
                long t0 = System.nanoTime();
                try {
                    w = idle.pollFirst(SPARE_WAIT.toNanos(), TimeUnit.NANOSECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return failed(bytes, name, "ingest stopped");
                } finally {
                    waited.addAndGet(System.nanoTime() - t0);
                }
                timeout = timeout.plusNanos(System.nanoTime() - t0); // waiting is not the file's fault either
            }
            if (w == null) {
                long t0 = System.nanoTime();
                ClassArchive.Use archive = classArchive.next();
                w = Worker.start(dir -> command(options.heap(), options.ocr(), archive.options(), dir),
                        tempRoot.resolve("worker-" + started.incrementAndGet()), timer, options.startup());
                if (archive.trains()) trainer = w;
                startFailures.set(0);
                all.add(w);
                if (closed) w.kill(); // close() ran while this one started
                // Starting a worker is not the file's fault: its time does not count against the file.
                timeout = timeout.plusNanos(System.nanoTime() - t0);
            }
            Extraction x = w.extract(bytes, name, r.type(), r.maxChars(), timeout, deadline.reason());
            answered = true;
            if (x.text().length() <= CACHED_TEXT_MAX) recent.put(key, x);
            return x;
        } catch (Worker.StartFailed f) {
            if (startFailures.incrementAndGet() >= START_ATTEMPTS) giveUpStarting(f.why);
            return failed(bytes, name, f.getMessage());
        } catch (Worker.Died d) {
            return failed(bytes, name, d.getMessage());
        } finally {
            // A worker that did not answer (whatever was thrown here) may be mid-frame: never reuse it.
            if (w != null && answered && w.usable() && !closed) {
                idle.addFirst(w);
            } else if (w != null) {
                w.discard();
                all.remove(w);
            }
            slots.release();
        }
    }

    /**
     * After {@value #START_ATTEMPTS} workers in a row failed to start (a bad {@code dossier.parser.java-options}, a
     * JVM that is gone or cannot fork), every later file is recorded as a problem, "parser workers could not start:
     * REASON", at once and said once on stderr, instead of each paying for a start that fails the same way. The run
     * goes on (mail is parsed in the ingest itself) and every document is still accounted for. Falling back to Tika
     * in this JVM was the other choice, but it would quietly drop the guarantee the user has by default, that a
     * hostile file cannot hang or crash the run; {@code --isolation none} remains the explicit way to choose that.
     */
    private void giveUpStarting(String reason) {
        if (unstartable.compareAndSet(null, "parser workers could not start: " + reason)) {
            LOG.warn("Parser workers failed to start {} times in a row ({}): every further document and attachment "
                    + "is recorded as a problem with that reason, unparsed. Fix the cause, or ingest with "
                    + "--isolation none, and ingest them again.", START_ATTEMPTS, reason);
        }
    }

    /** What a file no worker could read yields: its type from its name and first bytes, and the reason. */
    private static Extraction failed(byte[] bytes, String name, String reason) {
        String type = "application/octet-stream";
        Metadata md = new Metadata();
        if (name != null && !name.isEmpty()) md.set(TikaCoreProperties.RESOURCE_NAME_KEY, name);
        try {
            // Magic bytes and name only: bounded work, safe to do here for a file that just broke a parser.
            type = MimeTypes.getDefaultMimeTypes().detect(new ByteArrayInputStream(bytes), md).getBaseType().toString();
        } catch (Exception e) {
            // keep octet-stream
        }
        return new Extraction("", type, DocMeta.NONE, reason);
    }

    @Override
    public Ocr ocr() {
        return options.ocr();
    }

    /** Kills every worker; later calls record "ingest stopped" instead of starting new ones. */
    @Override
    public void close() {
        closed = true;
        // Idle workers end on their own at the end of their input (briefly waited for), the rest are killed.
        List<Worker> waiting = List.copyOf(idle);
        waiting.forEach(Worker::endInput);
        // A worker that writes the class archive as it exits takes some seconds more (once after each build).
        Worker training = trainer;
        long wait = training != null && waiting.contains(training) ? 60 : 5;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(wait);
        for (Worker w : waiting) w.awaitExit(deadline);
        killAll();
        classArchive.install(training != null && training.endedCleanly());
        timer.shutdownNow();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run
        }
    }

    /** Kills every worker at once, then waits for each to end and deletes the workers' temporary folders. */
    private void killAll() {
        List<Worker> workers = List.copyOf(all);
        for (Worker w : workers) w.kill();
        for (Worker w : workers) w.discard();
        all.clear();
        idle.clear();
        Worker.deleteTree(tempRoot);
    }

    /** The folder that holds the workers' temporary folders (for tests and diagnostics). */
    public Path tempRoot() {
        return tempRoot;
    }

    private static final String TEMP_PREFIX = "dossier-parsers-";

    /** Whether a folder is a worker's own temporary folder, {@code dossier-parsers-PID-N/worker-K}. */
    static boolean isWorkerTempDir(Path dir) {
        Path parent = dir.getParent();
        return dir.getFileName() != null && dir.getFileName().toString().startsWith("worker-") && parent != null
                && parent.getFileName() != null && parent.getFileName().toString().startsWith(TEMP_PREFIX);
    }

    /**
     * Deletes the worker folders of ingests that are gone without cleaning up (power loss; a worker deletes its own
     * folder when its ingest is killed): the folder name carries the ingest's process id.
     */
    private static void sweepStaleTempRoots() {
        RunFolder.sweep(Path.of(System.getProperty("java.io.tmpdir")), TEMP_PREFIX);
    }

    /** How many worker starts were tried (for tests and diagnostics). */
    int startsTried() {
        return started.get();
    }

    /** Worker processes alive now (for tests and diagnostics). */
    public int liveWorkers() {
        return (int) all.stream().filter(Worker::usable).count();
    }

    private static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
