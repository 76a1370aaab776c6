package dossier.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dossier.enrich.Dedup;
import dossier.index.Archive;
import dossier.search.ItemJson;
import dossier.search.SearchRequest;
import dossier.search.SearchResult;
import dossier.search.Searcher;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real server on port 0 over a fixture archive: every page type, the API, headers, statuses and originals. */
class WebServerTest {
    @TempDir static Path dir;
    static Archive archive;
    static WebServer web;
    static Http http;
    static Searcher searcher;

    @BeforeAll
    static void start() throws Exception {
        archive = WebFixtures.build(dir.resolve("archive"), 9);
        web = WebServer.start(archive, "127.0.0.1", 0);
        http = new Http(web.port());
        searcher = Searcher.open(archive);
    }

    @AfterAll
    static void stop() throws Exception {
        if (web != null) web.stop();
        if (searcher != null) searcher.close();
    }

    static long idOf(String query) throws Exception {
        SearchResult r = searcher.search(new SearchRequest(query, SearchRequest.Order.RELEVANCE, 0, 1, false, false));
        assertEquals(1, r.total(), "expected exactly one item for " + query);
        return r.hits().get(0).id();
    }

    static JsonNode json(String body) throws Exception {
        return ItemJson.MAPPER.readTree(body);
    }

    @Test
    void homePageShowsCountsPeriodTopSendersAndASearchBox() {
        HttpResponse<String> r = http.get("/");
        assertEquals(200, r.statusCode());
        String b = r.body();
        assertTrue(b.contains("<title>Fixture archive</title>"), b);
        assertTrue(b.contains("emails"));
        assertTrue(b.contains("From 2000-01 to 2001-05"), b);
        assertTrue(b.contains("dan@example.net"), "top sender listed");
        assertTrue(b.contains("<label for=\"q\">"), "labelled search box");
        assertTrue(b.contains("<header") && b.contains("<nav") && b.contains("<main") && b.contains("<footer"), "landmarks");
    }

    @Test
    void everyResponseCarriesTheSecurityHeadersAndNoCookie() throws Exception {
        long email = idOf("subject:\"Budget meeting\" -subject:re");
        for (String path : List.of("/", "/search?q=budget", "/items/" + email, "/items/" + email + "/original",
                "/help/search", "/static/dossier.css", "/api/v1/search?q=budget", "/api/v1/items/" + email,
                "/api/v1/export?q=budget", "/api/v1/openapi.json", "/nowhere", "/search?q=%22", "/api/v1/nowhere",
                "/static/../../etc/passwd", "/items/%2F..%2Fx")) {
            HttpResponse<String> r = http.get(path);
            var h = r.headers();
            assertEquals(WebServer.CSP, h.firstValue("Content-Security-Policy").orElse(null), path);
            assertEquals("no-referrer", h.firstValue("Referrer-Policy").orElse(null), path);
            assertEquals("nosniff", h.firstValue("X-Content-Type-Options").orElse(null), path);
            assertTrue(h.firstValue("Set-Cookie").isEmpty(), path + " sets no cookie");
            assertFalse(r.body().contains("http://") && r.body().contains("<script src=\"http"), path);
        }
    }

    @Test
    void searchPageShowsTotalSnippetsFacetsHistogramAndSort() {
        HttpResponse<String> r = http.get("/search?q=pipeline");
        assertEquals(200, r.statusCode());
        String b = r.body();
        assertTrue(b.contains(">46 results<"), "45 weekly reports and the document");
        assertTrue(b.contains("<mark>pipeline</mark>"), "highlighted snippet");
        assertTrue(http.get("/search?q=pipel*").body().contains("<mark>pipeline</mark>"), "a wildcard's words too");
        for (String facet : List.of("Kind", "Year", "Sender", "Domain", "Type")) assertTrue(b.contains("<h3>" + facet + "</h3>"), facet);
        assertTrue(b.contains("<svg") && b.contains("<rect"), "histogram drawn on the server");
        assertFalse(b.contains("style="), "no inline styles: the CSP forbids them");
        assertTrue(b.contains("<option value=\"newest\">") && b.contains("<option value=\"relevance\" selected>"), b);
    }

