package dossier.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dossier.model.Kind;
import dossier.model.ParseResult;
import dossier.model.Problem;
import dossier.model.RawInput;
import dossier.testutil.Corpora;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;

/** Password-protected documents keep their metadata; calendar invites and contacts give their text. */
class EncryptedAndCalendarTest {
    private static ParseResult parse(String name, byte[] bytes) {
        return Fixtures.PARSER.parse(new RawInput("dump/" + name, name, RawInput.Hint.FILE, bytes));
    }

    @Test
    void passwordProtectedDocxIsAnEncryptedProblemAndStillAnItemWithNameTypeAndSize() throws Exception {
        byte[] docx;
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.createParagraph().createRun().setText("secret merger terms");
            doc.write(out);
            docx = out.toByteArray();
        }
        byte[] locked;
        try (POIFSFileSystem fs = new POIFSFileSystem(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Encryptor enc = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
            enc.confirmPassword("hunter2");
            try (OutputStream os = enc.getDataStream(fs)) {
                os.write(docx);
            }
            fs.writeFilesystem(out);
            locked = out.toByteArray();
        }
        ParseResult r = parse("terms.docx", locked);
        assertEquals(Kind.DOCUMENT, r.item().kind());
        assertEquals("terms.docx", r.item().title());
        assertEquals(locked.length, r.item().bytes().length);
        assertTrue(!r.item().text().contains("merger"), r.item().text());
        assertEquals(List.of(new Problem("dump/terms.docx", Problem.EXTRACT, "encrypted document")), r.problems());
    }

    @Test
    void tikasPasswordProtectedFilesAreEncryptedProblemsAndItems() throws Exception {
        Path tika = Corpora.get("documents/tika");
        // (testPDF_protected.pdf is left out: it has only an owner password, so anyone can read its text, and we do.)
        for (String name : List.of("testWORD_protected_passtika.docx", "testEXCEL_protected_passtika.xlsx",
                "testPPT_protected_passtika.pptx", "testWORD_protected_passtika.doc", "testEXCEL_protected_passtika.xls")) {
            ParseResult r = parse(name, Files.readAllBytes(tika.resolve(name)));
            assertTrue(r.item() != null, name);
            assertEquals(List.of("encrypted document"), r.problems().stream().map(Problem::reason).toList(), name);
        }
    }

    @Test
    void calendarInviteAndContactCardGiveTheirText() {
        String ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nSUMMARY:Quarterly pipeline review\r\n"
                + "LOCATION:Room Enron-47C\r\nDTSTART:20010514T160000Z\r\nDESCRIPTION:Bring the Dabhol numbers\r\n"
                + "END:VEVENT\r\nEND:VCALENDAR\r\n";
        ParseResult cal = parse("invite.ics", ics.getBytes(StandardCharsets.UTF_8));
        assertTrue(cal.item().text().contains("Quarterly pipeline review"), cal.item().text());
        assertTrue(cal.item().text().contains("Dabhol"), cal.item().text());

        String vcf = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Sherron Watkins\r\nORG:Enron\r\nEMAIL:sherron@enron.com\r\n"
                + "TEL:713-555-0100\r\nEND:VCARD\r\n";
        ParseResult card = parse("watkins.vcf", vcf.getBytes(StandardCharsets.UTF_8));
        assertTrue(card.item().text().contains("Sherron Watkins"), card.item().text());
        assertTrue(card.item().text().contains("sherron@enron.com"), card.item().text());
    }

    @Test
    void calendarPartOfAnEmailIsAnAttachmentWithItsText() {
        String mail = "From: a@x.org\r\nSubject: invite\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=B\r\n\r\n--B\r\nContent-Type: text/plain\r\n\r\nsee invite\r\n"
                + "--B\r\nContent-Type: text/calendar; method=REQUEST\r\n\r\nBEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n"
                + "SUMMARY:Board offsite in Houston\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n--B--\r\n";
        ParseResult r = Fixtures.PARSER.parse(new RawInput("m.eml", "m.eml", RawInput.Hint.EMAIL,
                mail.getBytes(StandardCharsets.UTF_8)));
        assertEquals(1, r.item().children().size());
        assertTrue(r.item().children().get(0).text().contains("Board offsite in Houston"),
                r.item().children().get(0).text());
    }
}
