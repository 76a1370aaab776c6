package dossier.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dossier.index.Archive;
import dossier.index.Ingest;
import dossier.index.Progress;
import dossier.people.Connection;
import dossier.people.Directory;
import dossier.search.ItemJson;
import dossier.search.SearchRequest;
import dossier.search.SearchResult;
import dossier.search.Searcher;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * People, organisation, connection and thread pages and their API, on the real server over the fixture dump ingested
 * by the real ingest (which computes people and threads): content, links, empty pages for nobody, 400/404 for
 * garbage, and never a 500.
 */
class PeopleWebTest {
    @TempDir static Path dir;
    static WebServer web;
    static Http http;
    static Searcher searcher;
    static Directory people;

    static final String ALICE = "alice@example.org", BOB = "bob@example.org", DAN = "dan@example.net";

    @BeforeAll
    static void start() throws Exception {
        Path dump = WebFixtures.write(dir.resolve("dump"), 9);
        Archive archive = Archive.create(dir.resolve("archive"), "Fixture archive");
        new Ingest(Ingest.Options.defaults()).run(archive, List.of(dump), (f, b) -> Progress.silent());
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
        HttpResponse<String> r = http.get(path);
        assertEquals(200, r.statusCode(), path + "\n" + r.body());
        return r.body();
    }

    static long idOf(String query) throws Exception {
        SearchResult r = searcher.search(new SearchRequest(query, SearchRequest.Order.RELEVANCE, 0, 1, false, false));
        assertEquals(1, r.total(), query);
        return r.hits().get(0).id();
    }

    @Test
    void directoryListsEveryoneByVolumeByNameAndFiltered() {
        String b = ok("/people");
        assertTrue(b.indexOf(DAN) < b.indexOf(ALICE), "Dan sent 45 emails: first by volume");
        assertTrue(b.contains("<a href=\"/people/" + ALICE + "\">Alice Archer</a>"), b);
        String byName = ok("/people?sort=name");
        assertTrue(byName.indexOf("Alice Archer") < byName.indexOf("Dan Diaz"), "by name");
        String bob = ok("/people?q=bob");
        assertTrue(bob.contains(">1 person matching"), bob);
        assertTrue(bob.contains("Bob Baker") && !bob.contains("Alice Archer</a>"), bob);
        String nobody = ok("/people?q=zzyzx");
        assertTrue(nobody.contains("Nobody matches “zzyzx”"), nobody);
        assertTrue(b.contains("<a href=\"/people\">People</a>"), "People in the navigation");
    }

    @Test
    void personPageShowsAddressesCountsCorrespondentsDomainsGraphAndEmails() throws Exception {
        String b = ok("/people/" + ALICE);
        assertTrue(b.contains("<h1>Alice Archer"), b);
        assertTrue(b.contains("<li>" + ALICE + "</li>"), "addresses listed");
        long emails = people.find(ALICE).orElseThrow().emails();
        assertTrue(b.contains("<span id=\"emails-total\">" + emails + "</span>"), "emails " + emails);
        assertTrue(b.contains("href=\"/connections?a=alice%40example.org&amp;b=bob%40example.org\""), "correspondent links to the connection");
        assertTrue(b.contains("href=\"/people/" + BOB + "\""), "correspondent links to the person");
        assertTrue(b.contains("href=\"/organisations/example.org\""), "domain links to the organisation");
        assertTrue(b.contains("href=\"/connections?a=alice%40example.org&amp;b=example.org\""), "domain links to the connection");
        assertTrue(b.contains("<svg") && b.contains("Strongest correspondents of Alice Archer"), "graph");
        assertTrue(b.contains("<figure class=\"histogram\">"), "timeline");
        long budget = idOf("subject:\"Budget meeting\" -subject:re");
        assertTrue(b.contains("<a href=\"/items/" + budget + "\">Budget meeting</a>"), "her emails link to their pages");
        // Newest first: the hostile email (16 May) before the budget meeting (14 May).
        assertTrue(b.indexOf(WebFixtures.HOSTILE_SUBJECT) < b.indexOf(">Budget meeting</a>"), "newest first");
        assertFalse(b.contains(" style=") || b.matches("(?s).*<script(?![^>]*src=)[^>]*>.*"), "no inline style or script");
    }

