package dossier.parse;

import static dossier.parse.Fixtures.email;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dossier.model.Address;
import dossier.model.Kind;
import dossier.model.Limits;
import dossier.model.ParseResult;
import dossier.model.Parsed;
import dossier.model.Problem;
import dossier.model.RawInput;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class MailParsingTest {

    @Test
    void lotusNotesXFromNameBecomesTheDisplayName() {
        Parsed p = email("lotus-notes.eml").item();
        assertEquals(Kind.EMAIL, p.kind());
        assertEquals(List.of(new Address("Sherri Sera", "sherri.sera@enron.com")), p.email().from());
        assertEquals(new Address("Kenneth Lay@ENRON", ""), p.email().to().get(1), "a Notes name is kept as a name");
        assertEquals(Instant.parse("2000-12-13T15:05:00Z"), p.date());
        assertEquals("-0800", p.email().originalZone());
        assertEquals("14610109.1075840103367.JavaMail.evans@thyme", p.email().messageId());
        assertEquals("Re: Dabhol Task Force Weekly Call", p.title());
        assertTrue(p.text().startsWith("Jana, would you please add me"));
        assertEquals("en", p.language());
        assertTrue(p.email().rawHeaders().startsWith("Message-ID: <14610109"));
        assertTrue(p.email().rawHeaders().contains("X-FileName: jskillin.nsf"));
        assertEquals("message/rfc822", p.contentType());
    }

    @Test
    void emailKeepsItsOriginalBytes() {
        byte[] raw = Fixtures.bytes("lotus-notes.eml");
        assertTrue(Arrays.equals(raw, email("lotus-notes.eml").item().bytes()));
    }

    @Test
    void encodedWordSubjectAndNamesAreDecoded() {
        Parsed p = email("alternative.eml").item();
        assertEquals("Café of the day and more", p.title());
        assertEquals(List.of(new Address("André Pirard", "pirard@example.org")), p.email().from());
        assertEquals(List.of(new Address("Иван Петров", "ivan@example.ru")), p.email().to());
        assertEquals(List.of(), p.email().cc());
    }

    @Test
    void multipartAlternativeKeepsBothBodiesAndThreadHeaders() {
        Parsed p = email("alternative.eml").item();
        assertTrue(p.email().plainBody().startsWith("The café opens at nine. This is the plain body of the message and it is written"));
        assertTrue(p.email().htmlBody().contains("<b>nine</b>"));
        assertEquals(p.email().plainBody(), p.text(), "the plain body is the text when there is one");
        assertEquals("The café opens at nine.\n\nSecond paragraph.", p.htmlText(), "the HTML as text, for search");
        assertEquals("parent@example.org", p.email().inReplyTo());
        assertEquals(List.of("root@example.org", "parent@example.org"), p.email().references());
        assertEquals("alt-1@example.org", p.email().messageId());
        assertEquals(Instant.parse("2002-07-02T19:00:00Z"), p.date());
        assertTrue(p.children().isEmpty());
    }

    @Test
    void htmlOnlyEmailGetsItsHtmlAsTextWithParagraphs() {
        Parsed p = email("html-only.eml").item();
        assertEquals("", p.email().plainBody());
        assertEquals("Headline\n\nFirst paragraph.\n\nSecond paragraph.", p.text());
        assertEquals("", p.htmlText(), "the HTML is the text already");
    }

    @Test
    void attachmentWithRfc2231FilenameIsAChildWithText() {
        ParseResult r = email("attachment-rfc2231.eml");
        Parsed p = r.item();
        assertEquals("See the attached report.", p.text().strip());
        assertEquals(2, p.children().size());
        Parsed a = p.children().get(0);
        assertEquals(Kind.ATTACHMENT, a.kind());
        assertEquals("mail/attachment-rfc2231.eml#attachment/1", a.source());
        assertEquals("€ report Q3.txt", a.name());
        assertEquals("Quarterly figures: revenue up.", a.text());
        assertEquals("text/plain", a.contentType());
        assertEquals("Quarterly figures: revenue up.\n", new String(a.bytes(), StandardCharsets.UTF_8));
        Parsed inline = p.children().get(1);
        assertEquals("attachment-2", inline.name(), "an inline part without a name is still kept");
        assertEquals("mail/attachment-rfc2231.eml#attachment/2", inline.source());
    }

    @Test
    void nestedMessageBecomesAChildEmail() {
        Parsed p = email("nested.eml").item();
        assertEquals("Forwarded below.", p.text().strip());
        assertEquals(1, p.children().size());
        Parsed inner = p.children().get(0);
        assertEquals(Kind.EMAIL, inner.kind());
        assertEquals("mail/nested.eml#attachment/1", inner.source());
        assertEquals("inner", inner.title());
        assertEquals(List.of(new Address("Inner Person", "inner@example.com")), inner.email().from());
        assertEquals("The inner body.", inner.text().strip());
        assertEquals("inner-1@example.com", inner.email().messageId());
        assertTrue(new String(inner.bytes(), StandardCharsets.US_ASCII).startsWith("From: Inner Person"));
    }

    @Test
    void messagesNestedPastTheDepthLimitAreKeptUnreadWithALimitProblem() {
        String msg = "From: level0@example.com\nSubject: level 0\n\nbody 0\n";
        for (int i = 1; i <= 4; i++) {
            msg = "From: level" + i + "@example.com\nSubject: level " + i
                    + "\nContent-Type: multipart/mixed; boundary=\"b" + i + "\"\n\n--b" + i
                    + "\nContent-Type: message/rfc822\n\n" + msg + "\n--b" + i + "--\n";
        }
        Limits limits = new Limits(1 << 20, 2, 100, 10, 100_000, 65536, java.time.Duration.ofSeconds(5));
        ParseResult r = new Parser(limits).parse(new RawInput("deep.eml", "deep.eml", RawInput.Hint.EMAIL,
                msg.getBytes(StandardCharsets.US_ASCII)));
        Parsed level3 = r.item().children().get(0);
        Parsed level2 = level3.children().get(0);
        assertEquals("level 2", level2.title());
        Parsed tooDeep = level2.children().get(0);
        assertEquals(Kind.ATTACHMENT, tooDeep.kind());
        assertEquals("message/rfc822", tooDeep.contentType());
        assertEquals(List.of(new Problem("deep.eml#attachment/1#attachment/1#attachment/1", Problem.LIMIT,
                "message nested deeper than 2")), r.problems());
    }

    /** An email whose parts are multiparts nested {@code levels} deep, with a text part at each level. */
    private static byte[] nestedMultiparts(int levels) {
        StringBuilder m = new StringBuilder("From: a@example.com\nSubject: nested parts\nMIME-Version: 1.0\n"
                + "Content-Type: multipart/mixed; boundary=\"b0\"\n\n");
        for (int i = 0; i < levels; i++) {
            m.append("--b").append(i).append("\nContent-Type: text/plain\n\nlevel").append(i).append("word\n");
            m.append("--b").append(i).append("\nContent-Type: multipart/mixed; boundary=\"b").append(i + 1)
                    .append("\"\n\n");
        }
        m.append("--b").append(levels).append("\nContent-Type: text/plain\n\ninnermostword\n--b").append(levels)
                .append("--\n");
        for (int i = levels - 1; i >= 0; i--) m.append("--b").append(i).append("--\n");
        return m.toString().getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void multipartsNestedPastTheDepthLimitEndTheReadingWithALimitProblem() {
        // 20,000 levels overflowed the stack in mime4j's boundary streams: the whole email was one parse problem.
        ParseResult r = new Parser(Limits.DEFAULT).parse(new RawInput("deep.eml", "deep.eml", RawInput.Hint.EMAIL,
                nestedMultiparts(20_000)));
        Parsed p = r.item();
        assertEquals("nested parts", p.title());
        int depth = Limits.DEFAULT.maxDepth();
        assertEquals(List.of(new Problem("deep.eml", Problem.LIMIT,
                "MIME parts nested deeper than " + depth + ": the parts inside are not read")), r.problems());
        for (int i = 0; i < depth; i++) assertTrue(p.text().contains("level" + i + "word"), "level " + i);
        assertTrue(!p.text().contains("level" + (depth + 1) + "word") && !p.text().contains("innermostword"));
    }

    @Test
    void multipartsNestedWithinTheLimitAreReadToTheInnermost() {
        ParseResult r = new Parser(Limits.DEFAULT).parse(new RawInput("nested.eml", "nested.eml", RawInput.Hint.EMAIL,
                nestedMultiparts(Limits.DEFAULT.maxDepth() - 1)));
        assertEquals(List.of(), r.problems());
        assertTrue(r.item().text().contains("innermostword"), r.item().text());
    }

    @Test
    void truncatedMessageCutInsideBase64StillYieldsTheEmail() {
        ParseResult r = email("truncated.eml");
        Parsed p = r.item();
        assertEquals("cut short", p.title());
        assertEquals("The body before the attachment.", p.text().strip());
        assertEquals(1, p.children().size());
        Parsed a = p.children().get(0);
        assertEquals("data.bin", a.name());
        assertTrue(a.bytes().length > 4000, "the part that arrived is decoded: " + a.bytes().length);
    }

    @Test
    void charsetDeclaredWronglyIsCorrected() {
        assertEquals("Naïve café – €5", email("declared-wrong-charset.eml").item().text().strip());
    }

    @Test
    void undeclaredEightBitTextIsReadLosslessly() {
        assertEquals("Naïve café – €5", email("undeclared-8bit.eml").item().text().strip());
    }

    @Test
    void invalidCharsetNameDoesNotLoseTheText() {
        assertEquals("Naïve café – €5", email("invalid-charset.eml").item().text().strip());
    }

    @Test
    void declaredSingleByteCharsetIsHonoured() {
        assertEquals("Привет, мир", email("declared-koi8r.eml").item().text().strip());
    }

    @Test
    void rawEightBitSubjectIsReadInTheBodyCharset() {
        Parsed p = email("raw-8bit-subject.eml").item();
        assertEquals("Привет", p.title());
        assertEquals(List.of(new Address("José", "j@example.com")), p.email().from());
    }

    @Test
    void emptyEmailInputYieldsAnEmptyEmail() {
        ParseResult r = Fixtures.PARSER.parse(new RawInput("mbox#3", "", RawInput.Hint.EMAIL, new byte[0]));
        assertNotNull(r.item());
        assertEquals(Kind.EMAIL, r.item().kind());
        assertEquals("", r.item().text());
        assertEquals(List.of(), r.problems());
    }

    @Test
    void fileWithHeadersIsRecognisedAsEmailWithoutAHint() {
        ParseResult r = Fixtures.PARSER.parse(new RawInput("dump/1.", "1.", RawInput.Hint.FILE,
                Fixtures.bytes("lotus-notes.eml")));
        assertEquals(Kind.EMAIL, r.item().kind());
    }

    @Test
    void oversizedHeaderBlockIsCutWithALimitProblem() {
        String big = "From: a@example.com\nSubject: big\n" + "X-Junk: " + "x".repeat(70_000) + "\n\nbody\n";
        Limits limits = new Limits(1 << 20, 4, 100, 10, 100_000, 1024, java.time.Duration.ofSeconds(5));
        ParseResult r = new Parser(limits).parse(new RawInput("big.eml", "big.eml", RawInput.Hint.EMAIL,
                big.getBytes(StandardCharsets.US_ASCII)));
        assertEquals("big", r.item().title());
        assertEquals("body", r.item().text().strip());
        assertEquals(Problem.LIMIT, r.problems().get(0).stage());
    }

    /** Parses a message written here, as the maildir source would hand it over. */
    private static ParseResult mail(String message) {
        return Fixtures.PARSER.parse(new RawInput("mail/crafted.eml", "crafted.eml", RawInput.Hint.EMAIL,
                message.getBytes(StandardCharsets.ISO_8859_1)));
    }

    @Test
    void utf7BodyAndSubjectAreDecoded() {
        ParseResult r = mail("From: a@example.com\nSubject: =?utf-7?Q?Hi_Mom_-+Jjo--!?=\nMIME-Version: 1.0\n"
                + "Content-Type: text/plain; charset=UTF-7\n\nThe +ZeVnLIqe- text costs +AKM-1 +- tax.\n");
        assertEquals("Hi Mom -\u263a-!", r.item().title());
        assertEquals("The 日本語 text costs £1 + tax.", r.item().text().strip());
        assertEquals(List.of(), r.problems());
    }

    @Test
    void eightBitBodyDeclaredUtf16IsReadAsText() {
        ParseResult r = mail("From: a@example.com\nSubject: lunch\nMIME-Version: 1.0\n"
                + "Content-Type: text/plain; charset=\"utf-16\"\n\nMeet at the caf\u00e9 at noon.\n");
        assertEquals("Meet at the café at noon.", r.item().text().strip());
    }

    @Test
    void damagedBase64LeavesAProblemAndKeepsTheEmailAndWhatCouldBeDecoded() {
        ParseResult r = mail("From: a@example.com\nSubject: logo\nMIME-Version: 1.0\n"
                + "Content-Type: multipart/mixed; boundary=\"b\"\n\n"
                + "--b\nContent-Type: text/plain\n\nThe logo is attached.\n"
                + "--b\nContent-Type: image/png; name=\"logo.png\"\nContent-Transfer-Encoding: base64\n\n"
                + "iVBORw0KGgo!!!AAAANSUhEUgAA\n--b--\n");
        Parsed p = r.item();
        assertEquals("The logo is attached.", p.text().strip());
        assertEquals("logo.png", p.children().get(0).name());
        assertEquals(18, p.children().get(0).bytes().length, "the base64 around the bad bytes is decoded");
        assertEquals(new Problem("mail/crafted.eml", Problem.PARSE,
                "bad base64 in part 2 (image/png, logo.png): Unexpected base64 byte: 33, ignoring (3 times)"),
                r.problems().get(0));
    }

    @Test
    void base64CutShortLeavesAProblemAndQuotedPrintableKeptAsWrittenNone() {
        ParseResult r = mail("From: a@example.com\nSubject: cut\nMIME-Version: 1.0\n"
                + "Content-Type: multipart/mixed; boundary=\"b\"\n\n"
                + "--b\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\n"
                + "Caf=C3=A9 costs =ZZ5.\n"
                + "--b\nContent-Type: application/octet-stream\nContent-Transfer-Encoding: base64\n\n"
                + "SGVsbG8gd29ybGQ\n--b--\n");
        assertEquals("Café costs =ZZ5.", r.item().text().strip());
        assertEquals("Hello wor", new String(r.item().children().get(0).bytes(), StandardCharsets.US_ASCII));
        assertEquals(List.of(
                new Problem("mail/crafted.eml", Problem.PARSE, "bad base64 in part 2 (application/octet-stream): "
                        + "Unexpected end of BASE64 stream, dropping 3 sextet(s)")),
                r.problems());
    }

    @Test
    void utf16LittleEndianWithoutAByteOrderMarkIsReadInBodiesAndFileNames() {
        // What Windows writes for charset="utf-16": little-endian, no byte order mark.
        ParseResult r = mail("From: a@example.com\nSubject: cv\nMIME-Version: 1.0\n"
                + "Content-Type: multipart/mixed; boundary=\"b\"\n\n"
                + "--b\nContent-Type: text/plain; charset=\"utf-16\"\nContent-Transfer-Encoding: base64\n\n"
                + "QgBvAG4AagBvAHUAcgAsACAAdgBvAGkAYwBpACAAbABlACAAcgDpAHMAdQBtAOkALgANAAoA\n"
                + "--b\nContent-Type: text/plain\nContent-Disposition: attachment;\n"
                + " filename*=utf-16''%52%00%E9%00%73%00%75%00%6D%00%E9%00%2E%00%74%00%78%00%74%00\n\n"
                + "CV\n--b--\n");
        assertEquals("Bonjour, voici le résumé.", r.item().text().strip());
        assertEquals("Résumé.txt", r.item().children().get(0).name());
        assertEquals(List.of(), r.problems());
    }

    @Test
    void eightBitBodyDeclaredUtf32IsReadAsText() {
        ParseResult r = mail("From: a@example.com\nSubject: lunch\nMIME-Version: 1.0\n"
                + "Content-Type: text/plain; charset=\"utf-32\"\n\nMeet at the caf\u00e9 at noon.\n");
        assertEquals("Meet at the café at noon.", r.item().text().strip());
    }

    @Test
    void aMultipartCutBeforeItsClosingBoundaryLeavesOneProblemAndKeepsEveryPart() {
        ParseResult r = mail("From: a@example.com\nSubject: report\nMIME-Version: 1.0\n"
                + "Content-Type: multipart/mixed; boundary=\"b\"\n\n"
                + "--b\nContent-Type: text/plain\n\nThe report is attached.\n"
                + "--b\nContent-Type: application/octet-stream; name=\"report.bin\"\n\n"
                + "first half of the rep"); // the file ends here
        assertEquals("The report is attached.", r.item().text().strip());
        assertEquals("report.bin", r.item().children().get(0).name());
        assertEquals("first half of the rep", new String(r.item().children().get(0).bytes(), StandardCharsets.US_ASCII));
        assertEquals(List.of(leftOpen("multipart/mixed")), r.problems());
    }

    @Test
    void nestedMultipartsCutTogetherLeaveOneProblemNamingTheInnerOne() {
        ParseResult r = mail("From: a@example.com\nSubject: lunch\nMIME-Version: 1.0\n"
                + "Content-Type: multipart/mixed; boundary=\"outer\"\n\n"
                + "--outer\nContent-Type: multipart/alternative; boundary=\"inner\"\n\n"
                + "--inner\nContent-Type: text/plain\n\nLunch at noon.\n"
                + "--inner\nContent-Type: text/html\n\n<p>Lunch at no");
        assertEquals("Lunch at noon.", r.item().text().strip());
        assertTrue(r.item().email().htmlBody().contains("<p>Lunch at no"));
        assertEquals(List.of(leftOpen("multipart/alternative")), r.problems());
    }

    private static Problem leftOpen(String type) {
        return new Problem("mail/crafted.eml", Problem.PARSE,
                type + " ends without its closing boundary: the message may be cut short and its last part incomplete");
    }

    @Test
    void aMultipartWithItsClosingBoundaryLeavesNoProblem() {
        ParseResult r = mail("From: a@example.com\nSubject: lunch\nMIME-Version: 1.0\n"
                + "Content-Type: multipart/mixed; boundary=\"outer\"\n\n"
                + "--outer\nContent-Type: multipart/alternative; boundary=\"inner\"\n\n"
                + "--inner\nContent-Type: text/plain\n\nLunch at noon.\n"
                + "--inner\nContent-Type: text/html\n\n<p>Lunch at noon.</p>\n--inner--\n"
                + "--outer\nContent-Type: text/plain; name=\"menu.txt\"\n\nSoup\n--outer--\n");
        assertEquals("Lunch at noon.", r.item().text().strip());
        assertEquals(List.of(), r.problems());
    }

    @Test
    void aMultipartWhoseBoundaryNeverAppearsIsReadAsPlainTextAndLeavesAProblem() {
        // The boundary has a space the mailer left out of the header (SpamAssassin spam-1/00467).
        ParseResult r = mail("From: a@example.com\nSubject: offer\nMIME-Version: 1.0\n"
                + "Content-Type: multipart/alternative; boundary=\"=Multipart Boundary 1\"\n\n"
                + "--= Multipart Boundary 1\nContent-Type: text/plain\n\nCartridges at a caf\u00e9 price.\n"
                + "--= Multipart Boundary 1--\n");
        assertTrue(r.item().text().contains("Cartridges at a café price."), r.item().text());
        assertEquals(List.of(new Problem("mail/crafted.eml", Problem.PARSE, "multipart/alternative has no parts: its "
                + "boundary never appears, so its body is read as plain text")), r.problems());
    }

    @Test
    void aMultipartWithNoBodyAtAllLeavesAProblemAndNoText() {
        ParseResult r = mail("From: a@example.com\nSubject: empty\nMIME-Version: 1.0\n"
                + "Content-Type: multipart/mixed; boundary=\"b\"\n\n\r\n\n");
        assertEquals("", r.item().text());
        assertEquals(List.of(new Problem("mail/crafted.eml", Problem.PARSE,
                "multipart/mixed has no parts: its boundary never appears")), r.problems());
    }
}
