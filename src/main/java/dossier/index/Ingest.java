package dossier.index;

import dossier.enrich.Dedup;
import dossier.model.Limits;
import dossier.model.Problem;
import dossier.model.RawInput;
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
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingest pipeline, {@code sources → parse → enrich → index}: one reader thread opens the dump's files in sorted
 * order ({@link Todo}: listed from disk as the ingest goes, never held whole) and hands their inputs, in batches
 * ({@link ParseBatch}), to a pool of parse workers; the calling thread takes the results back in the order they were
 * found and adds them to the archive. So ids depend on the dump alone, never on the number of threads. Threads hand
 * work over once per batch of dozens of inputs, not per input, since waking a thread costs as much as parsing a short
 * email.
 *
 * <p>No file can stop the run: Tika runs in worker processes killed at each input's deadline
 * ({@link Parser#timeLimit}: {@link Limits#timePerFile()}, longer for scans when OCR is on), and a parse that
 * outlives its deadline anyway (mime4j, or Tika with {@link Isolation#NONE}) is abandoned by the watchdog in
 * {@link ParseBatch#await} and recorded as timed out. With OCR on, images and PDFs are numbered and stored in order
 * but read by a pool of their own ({@link OcrQueue}), so slow scans hold back neither the parse threads nor the files
 * after them; scans attached to mail are numbered with their email and read by the same queue, on the parse threads.
 */
public final class Ingest {
    private static final Logger LOG = LoggerFactory.getLogger(Ingest.class);

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
     * Where inputs are read: with OCR on, images and PDFs ({@link Parser#goesToOcr}) are read by a pool of their own,
     * half as many threads, fed by the {@link OcrQueue}, so a run of scans (seconds a page) never holds every parse
     * thread while mail and office files wait. Without OCR both are the same pool. The watchdog grows the pool whose
     * thread it abandons.
     */
    private record Pools(ThreadPoolExecutor parse, ThreadPoolExecutor ocr) {
        static Pools start(int threads, boolean ocr) {
            ThreadPoolExecutor parse = pool(threads, "parse");
            return new Pools(parse, ocr ? pool(Math.max(1, threads / 2), "ocr") : parse);
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

    /** What the reader hands the writer: batches of steps in the order they were found, then the end. */
    sealed interface Handoff permits ParseBatch, End {}
    private record End(Throwable failure) implements Handoff {}

    private static final int MAX_PERMITS = 256 << 20 >> 10; // bytes in flight, in KiB: 256 MiB
    /**
     * How much one batch holds: enough inputs that threads rarely wait on each other, few enough bytes and steps that
     * the writer never waits long for a batch, and the batches in flight keep every parse thread busy.
     */
    private static final int BATCH_WEIGHT = 64, BATCH_STEPS = 256;
    /** An email parses in tens of microseconds; any other file goes through Tika and takes milliseconds. */
    private static final int EMAIL_WEIGHT = 1, FILE_WEIGHT = 8;
    private static final long BATCH_BYTES = 1 << 20;

    private final Options options;
    private final Sources sources;

    public Ingest(Options options) {
        this.options = options;
        this.sources = new Sources(options.limits());
    }

    /** Ingests the roots into the archive, resuming after the last committed file, and commits at the end. */
    public Summary run(Archive archive, List<Path> roots, Progress.Factory progressFactory) throws InterruptedException {
        long t0 = System.nanoTime();
        try (ArchiveWriter writer = ArchiveWriter.open(archive)) {
            // The listing is walked twice, never held: once here for the totals, then as the reader goes.
            Todo todo = new Todo(sources, roots, writer::alreadyIngested);
            Todo.Count count = todo.count(writer::listingProblem);
            Progress progress = progressFactory.create(count.files(), count.bytes());
            int threads = Math.max(1, options.threads());
            Pools pool = Pools.start(threads, options.ocr().enabled());
            BlockingQueue<Handoff> queue = new ArrayBlockingQueue<>(threads * 4);
            Semaphore inFlight = new Semaphore(MAX_PERMITS);
            try (Extractor extractor = options.isolation().open(pool.threads(), options.ocr());
                 KeyTable seen = KeyTable.create(KeyTable.Keys.SHA256_HEX)) {
                Parser parser = new Parser(options.limits(), extractor);
                Thread reader = Thread.ofPlatform().name("sources").daemon()
                        .start(() -> read(todo, parser, pool, queue, inFlight, seen));
                try {
                    OcrQueue ocr = new OcrQueue(pool.ocr(), pool.parse(), parser, options.isolation(), writer);
                    for (ArchiveWriter.AwaitingText scan : writer.resumedAwaitingText()) ocr.add(scan); // interrupted before
                    consume(todo, queue, reader, inFlight, writer, ocr, progress);
                } finally {
                    reader.interrupt();
                    pool.shutdownNow();
                }
            }
            int gaveBcc = writer.mergeBlindCopies(options.limits()); // before the people pass, which counts every Bcc
            if (gaveBcc > 0) LOG.info("{} emails took the Bcc of a later copy", gaveBcc);
            AddressTerms.forget(); // nothing is indexed from here on
            PeoplePass.run(archive, writer.indexWriter()); // threads and people, over the whole archive
            writer.finish();
            progress.done();
            Map<String, Long> c = writer.runCounts();
            return new Summary(c.get("files"), c.get("items"), c.get("emails"), c.get("attachments"), c.get("documents"),
                    c.get("duplicates"), c.get("problems"), todo.skipped(), (System.nanoTime() - t0) / 1e9);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Parse threads; the watchdog adds one for each it abandons (see {@link ParseBatch#await}). */
    private static ThreadPoolExecutor pool(int threads, String name) {
        return new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    private void read(Todo todo, Parser parser, Pools pool, BlockingQueue<Handoff> queue, Semaphore inFlight,
                      KeyTable seen) {
        try {
            Batches batches = new Batches(parser, pool, queue, inFlight, seen);
            for (SourceFile file; (file = todo.next(batches::handOver)) != null; ) {
                sources.open(file, batches);
                batches.add(new ParseBatch.FileEnd(file));
            }
            batches.handOver();
            put(queue, new End(null));
        } catch (Throwable t) {
            // Waits for room rather than offer: a full queue drains as the writer works, and a failure dropped here
            // would leave the writer waiting for the end forever. Should even this fail (no memory left for the End),
            // the writer sees this thread gone.
            try {
                queue.put(new End(t));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // the writer stopped first: nobody waits for the end
            }
        }
    }

    /**
     * Collects what the sources find into batches and hands each to the parse pool and to the writer when full. An
     * input whose bytes an earlier input of the run had is not parsed at all ({@link ParseBatch.Copy}): the writer
     * would find it a duplicate, and a dump can hold thousands of copies of one file (the 20,000-email sample: 2,063
     * of its 19,013 files, the same email filed in two folders). This thread, which meets the inputs in the dump's order, decides, so the archive does not depend
     * on how fast the parse threads went.
     */
    private static final class Batches implements InputSink {
        private final Parser parser;
        private final Pools pool;
        private final BlockingQueue<Handoff> queue;
        private final Semaphore inFlight;
        /** The sha256 of every input of the run so far (values 0); the reader thread owns it. */
        private final KeyTable seen;
        private ParseBatch batch;
        private int weight;

        Batches(Parser parser, Pools pool, BlockingQueue<Handoff> queue, Semaphore inFlight, KeyTable seen) {
            this.parser = parser;
            this.pool = pool;
            this.queue = queue;
            this.inFlight = inFlight;
            this.seen = seen;
        }

        @Override
        public void input(RawInput in) {
            String sha = Dedup.sha256(in.bytes());
            if (seen.putIfAbsent(sha, 0) >= 0) {
                add(new ParseBatch.Copy(in.source(), sha, in.bytes().length));
                return;
            }
            if (batch != null && batch.bytes() + in.bytes().length > BATCH_BYTES) handOver();
            int permits = (int) Math.min(MAX_PERMITS, 1 + in.bytes().length / 1024);
            try {
                inFlight.acquire(permits);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("ingest stopped");
            }
            if (batch == null) batch = new ParseBatch(pool.parse(), parser, true);
            batch.add(in, sha, permits);
            weight += in.hint() == RawInput.Hint.EMAIL ? EMAIL_WEIGHT : FILE_WEIGHT;
            if (weight >= BATCH_WEIGHT) handOver();
        }

        @Override
        public void problem(Problem problem) {
            add(new ParseBatch.Trouble(problem));
        }

        void add(ParseBatch.Step step) {
            if (batch == null) batch = new ParseBatch(pool.parse(), parser, true);
            batch.add(step);
            if (batch.steps().size() >= BATCH_STEPS) handOver();
        }

        /** Starts parsing the batch collected so far and queues it for the writer. */
        void handOver() {
            if (batch == null) return;
            batch.submit();
            put(queue, batch);
            batch = null;
            weight = 0;
        }
    }

    /**
     * Takes the batches in the order they were found and adds their items to the archive; scans go to {@code ocr},
     * which is drained at the end.
     */
    private void consume(Todo todo, BlockingQueue<Handoff> queue, Thread reader, Semaphore inFlight,
                         ArchiveWriter writer, OcrQueue ocr, Progress progress) throws InterruptedException {
        long sinceCommit = 0, bytes = 0, files = 0, items = 0;
        while (true) {
            todo.topUp(); // before waiting: the reader may be waiting for files
            Handoff handoff = queue.poll(1, TimeUnit.SECONDS);
            if (handoff == null) {
                if (reader.isAlive()) continue;
                handoff = queue.poll(); // it may have handed over its last just before it ended
                if (handoff == null) throw new IllegalStateException("reading the sources stopped without saying why");
            }
            if (handoff instanceof End e) {
                if (e.failure() != null) throw new IllegalStateException("reading the sources failed", e.failure());
                progress.update(files, items, bytes, true);
                if (ocr.size() > 0) progress.note("every file is written; waiting for the OCR of the last " + ocr.size() + " scans");
                ocr.drain();
                return;
            }
            ParseBatch batch = (ParseBatch) handoff;
            batch.await(options.isolation());
            inFlight.release(batch.permits());
            for (ParseBatch.Step step : batch.steps()) {
                switch (step) {
                    case ParseBatch.Input i -> {
                        ParseBatch.Outcome r = batch.outcome(i.index());
                        RawInput in = batch.input(i.index());
                        if (r.awaitsOcr()) { // no problems yet: the OCR queue records them
                            ArchiveWriter.AwaitingText scan = writer.addAwaitingText(r.item());
                            if (scan != null) ocr.add(scan);
                            items++;
                            sinceCommit++;
                        } else if (r.item() != null) {
                            List<ArchiveWriter.AwaitingText> scans = new ArrayList<>(r.unread().size());
                            writer.add(r.item(), r.problems(), r.unread(), scans::add);
                            for (ArchiveWriter.AwaitingText scan : scans) ocr.add(scan); // attached to mail
                            items++;
                            sinceCommit++;
                        } else if (r.problems().isEmpty()) {
                            writer.problem(new Problem(in.source(), Problem.PARSE, "nothing could be read"));
                        } else {
                            r.problems().forEach(writer::problem);
                        }
                        bytes += in.bytes().length;
                    }
                    case ParseBatch.Copy c -> {
                        writer.addCopy(c.source(), c.sha(), c.size());
                        items++;
                        bytes += c.size();
                    }
                    case ParseBatch.Trouble t -> writer.problem(t.problem());
                    case ParseBatch.FileEnd f -> {
                        writer.fileDone(f.file().display());
                        files++;
                        if (sinceCommit >= options.commitEveryItems()) {
                            writer.commit();
                            sinceCommit = 0;
                        }
                    }
                }
            }
            progress.update(files, items, bytes, false);
        }
    }

    private static void put(BlockingQueue<Handoff> queue, Handoff step) {
        try {
            queue.put(step);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("ingest stopped");
        }
    }
}