    @Test
    void personPagesPageThroughTheirEmails() {
        String first = ok("/people/" + DAN);
        assertTrue(first.contains("Showing 1–20 of 45."), first);
        assertTrue(first.contains("href=\"/people/" + DAN + "?page=3\" rel=\"last\""), first);
        assertTrue(ok("/people/" + DAN + "?page=3").contains("Showing 41–45 of 45."));
        assertEquals(404, http.get("/people/" + DAN + "?page=4").statusCode());
    }

    @Test
    void anUnknownPersonIsAClearEmptyPage() {
        String b = ok("/people/nobody@nowhere.test");
        assertTrue(b.contains("Nobody in this archive is known as “nobody@nowhere.test”"), b);
        String domain = ok("/people/example.org");
        assertTrue(domain.contains("href=\"/organisations/example.org\""), "a domain typed as a person points to the organisation");
    }

    @Test
    void organisationPageListsItsPeopleAndEmails() {
        String b = ok("/organisations/example.org");
        assertTrue(b.contains("Alice Archer") && b.contains("Bob Baker"), b);
        assertFalse(b.contains("Dan Diaz"), "not at example.org");
        long count = people.organisation("example.org", 0, 0).emails();
        assertTrue(b.contains("<span id=\"emails-total\">" + count + "</span>"), "count " + count);
        assertTrue(ok("/organisations/nowhere.test").contains("No email in this archive was sent from or to anyone at nowhere.test"));
    }

    @Test
    void connectionPageListsEveryEmailBothTakePartInWithTheLibrarysCounts() throws Exception {
        Connection c = people.connection(ALICE, BOB, 0, 100);
        assertEquals(2, c.total());
        String b = ok(Urls.connection(ALICE, BOB, 1));
        assertTrue(b.contains("<strong id=\"total\">2</strong> emails"), b);
        assertTrue(b.contains(c.aToB() + " from Alice Archer to Bob Baker") && b.contains(c.bToA() + " from Bob Baker to Alice Archer"), b);
        for (var h : c.emails().hits()) assertTrue(b.contains("href=\"/items/" + h.id() + "\""), "email " + h.id());
        String search = Http.unescape(Http.all(b, "<a href=\"(/search\\?[^\"]+)\">Search these emails</a>").get(0));
        String query = java.net.URLDecoder.decode(search.substring("/search?q=".length()).replaceAll("&.*", ""), "UTF-8");
        assertEquals(c.total(), searcher.count(query), "the equivalent participant query: " + query);
        assertTrue(ok(search).contains(">2 results"), "and the search page agrees");

        Connection org = people.connection(ALICE, "example.com", 0, 100);
        assertTrue(org.total() > 0);
        String o = ok(Urls.connection(ALICE, "example.com", 1));
        assertTrue(o.contains("<strong id=\"total\">" + org.total() + "</strong>"), o);
        assertTrue(o.contains("href=\"/organisations/example.com\""), o);
    }

    @Test
    void aConnectionWithNobodyInItIsAClearEmptyPage() {
        assertTrue(ok(Urls.connection("nobody@nowhere.test", ALICE, 1)).contains("Nobody in this archive is known as “nobody@nowhere.test”"));
        assertTrue(ok(Urls.connection(ALICE, "nobody", 1)).contains("Nobody in this archive is known as “nobody”, and it is not a domain."));
        assertTrue(ok(Urls.connection(ALICE, DAN, 1)).contains("No email connects Alice Archer and Dan Diaz."));
        assertTrue(ok("/connections").contains("<label for=\"ca\">"), "an empty form");
        assertTrue(ok("/connections?a=" + ALICE).contains("Give both sides"));
    }

