package dossier.index;

import dossier.model.Problem;
import dossier.source.SourceFile;
import dossier.source.Sources;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The files an ingest still has to read: the dump's listing less the files already in the archive, streamed from disk
 * twice so that memory does not grow with the dump. {@link #count} walks it once for the progress bar's totals;
 * {@link #topUp} walks it again as the ingest goes and hands the files over to the reader thread, a few chunks ahead
 * of it ({@link #next}). If the dump changes between the walks the second is the truth and the totals are a little off.
 * Both walks report the listing's problems, so one that appears between them (a folder made unreadable) is recorded
 * too; the consumer sees the others twice and keeps one ({@link ArchiveWriter#listingProblem} keeps one per path).
 *
 * <pre>{@code
 * Todo todo = new Todo(sources, roots, writer::alreadyIngested);
 * Todo.Count count = todo.count(writer::listingProblem);   // writer's thread
 * reader:  for (SourceFile f; (f = todo.next(batches::handOver)) != null; ) ...
 * writer:  todo.topUp(); queue.take(); ...                // before each wait for the reader
 * }</pre>
 *
 * <p>Whether a file is already ingested is asked of the archive writer, which is not thread-safe, so {@link #count}
 * and {@link #topUp} run on the writer's thread; only {@link #next} runs on the reader's. The two never wait for each
 * other at once: the writer tops up before it waits for a batch, the reader hands over its batch before it waits for
 * files.
 */
final class Todo {
    /** What the first walk found: files and bytes to read, and files skipped as already in the archive. */
    record Count(long files, long bytes, long skipped) {}

    /** Files per hand-over, and hand-overs ready ahead of the reader: at most 1,024 files listed ahead. */
    private static final int CHUNK = 256, CHUNKS = 4;
    private static final List<SourceFile> END = Collections.emptyList();

    private final Iterable<SourceFile> listing;
    private final Predicate<String> ingested;
    /** Where the listing's problems go: {@link #count}'s consumer, for both walks. */
    private Consumer<Problem> problems = p -> {};
    private final BlockingQueue<List<SourceFile>> chunks = new ArrayBlockingQueue<>(CHUNKS);
    // The writer's thread alone:
    private Iterator<SourceFile> walk;
    private boolean ended;
    private String last;
    private boolean lastSkipped;
    private long skipped;
    // The reader's thread alone:
    private Iterator<SourceFile> chunk = Collections.emptyIterator();
    private boolean over;

    /**
     * {@code ingested} says whether a display path is already in the archive; asked on the writer's thread only.
     *
     * @throws IllegalArgumentException when a root does not exist (one gone before the second walk is a listing problem)
     */
    Todo(Sources sources, List<Path> roots, Predicate<String> ingested) {
        this.listing = sources.list(roots, p -> problems.accept(p));
        this.ingested = ingested;
    }

    /**
     * The first walk: counts what is to do. The listing's problems, of this walk and of the second, go to
     * {@code problems} on this thread.
     */
    Count count(Consumer<Problem> problems) {
        long files = 0, bytes = 0, skip = 0;
        this.problems = problems;
        for (SourceFile f : listing) {
            if (ingested.test(f.display())) {
                skip++;
            } else {
                files++;
                bytes += f.size();
            }
        }
        return new Count(files, bytes, skip);
    }

    /** Walks on until the reader has {@link #CHUNKS} chunks waiting or the walk is over; never blocks. */
    void topUp() {
        if (walk == null) walk = listing.iterator();
        while (!ended && chunks.remainingCapacity() > 0) {
            List<SourceFile> c = new ArrayList<>(CHUNK);
            while (c.size() < CHUNK && walk.hasNext()) {
                SourceFile f = walk.next();
                if (!skip(f.display())) c.add(f);
            }
            ended = c.isEmpty();
            chunks.add(ended ? END : c);
        }
    }

    /**
     * Whether to skip a file as already ingested. The same display path twice in a row (the same folder name under two
     * roots) is both read or both skipped, as the first was: the second must not be skipped because the first was
     * ingested by this very run a moment ago, or ids would depend on timing.
     */
    private boolean skip(String display) {
        if (!display.equals(last)) {
            last = display;
            lastSkipped = ingested.test(display);
        }
        if (lastSkipped) skipped++;
        return lastSkipped;
    }

    /** Files the second walk skipped as already ingested; read on the writer's thread once the reader is done. */
    long skipped() {
        return skipped;
    }

    /**
     * The reader's next file, or null when there are no more; runs {@code beforeWaiting} (handing over its batch, which
     * the writer may be waiting for) before it waits for the writer to walk further.
     */
    SourceFile next(Runnable beforeWaiting) throws InterruptedException {
        while (!chunk.hasNext()) {
            if (over) return null;
            List<SourceFile> c = chunks.poll();
            if (c == null) {
                beforeWaiting.run();
                c = chunks.take();
            }
            over = c == END;
            chunk = c.iterator();
        }
        return chunk.next();
    }
}
