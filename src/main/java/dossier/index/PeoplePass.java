package dossier.index;

import dossier.enrich.Identities;
import dossier.enrich.IntArray;
import dossier.enrich.LongArray;
import dossier.model.Address;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connections pass that ends every ingest: reads every email once ({@link PeopleScan}), resolves identities
 * ({@link Identities}), threads ({@link ThreadingPass}, written to the index in place) and writes the people
 * directory ({@link PeopleStore}). Everything is recomputed from the whole index each time, so the result of an
 * incremental ingest equals that of one ingest of everything. The caller commits. Not thread-safe.
 *
 * <pre>{@code PeoplePass.run(archive, indexWriter);  // then commit}</pre>
 */
public final class PeoplePass {
    private static final Logger LOG = LoggerFactory.getLogger(PeoplePass.class);

    private PeoplePass() {}

    /** What the pass did. */
    public record Summary(int emails, int people, long threads, int threadUpdates, double seconds) {}

    /** Runs the pass over everything the writer holds, committed or not. */
    public static Summary run(Archive archive, IndexWriter writer) {
        long t0 = System.nanoTime();
        Mails mails;
        try (DirectoryReader reader = DirectoryReader.open(writer)) {
            mails = PeopleScan.emails(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the index for threading", e);
        }
        IntArray byId = mails.keys().byId();
        Identities.Resolution people = identities(mails, byId);
        IntArray personOf = new IntArray(mails.addresses());
        for (int a = 0; a < mails.addresses(); a++) {
            Address pair = mails.address(a); // made from the string table on each call: once a pair
            personOf.set(a, people.personOf(pair.name(), pair.address()));
        }
        LongArray threads = ThreadingPass.threads(mails, personOf);
        int updates = ThreadingPass.write(writer, mails, byId, threads);
        long distinct = 0; // a thread's id is the id of its first email: count those
        for (int i = 0; i < mails.size(); i++) if (threads.get(i) == mails.id(i)) distinct++;
        threads = null; // not needed for the directory
        try (PeopleStore.Writer directory = PeopleStore.writer(archive)) {
            PeopleStats.compute(mails, byId, personOf, people, directory::add);
            directory.commit();
        }
        Summary s = new Summary(mails.size(), people.people().size(), distinct, updates, (System.nanoTime() - t0) / 1e9);
        LOG.info("connections: {} emails, {} people, {} threads ({} thread ids updated) in {} s", s.emails(), s.people(),
                s.threads(), s.threadUpdates(), String.format(java.util.Locale.ROOT, "%.1f", s.seconds()));
        return s;
    }

    /**
     * Resolves every distinct (name, address) pair, counted by its uses, observed in the order of their first use in id
     * order: identities break some ties by that order, which must not change with the way the pass holds its emails.
     */
    private static Identities.Resolution identities(Mails mails, IntArray byId) {
        LongArray uses = new LongArray(mails.addresses());
        IntArray firstUse = new IntArray(mails.addresses());
        int distinct = 0;
        for (int at = 0; at < mails.size(); at++) {
            int i = byId.get(at);
            for (int k = mails.fromStart(i); k < mails.recipientsEnd(i); k++) {
                int a = mails.participant(k);
                long n = uses.get(a);
                if (n == 0) firstUse.set(distinct++, a);
                uses.set(a, n + 1);
            }
        }
        Identities ids = new Identities();
        for (int f = 0; f < distinct; f++) {
            Address a = mails.address(firstUse.get(f));
            ids.observe(a.name(), a.address(), uses.get(firstUse.get(f)));
        }
        return ids.resolve();
    }
}
