package dossier.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dossier.model.Address;
import dossier.model.Limits;
import dossier.model.ParseResult;
import dossier.model.Parsed;
import dossier.model.Problem;
import dossier.model.RawInput;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A header block over the limit loses length from its longest fields, not the fields after a giant one. */
class HeaderCutTest {
    private static final int MAX = 64 << 10;
    private static final Limits LIMITS = new Limits(64L << 20, 8, 10_000, 50, 1_000_000, MAX, Duration.ofSeconds(20));

    private static ParseResult parse(String message) {
        return new Parser(LIMITS).parse(new RawInput("big.eml", "big.eml", RawInput.Hint.EMAIL,
                message.getBytes(StandardCharsets.UTF_8)));
    }

    private static String recipients(int n) {
        return IntStream.range(0, n).mapToObj(i -> "User " + i + " <user" + i + "@host" + (i % 97) + ".example>")
                .collect(Collectors.joining(", "));
    }

    @Test
    void fieldsAfterAGiantRecipientListAreKeptWhole() {
        ParseResult r = parse("From: Boss <boss@x.example>\nTo: " + recipients(20_000) + "\nSubject: all hands\n"
                + "Message-ID: <all@x.example>\nDate: Mon, 4 Dec 2000 10:00:00 -0600\n\nmeeting at noon\n");
        Parsed p = r.item();
        assertEquals("all hands", p.title());
        assertEquals("all@x.example", p.email().messageId());
        assertEquals(List.of(new Address("Boss", "boss@x.example")), p.email().from());
        assertEquals("meeting at noon\n", p.text(), "the body is the body, no blank line added");
        List<Address> to = p.email().to();
        assertTrue(to.size() > 1_000 && to.size() < 20_000, "as many recipients as fit: " + to.size());
        for (int i = 0; i < to.size(); i++) {
            assertEquals(new Address("User " + i, "user" + i + "@host" + (i % 97) + ".example"), to.get(i), "whole addresses, in order");
        }
        assertTrue(p.email().rawHeaders().length() <= MAX, "the raw headers kept are within the limit");
        assertTrue(p.email().rawHeaders().contains("Subject: all hands"));
        assertEquals(1, r.problems().size());
        Problem problem = r.problems().get(0);
        assertEquals(Problem.LIMIT, problem.stage());
        assertTrue(problem.reason().startsWith("header block of ") && problem.reason().contains(" cut at " + MAX),
                problem.reason());
    }

    @Test
    void twoLongFieldsShareTheRoomAndShortOnesStayWhole() {
        String junk = "x".repeat(200_000);
        ParseResult r = parse("X-One: " + junk + "\nSubject: short\nX-Two: " + "y".repeat(50_000)
                + "\nFrom: a@example.org\n\nbody\n");
        String raw = r.item().email().rawHeaders();
        assertEquals("short", r.item().title());
        assertEquals(List.of(new Address("", "a@example.org")), r.item().email().from());
        int one = lineLength(raw, "X-One: "), two = lineLength(raw, "X-Two: ");
        assertEquals(one, two, "both cut to the same length");
        assertTrue(one > MAX / 3, "and that length uses the room: " + one);
        assertTrue(raw.length() <= MAX);
    }

    @Test
    void aFoldedFieldIsNeverCutIntoABlankLine() {
        // Each folded line is 40 bytes, so a cut may fall just after a line break.
        String folded = IntStream.range(0, 5_000).mapToObj(i -> "word" + "w".repeat(34)).collect(Collectors.joining("\r\n "));
        ParseResult r = parse("Subject: first\r\nX-Folded: " + folded + "\r\nMessage-ID: <m@example.org>\r\n\r\nbody\r\n");
        assertEquals("first", r.item().title());
        assertEquals("m@example.org", r.item().email().messageId(), "the field after the cut one is still a header");
        assertEquals("body\r\n", r.item().text());
    }

    @Test
    void aCutJustAfterAFoldedLinesBreakLeavesNoBlankLine() {
        // Folded lines of one letter and no comma or space: the cut falls at each offset of a line as the limit moves.
        String header = "Subject: s\r\nX-F: " + "x\r\n\t".repeat(500) + "y\r\nFrom: a@example.org\r\n";
        byte[] b = header.getBytes(StandardCharsets.US_ASCII);
        for (int max = 300; max < 308; max++) {
            String cut = new String(HeaderCut.cut(b, b.length, max).header(), StandardCharsets.US_ASCII);
            assertFalse(cut.contains("\n\r\n") || cut.contains("\n\t\r\n"), "a blank line at limit " + max + ": " + cut);
            assertTrue(cut.startsWith("Subject: s\r\nX-F: x") && cut.endsWith("\r\nFrom: a@example.org\r\n"), cut);
            assertTrue(cut.length() <= max, cut.length() + " > " + max);
        }
    }

    @Test
    void aCutNeverSplitsAUtf8Character() {
        String name = "é".repeat(100_000); // two bytes each, no comma or space to cut at
        ParseResult r = parse("From: a@example.org\nX-Name: " + name + "\nSubject: Grüße\n\nbody\n");
        assertEquals("Grüße", r.item().title(), "the block is still read as UTF-8");
        assertFalse(r.item().email().rawHeaders().contains("\uFFFD"));
    }

    @Test
    void tooManyFieldsKeepThoseThatFitAndTheFirstOfEachFieldRead() {
        StringBuilder m = new StringBuilder("Received: from somewhere\n".repeat(10_000));
        m.append("Subject: at the end\nFrom: late@example.org\nTo: ").append(recipients(1_000)).append("\n\nbody\n");
        ParseResult r = parse(m.toString());
        assertEquals("at the end", r.item().title());
        assertEquals(List.of(new Address("", "late@example.org")), r.item().email().from());
        assertTrue(r.item().email().to().size() > 10, "To is kept, cut: " + r.item().email().to().size());
        assertTrue(r.problems().get(0).reason().contains(" fields were left out"), r.problems().get(0).reason());
    }

    private static int lineLength(String raw, String start) {
        int at = raw.indexOf(start);
        return raw.indexOf('\n', at) - at;
    }
}