    @Test
    void threadPageShowsEveryEmailOfTheThreadAsATreeWithQuotesFolded() throws Exception {
        long first = idOf("subject:\"Budget meeting\" -subject:re");
        long reply = idOf("subject:\"Re: Budget meeting\"");
        long thread = searcher.item(first).orElseThrow().thread();
        assertTrue(thread > 0);
        String b = ok("/threads/" + thread);
        Set<String> listed = new TreeSet<>(Http.all(b, "<h2><a href=\"/items/(\\d+)\">"));
        Set<String> expected = new TreeSet<>();
        for (long id : searcher.ids(searcher.parse("thread:" + thread + " kind:email"), 100)) expected.add(Long.toString(id));
        assertEquals(expected, listed, "every email with the thread id");
        assertEquals(Set.of(Long.toString(first), Long.toString(reply)), listed);
        assertTrue(b.contains("data-depth=\"1\"") && b.contains("class=\"thread-email depth-1\""), "the reply is indented under the first");
        assertTrue(b.indexOf("/items/" + first) < b.indexOf("/items/" + reply), "reading order");
        assertTrue(b.contains("<details class=\"quoted\"><summary>Quoted text</summary><pre>On Fri, 11 May 2001"), "quotes folded");
        assertEquals(b, ok("/threads/" + reply), "any email of the thread shows the same thread");
        assertTrue(ok("/items/" + reply).contains("href=\"/threads/" + thread + "\""), "the item page links to it");
    }

    @Test
    void itemAndSearchPagesLinkToPeopleOrganisationsAndConnections() throws Exception {
        long budget = idOf("subject:\"Budget meeting\" -subject:re");
        String item = ok("/items/" + budget);
        assertTrue(item.contains("<a class=\"person\" href=\"/people/" + ALICE + "\">Alice Archer &lt;" + ALICE + "&gt;</a>"), item);
        assertTrue(item.contains("<a class=\"person\" href=\"/people/" + BOB + "\">"), "recipients too");

        String search = ok("/search?q=*");
        assertTrue(search.contains("<a class=\"facet-page\" href=\"/people/" + DAN + "\""), "sender facet links to the person");
        assertTrue(search.contains("<a class=\"facet-page\" href=\"/organisations/example.net\""), "domain facet links to the organisation");
        String ops = ok(Urls.search("from:" + ALICE + " to:" + BOB, null, 1));
        assertTrue(ops.contains("<a href=\"/people/" + ALICE + "\">Alice Archer</a>"), ops);
        assertTrue(ops.contains("href=\"/connections?a=alice%40example.org&amp;b=bob%40example.org\""), "the connection between them");
        assertTrue(ok(Urls.search("domain:example.org budget", null, 1)).contains("<a href=\"/organisations/example.org\">example.org</a>"));
    }

    @Test
    void apiAnswersLikeTheCommandLine() throws Exception {
        JsonNode list = ItemJson.MAPPER.readTree(ok("/api/v1/people?limit=3"));
        assertEquals(ItemJson.MAPPER.readTree(ItemJson.MAPPER.writeValueAsString(people.people("", Directory.Order.VOLUME, 0, 3))), list,
                "the same JSON as dossier people --format json");
        assertEquals(DAN, list.get("hits").get(0).get("key").asText());
        assertEquals(1, ItemJson.MAPPER.readTree(ok("/api/v1/people?q=bob")).get("total").asInt());

        JsonNode alice = ItemJson.MAPPER.readTree(ok("/api/v1/people/" + ALICE));
        assertEquals(ALICE, alice.get("person").get("key").asText());
        assertTrue(alice.get("emails").get("total").asLong() > 0);

        JsonNode c = ItemJson.MAPPER.readTree(ok("/api/v1" + Urls.connection(ALICE, BOB, 1)));
        assertEquals(ItemJson.MAPPER.readTree(ItemJson.MAPPER.writeValueAsString(people.connection(ALICE, BOB, 0, 20))), c,
                "the same JSON as dossier connections --format json");
        JsonNode none = ItemJson.MAPPER.readTree(ok("/api/v1" + Urls.connection("nobody@nowhere.test", BOB, 1)));
        assertEquals(0, none.get("total").asInt());
        assertTrue(none.get("a").isNull());

        long thread = searcher.item(idOf("subject:\"Re: Budget meeting\"")).orElseThrow().thread();
        JsonNode t = ItemJson.MAPPER.readTree(ok("/api/v1/threads/" + thread));
        assertEquals(2, t.get("nodes").size());
        assertEquals(1, t.get("nodes").get(1).get("depth").asInt());

        JsonNode org = ItemJson.MAPPER.readTree(ok("/api/v1/organisations/example.org"));
        assertEquals(2, org.get("people").get("total").asInt());

        JsonNode api = ItemJson.MAPPER.readTree(ok("/api/v1/openapi.json"));
        for (String p : List.of("/api/v1/people", "/api/v1/people/{key}", "/api/v1/connections", "/api/v1/threads/{id}",
                "/api/v1/organisations/{domain}")) {
            assertTrue(api.get("paths").has(p), p);
        }
    }

