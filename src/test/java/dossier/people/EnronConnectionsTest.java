package dossier.people;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dossier.index.Archive;
import dossier.index.Ingest;
import dossier.index.Progress;
import dossier.search.Searcher;
import dossier.testutil.Corpora;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** People, connections and threads over the Enron maildir corpus (5,180 files, many duplicates across folders). */
class EnronConnectionsTest {
    @TempDir static Path tmp;
    static Path corpus;
    static Searcher searcher;
    static Directory people;

    @BeforeAll
    static void ingest() throws Exception {
        corpus = Corpora.get("enron-maildir");
        Archive archive = Archive.create(tmp.resolve("enron"), "enron");
        new Ingest(Ingest.Options.defaults()).run(archive, List.of(corpus), (f, b) -> Progress.silent());
        searcher = Searcher.open(archive);
        people = Directory.open(searcher);
    }

    @AfterAll
    static void close() throws Exception {
        if (searcher != null) searcher.close();
    }

    @Test
    void skillingsSeveralFormsAreOnePerson() {
        PersonSummary jeff = people.find("jeff.skilling@enron.com").orElseThrow();
        assertEquals("jeff.skilling@enron.com", jeff.key());
        assertEquals("Jeff Skilling", jeff.name());
        PersonPage page = people.person(jeff.key(), 0, 10).orElseThrow();
        System.out.println("Skilling: " + jeff + "\n names " + page.names());
        assertTrue(page.names().contains("Jeff Skilling"), page.names().toString());
        assertEquals(jeff.key(), people.find("Skilling, Jeff").map(PersonSummary::key).orElse(null));
        assertEquals(jeff.key(), people.find("Jeff Skilling/Corp/Enron@ENRON").map(PersonSummary::key).orElse(null));
        // jskilli@enron.com is never written with a name in real headers: no evidence, so it stays apart.
        assertNotEquals(jeff.key(), people.find("jskilli@enron.com").map(PersonSummary::key).orElse(null));
        System.out.println(people.people("skilling", Directory.Order.VOLUME, 0, 20).hits());
        assertEquals(jeff.key(), people.find("Jeff Skilling").map(PersonSummary::key).orElse(null));
        assertEquals(jeff.key(), people.find("JEFF.SKILLING@ENRON.COM").map(PersonSummary::key).orElse(null));
        assertEquals(jeff.key(), people.people("", Directory.Order.VOLUME, 0, 1).hits().get(0).key(), "his mailbox: the most emails");
        assertTrue(jeff.sent() > 20 && jeff.received() > 1000, jeff.toString());
    }

    @Test
    void differentPeopleAreNotMerged() {
        PersonSummary skilling = people.find("jeff.skilling@enron.com").orElseThrow();
        PersonSummary dasovich = people.find("jeff.dasovich@enron.com").orElseThrow();
        assertNotEquals(skilling.key(), dasovich.key());
        PersonSummary lay = people.find("kenneth.lay@enron.com").orElseThrow();
        assertNotEquals(skilling.key(), lay.key());
        for (PersonSummary p : people.people("", Directory.Order.VOLUME, 0, 100_000).hits()) {
            Set<String> locals = new HashSet<>();
            for (String a : p.addresses()) if (dossier.enrich.Identities.isGeneric(a)) assertEquals(1, p.addresses().size(), p.toString());
            for (String a : p.addresses()) locals.add(a.substring(0, Math.max(0, a.indexOf('@'))));
            assertTrue(p.addresses().size() <= 4, "suspiciously many addresses: " + p);
        }
    }

    @Test
    void connectionCountsEqualCountsFromTheRawHeaders() throws Exception {
        // Which files are one item (copies filed in several folders) is the dedup stage's business: take it from the
        // manifest, and read each item's participants from the raw headers of its first copy, plus the Bcc of its
        // later copies (an item takes the Bcc of every copy).
        Map<String, Set<String>> byMessageId = new HashMap<>();
        for (String line : java.nio.file.Files.readAllLines(searcher.archive().manifest())) {
            String[] f = line.split("\t");
            if (f.length < 5 || !f[1].equals("email") || f[4].contains("#")) continue;
            Path file = corpus.resolve(f[4].substring(f[4].indexOf('/') + 1));
            Set<String> first = byMessageId.get(f[0]);
            if (first != null) {
                first.addAll(RawHeaders.read(file).addresses("bcc"));
            } else {
                byMessageId.put(f[0], new HashSet<>(RawHeaders.read(file).addresses("from", "to", "cc", "bcc")));
            }
        }
        String jeff = "jeff.skilling@enron.com";
        Map<String, Integer> withJeff = new HashMap<>();
        for (Set<String> participants : byMessageId.values()) {
            if (!participants.contains(jeff)) continue;
            for (String p : participants) if (!p.equals(jeff)) withJeff.merge(p, 1, Integer::sum);
        }
        List<String> top = withJeff.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(6).map(Map.Entry::getKey).toList();
        assertFalse(top.isEmpty());
        for (String other : top) {
            PersonSummary a = people.find(jeff).orElseThrow(), b = people.find(other).orElseThrow();
            Set<String> as = Set.copyOf(a.addresses()), bs = Set.copyOf(b.addresses());
            long expected = byMessageId.values().stream()
                    .filter(ps -> ps.stream().anyMatch(as::contains) && ps.stream().anyMatch(bs::contains)).count();
            Connection c = people.connection(jeff, other, 0, 5);
            System.out.printf("%s – %s: %d emails (headers: %d), %d/%d%n", jeff, other, c.total(), expected, c.aToB(), c.bToA());
            assertEquals(expected, c.total(), "connection " + jeff + " – " + other);
        }
    }

