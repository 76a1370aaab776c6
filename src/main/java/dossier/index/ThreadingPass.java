package dossier.index;

import dossier.enrich.Threader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.Term;

/**
 * Threads every email of the archive ({@link Threader}) and stores each email's thread id in the {@link Schema#THREAD}
 * doc values in place. All threads are recomputed on every run, so an incremental ingest that adds a reply to an old
 * thread joins it; only emails whose thread changed are written, so a re-run with nothing new writes nothing.
 * Attachments and documents keep thread 0. Not thread-safe: run by the ingest thread.
 */
final class ThreadingPass {
    private ThreadingPass() {}

    /** The thread of each mail, in the order given; {@code participants} are person indices per mail. */
    static long[] threads(List<PeopleScan.Mail> mails, List<int[]> participants) {
        List<Threader.Email> emails = new ArrayList<>(mails.size());
        for (int i = 0; i < mails.size(); i++) {
            PeopleScan.Mail m = mails.get(i);
            emails.add(new Threader.Email(m.id(), m.messageId(), m.inReplyTo(), m.references(), m.subject(),
                    m.date() == PeopleScan.Mail.NO_DATE ? Threader.Email.NO_DATE : m.date(), participants.get(i)));
        }
        return Threader.defaults().threads(emails);
    }

    /** Writes the threads that changed; returns how many. */
    static int write(IndexWriter writer, List<PeopleScan.Mail> mails, long[] threads) {
        int changed = 0;
        try {
            for (int i = 0; i < mails.size(); i++) {
                if (mails.get(i).thread() == threads[i]) continue;
                writer.updateNumericDocValue(new Term(Schema.ID_TERM, Long.toString(mails.get(i).id())), Schema.THREAD, threads[i]);
                changed++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store thread ids", e);
        }
        return changed;
    }
}