    @Test
    void garbageGetsA400Or404AndNeverA500() {
        String huge = "x".repeat(10_000);
        record Case(String path, int status) {}
        for (Case c : List.of(
                new Case("/threads/abc", 404), new Case("/threads/-1", 404), new Case("/threads/0", 404),
                new Case("/threads/99999999", 404), new Case("/threads/99999999999999999999", 404),
                new Case("/threads/1?page=99", 404), new Case("/threads/1?page=x", 400),
                new Case("/people/" + huge, 400), new Case("/people?q=" + huge, 400), new Case("/people?sort=size", 400),
                new Case("/people?page=0", 400), new Case("/people?page=999", 404), new Case("/people?page=1e9", 400),
                new Case("/people/" + ALICE + "?page=-3", 400), new Case("/people/%00%01", 400), new Case("/people?q=%00%01", 200),
                new Case("/connections?a=" + huge + "&b=x", 400), new Case(Urls.connection(ALICE, BOB, 1) + "&page=2", 404),
                new Case("/connections?a=" + ALICE + "&b=" + BOB + "&page=abc", 400),
                new Case("/organisations/not%20a%20domain!", 404), new Case("/organisations/" + huge, 400),
                new Case("/api/v1/people/nobody@nowhere.test", 404), new Case("/api/v1/people?limit=100000", 400),
                new Case("/api/v1/people?sort=x", 400), new Case("/api/v1/connections?a=" + ALICE, 400),
                new Case("/api/v1/connections?a=" + huge + "&b=x", 400), new Case("/api/v1/threads/abc", 404),
                new Case("/api/v1/threads/99999999", 404), new Case("/api/v1/organisations/x", 404))) {
            HttpResponse<String> r = http.get(c.path());
            assertEquals(c.status(), r.statusCode(), c.path().length() > 200 ? c.path().substring(0, 200) : c.path());
            if (c.path().startsWith("/api/") && c.status() != 200) assertTrue(r.body().startsWith("{\"error\":"), r.body());
        }
        assertEquals(0, web.unexpectedFailures());
    }

    @Test
    void newPagesCarryTheSecurityHeaders() throws Exception {
        long thread = searcher.item(idOf("subject:\"Re: Budget meeting\"")).orElseThrow().thread();
        for (String path : List.of("/people", "/people/" + ALICE, "/people/nobody", "/organisations/example.org",
                Urls.connection(ALICE, BOB, 1), "/connections", "/threads/" + thread, "/threads/abc", "/api/v1/people",
                "/api/v1/people/" + ALICE, "/api/v1" + Urls.connection(ALICE, BOB, 1), "/api/v1/threads/" + thread)) {
            HttpResponse<String> r = http.get(path);
            WebServer.SECURITY_HEADERS.forEach((k, v) -> assertEquals(v, r.headers().firstValue(k).orElse(null), path + " " + k));
            assertTrue(r.headers().firstValue("Set-Cookie").isEmpty(), path);
            assertFalse(r.body().contains(" style=\""), path + ": no inline style (CSP)");
        }
    }
}