    @Test
    void unknownPeopleGiveEmptyResults() {
        assertTrue(people.person("nobody@nowhere.example", 0, 10).isEmpty());
        Connection c = people.connection("nobody@nowhere.example", "jeff.skilling@enron.com", 0, 10);
        assertTrue(c.isEmpty());
        assertEquals(null, c.a());
        assertTrue(people.connection("jeff.skilling@enron.com", "nothing.example", 0, 10).isEmpty());
        assertEquals(0, people.people("zzzzqqq", Directory.Order.NAME, 0, 10).total());
        assertTrue(people.thread(999_999_999L).isEmpty());
    }

    @Test
    void personAndDomainConnection() {
        Connection c = people.connection("jeff.skilling@enron.com", "enron.com", 0, 5);
        assertTrue(c.total() > 1000, c.total() + "");
        assertEquals("enron.com", c.domain());
        Organisation o = people.organisation("enron.com", 0, 10);
        assertTrue(o.people().total() > 100);
        assertEquals("jeff.skilling@enron.com", o.people().hits().get(0).key());
    }

    @Test
    void personPageHasCorrespondentsTimelineAndGraph() {
        PersonPage p = people.person("jeff.skilling@enron.com", 0, 20).orElseThrow();
        assertFalse(p.correspondents().isEmpty());
        assertFalse(p.months().isEmpty());
        assertEquals(20, p.emails().hits().size());
        assertEquals(p.person().emails(), p.emails().total(), "directory count equals the live query");
        String svg = people.graph("jeff.skilling@enron.com").orElseThrow();
        assertTrue(svg.startsWith("<svg"));
        assertFalse(svg.contains("<script") || svg.contains("style="));
        System.out.println(p.correspondents().subList(0, 5) + "\n" + p.domains().subList(0, Math.min(5, p.domains().size())));
    }

    @Test
    void enronRepliesWithoutReferencesJoinTheirOriginal() throws Exception {
        // sent_items/50 "Dinner Monday, April 23" and sent_items/37 "RE: Dinner Monday, April 23", five days later;
        // the archive keeps the _sent_mail copy (From: Sherri Sera), and the first reply comes from an address
        // nobody else used (john.thornton@enron.com): it joins the only open conversation with that subject.
        assertSameThread("sent_items/50.", "sent_items/37.");
        // "Telephone Call with Jerry Murdock" is filed twice with clocks ten hours apart. In the morning copy
        // (discussion_threads/1202) Joannie Williamson's "Re:" (1203) is dated an hour before the original, and
        // Sherri Sera's "RE:" (1206) after it: all one thread.
        assertSameThread("discussion_threads/1202.", "discussion_threads/1203.");
        assertSameThread("discussion_threads/1202.", "discussion_threads/1206.");
        // In the afternoon copy, Skilling's answer (sent_items/14) joins Erica Harris's original (inbox/210).
        assertSameThread("inbox/210.", "sent_items/14.");
        ThreadView view = people.thread(idOf("sent_items/37.")).orElseThrow();
        assertEquals(idOf("sent_items/50."), view.nodes().get(0).id(), "the original comes first");
        assertTrue(view.nodes().stream().allMatch(n -> n.depth() == 0 || n.parent() > 0));
        // Subject grouping stays modest: no runaway thread swallowing unrelated mail.
        Map<Long, Integer> sizes = new HashMap<>();
        for (long id = 1; id <= searcher.count("*"); id++) {
            searcher.item(id).filter(it -> it.email() != null).ifPresent(it -> sizes.merge(it.thread(), 1, Integer::sum));
        }
        long threaded = sizes.values().stream().filter(n -> n > 1).count();
        int biggest = sizes.values().stream().max(Integer::compare).orElse(0);
        System.out.printf("enron: %d threads of 2+ emails, biggest %d%n", threaded, biggest);
        assertTrue(threaded > 100, "threads found: " + threaded);
        assertTrue(biggest < 100, "biggest thread: " + biggest);
    }

    private static void assertSameThread(String original, String reply) throws Exception {
        long o = idOf(original), r = idOf(reply);
        long to = searcher.item(o).orElseThrow().thread(), tr = searcher.item(r).orElseThrow().thread();
        assertEquals(to, tr, "reply " + r + " in the thread of " + o);
        assertTrue(tr <= Math.min(o, r), "thread id is the lowest email id");
    }

    /** The item a corpus file became (copies of one email are one item), from the manifest's locations. */
    private static long idOf(String file) throws Exception {
        for (String line : java.nio.file.Files.readAllLines(searcher.archive().manifest())) {
            String[] f = line.split("\t");
            if (f.length >= 5 && f[4].endsWith("skilling-j/" + file)) return Long.parseLong(f[0]);
        }
        throw new AssertionError("not in the manifest: " + file);
    }
}
