package dossier.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dossier.enrich.Dedup;
import dossier.index.Archive;
import dossier.index.Ingest;
import dossier.index.Progress;
import dossier.search.BreakdownCache;
import dossier.search.ItemJson;
import dossier.search.SearchRequest;
import dossier.search.SearchResult;
import dossier.search.Searcher;
import dossier.testutil.Corpora;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server over archives built by the real ingest: our fixture dump, and Jeff Skilling's Enron mailbox (about
 * 4,000 emails) from ../shared/corpora. Every item page answers, originals are byte-exact, the export is complete and
 * the web agrees with the library.
 */
class CorpusWebTest {
    @TempDir static Path dir;
    static WebServer web;
    static Http http;
    static Searcher searcher;
    static Archive archive;

    @BeforeAll
    static void start() throws Exception {
        Path enron = Corpora.get("enron-maildir/skilling-j");
        Path fixtures = WebFixtures.write(dir.resolve("dump"), 9);
        archive = Archive.create(dir.resolve("archive"), "Skilling");
        new Ingest(Ingest.Options.defaults()).run(archive, List.of(enron, fixtures), (f, b) -> Progress.silent());
        web = WebServer.start(archive, "127.0.0.1", 0);
        http = new Http(web.port());
        searcher = Searcher.open(archive);
    }

    @AfterAll
    static void stop() throws Exception {
        if (web != null) web.stop();
        if (searcher != null) searcher.close();
    }

    @Test
    void homePageCountsWhatTheArchiveHolds() throws Exception {
        String b = http.get("/").body();
        long emails = archive.info().counts().get("emails");
        assertTrue(emails > 2000, "emails: " + emails);
        assertTrue(b.contains("<strong>" + String.format("%,d", emails) + "</strong> emails"), b);
        String top = searcher.search(new dossier.search.SearchRequest("*", dossier.search.SearchRequest.Order.RELEVANCE, 0, 0, true, false))
                .facets().get("sender").get(0).value();
        assertTrue(b.contains(top), "top sender " + top);
    }

    @Test
    void everyItemPageAndOriginalAnswersForTheFirstThousandItems() throws Exception {
        long n = Math.min(1000, searcher.count("*"));
        for (long id = 1; id <= n; id++) {
            HttpResponse<String> page = http.get("/items/" + id);
            assertEquals(200, page.statusCode(), "item " + id);
            if (id % 10 == 0) {
                HttpResponse<byte[]> original = http.bytes("/items/" + id + "/original");
                assertEquals(searcher.item(id).orElseThrow().sha256(), Dedup.sha256(original.body()), "original " + id);
            }
            if (id % 50 == 0) assertEquals(200, http.get("/items/" + id + "?view=text").statusCode());
        }
        assertEquals(0, web.unexpectedFailures());
    }

    @Test
    void searchPagesAgreeWithTheLibraryAndPageToTheVeryEnd() throws Exception {
        for (String q : List.of("*", "enron", "from:skilling", "budget", "date:2001-05", "kind:attachment")) {
            SearchResult r = searcher.search(new SearchRequest(q, SearchRequest.Order.NEWEST, 0, 20, false, true));
            String page = http.get(Urls.search(q, SearchRequest.Order.NEWEST, 1)).body();
            assertTrue(page.contains(">" + String.format("%,d", r.total()) + " result"), q + " total " + r.total());
            int last = Pager.pages(r.total(), SearchPage.PAGE_SIZE);
            if (last > 0) {
                HttpResponse<String> end = http.get(Urls.search(q, SearchRequest.Order.NEWEST, last));
                assertEquals(200, end.statusCode(), q);
                assertTrue(end.body().contains("–" + String.format("%,d", r.total()).replace(",", "") + ".")
                        || end.body().contains("–" + r.total() + "."), q + " last page ends at the total");
                assertEquals(404, http.get(Urls.search(q, SearchRequest.Order.NEWEST, last + 1)).statusCode());
            }
        }
    }

    @Test
    void exportStreamsEveryItemOfTheArchive() throws Exception {
        long total = searcher.count("*");
        HttpResponse<String> r = http.get("/api/v1/export?q=*&format=jsonl");
        List<String> lines = r.body().lines().toList();
        assertEquals(total, lines.size());
        long previous = 0;
        for (String line : lines) {
            JsonNode item = ItemJson.MAPPER.readTree(line);
            assertTrue(item.get("id").asLong() > previous, "in id order");
            previous = item.get("id").asLong();
        }
        assertEquals(total + 1, http.get("/api/v1/export?q=*&format=csv").body().split("\r\n").length);
    }

    @Test
    void facetCountsOnTheFullArchiveHoldWhenFollowed() {
        String b = http.get("/search?q=*").body();
        List<String> hrefs = Http.all(b, "<li><a href=\"(/search\\?[^\"]+)\">[^<]*</a> <span class=\"count\">[0-9,]+</span>");
        List<String> counts = Http.all(b, "<li><a href=\"/search\\?[^\"]+\">[^<]*</a> <span class=\"count\">([0-9,]+)</span>");
        assertTrue(hrefs.size() > 20, hrefs.toString());
        for (int i = 0; i < hrefs.size(); i++) {
            String page = http.get(Http.unescape(hrefs.get(i))).body();
            assertTrue(page.contains(">" + counts.get(i) + " result"), Http.unescape(hrefs.get(i)) + " keeps " + counts.get(i));
        }
    }

    @Test
    void keptBreakdownsEqualFreshCountsForEveryOrderAndPage() {
        try (Searcher kept = Searcher.open(archive, new BreakdownCache(16, 0)); Searcher fresh = Searcher.open(archive, BreakdownCache.none())) {
            for (String q : List.of("*", "enron", "budget", "kind:email", "date:2001", "from:skilling")) {
                for (SearchRequest.Order order : SearchRequest.Order.values()) {
                    for (int offset : new int[] {0, 40}) {
                        var req = new SearchRequest(q, order, offset, 20, true, true);
                        SearchResult a = kept.search(req), b = fresh.search(req);
                        assertEquals(b.total(), a.total(), q);
                        assertEquals(b.facets(), a.facets(), q);
                        assertEquals(b.months(), a.months(), q);
                        assertEquals(b.hits(), a.hits(), q + " " + order + " " + offset);
                        assertEquals(b.total(), kept.count(q), q);
                    }
                }
            }
            assertEquals(6, kept.breakdowns().size(), "one breakdown per query, whatever the order and page");
            assertEquals(6 * 3 * 2 * 2 - 6, kept.breakdowns().hits(), "every search and count but each query's first");
            assertEquals(0, fresh.breakdowns().size());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void everythingByRelevanceIsEveryItemInIdOrderWithEqualScores() throws Exception {
        long total = searcher.count("*");
        for (int offset : new int[] {0, 20, (int) total - 5}) {
            SearchResult r = searcher.search(new SearchRequest("*", SearchRequest.Order.RELEVANCE, offset, 20, true, false));
            assertEquals(total, r.total());
            assertTrue(!r.hits().isEmpty(), "page at " + offset);
            for (int i = 0; i < r.hits().size(); i++) {
                assertEquals(offset + i + 1, r.hits().get(i).id(), "ids have no gaps in this archive: hit " + i + " at " + offset);
                assertEquals(1f, r.hits().get(i).score(), "every item scores the same for *");
            }
        }
    }
}
