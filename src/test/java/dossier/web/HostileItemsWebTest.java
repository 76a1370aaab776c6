package dossier.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dossier.index.Archive;
import dossier.index.Ingest;
import dossier.index.Progress;
import dossier.model.Address;
import dossier.model.Item;
import dossier.model.Limits;
import dossier.search.ItemJson;
import dossier.search.Searcher;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Items a hostile or merely odd dump makes, through the real ingest, show and server: an HTML body and a plain body
 * each past 20 million chars (Jackson's default cap on a string it reads; the HTML far past what a page cleans), a zip entry with a 60,000-char name, and a
 * NUL in an address and a subject.
 */
class HostileItemsWebTest {
    @TempDir static Path tmp;
    static Served served;
    static Archive archive;
    static Http http;
    static Searcher searcher;
    static String html;
    static String line;
    static byte[] htmlEml;

    static final String LONG_NAME = "n".repeat(60_000) + ".txt";

    @BeforeAll
    static void start() throws Exception {
        Path dump = Files.createDirectories(tmp.resolve("dump"));
        // An image inline as a data: URI, as mail clients write them: 15.5 MB of bytes is 20.7 million chars.
        byte[] image = new byte[15_500_000];
        new Random(7).nextBytes(image);
        html = "<html><body><p>Big picture</p><img src=\"data:image/png;base64,"
                + Base64.getEncoder().encodeToString(image) + "\"></body></html>";
        htmlEml = mail("big-html", "Big picture", "text/html", html);
        Files.write(dump.resolve("a-html.eml"), htmlEml);
        line = "sunflower ".repeat(2_000_001).strip();
        Files.write(dump.resolve("b-plain.eml"), mail("big-plain", "Long line", "text/plain", line));
        Files.writeString(dump.resolve("c-nul.eml"), "From: a\0b@example.com\nTo: c@example.com\nSubject: nul\0here\n"
                + "Message-ID: <nul@example.com>\n\nHello from a NUL.\n", StandardCharsets.ISO_8859_1);
        Files.write(dump.resolve("d-after.eml"), mail("after", "After the big ones", "text/plain", "Still here."));
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(dump.resolve("e-docs.zip")))) {
            zip.putNextEntry(new ZipEntry(LONG_NAME));
            zip.write("A file with a very long name.\n".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        archive = Archive.create(tmp.resolve("archive"), "hostile");
        new Ingest(new Ingest.Options(1, Limits.DEFAULT, 20_000, Ingest.Isolation.NONE))
                .run(archive, List.of(dump), (f, b) -> Progress.silent());
        served = Served.start(archive);
        http = served.http();
        searcher = served.searcher();
    }

    @AfterAll
    static void stop() throws Exception {
        if (served != null) served.close();
    }

    private static byte[] mail(String id, String subject, String type, String body) {
        return ("From: a@example.com\nTo: b@example.com\nSubject: " + subject + "\nMessage-ID: <" + id + "@example.com>\n"
                + "Content-Type: " + type + "\n\n" + body + "\n").getBytes(StandardCharsets.US_ASCII);
    }

    static long idOf(String query) throws Exception {
        return served.idOf(query);
    }

    @Test
    void showPrintsEmailsWhoseBodiesPassTwentyMillionCharsAndReadsThemBackWhole() throws Exception {
        long big = idOf("subject:\"big picture\"");
        long plain = idOf("subject:\"long line\"");
        String dir = archive.dir().toString();
        assertTrue(Cli.run("show", "--archive", dir, Long.toString(big)).contains("Big picture"));
        JsonNode json = ItemJson.MAPPER.readTree(Cli.run("show", "--archive", dir, "--format", "json", Long.toString(big)));
        assertWhole(html, json.path("html").asText());
        assertArrayEquals(htmlEml, raw(dir, big), "the original, byte for byte");
        assertTrue(Cli.run("show", "--archive", dir, Long.toString(plain)).contains("sunflower"));
        Item it = searcher.item(plain).orElseThrow();
        assertWhole(line, it.email().plainBody());
    }

    /** The body read back is the one written, but for the line break that ends it (not printed: 20 MB each). */
    private static void assertWhole(String written, String read) {
        assertTrue(written.equals(read.strip()), "read back " + read.length() + " chars of " + written.length());
    }

    private static byte[] raw(String dir, long id) {
        PrintStream saved = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PrintStream capture = new PrintStream(out, true)) {
            System.setOut(capture);
            assertEquals(0, dossier.cli.Main.run("show", "--archive", dir, "--format", "raw", Long.toString(id)));
        } finally {
            System.setOut(saved);
        }
        return out.toByteArray();
    }

    @Test
    void pagesApiAndOriginalsServeEmailsWhoseBodiesPassTwentyMillionChars() throws Exception {
        for (long id : List.of(idOf("subject:\"big picture\""), idOf("subject:\"long line\""))) {
            for (String path : List.of("/items/" + id, "/items/" + id + "?view=text", "/api/v1/items/" + id)) {
                assertEquals(200, http.get(path).statusCode(), path);
            }
            assertEquals(200, http.bytes("/items/" + id + "/original").statusCode());
            long thread = searcher.item(id).orElseThrow().thread();
            if (thread > 0) assertEquals(200, http.get("/threads/" + thread).statusCode(), "thread " + thread);
        }
        long big = idOf("subject:\"big picture\"");
        assertWhole(html, ItemJson.MAPPER.readTree(http.get("/api/v1/items/" + big).body()).path("html").asText());
        assertArrayEquals(htmlEml, http.bytes("/items/" + big + "/original").body());
        assertEquals(0, served.web().unexpectedFailures());
    }

    @Test
    void anHtmlBodyTooLargeToCleanOnEveryViewIsShownAsPlainTextWithTheOriginalToDownload() throws Exception {
        long big = idOf("subject:\"big picture\"");
        for (String path : List.of("/items/" + big, "/items/" + big + "?view=html")) {
            String page = http.get(path).body();
            assertTrue(page.contains("too large to show here"), path);
            assertTrue(page.contains("<a href=\"/items/" + big + "/original\">original</a>"), path);
            assertFalse(page.contains("class=\"email-html\""), path + " cleaned the HTML");
            assertTrue(page.contains("Big picture"), path + " lacks the text");
            assertTrue(page.length() < 2 * ItemPage.MAX_TEXT + 50_000, path + " is " + page.length() + " chars");
        }
        assertEquals(0, served.web().unexpectedFailures());
    }

    @Test
    void exportsCarryEveryItemPastOnesWhoseBodiesPassTwentyMillionChars() throws Exception {
        long total = searcher.count("*");
        HttpResponse<String> jsonl = http.get("/api/v1/export?q=*&format=jsonl");
        assertEquals(200, jsonl.statusCode());
        List<String> lines = jsonl.body().lines().toList();
        assertEquals(total, lines.size(), "one line per item, none cut off");
        for (String l : lines) ItemJson.MAPPER.readTree(l);
        assertTrue(jsonl.body().contains("After the big ones"));
        HttpResponse<String> csv = http.get("/api/v1/export?q=*&format=csv");
        assertEquals(200, csv.statusCode());
        assertEquals(total + 1, csv.body().split("\r\n").length, "a header and a row per item");
        assertEquals(0, served.web().unexpectedFailures());
    }

    @Test
    void aZipEntryWithAVeryLongNameDownloadsUnderANameCutToTwoHundredCharsWithItsExtension() throws Exception {
        long id = idOf("\"very long name\"");
        HttpResponse<byte[]> r = http.bytes("/items/" + id + "/original");
        assertEquals(200, r.statusCode());
        assertArrayEquals("A file with a very long name.\n".getBytes(StandardCharsets.UTF_8), r.body());
        String disposition = r.headers().firstValue("Content-Disposition").orElseThrow();
        String shortName = "n".repeat(Originals.MAX_NAME - 4) + ".txt";
        assertEquals("attachment; filename=\"" + shortName + "\"; filename*=UTF-8''" + shortName, disposition);
        assertEquals(0, served.web().unexpectedFailures());
    }

    @Test
    void aNulInAnAddressMakesItANameAndNoPageCarriesARawNul() throws Exception {
        long id = idOf("\"hello from a nul\"");
        Item it = searcher.item(id).orElseThrow();
        Address from = it.email().from().get(0);
        assertEquals("", from.address(), "not an address");
        assertEquals("a\uFFFDb@example.com", from.name());
        for (String path : List.of("/search?q=*", "/search?q=hello", "/items/" + id, "/people", "/threads/" + it.thread())) {
            HttpResponse<String> r = http.get(path);
            assertFalse(r.body().contains("\0"), "raw NUL in " + path);
            assertFalse(r.body().contains("%00"), "NUL in a link of " + path);
            for (String href : Http.all(r.body(), "href=\"(/people/[^\"?]+)\"")) {
                assertEquals(200, http.get(Http.unescape(href)).statusCode(), href + " on " + path);
            }
        }
        assertEquals(0, served.web().unexpectedFailures());
    }
}
