package dossier.parse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dossier.model.Kind;
import dossier.model.Limits;
import dossier.model.ParseResult;
import dossier.model.Parsed;
import dossier.model.Problem;
import dossier.model.RawInput;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;

class DocumentParsingTest {
    private static ParseResult file(String name, byte[] bytes) {
        return Fixtures.PARSER.parse(new RawInput("docs/" + name, name, RawInput.Hint.FILE, bytes));
    }

    @Test
    void docxGivesItsTextTitleAndAuthor() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XWPFDocument doc = new XWPFDocument()) {
            doc.createParagraph().createRun().setText("Quarterly plan for the pipeline division.");
            doc.getProperties().getCoreProperties().setTitle("Q3 Plan");
            doc.getProperties().getCoreProperties().setCreator("Jeff Skilling");
            doc.write(out);
        }
        ParseResult r = file("plan.docx", out.toByteArray());
        Parsed p = r.item();
        assertEquals(Kind.DOCUMENT, p.kind());
        assertEquals("Q3 Plan", p.title());
        assertEquals("Jeff Skilling", p.meta().author());
        assertTrue(p.text().contains("Quarterly plan for the pipeline division."), p.text());
        assertEquals("application/vnd.openxmlformats-officedocument.wordprocessingml.document", p.contentType());
        assertEquals(List.of(), r.problems());
    }

    @Test
    void pdfGivesItsTextAndTitle() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.beginText();
                cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                cs.newLineAtOffset(72, 700);
                cs.showText("Board minutes of the fourteenth of May.");
                cs.endText();
            }
            PDDocumentInformation info = new PDDocumentInformation();
            info.setTitle("Board Minutes");
            doc.setDocumentInformation(info);
            doc.save(out);
        }
        Parsed p = file("minutes.pdf", out.toByteArray()).item();
        assertEquals("Board Minutes", p.title());
        assertEquals("application/pdf", p.contentType());
        assertTrue(p.text().contains("Board minutes of the fourteenth of May."), p.text());
    }

    @Test
    void documentWithoutTitleIsTitledByItsFileName() {
        Parsed p = file("notes.txt", "Just some notes about the merger, nothing more.".getBytes(StandardCharsets.UTF_8)).item();
        assertEquals("notes.txt", p.title());
        assertEquals("text/plain", p.contentType());
        assertEquals("Just some notes about the merger, nothing more.", p.text());
    }

    @Test
    void binaryGarbageStillYieldsADocumentWithItsBytes() {
        byte[] junk = new byte[4096];
        new Random(42).nextBytes(junk);
        ParseResult r = file("blob.bin", junk);
        assertEquals(Kind.DOCUMENT, r.item().kind());
        assertArrayEquals(junk, r.item().bytes());
    }

    @Test
    void emptyFileYieldsAnEmptyDocument() {
        ParseResult r = file("empty.txt", new byte[0]);
        assertEquals(Kind.DOCUMENT, r.item().kind());
        assertEquals("", r.item().text());
        assertEquals("empty.txt", r.item().title());
    }

    @Test
    void corruptOfficeFileYieldsTheItemAndAnExtractProblem() {
        byte[] notReallyDocx = "PK\u0003\u0004 this zip is broken".getBytes(StandardCharsets.ISO_8859_1);
        ParseResult r = file("broken.docx", notReallyDocx);
        assertEquals(Kind.DOCUMENT, r.item().kind());
        assertEquals(1, r.problems().size());
        assertEquals(Problem.EXTRACT, r.problems().get(0).stage());
    }

    @Test
    void textPastTheLimitIsCutWithAProblem() {
        Limits limits = new Limits(1 << 20, 4, 100, 10, 100, 65536, Duration.ofSeconds(5));
        ParseResult r = new Parser(limits).parse(new RawInput("docs/long.txt", "long.txt", RawInput.Hint.FILE,
                "word ".repeat(1000).getBytes(StandardCharsets.US_ASCII)));
        assertEquals(100, r.item().text().length() + 1, "the cut text is kept (stripped of its trailing space)");
        assertEquals(List.of(new Problem("docs/long.txt", Problem.EXTRACT, "text cut at 100 characters")), r.problems());
    }
}
