package dossier.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dossier.model.Limits;
import dossier.testutil.Corpora;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ids depend on the dump alone: the same folders give a byte-identical manifest with one parse thread or four, and a
 * folder ingested later gets ids after every existing one without changing them.
 */
class DeterministicIdsTest {
    @TempDir Path tmp;

    private Path ingest(String name, int threads, List<Path> roots) throws Exception {
        Archive archive = Archive.create(tmp.resolve(name), name);
        Ingest.Options options = new Ingest.Options(threads, Limits.DEFAULT, 500);
        new Ingest(options).run(archive, roots, (f, b) -> Progress.silent());
        return archive.dir();
    }

    @Test
    void oneThreadAndFourThreadsGiveTheSameIdsAndManifest() throws Exception {
        List<Path> roots = List.of(Corpora.get("enron-maildir/allen-p"), Corpora.get("nasty-mime/mime4j-mbox"),
                Corpora.get("spamassassin-public-corpus/hard-ham-1"));
        Path one = ingest("one", 1, roots);
        Path four = ingest("four", 4, roots);
        assertEquals(Files.readString(one.resolve("manifest.tsv")), Files.readString(four.resolve("manifest.tsv")));
        assertEquals(Files.readString(one.resolve("problems.jsonl")), Files.readString(four.resolve("problems.jsonl")));
        assertTrue(Manifest.read(one.resolve("manifest.tsv")).size() > 500);
    }

    @Test
    void aFolderIngestedLaterGetsIdsAfterTheExistingOnes() throws Exception {
        Path first = Corpora.get("enron-maildir/arnold-j");
        Path later = Corpora.get("enron-maildir/badeer-r");
        Path dir = ingest("grow", 2, List.of(first));
        List<Manifest.Entry> before = Manifest.read(dir.resolve("manifest.tsv"));
        long maxBefore = before.stream().mapToLong(Manifest.Entry::id).max().orElseThrow();
        ingest("grow", 2, List.of(later));
        List<Manifest.Entry> after = Manifest.read(dir.resolve("manifest.tsv"));
        assertEquals(before, after.subList(0, before.size()), "existing lines and ids unchanged");
        List<Manifest.Entry> added = after.subList(before.size(), after.size());
        assertTrue(!added.isEmpty());
        for (Manifest.Entry e : added) {
            assertTrue(e.source().startsWith("badeer-r/"), e.toString());
        }
        java.util.Set<Long> existing = new java.util.HashSet<>(before.stream().map(Manifest.Entry::id).toList());
        for (Manifest.Entry e : added) {
            assertTrue(e.id() > maxBefore || existing.contains(e.id()),
                    "new items are numbered after every existing one; duplicates point to existing ids: " + e);
        }
        assertTrue(added.stream().anyMatch(e -> e.id() > maxBefore));
        // Re-running the same command adds nothing.
        ingest("grow", 2, List.of(later));
        assertEquals(after, Manifest.read(dir.resolve("manifest.tsv")));
    }
}