    @Test
    void facetLinksAddAFilterToTheQueryAndKeepExactlyTheCountShown() {
        String b = http.get("/search?q=*").body();
        List<String> hrefs = Http.all(b, "<li><a href=\"(/search\\?[^\"]+)\">[^<]*</a> <span class=\"count\">[0-9,]+</span>");
        List<String> counts = Http.all(b, "<li><a href=\"/search\\?[^\"]+\">[^<]*</a> <span class=\"count\">([0-9,]+)</span>");
        assertTrue(hrefs.size() >= 8, "facet links: " + hrefs);
        for (int i = 0; i < hrefs.size(); i++) {
            String page = http.get(Http.unescape(hrefs.get(i))).body();
            assertTrue(page.contains(">" + counts.get(i) + " result"), "facet " + Http.unescape(hrefs.get(i)) + " keeps " + counts.get(i));
        }
    }

    @Test
    void histogramBarsLinkToTheirMonth() {
        String b = http.get("/search?q=weekly").body();
        List<String> bars = Http.all(b, "<a href=\"(/search[^\"]+)\"><rect");
        assertEquals(9, bars.size(), "January to September 2000");
        String january = http.get(Http.unescape(bars.get(0))).body();
        assertTrue(january.contains(">5 results<"), january);
    }

    @Test
    void pagingReachesTheVeryLastResultAndAPagePastTheEndIsA404() {
        String first = http.get("/search?q=weekly&sort=oldest").body();
        assertTrue(first.contains("Showing 1–20."), first);
        List<String> last = Http.all(first, "<a href=\"([^\"]+)\" rel=\"last\">");
        assertEquals(1, last.size());
        String page3 = http.get(Http.unescape(last.get(0))).body();
        assertTrue(page3.contains("Showing 41–45."), page3);
        assertTrue(page3.contains("Weekly report 45"), "oldest first: the last page ends with the newest");
        HttpResponse<String> past = http.get("/search?q=weekly&page=4");
        assertEquals(404, past.statusCode());
        assertTrue(past.body().contains("end on page 3"), past.body());
    }

    @Test
    void theWebSearchTheApiAndTheCommandLineGiveTheSameTotalsAndOrder() throws Exception {
        for (String q : List.of("*", "pipeline", "weekly", "budget", "from:alice", "kind:attachment", "date:2000-03")) {
            for (String sort : List.of("relevance", "newest", "oldest")) {
                SearchResult direct = searcher.search(new SearchRequest(q, SearchRequest.Order.parse(sort), 0, 20, false, true));
                String api = http.get("/api/v1/search?q=" + Urls.encode(q) + "&sort=" + sort).body();
                assertEquals(json(ItemJson.result(direct).toString()), json(api), q + " " + sort + ": API JSON is the library's JSON");
                String cli = Cli.run("search", "--archive", archive.dir().toString(), "--format", "json", "--sort", sort, q);
                assertEquals(json(cli), json(api), q + " " + sort + ": API JSON equals dossier search --format json");
                String page = http.get(Urls.search(q, SearchRequest.Order.parse(sort), 1)).body();
                List<Long> webIds = Http.all(page, "<h2><a href=\"/items/([0-9]+)\">").stream().map(Long::parseLong).toList();
                List<Long> ids = new ArrayList<>();
                direct.hits().forEach(h -> ids.add(h.id()));
                assertEquals(ids, webIds, q + " " + sort + ": the web page lists the same items in the same order");
                assertTrue(page.contains(">" + String.format("%,d", direct.total()) + " result"), q);
            }
        }
    }

