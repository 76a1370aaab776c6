package dossier.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dossier.index.Archive;
import dossier.index.Ingest;
import dossier.index.Progress;
import dossier.people.Connection;
import dossier.people.Directory;
import dossier.people.PersonPage;
import dossier.people.PersonSummary;
import dossier.people.ThreadView;
import dossier.search.Hit;
import dossier.search.SearchRequest;
import dossier.search.Searcher;
import dossier.testutil.Corpora;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * People, connection and thread pages over Jeff Skilling's Enron mailbox as the real ingest builds it: the pages show
 * what the library computes, and the connection totals equal an independent search for the same participants.
 */
class PeopleCorpusWebTest {
    static final String SKILLING = "jeff.skilling@enron.com";

    @TempDir static Path dir;
    static WebServer web;
    static Http http;
    static Searcher searcher;
    static Directory people;

    @BeforeAll
    static void start() throws Exception {
        Path enron = Corpora.get("enron-maildir/skilling-j");
        Archive archive = Archive.create(dir.resolve("archive"), "Skilling");
        new Ingest(Ingest.Options.defaults()).run(archive, List.of(enron), (f, b) -> Progress.silent());
        web = WebServer.start(archive, "127.0.0.1", 0);
        http = new Http(web.port());
        searcher = Searcher.open(archive);
        people = Directory.open(searcher);
    }

    @AfterAll
    static void stop() throws Exception {
        if (web != null) web.stop();
        if (searcher != null) searcher.close();
    }

    static String ok(String path) {
        var r = http.get(path);
        assertEquals(200, r.statusCode(), path);
        return r.body();
    }

    /** The query behind a page's "Search …" link. */
    static String searchQuery(String page, String label) {
        String href = Http.unescape(Http.all(page, "<a href=\"(/search\\?[^\"]+)\">" + label + "</a>").get(0));
        return URLDecoder.decode(href.substring("/search?q=".length()).replaceAll("&.*", ""), StandardCharsets.UTF_8);
    }

    @Test
    void skillingsPageListsHisAddressesNamesCorrespondentsAndEmails() throws Exception {
        PersonSummary jeff = people.find(SKILLING).orElseThrow();
        PersonPage page = people.person(jeff.key(), 0, 20).orElseThrow();
        String b = ok(Urls.person(jeff.key()));
        assertTrue(jeff.addresses().contains(SKILLING), jeff.addresses().toString());
        for (String a : jeff.addresses()) assertTrue(b.contains("<li>" + a + "</li>"), "address " + a);
        assertTrue(b.contains("<span id=\"emails-total\">" + String.format("%,d", jeff.emails()) + "</span>"));
        assertTrue(page.correspondents().size() >= 5);
        for (var c : page.correspondents()) {
            assertTrue(b.contains(Http.unescape("href=\"" + Urls.connection(jeff.key(), c.key(), 1) + "\"").replace("&", "&amp;")), c.key());
        }
        for (var d : page.domains()) assertTrue(b.contains("href=\"" + Urls.organisation(d.domain()) + "\""), d.domain());
        for (Hit h : page.emails().hits()) assertTrue(b.contains("href=\"/items/" + h.id() + "\""), "email " + h.id());
        // His page's own search link finds exactly his emails.
        assertEquals(page.emails().total(), searcher.count(searchQuery(b, "Search their emails")));
        // Found under another of his addresses or his Lotus Notes name too.
        for (String a : jeff.addresses()) assertTrue(ok(Urls.person(a)).contains("<h1>" + jeff.name()), a);
    }

    @Test
    void connectionTotalsEqualTheLibraryAndASearchForBothParticipants() throws Exception {
        PersonSummary jeff = people.find(SKILLING).orElseThrow();
        PersonPage page = people.person(jeff.key(), 0, 0).orElseThrow();
        int checked = 0;
        for (var c : page.correspondents().subList(0, Math.min(5, page.correspondents().size()))) {
            Connection lib = people.connection(jeff.key(), c.key(), 0, 20);
            String b = ok(Urls.connection(jeff.key(), c.key(), 1));
            assertTrue(b.contains("<strong id=\"total\">" + String.format("%,d", lib.total()) + "</strong>"), c.key() + " " + lib.total());
            assertEquals(lib.total(), searcher.count(searchQuery(b, "Search these emails")), c.key());
            // Independently: the participant words of both people, from their addresses and names.
            String independent = people.query(jeff.key()).orElseThrow() + " " + people.query(c.key()).orElseThrow();
            assertEquals(lib.total(), searcher.count(independent), independent);
            for (Hit h : lib.emails().hits()) assertTrue(b.contains("href=\"/items/" + h.id() + "\""));
            checked++;
        }
        assertTrue(checked > 0);
        var domain = page.domains().get(0).domain();
        Connection org = people.connection(jeff.key(), domain, 0, 20);
        String o = ok(Urls.connection(jeff.key(), domain, 1));
        assertTrue(o.contains("<strong id=\"total\">" + String.format("%,d", org.total()) + "</strong>"), domain);
        assertEquals(org.total(), searcher.count(people.query(jeff.key()).orElseThrow() + " domain:" + domain));
    }

    @Test
    void threadPagesListEveryEmailWithTheirThreadId() throws Exception {
        int shown = 0;
        for (Hit h : searcher.search(new SearchRequest("subject:re kind:email", SearchRequest.Order.OLDEST, 0, 400, false, false)).hits()) {
            if (h.thread() <= 0) continue;
            long size = searcher.count("thread:" + h.thread() + " kind:email");
            if (size < 3 || size > ThreadPage.PAGE_SIZE) continue;
            String b = ok(Urls.thread(h.thread()));
            Set<String> listed = new TreeSet<>(Http.all(b, "<h2><a href=\"/items/(\\d+)\">"));
            Set<String> expected = new TreeSet<>();
            for (long id : searcher.ids(searcher.parse("thread:" + h.thread() + " kind:email"), 1000)) expected.add(Long.toString(id));
            assertEquals(expected, listed, "thread " + h.thread());
            ThreadView t = people.thread(h.thread()).orElseThrow();
            assertTrue(b.contains("<strong id=\"thread-size\">" + t.size() + "</strong>"));
            if (++shown == 10) break;
        }
        assertTrue(shown >= 3, "threads of three or more emails checked: " + shown);
    }

    @Test
    void directoryPagesThroughEveryoneAndEveryPageAnswers() {
        long total = people.people("", Directory.Order.VOLUME, 0, 0).total();
        String first = ok("/people");
        assertTrue(first.contains(">" + String.format("%,d", total) + " people"), "total " + total);
        assertTrue(first.contains(people.people("", Directory.Order.VOLUME, 0, 1).hits().get(0).key()));
        int last = Pager.pages(total, PeoplePage.PAGE_SIZE);
        ok("/people?page=" + last);
        ok("/people?sort=name&page=" + last);
        assertEquals(404, http.get("/people?page=" + (last + 1)).statusCode());
        for (PersonSummary p : people.people("", Directory.Order.VOLUME, 0, 40).hits()) ok(Urls.person(p.key()));
        assertEquals(0, web.unexpectedFailures());
    }
}
