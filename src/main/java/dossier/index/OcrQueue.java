package dossier.index;

import dossier.model.Kind;
import dossier.model.Parsed;
import dossier.model.RawInput;
import dossier.parse.Parser;
import java.util.ArrayDeque;
import java.util.concurrent.ThreadPoolExecutor;

/**
 * The files being read by OCR while the ingest goes on. OCR takes seconds a page and a scanned report minutes, so a
 * scan must not hold back the files after it: the ingest numbers it, stores its original and writes its manifest line
 * in order like any file ({@link ArchiveWriter#addAwaitingText}), hands it here to be read on the OCR pool, and goes
 * on with the next files. Its document is indexed, and the problems its reading met are recorded, when the queue
 * {@link #apply applies} it.
 *
 * <p>Scans are applied oldest first at points that depend only on the dump, never on how fast OCR ran: when more than
 * {@link #MAX_FILES} files or {@link #MAX_BYTES} bytes wait (the queue's bound on memory, and the one moment a run of
 * slow scans still holds the ingest back), and at the end. So the problem log is the same from run to run. A commit
 * records which scans still wait; an ingest resumed after an interruption puts them back here first, in the same
 * order, so it applies them at the same points as a run that was never interrupted. Not thread-safe: the ingest's
 * writer thread owns it.
 */
final class OcrQueue {
    /** How many scans may wait at once: enough to keep the OCR pool busy across a stretch of mail. */
    static final int MAX_FILES = 64;
    /** How many bytes of originals the waiting scans may hold. */
    static final long MAX_BYTES = 128L << 20;

    private record Waiting(ArchiveWriter.AwaitingText item, ParseBatch batch, long bytes) {}

    private final ArrayDeque<Waiting> waiting = new ArrayDeque<>();
    private final ThreadPoolExecutor pool, attachedPool;
    private final Parser parser;
    private final Ingest.Isolation isolation;
    private final ArchiveWriter writer;
    private long bytes;

    /**
     * A queue whose files are read on {@code pool}, the OCR pool, except scans attached to mail, which are read on
     * {@code attachedPool}, the parse threads, as they were when their email's parse read them: on a dump of image spam
     * the OCR pool alone (half as many threads) left dozens of them to read one by one after the last file.
     */
    OcrQueue(ThreadPoolExecutor pool, ThreadPoolExecutor attachedPool, Parser parser, Ingest.Isolation isolation,
            ArchiveWriter writer) {
        this.pool = pool;
        this.attachedPool = attachedPool;
        this.parser = parser;
        this.isolation = isolation;
        this.writer = writer;
    }

    /** Starts reading the scan numbered as {@code item}; applies the oldest scans while too many wait. */
    void add(ArchiveWriter.AwaitingText item) throws InterruptedException {
        Parsed p = item.item().parsed();
        boolean document = p.kind() == Kind.DOCUMENT;
        ParseBatch batch = new ParseBatch(document ? pool : attachedPool, parser, false);
        RawInput.Hint hint = document ? RawInput.Hint.FILE : RawInput.Hint.ATTACHMENT;
        batch.add(new RawInput(p.source(), p.name(), hint, p.bytes()), item.item().sha256(), 0);
        batch.submit();
        waiting.add(new Waiting(item, batch, p.bytes().length));
        bytes += p.bytes().length;
        while (waiting.size() > MAX_FILES || bytes > MAX_BYTES) apply();
    }

    /** Applies every waiting scan: at the end of the run. */
    void drain() throws InterruptedException {
        while (!waiting.isEmpty()) apply();
    }

    int size() {
        return waiting.size();
    }

    /**
     * Waits for the oldest scan (the batch's watchdog gives up on it after its deadline, like any parse) and indexes
     * it with the text read, recording what went wrong.
     */
    private void apply() throws InterruptedException {
        Waiting w = waiting.remove();
        bytes -= w.bytes();
        w.batch().await(isolation);
        ParseBatch.Outcome o = w.batch().outcome(0);
        o.problems().forEach(writer::problem);
        Parsed read = o.item() != null ? o.item().item() : w.item().item().parsed();
        writer.complete(w.item(), read);
    }
}
