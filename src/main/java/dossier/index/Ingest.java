package dossier.index;

import dossier.model.Limits;
import dossier.model.ParseResult;
import dossier.model.Problem;
import dossier.model.RawInput;
import dossier.parse.Ocr;
import dossier.parse.Parser;
import dossier.source.InputSink;
import dossier.source.SourceFile;
import dossier.source.Sources;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * The ingest pipeline, {@code sources → parse → enrich → index}: one reader thread walks the dump in sorted order and
 * hands each input to a pool of parse workers; the calling thread takes the results back in the order they were
 * found and adds them to the archive. So ids depend on the dump alone, never on the number of threads.
 */
public final class Ingest {
    /** How an ingest runs. */
    public record Options(int threads, Limits limits, long commitEveryItems, Ocr ocr) {
        /** Without OCR. */
        public Options(int threads, Limits limits, long commitEveryItems) {
            this(threads, limits, commitEveryItems, Ocr.OFF);
        }

        public static Options defaults() {
            return new Options(Runtime.getRuntime().availableProcessors(), Limits.DEFAULT, 20_000);
        }
    }

    /**
     * Where inputs are parsed: images and PDFs go to their own workers when OCR is on, so a run of scans (seconds a
     * page) never holds every parse worker while mail and office files wait. Results are still taken back in the order
     * they were found, so ids do not depend on which pool was faster.
     */
    private record Pools(ExecutorService parse, ExecutorService ocr) {
        ExecutorService of(RawInput in) {
            return in.hint() == RawInput.Hint.FILE && Ocr.mayNeedOcr(in.bytes()) ? ocr : parse;
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
    private record Parse(Future<ParseResult> result, String source, int permits, long bytes) implements Step {}
    private record Trouble(Problem problem) implements Step {}
    private record FileEnd(SourceFile file) implements Step {}
    private record End(Throwable failure) implements Step {}

    private static final int MAX_PERMITS = 256 << 20 >> 10; // bytes in flight, in KiB: 256 MiB

    private final Options options;
    private final Sources sources;
    private final Parser parser;

    public Ingest(Options options) {
        this.options = options;
        this.sources = new Sources(options.limits());
        this.parser = new Parser(options.limits(), options.ocr());
    }

    /** Ingests the roots into the archive, resuming after the last committed file, and commits at the end. */
    public Summary run(Archive archive, List<Path> roots, Progress.Factory progressFactory) throws InterruptedException {
        long t0 = System.nanoTime();
        try (ArchiveWriter writer = ArchiveWriter.open(archive)) {
            List<Problem> listing = new ArrayList<>();
            List<SourceFile> all = sources.list(roots, listing::add);
            listing.forEach(writer::problem);
            List<SourceFile> todo = all.stream().filter(f -> !writer.alreadyIngested(f.display())).toList();
            long totalBytes = todo.stream().mapToLong(SourceFile::size).sum();
            Progress progress = progressFactory.create(todo.size(), totalBytes);
            ExecutorService parse = workers(Math.max(1, options.threads()), "parse");
            Pools pool = new Pools(parse, options.ocr().enabled() ? workers(Math.max(1, options.threads() / 2), "ocr") : parse);
            BlockingQueue<Step> queue = new ArrayBlockingQueue<>(Math.max(64, options.threads() * 64));
            Semaphore inFlight = new Semaphore(MAX_PERMITS);
            Thread reader = Thread.ofPlatform().name("sources").daemon().start(() -> read(todo, pool, queue, inFlight));
            try {
                consume(queue, inFlight, writer, progress);
            } finally {
                reader.interrupt();
                pool.shutdownNow();
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

    private static ExecutorService workers(int threads, String name) {
        return Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    private void read(List<SourceFile> files, Pools pool, BlockingQueue<Step> queue, Semaphore inFlight) {
        try {
            for (SourceFile file : files) {
                sources.open(file, new InputSink() {
                    @Override
                    public void input(RawInput in) {
                        int permits = (int) Math.min(MAX_PERMITS, 1 + in.bytes().length / 1024);
                        try {
                            inFlight.acquire(permits);
                            Future<ParseResult> f = CompletableFuture.supplyAsync(() -> parser.parse(in), pool.of(in));
                            queue.put(new Parse(f, in.source(), permits, in.bytes().length));
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
                        writer.problem(new Problem(p.source(), Problem.PARSE, "nothing could be read"));
                    }
                    bytes += p.bytes();
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

    private ParseResult result(Parse p) throws InterruptedException {
        try {
            return p.result().get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return new ParseResult(null, List.of(new Problem(p.source(), Problem.PARSE, Problem.reasonOf(cause))));
        }
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
