package dossier.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dossier.model.Limits;
import dossier.model.Problem;
import dossier.parse.Ocr;
import dossier.search.Hit;
import dossier.search.SearchRequest;
import dossier.search.Searcher;
import dossier.search.Snippets;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mail text as a reader meets it after a real ingest: what search finds, what a hit shows, what is listed wrong. */
class MailTextIngestTest {
    @TempDir
    Path tmp;

    private static final String ALTERNATIVE = """
            From: shop@example.com
            To: reader@example.org
            Subject: Your weekly offers
            Message-ID: <offers-1@example.com>
            MIME-Version: 1.0
            Content-Type: multipart/alternative; boundary="alt"

            --alt
            Content-Type: text/plain; charset=us-ascii

            This week's offers are best seen in HTML.
            --alt
            Content-Type: text/html; charset=us-ascii

            <html><body><p>This week: <b>marmalade</b> and quinces, half price.</p></body></html>
            --alt--
            """;

    private static final String DAMAGED = """
            From: a@example.com
            Subject: =?utf-7?Q?Caf+AOk-_menu?=
            Message-ID: <menu-1@example.com>
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary="b"

            --b
            Content-Type: text/plain; charset=utf-7

            The +AOk-clairs are attached.
            --b
            Content-Type: application/octet-stream; name="menu.bin"
            Content-Transfer-Encoding: base64

            SGVsbG8g!!d29ybGQ=
            --b--
            """;

    @Test
    void wordsOnlyInTheHtmlPartAreFoundAndTheHitShowsThePlainPart() throws Exception {
        Path dump = tmp.resolve("dump");
        Files.createDirectories(dump);
        Files.writeString(dump.resolve("1.eml"), ALTERNATIVE, StandardCharsets.US_ASCII);
        Files.writeString(dump.resolve("2.eml"), DAMAGED, StandardCharsets.US_ASCII);
        Archive archive = Archive.create(tmp.resolve("archive"), "test");
        new Ingest(new Ingest.Options(1, Limits.DEFAULT, 20_000, Ocr.OFF)).run(archive, List.of(dump),
                (f, b) -> Progress.silent());

        try (Searcher searcher = Searcher.open(Archive.open(archive.dir()))) {
            List<Hit> hits = searcher.search(new SearchRequest("marmalade", SearchRequest.Order.RELEVANCE, 0, 10, false,
                    true)).hits();
            assertEquals(1, hits.size(), "a word of the HTML part alone");
            assertEquals("Your weekly offers", hits.get(0).title());
            assertEquals("This week's offers are best seen in HTML.", Snippets.plain(hits.get(0).snippet()).strip());
            assertEquals(1, searcher.count("quince"), "stemmed like the text");
            assertEquals(1, searcher.count("marmal*"), "and in the exact words, for wildcards");
            assertEquals(1, searcher.count("offers HTML"), "the plain part as before");
            long id = hits.get(0).id();
            assertEquals("This week's offers are best seen in HTML.", searcher.item(id).orElseThrow().text().strip());

            assertEquals(1, searcher.count("subject:café"), "a UTF-7 subject");
            assertEquals(1, searcher.count("éclairs"), "a UTF-7 body");
        }
        List<Problem> problems = Problems.read(archive.problems());
        assertEquals(List.of(new Problem("dump/2.eml", Problem.PARSE, "bad base64 in part 2 "
                + "(application/octet-stream, menu.bin): Unexpected base64 byte: 33, ignoring (2 times)")), problems);
    }
}
