package dossier.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dossier.model.Kind;
import dossier.model.Limits;
import dossier.model.ParseResult;
import dossier.model.Parsed;
import dossier.model.Problem;
import dossier.model.RawInput;
import dossier.parse.isolation.ProcessExtractor;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A PDF cut short (a partial download, a dump truncated at a size limit) is kept with whatever PDFBox's lenient parser
 * recovers, and is a problem: PDFBox itself raises no error for most cuts. Standalone and as an attachment, with Tika
 * in this JVM and in worker processes.
 */
class TruncatedPdfTest {
    private static byte[] pdf;
    private static ProcessExtractor workers;
    private static List<Parser> parsers;

    @BeforeAll
    static void makePdfAndParsers() throws Exception {
        pdf = tenPages();
        workers = new ProcessExtractor(ProcessExtractor.Options.forWorkers(1));
        parsers = List.of(new Parser(Limits.DEFAULT), new Parser(Limits.DEFAULT, workers));
    }

    @AfterAll
    static void stopWorkers() {
        workers.close();
    }

    /** Where the file is cut: inside the first page, mid-file, inside the cross-reference table, just the end marker. */
    private static List<Integer> cuts() {
        return List.of(3_000, pdf.length / 2, pdf.length - 200, pdf.length - 7);
    }

    @Test
    void wholePdfHasNoProblem() {
        for (Parser parser : parsers) {
            ParseResult r = parser.parse(new RawInput("docs/report.pdf", "report.pdf", RawInput.Hint.FILE, pdf));
            assertEquals(List.of(), r.problems());
            assertTrue(r.item().text().contains("page 10 of the quarterly report"), r.item().text());
        }
    }

    @Test
    void truncatedPdfIsKeptWithAnExtractProblem() {
        for (Parser parser : parsers) {
            for (int cut : cuts()) {
                byte[] bytes = Arrays.copyOf(pdf, cut);
                ParseResult r = parser.parse(new RawInput("docs/report.pdf", "report.pdf", RawInput.Hint.FILE, bytes));
                Parsed item = r.item();
                assertNotNull(item, "cut at " + cut);
                assertEquals(Kind.DOCUMENT, item.kind());
                assertEquals(cut, item.bytes().length, "the original is kept as it is");
                assertEquals("application/pdf", item.contentType());
                assertTruncated(r.problems(), "docs/report.pdf", cut);
            }
        }
    }

    @Test
    void truncatedPdfAttachedToAnEmailIsAProblemOfTheAttachment() {
        for (Parser parser : parsers) {
            for (int cut : cuts()) {
                byte[] mail = emailWith(Arrays.copyOf(pdf, cut));
                ParseResult r = parser.parse(new RawInput("mail/1.eml", "1.eml", RawInput.Hint.EMAIL, mail));
                assertEquals(Kind.EMAIL, r.item().kind());
                assertTrue(r.item().text().contains("see the attached report"), r.item().text());
                assertEquals(1, r.item().children().size(), "cut at " + cut);
                Parsed attachment = r.item().children().get(0);
                assertEquals(Kind.ATTACHMENT, attachment.kind());
                assertEquals(cut, attachment.bytes().length);
                assertTruncated(r.problems(), attachment.source(), cut);
            }
        }
    }

    @Test
    void pdfWithALineEndAfterItsEndMarkerIsWhole() {
        byte[] padded = Arrays.copyOf(pdf, pdf.length + 600);
        Arrays.fill(padded, pdf.length, padded.length, (byte) '\n');
        assertTrue(!Pdfs.truncated(padded) && !Pdfs.truncated(pdf) && Pdfs.truncated(Arrays.copyOf(pdf, pdf.length - 7)));
        assertTrue(!Pdfs.truncated(new byte[0]) && !Pdfs.truncated("%%EOF".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void adobeIllustratorFileCutAtARoundSizeIsATruncatedPdf() throws Exception {
        // 480 KiB exactly, its last %%EOF 6 KB before the end: the incremental update after it was cut off.
        byte[] ai = java.nio.file.Files.readAllBytes(dossier.testutil.Corpora.get("documents/tika/testPDF_AdobeIllustrator.pdf"));
        ParseResult r = parsers.get(0).parse(new RawInput("tika/ai.pdf", "ai.pdf", RawInput.Hint.FILE, ai));
        assertTruncated(r.problems(), "tika/ai.pdf", ai.length);
    }

    private static void assertTruncated(List<Problem> problems, String source, int cut) {
        assertTrue(problems.stream().anyMatch(p -> p.path().equals(source) && p.stage().equals(Problem.EXTRACT)
                && p.reason().startsWith(Pdfs.TRUNCATED)), "cut at " + cut + ": " + problems);
    }

    /** Ten pages of text, as PDFBox writes them (compressed content streams, a cross-reference table, %%EOF). */
    private static byte[] tenPages() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PDDocument doc = new PDDocument()) {
            for (int i = 1; i <= 10; i++) {
                PDPage page = new PDPage();
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    cs.beginText();
                    cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                    cs.newLineAtOffset(72, 700);
                    cs.showText("This is page " + i + " of the quarterly report.");
                    for (int line = 0; line < 30; line++) {
                        cs.newLineAtOffset(0, -16);
                        cs.showText("Line " + line + " of page " + i + ": revenue, costs and the pipeline outlook.");
                    }
                    cs.endText();
                }
            }
            doc.save(out);
        }
        return out.toByteArray();
    }

    private static byte[] emailWith(byte[] attachment) {
        String b64 = Base64.getMimeEncoder().encodeToString(attachment);
        return ("From: analyst@example.org\r\nTo: desk@example.org\r\nSubject: report\r\n"
                + "Message-ID: <report@example.org>\r\nDate: Mon, 14 May 2001 16:39:00 +0000\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n"
                + "--b\r\nContent-Type: text/plain\r\n\r\nPlease see the attached report.\r\n"
                + "--b\r\nContent-Type: application/pdf; name=\"report.pdf\"\r\n"
                + "Content-Disposition: attachment; filename=\"report.pdf\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + b64 + "\r\n--b--\r\n").getBytes(StandardCharsets.US_ASCII);
    }
}
