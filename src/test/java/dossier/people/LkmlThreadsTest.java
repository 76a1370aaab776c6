package dossier.people;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dossier.index.Archive;
import dossier.index.Ingest;
import dossier.index.Progress;
import dossier.model.Item;
import dossier.search.Searcher;
import dossier.testutil.Corpora;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Threads of the notmuch LKML maildir equal the chains their References and In-Reply-To headers describe: expected
 * groups are computed here from the raw headers with a union-find over Message-IDs, independently of Dossier.
 */
class LkmlThreadsTest {
    @TempDir Path tmp;

    @Test
    void threadsEqualTheChainsOfTheirReferencesHeaders() throws Exception {
        Path corpus = Corpora.get("nasty-mime/notmuch/lkml");
        Map<String, String> parent = new HashMap<>();
        Set<String> ids = new HashSet<>(); // the corpus files some messages twice: one item each
        for (Path f : RawHeaders.files(corpus)) {
            RawHeaders h = RawHeaders.read(f);
            List<String> own = h.ids("message-id");
            if (own.isEmpty()) continue;
            String id = own.get(0);
            ids.add(id);
            find(parent, id);
            List<String> refs = new ArrayList<>(h.ids("references"));
            refs.addAll(h.ids("in-reply-to"));
            for (String r : refs) union(parent, id, r);
        }
        Map<String, Set<String>> expected = new HashMap<>();
        for (String id : ids) expected.computeIfAbsent(find(parent, id), k -> new TreeSet<>()).add(id);
        Set<Set<String>> expectedGroups = new HashSet<>(expected.values());

        Archive archive = Archive.create(tmp.resolve("lkml"), "lkml");
        new Ingest(Ingest.Options.defaults()).run(archive, List.of(corpus), (f, b) -> Progress.silent());
        Map<Long, Set<String>> actual = new HashMap<>();
        try (Searcher s = Searcher.open(archive)) {
            long n = s.count("kind:email");
            for (long id = 1; id <= s.count("*") + 10; id++) {
                Item it = s.item(id).orElse(null);
                if (it == null || it.email() == null || it.parent() != 0) continue;
                assertTrue(it.thread() > 0, "every email has a thread: " + id);
                actual.computeIfAbsent(it.thread(), k -> new TreeSet<>()).add(it.email().messageId());
            }
            assertEquals(ids.size(), actual.values().stream().mapToInt(Set::size).sum(), "emails in " + n);
            assertEquals(expectedGroups, new HashSet<>(actual.values()));
            long biggest = actual.entrySet().stream().max(Map.Entry.comparingByValue((a, b) -> a.size() - b.size())).orElseThrow().getKey();
            ThreadView view = Directory.open(s).thread(biggest).orElseThrow();
            assertEquals(actual.get(biggest).size(), view.size());
            assertEquals(view.size(), view.nodes().size(), "every email once in the tree");
            assertEquals(biggest, view.nodes().get(0).id());
            assertTrue(view.nodes().stream().anyMatch(x -> x.depth() > 1), "replies nest");
            assertEquals(expectedGroups.size(), actual.size());
            System.out.printf("lkml: %d emails, %d threads; biggest %d emails%n", ids.size(), actual.size(), view.size());
        }
    }

    @Test
    void incrementalIngestGivesTheSameThreadsAsOneIngest() throws Exception {
        Path corpus = Corpora.get("nasty-mime/notmuch/lkml");
        List<Path> files = RawHeaders.files(corpus);
        Path first = java.nio.file.Files.createDirectories(tmp.resolve("dump/a")), second = java.nio.file.Files.createDirectories(tmp.resolve("dump/b"));
        for (int i = 0; i < files.size(); i++) {
            java.nio.file.Files.copy(files.get(i), (i % 2 == 0 ? first : second).resolve(files.get(i).getFileName().toString().replace(':', '_')));
        }
        Archive once = Archive.create(tmp.resolve("once"), "once"), twice = Archive.create(tmp.resolve("twice"), "twice");
        new Ingest(Ingest.Options.defaults()).run(once, List.of(tmp.resolve("dump")), (f, b) -> Progress.silent());
        new Ingest(Ingest.Options.defaults()).run(twice, List.of(tmp.resolve("dump/a")), (f, b) -> Progress.silent());
        new Ingest(Ingest.Options.defaults()).run(twice, List.of(tmp.resolve("dump/b")), (f, b) -> Progress.silent());
        new Ingest(Ingest.Options.defaults()).run(twice, List.of(tmp.resolve("dump/b")), (f, b) -> Progress.silent()); // nothing new
        assertEquals(groups(once), groups(twice));
        try (Searcher a = Searcher.open(once); Searcher b = Searcher.open(twice)) {
            assertEquals(Directory.open(a).people("", Directory.Order.VOLUME, 0, 10_000),
                    Directory.open(b).people("", Directory.Order.VOLUME, 0, 10_000));
        }
    }

    /** Threads as sets of Message-IDs, so archives with other ids compare. */
    private static Set<Set<String>> groups(Archive archive) throws Exception {
        Map<Long, Set<String>> byThread = new HashMap<>();
        try (Searcher s = Searcher.open(archive)) {
            for (long id = 1; id <= s.count("*") + 10; id++) {
                s.item(id).filter(it -> it.email() != null).ifPresent(it ->
                        byThread.computeIfAbsent(it.thread(), k -> new TreeSet<>()).add(it.email().messageId()));
            }
        }
        return new HashSet<>(byThread.values());
    }

    private static String find(Map<String, String> parent, String x) {
        parent.putIfAbsent(x, x);
        while (!parent.get(x).equals(x)) {
            parent.put(x, parent.get(parent.get(x)));
            x = parent.get(x);
        }
        return x;
    }

    private static void union(Map<String, String> parent, String a, String b) {
        String ra = find(parent, a), rb = find(parent, b);
        if (!ra.equals(rb)) parent.put(ra, rb);
    }
}
