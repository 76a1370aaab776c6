package dossier.index;

import dossier.enrich.Identities;
import dossier.model.Address;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
        List<PeopleScan.Mail> mails;
        try (DirectoryReader reader = DirectoryReader.open(writer)) {
            mails = PeopleScan.emails(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the index for threading", e);
        }
        // Count each distinct (name, address) once: names are cleaned and parsed per pair, not per occurrence.
        Map<Address, Long> seen = new HashMap<>();
        for (PeopleScan.Mail m : mails) {
            for (Address a : m.from()) seen.merge(a, 1L, Long::sum);
            for (Address a : m.recipients()) seen.merge(a, 1L, Long::sum);
        }
        Identities ids = new Identities();
        seen.forEach((a, n) -> ids.observe(a.name(), a.address(), n));
        Identities.Resolution people = ids.resolve();
        Map<Address, Integer> personOf = new HashMap<>();
        for (Address a : seen.keySet()) personOf.put(a, people.personOf(a.name(), a.address()));
        List<PeopleStats.Roles> roles = new ArrayList<>(mails.size());
        List<int[]> participants = new ArrayList<>(mails.size());
        for (PeopleScan.Mail m : mails) {
            PeopleStats.Roles r = PeopleStats.roles(m, personOf);
            roles.add(r);
            participants.add(r.all());
        }
        long[] threads = ThreadingPass.threads(mails, participants);
        int updates = ThreadingPass.write(writer, mails, threads);
        PeopleStore.write(archive, PeopleStats.compute(mails, roles, people));
        long distinct = java.util.Arrays.stream(threads).distinct().count();
        Summary s = new Summary(mails.size(), people.people().size(), distinct, updates, (System.nanoTime() - t0) / 1e9);
        LOG.info("connections: {} emails, {} people, {} threads ({} thread ids updated) in {} s", s.emails(), s.people(),
                s.threads(), s.threadUpdates(), String.format(java.util.Locale.ROOT, "%.1f", s.seconds()));
        return s;
    }
}