    @Test
    void emailPageShowsHeadersFoldedQuotesTheReplyAndEveryLocation() throws Exception {
        long m1 = idOf("subject:\"Budget meeting\" -subject:re");
        long m2 = idOf("subject:\"Re: Budget meeting\"");
        String b = http.get("/items/" + m1).body();
        assertTrue(b.contains("<th scope=\"row\">From</th><td>Alice Archer &lt;alice@example.org&gt;</td>"), b);
        assertTrue(b.contains("2001-05-14 16:39 UTC (sent as -0700)"), b);
        assertTrue(b.contains("<details class=\"quoted\"><summary>Quoted text</summary><pre>On Fri, 11 May 2001, Bob Baker wrote:"), b);
        assertTrue(b.contains("Bob, the budget meeting moves to Thursday."));
        assertTrue(b.contains("Replies (1)") && b.contains("href=\"/items/" + m2 + "\""), "links the reply");
        assertTrue(b.contains("<code>fixtures/mail/01-plain.eml</code>"), "location");
        assertTrue(b.contains("href=\"/items/" + m1 + "/original\""), "raw original");
        String reply = http.get("/items/" + m2).body();
        assertTrue(reply.contains("In reply to") && reply.contains("href=\"/items/" + m1 + "\""), "links the message it answers");
    }

    @Test
    void htmlEmailShowsItsCidImageFromTheArchiveAndLinksEachAttachment() throws Exception {
        long email = idOf("subject:\"" + WebFixtures.ATTACHMENT_SUBJECT + "\"");
        long png = idOf("type:png");
        long notes = idOf("okavango kind:attachment");
        String b = http.get("/items/" + email).body();
        assertTrue(b.contains("<img src=\"/items/" + png + "/original?inline=1\" alt=\"logo\">"), b);
        assertTrue(b.contains("<b>quarterly figures</b>"), "formatting kept");
        assertTrue(b.contains("href=\"/items/" + notes + "\">figures notes.txt</a>"), b);
        assertTrue(b.contains("href=\"/items/" + notes + "/original\" download"), "download link");
        HttpResponse<byte[]> img = http.bytes("/items/" + png + "/original?inline=1");
        assertEquals(200, img.statusCode());
        assertEquals("image/png", img.headers().firstValue("Content-Type").orElse(""));
        assertEquals("nosniff", img.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertTrue(img.headers().firstValue("Content-Disposition").orElse("").startsWith("inline;"));
        assertEquals(Dedup.sha256(WebFixtures.PNG), Dedup.sha256(img.body()));
        String text = http.get("/items/" + email + "?view=text").body();
        assertTrue(text.contains("<strong aria-current=\"true\">plain text</strong>"), text);
    }

    @Test
    void inlineDisplayIsRefusedForAnythingButRasterImages() throws Exception {
        long notes = idOf("okavango kind:attachment");
        HttpResponse<String> r = http.get("/items/" + notes + "/original?inline=1");
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("download the original instead"));
    }

    @Test
    void attachmentAndDocumentPagesShowMetadataTextAndADownload() throws Exception {
        long notes = idOf("okavango kind:attachment");
        String a = http.get("/items/" + notes).body();
        assertTrue(a.contains("Attached to <a href=\"/items/"), "link to the email");
        assertTrue(a.contains("Revenue of the Okavango unit grew eleven percent."));
        assertTrue(a.contains("<th scope=\"row\">SHA-256</th>"));
        long doc = idOf("zanzibar kind:document");
        String d = http.get("/items/" + doc).body();
        assertTrue(d.contains("Report on the Zanzibar pipeline."), d);
        assertTrue(d.contains("<code>fixtures/docs/zanzibar-report.txt</code>"));
        assertTrue(d.contains("href=\"/items/" + doc + "/original\""));
    }

    @Test
    void everyOriginalDownloadsByteForByteAsAnAttachment() throws Exception {
        HttpResponse<String> all = http.get("/api/v1/export?q=*&format=jsonl");
        List<String> lines = all.body().lines().toList();
        assertTrue(lines.size() > 50);
        for (String line : lines) {
            JsonNode item = json(line);
            HttpResponse<byte[]> r = http.bytes("/items/" + item.get("id").asLong() + "/original");
            assertEquals(200, r.statusCode());
            assertEquals(item.get("sha256").asText(), Dedup.sha256(r.body()), "item " + item.get("id"));
            assertEquals("application/octet-stream", r.headers().firstValue("Content-Type").orElse(""));
            String cd = r.headers().firstValue("Content-Disposition").orElse("");
            assertTrue(cd.startsWith("attachment; filename=\""), cd);
        }
    }

