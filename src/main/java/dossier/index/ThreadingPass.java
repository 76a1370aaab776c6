package dossier.index;

import dossier.enrich.IntArray;
import dossier.enrich.LongArray;
import dossier.enrich.Threader;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.Term;

/**
 * Threads every email of the archive ({@link Threader}) and stores each email's thread id in the {@link Schema#THREAD}
 * doc values in place. All threads are recomputed on every run, so an incremental ingest that adds a reply to an old
 * thread joins it; only emails whose thread changed are written, so a re-run with nothing new writes nothing.
 * Attachments and documents keep thread 0. Not thread-safe: run by the ingest thread.
 */
final class ThreadingPass {
    /**
     * Lucene holds the updates it is given on the heap, some 15 bytes each, until its indexing buffer fills: flushing
     * after so many writes them to the index files, so that the pass's heap stays the same whatever the archive's size.
     */
    private static final int UPDATES_PER_FLUSH = 250_000;

    private ThreadingPass() {}

    /** The thread of each mail, by its number; {@code personOf} as for {@link PeopleStats#roles}. */
    static LongArray threads(Mails mails, IntArray personOf) {
        return Threader.defaults().threads(mails.keys(), i -> PeopleStats.roles(mails, i, personOf).all());
    }

    /** Writes the threads that changed, in id order; returns how many. */
    static int write(IndexWriter writer, Mails mails, IntArray byId, LongArray threads) {
        return write(writer, mails, byId, threads, UPDATES_PER_FLUSH);
    }

    /** As {@link #write(IndexWriter, Mails, IntArray, LongArray)}, flushing after every {@code flushEvery} updates. */
    static int write(IndexWriter writer, Mails mails, IntArray byId, LongArray threads, int flushEvery) {
        int changed = 0;
        try {
            for (int k = 0; k < mails.size(); k++) {
                int i = byId.get(k);
                if (mails.thread(i) == threads.get(i)) continue;
                writer.updateNumericDocValue(new Term(Schema.ID_TERM, Long.toString(mails.id(i))), Schema.THREAD, threads.get(i));
                if (++changed % flushEvery == 0) writer.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store thread ids", e);
        }
        return changed;
    }
}
