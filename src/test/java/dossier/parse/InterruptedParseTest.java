package dossier.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dossier.model.Limits;
import dossier.model.ParseResult;
import dossier.model.RawInput;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A parse in this JVM whose thread is interrupted (what the ingest's watchdog does to a parse it abandons) stops at
 * the next check instead of reading its input to the end: mime4j's reads, the loop over parts, jsoup's reads and
 * node walk.
 */
class InterruptedParseTest {
    @AfterEach
    void clearTheInterrupt() {
        Thread.interrupted();
    }

    static byte[] manyParts(int n) {
        StringBuilder sb = new StringBuilder("From: a@b.org\nSubject: parts\nContent-Type: multipart/mixed; boundary=b\n\n");
        for (int i = 0; i < n; i++) sb.append("--b\nContent-Type: text/html; name=a").append(i).append(".html\n\n<p>x</p>\n");
        return sb.append("--b--\n").toString().getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void anInterruptedMailParseStopsAndKeepsTheEmailBare() {
        Parser parser = new Parser(Limits.DEFAULT);
        Thread.currentThread().interrupt();
        ParseResult r = parser.parse(new RawInput("x.eml", "x.eml", RawInput.Hint.EMAIL, manyParts(2_000)));
        assertEquals(List.of(), r.item().children(), "no part was read");
        assertEquals(1, r.problems().size(), r.problems().toString());
        assertTrue(r.problems().get(0).reason().contains("parse abandoned"), r.problems().toString());
    }

    @Test
    void htmlTextStopsWhenItsThreadIsInterrupted() {
        String html = "<div>".repeat(100_000);
        Thread.currentThread().interrupt();
        assertThrows(Interruption.Abandoned.class, () -> HtmlText.of(html));
    }

    @Test
    void uninterruptedParsesReadEverything() {
        ParseResult r = new Parser(Limits.DEFAULT).parse(new RawInput("x.eml", "x.eml", RawInput.Hint.EMAIL, manyParts(3)));
        assertEquals(3, r.item().children().size());
        assertEquals("a b", HtmlText.of("<p>a</p> b").replace('\n', ' '));
    }
}