    @Test
    void downloadNamesAreSafeAndKeepTheOriginalNameEncoded() {
        assertEquals("attachment; filename=\"figures notes.txt\"; filename*=UTF-8''figures%20notes.txt",
                Originals.disposition("attachment", "figures notes.txt"));
        assertEquals("attachment; filename=\"__etc_passwd_ _x_.txt\"; filename*=UTF-8''__etc_passwd_%20%22x%22.txt",
                Originals.disposition("attachment", "\r/etc/passwd\n \"x\".txt"));
        assertEquals("attachment; filename=\"r_sum_.pdf\"; filename*=UTF-8''r%C3%A9sum%C3%A9.pdf",
                Originals.disposition("attachment", "résumé.pdf"));
    }

    @Test
    void apiItemIsTheSameJsonAsShow() throws Exception {
        long email = idOf("subject:\"" + WebFixtures.ATTACHMENT_SUBJECT + "\"");
        HttpResponse<String> r = http.get("/api/v1/items/" + email);
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertEquals(json(ItemJson.item(searcher.item(email).orElseThrow()).toString()), json(r.body()));
        assertEquals(json(Cli.run("show", "--archive", archive.dir().toString(), "--format", "json", Long.toString(email))), json(r.body()));
    }

    @Test
    void apiSearchAddsFacetsAndMonthsWhenAsked() throws Exception {
        JsonNode r = json(http.get("/api/v1/search?q=weekly&facets=true&limit=5").body());
        assertEquals(45, r.get("total").asLong());
        assertEquals(5, r.get("hits").size());
        assertEquals(45, r.path("facets").path("kind").get(0).get("count").asLong());
        assertEquals(5, r.path("months").path("2000-01").asLong());
    }

    @Test
    void exportStreamsEveryMatchingItemAsJsonlOrCsv() throws Exception {
        long total = searcher.count("*");
        HttpResponse<String> jsonl = http.get("/api/v1/export?q=*&format=jsonl");
        assertEquals(200, jsonl.statusCode());
        assertEquals(Long.toString(total), jsonl.headers().firstValue("X-Total-Count").orElse(""));
        List<String> lines = jsonl.body().lines().toList();
        assertEquals(total, lines.size());
        long first = json(lines.get(0)).get("id").asLong();
        assertEquals(json(ItemJson.item(searcher.item(first).orElseThrow()).toString()), json(lines.get(0)), "a line is the API's item");
        HttpResponse<String> csv = http.get("/api/v1/export?q=weekly&format=csv");
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        List<String> rows = csv.body().lines().toList();
        assertEquals(String.join(",", Export.CSV_COLUMNS), rows.get(0));
        assertEquals(46, rows.size(), "header and 45 rows");
    }

    @Test
    void helpPageListsEveryOperatorOfTheQueryLanguageWithWorkingExamples() {
        String b = http.get("/help/search").body();
        for (var h : dossier.search.Operators.HELP) assertTrue(Http.unescape(b).contains(h.syntax()), h.syntax());
        for (String href : Http.all(b, "<td><a href=\"([^\"]+)\"><code>")) {
            int status = http.get(Http.unescape(href)).statusCode();
            assertEquals(200, status, "example " + Http.unescape(href));
        }
    }

    @Test
    void openApiDescribesTheEndpoints() throws Exception {
        HttpResponse<String> r = http.get("/api/v1/openapi.json");
        assertEquals(200, r.statusCode());
        JsonNode o = json(r.body());
        for (String p : List.of("/api/v1/search", "/api/v1/items/{id}", "/api/v1/export")) assertNotNull(o.path("paths").get(p), p);
    }

