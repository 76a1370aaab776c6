package dossier.index;

import dossier.model.Limits;
import dossier.model.ParseResult;
import dossier.model.Problem;
import dossier.model.RawInput;
import dossier.parse.Deadline;
import dossier.parse.Extractor;
import dossier.parse.Ocr;
import dossier.parse.Parser;
import dossier.parse.isolation.ProcessExtractor;
import dossier.source.InputSink;
import dossier.source.SourceFile;
import dossier.source.Sources;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingest pipeline, {@code sources → parse → enrich → index}: one reader thread walks the dump in sorted order and
 * hands each input to a pool of parse workers; the calling thread takes the results back in the order they were
 * found and adds them to the archive. So ids depend on the dump alone, never on the number of threads.
 *
 * <p>No file can stop the run: Tika runs in worker processes killed at each input's deadline
 * ({@link Parser#timeLimit}: {@link Limits#timePerFile()}, longer for scans when OCR is on), and a parse that
 * outlives its deadline anyway (mime4j, or Tika with {@link Isolation#NONE}) is abandoned by the watchdog in
 * {@link #result} and recorded as timed out. With OCR on, images and PDFs are parsed by a pool of their own
 * ({@link Pools}), so slow scans never hold every parse thread.
 */
public final class Ingest {
    /**
     * How an ingest runs.
     *
     * @param isolation where Tika runs: in worker processes (the default; contains hangs, heap exhaustion and crashes)
     *                  or in this JVM (faster to start; a hang costs a parse thread, an out-of-memory the run)
     * @param ocr       whether and how images and scanned PDF pages are read, wherever Tika runs
     */
    public record Options(int threads, Limits limits, long commitEveryItems, Isolation isolation, Ocr ocr) {
        /** Isolated, without OCR. */
        public Options(int threads, Limits limits, long commitEveryItems) {
            this(threads, limits, commitEveryItems, Isolation.PROCESS, Ocr.OFF);
        }

        /** Without OCR. */
        public Options(int threads, Limits limits, long commitEveryItems, Isolation isolation) {
            this(threads, limits, commitEveryItems, isolation, Ocr.OFF);
        }

        /** Isolated. */
        public Options(int threads, Limits limits, long commitEveryItems, Ocr ocr) {
            this(threads, limits, commitEveryItems, Isolation.PROCESS, ocr);
        }

        public static Options defaults() {
            return new Options(Runtime.getRuntime().availableProcessors(), Limits.DEFAULT, 20_000);
        }
    }

    /** Where text extraction runs. */
    public enum Isolation {
        PROCESS, NONE;

        /** An extractor for {@code workers} threads at once, with Tika reading scans as {@code ocr} says. */
        Extractor open(int workers, Ocr ocr) {
            return this == NONE ? Extractor.inProcess(ocr)
                    : new ProcessExtractor(ProcessExtractor.Options.forWorkers(workers).withOcr(ocr));
        }

        /**
         * How long the ingest waits for one input's parse before it abandons it: the time limit, a grace for the
         * work after an extraction deadline, and with workers the time one may take to start (not the file's fault).
         */
        Duration patience(Duration limit) {
            Duration grace = limit.dividedBy(2).compareTo(Duration.ofSeconds(2)) > 0 ? limit.dividedBy(2) : Duration.ofSeconds(2);
            Duration p = limit.plus(grace);
            return this == NONE ? p : p.plus(ProcessExtractor.Options.forWorkers(1).startup());
        }
    }

    /**
     * Where inputs are parsed: with OCR on, images and PDFs ({@link Parser#goesToOcr}) go to a pool of their own, half
     * as many threads, so a run of scans (seconds a page) never holds every parse thread while mail and office files
     * wait. Results are still taken back in the order they were found, so ids do not depend on which pool was faster.
     * Without OCR both are the same pool. The watchdog grows the pool whose thread it abandons.
     */
    private record Pools(ThreadPoolExecutor parse, ThreadPoolExecutor ocr) {
        static Pools start(int threads, boolean ocr) {
            ThreadPoolExecutor parse = pool(threads, "parse");
            return new Pools(parse, ocr ? pool(Math.max(1, threads / 2), "ocr") : parse);
        }

        ThreadPoolExecutor of(Parser parser, RawInput in) {
            return parser.goesToOcr(in) ? ocr : parse;
        }

        /** Threads that may extract at once: how many worker processes to allow. */
        int threads() {
            return parse.getCorePoolSize() + (ocr == parse ? 0 : ocr.getCorePoolSize());
        }

        void shutdownNow() {
            parse.shutdownNow();
            ocr.shutdownNow();
        }
    }

    /** What an ingest did, as the summary prints it. */
    public record Summary(long files, long items, long emails, long attachments, long documents, long duplicates,
                          long problems, long skippedFiles, double seconds) {}

    /** One step of the ordered stream from the reader to the writer. */
    private sealed interface Step {}
    private record Parse(Future<ParseResult> result, Parsing task, ThreadPoolExecutor pool, int permits) implements Step {}
    private record Trouble(Problem problem) implements Step {}
    private record FileEnd(SourceFile file) implements Step {}
    private record End(Throwable failure) implements Step {}

    private static final Logger LOG = LoggerFactory.getLogger(Ingest.class);
    private static final int MAX_PERMITS = 256 << 20 >> 10; // bytes in flight, in KiB: 256 MiB

    private final Options options;
    private final Sources sources;

    public Ingest(Options options) {
        this.options = options;
        this.sources = new Sources(options.limits());
    }

    /**
     * One input's parse, remembering when it started so the watchdog can tell slow from stuck, and the input's time
     * limit ({@link Parser#timeLimit}) so it waits exactly as long as the parser's deadline allows.
     */
    private static final class Parsing implements Callable<ParseResult> {
        final RawInput input;
        final Parser parser;
        final Duration limit;
        volatile long startedNanos;

        Parsing(RawInput input, Parser parser) {
            this.input = input;
            this.parser = parser;
            this.limit = parser.timeLimit(input);
        }

        @Override
        public ParseResult call() {
            startedNanos = System.nanoTime();
            return parser.parse(input);
        }
    }

    /** Ingests the roots into the archive, resuming after the last committed file, and commits at the end. */
    public Summary run(Archive archive, List<Path> roots, Progress.Factory progressFactory) throws InterruptedException {
        long t0 = System.nanoTime();
        try (ArchiveWriter writer = ArchiveWriter.open(archive)) {
            List<Problem> listing = new ArrayList<>();
            List<SourceFile> all = sources.list(roots, listing::add);
            listing.forEach(writer::listingProblem);
            List<SourceFile> todo = all.stream().filter(f -> !writer.alreadyIngested(f.display())).toList();
            long totalBytes = todo.stream().mapToLong(SourceFile::size).sum();
            Progress progress = progressFactory.create(todo.size(), totalBytes);
            int threads = Math.max(1, options.threads());
            Pools pool = Pools.start(threads, options.ocr().enabled());
            BlockingQueue<Step> queue = new ArrayBlockingQueue<>(Math.max(64, threads * 64));
            Semaphore inFlight = new Semaphore(MAX_PERMITS);
            try (Extractor extractor = options.isolation().open(pool.threads(), options.ocr())) {
                Parser parser = new Parser(options.limits(), extractor);
                Thread reader = Thread.ofPlatform().name("sources").daemon()
                        .start(() -> read(todo, parser, pool, queue, inFlight));
                try {
                    consume(queue, inFlight, writer, progress);
                } finally {
                    reader.interrupt();
                    pool.shutdownNow();
                }
            }
            PeoplePass.run(archive, writer.indexWriter()); // threads and people, over the whole archive
            writer.finish();
            progress.done();
            Map<String, Long> c = writer.runCounts();
            return new Summary(c.get("files"), c.get("items"), c.get("emails"), c.get("attachments"), c.get("documents"),
                    c.get("duplicates"), c.get("problems"), all.size() - todo.size(), (System.nanoTime() - t0) / 1e9);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Parse threads; the watchdog adds one for each it abandons (see {@link #result}). */
    private static ThreadPoolExecutor pool(int threads, String name) {
        return new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    private void read(List<SourceFile> files, Parser parser, Pools pool, BlockingQueue<Step> queue,
                      Semaphore inFlight) {
        try {
            for (SourceFile file : files) {
                sources.open(file, new InputSink() {
                    @Override
                    public void input(RawInput in) {
                        int permits = (int) Math.min(MAX_PERMITS, 1 + in.bytes().length / 1024);
                        try {
                            inFlight.acquire(permits);
                            Parsing task = new Parsing(in, parser);
                            ThreadPoolExecutor workers = pool.of(parser, in);
                            queue.put(new Parse(workers.submit(task), task, workers, permits));
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            throw new IllegalStateException("ingest stopped");
                        }
                    }

                    @Override
                    public void problem(Problem problem) {
                        put(queue, new Trouble(problem));
                    }
                });
                put(queue, new FileEnd(file));
            }
            put(queue, new End(null));
        } catch (Throwable t) {
            queue.offer(new End(t));
        }
    }

    private void consume(BlockingQueue<Step> queue, Semaphore inFlight, ArchiveWriter writer, Progress progress)
            throws InterruptedException {
        long sinceCommit = 0, bytes = 0, files = 0, items = 0;
        while (true) {
            Step step = queue.take();
            switch (step) {
                case Parse p -> {
                    ParseResult r = result(p);
                    inFlight.release(p.permits());
                    r.problems().forEach(writer::problem);
                    if (r.item() != null) {
                        writer.add(r.item());
                        items++;
                        sinceCommit++;
                    } else if (r.problems().isEmpty()) {
                        writer.problem(new Problem(p.task().input.source(), Problem.PARSE, "nothing could be read"));
                    }
                    bytes += p.task().input.bytes().length;
                }
                case Trouble t -> writer.problem(t.problem());
                case FileEnd f -> {
                    writer.fileDone(f.file().display());
                    files++;
                    if (sinceCommit >= options.commitEveryItems()) {
                        writer.commit();
                        sinceCommit = 0;
                    }
                }
                case End e -> {
                    if (e.failure() != null) throw new IllegalStateException("reading the sources failed", e.failure());
                    progress.update(files, items, bytes, true);
                    return;
                }
            }
            progress.update(files, items, bytes, false);
        }
    }

    /**
     * Waits for a parse, at most the input's time limit (plus a grace for the work after an extraction deadline)
     * from the moment it started. A parse past that is abandoned: its thread cannot be stopped (mime4j, or Tika
     * running in process), so it is left to finish or hang on its own and a new thread takes its place in its pool.
     */
    private ParseResult result(Parse p) throws InterruptedException {
        Duration limit = p.task().limit;
        long patience = options.isolation().patience(limit).toNanos();
        RawInput in = p.task().input;
        while (true) {
            try {
                long started = p.task().startedNanos;
                long wait = started == 0 ? patience : Math.max(1, started + patience - System.nanoTime());
                return p.result().get(wait, TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                long started = p.task().startedNanos; // zero: still queued behind others, so not late
                if (started != 0 && System.nanoTime() - started >= patience) break;
            } catch (ExecutionException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                return new ParseResult(null, List.of(new Problem(in.source(), Problem.PARSE, Problem.reasonOf(cause))));
            }
        }
        p.result().cancel(true);
        p.pool().setMaximumPoolSize(p.pool().getMaximumPoolSize() + 1);
        p.pool().setCorePoolSize(p.pool().getCorePoolSize() + 1);
        LOG.warn("{}: {}; its parse thread is abandoned", in.source(), Deadline.timedOut(limit));
        return Parser.timedOut(in, limit);
    }

    private static void put(BlockingQueue<Step> queue, Step step) {
        try {
            queue.put(step);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("ingest stopped");
        }
    }
}