    @Test
    void garbageInAnyParameterGetsAClearErrorAndNeverA500() {
        String tenKb = "budget ".repeat(1500);
        record Case(String path, int status, String says) {}
        List<Case> cases = List.of(
                new Case("/search?q=budget&sort=sideways", 400, "Unknown sort"),
                new Case("/search?q=budget&page=abc", 400, "whole number"),
                new Case("/search?q=budget&page=0", 400, "whole number"),
                new Case("/search?q=budget&page=-3", 400, "whole number"),
                new Case("/search?q=budget&page=99999999999999999999", 400, "whole number"),
                new Case("/search?q=budget&page=99999999", 404, "past the end"),
                new Case("/search?q=" + Urls.encode(tenKb), 400, "too long"),
                new Case("/search?q=" + Urls.encode("date:2001-13-45"), 400, "query"),
                new Case("/search?q=" + Urls.encode("after:yesterday"), 400, "query"),
                new Case("/search?q=" + Urls.encode("\"unbalanced"), 400, "query"),
                new Case("/search?q=" + Urls.encode("((("), 400, "query"),
                new Case("/search?q=" + Urls.encode("larger:huge"), 400, "query"),
                new Case("/search?q=" + Urls.encode("id:abc"), 400, "query"),
                new Case("/search?q=" + Urls.encode("%00\u0000\u0002"), 200, ""),
                new Case("/items/abc", 404, "no item"),
                new Case("/items/0", 404, "no item"),
                new Case("/items/-1", 404, "no item"),
                new Case("/items/99999999999999999999999", 404, "no item"),
                new Case("/items/999999", 404, "no item 999999"),
                new Case("/items/1?view=pdf", 400, "Unknown view"),
                new Case("/items/abc/original", 404, "no item"),
                new Case("/items/999999/original", 404, "no item"),
                new Case("/items/1/original?inline=maybe", 400, "true or false"),
                new Case("/nowhere", 404, "no page"),
                new Case("/static/../../etc/passwd", 400, ""), // refused by Jetty before routing
                new Case("/static/secret.txt", 404, "no file"),
                new Case("/api/v1/search", 400, "\"error\""),
                new Case("/api/v1/search?q=x&limit=5000", 400, "\"error\""),
                new Case("/api/v1/search?q=x&offset=-1", 400, "\"error\""),
                new Case("/api/v1/search?q=x&facets=perhaps", 400, "\"error\""),
                new Case("/api/v1/search?q=" + Urls.encode("date:2001-99"), 400, "\"error\""),
                new Case("/api/v1/items/abc", 404, "\"error\""),
                new Case("/api/v1/items/999999", 404, "\"error\""),
                new Case("/api/v1/nowhere", 404, "\"error\""),
                new Case("/api/v1/export?q=*&format=xml", 400, "\"error\""),
                new Case("/api/v1/export?q=" + Urls.encode("(("), 400, "\"error\""));
        for (Case c : cases) {
            HttpResponse<String> r = http.get(c.path());
            String where = c.path().length() > 100 ? c.path().substring(0, 100) : c.path();
            assertEquals(c.status(), r.statusCode(), where + ": " + r.body());
            assertTrue(r.body().toLowerCase().contains(c.says().toLowerCase()), where + " says " + c.says() + ": " + r.body());
            assertFalse(r.body().contains("Exception") || r.body().contains("\tat "), where + " shows no stack trace");
            if (c.path().startsWith("/api/")) assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), where);
        }
        int post = http.post("/search?q=x").statusCode();
        assertTrue(post == 404 || post == 405, "POST is not answered: " + post);
        assertEquals(0, web.unexpectedFailures(), "no garbage reached the 500 handler");
    }

    @Test
    void startingOnAPortInUseFailsWithAClearMessage() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                    () -> WebServer.start(archive, "127.0.0.1", taken.getLocalPort()));
            assertTrue(e.getMessage().contains("cannot listen on 127.0.0.1:" + taken.getLocalPort()), e.getMessage());
        }
    }
}
