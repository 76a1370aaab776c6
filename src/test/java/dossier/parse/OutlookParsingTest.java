package dossier.parse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dossier.model.Address;
import dossier.model.Kind;
import dossier.model.ParseResult;
import dossier.model.Parsed;
import dossier.model.RawInput;
import dossier.testutil.Corpora;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.poi.hsmf.MAPIMessage;
import org.junit.jupiter.api.Test;

/** Outlook .msg files and TNEF (winmail.dat) attachments from POI's, Tika's and Enron's test data. */
class OutlookParsingTest {
    private static ParseResult parse(Path file) throws IOException {
        return Fixtures.PARSER.parse(new RawInput(file.getFileName().toString(), file.getFileName().toString(),
                RawInput.Hint.FILE, Files.readAllBytes(file)));
    }

    private static List<Path> msgFiles() throws IOException {
        List<Path> found = new ArrayList<>();
        for (String dir : List.of("documents/poi-hsmf-msg", "documents/tika")) {
            try (Stream<Path> s = Files.list(Corpora.get(dir))) {
                s.filter(p -> p.toString().endsWith(".msg")).sorted().forEach(found::add);
            }
        }
        return found;
    }

    /** The subject as POI reads it straight from the .msg, or null when POI cannot read the file. */
    private static String poiSubject(Path file) {
        try {
            MAPIMessage m = new MAPIMessage(new ByteArrayInputStream(Files.readAllBytes(file)));
            m.setReturnNullOnMissingChunk(true);
            m.guess7BitEncoding();
            String s = m.getSubject();
            return s == null ? "" : s.strip();
        } catch (Exception e) {
            return null;
        }
    }

    @Test
    void everyReadableMsgFileBecomesAnEmailWithTheSubjectPoiReads() throws Exception {
        List<Path> files = msgFiles();
        assertTrue(files.size() >= 50, "msg files: " + files.size());
        int emails = 0;
        for (Path f : files) {
            String expected = poiSubject(f);
            ParseResult r = parse(f);
            assertTrue(r.item() != null, f.toString());
            assertArrayEquals(Files.readAllBytes(f), r.item().bytes(), "the original .msg is kept: " + f);
            if (expected == null) {
                assertFalse(r.problems().isEmpty(), "an unreadable .msg is a problem: " + f);
                continue;
            }
            assertEquals(Kind.EMAIL, r.item().kind(), f + " " + r.problems());
            assertEquals(expected, r.item().title(), f.toString());
            assertEquals(OutlookMessages.MSG_TYPE, r.item().contentType());
            emails++;
        }
        assertTrue(emails >= files.size() - 4, "emails: " + emails + " of " + files.size());
    }

    @Test
    void msgFilesGiveSendersRecipientsDatesBodiesAndAttachments() throws Exception {
        Parsed quick = parse(Corpora.get("documents/poi-hsmf-msg/quick.msg")).item();
        assertEquals("Test the content transformer", quick.title());
        assertEquals("Kevin Roast", quick.email().from().get(0).name());
        assertTrue(quick.date() != null);
        assertTrue(quick.text().contains("The quick brown fox jumps over the lazy dog"), quick.text());

        Parsed att = parse(Corpora.get("documents/poi-hsmf-msg/attachment_test_msg.msg")).item();
        List<String> names = att.children().stream().map(Parsed::name).toList();
        assertTrue(names.containsAll(List.of("test-unicode.doc", "pj1.txt")), names.toString());
        assertTrue(att.children().stream().allMatch(c -> c.source().startsWith("attachment_test_msg.msg#attachment/")));

        Parsed withMsg = parse(Corpora.get("documents/tika/testMSG_att_msg.msg")).item();
        assertTrue(withMsg.children().stream().anyMatch(c -> c.kind() == Kind.EMAIL),
                "an attached .msg is an email: " + withMsg.children().stream().map(Parsed::kind).toList());

        Parsed many = parse(Corpora.get("documents/poi-hsmf-msg/lots-of-recipients.msg")).item();
        List<Address> to = new ArrayList<>(many.email().to());
        to.addAll(many.email().cc());
        assertTrue(to.size() > 100, "recipients: " + to.size());
    }

    @Test
    void tnefAttachmentIsUnpackedIntoItsFilesWithTheirOriginalBytes() throws Exception {
        Path dir = Corpora.get("nasty-mime/poi-hmef");
        Parsed email = Fixtures.PARSER.parse(new RawInput("mail/1.eml", "1.eml", RawInput.Hint.EMAIL,
                mailWith(Files.readAllBytes(dir.resolve("quick-winmail.dat"))))).item();
        Map<String, Parsed> byName = new TreeMap<>();
        email.children().forEach(c -> byName.put(c.name(), c));
        assertEquals(List.of("quick.doc", "quick.html", "quick.pdf", "quick.txt", "quick.xml"),
                List.copyOf(byName.keySet()));
        for (Parsed c : email.children()) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("quick-contents").resolve(c.name())), c.bytes(), c.name());
            assertEquals("mail/1.eml#attachment/1#" + c.name(), c.source());
            assertEquals(Kind.ATTACHMENT, c.kind());
        }
        assertTrue(byName.get("quick.doc").text().contains("The quick brown fox"), byName.get("quick.doc").text());
    }

    @Test
    void everyTnefFileInTheCorporaGivesItsFilesOrAProblem() throws Exception {
        // Attachment counts hand-checked against POI's own HMEF tests for these files.
        Map<String, Integer> known = Map.of("bug52400-winmail-simple.dat", 0, "bug52400-winmail-with-attachments.dat", 2,
                "bug63955-winmail.dat", 2, "quick-winmail.dat", 5, "winmail-sample1.dat", 2);
        List<Path> files = new ArrayList<>();
        for (String dir : List.of("nasty-mime/poi-hmef", "enron-attachments")) {
            try (Stream<Path> s = Files.walk(Corpora.get(dir))) {
                s.filter(Files::isRegularFile).filter(OutlookParsingTest::isTnef).sorted().forEach(files::add);
            }
        }
        assertTrue(files.size() >= 10, "TNEF files: " + files);
        for (Path f : files) {
            ParseResult r = parse(f);
            assertTrue(r.item() != null, f.toString());
            Integer expected = known.get(f.getFileName().toString());
            if (expected != null) assertEquals(expected, r.item().children().size(), f.toString());
            else if (r.item().children().isEmpty()) assertFalse(r.problems().isEmpty(), "unreadable TNEF is a problem: " + f);
        }
    }

    @Test
    void tnefInRealMailFromTheCorporaGivesItsFiles() throws Exception {
        Path f = Corpora.get("nasty-mime/mailcore2-summary/1808-winmail-dat.eml");
        Parsed email = Fixtures.PARSER.parse(new RawInput("1808.eml", "1808.eml", RawInput.Hint.EMAIL,
                Files.readAllBytes(f))).item();
        List<String> names = email.children().stream().map(Parsed::name).toList();
        assertFalse(names.contains("winmail.dat"), names.toString());
        assertFalse(names.isEmpty());
    }

    private static boolean isTnef(Path p) {
        try (var in = Files.newInputStream(p)) {
            byte[] b = in.readNBytes(4);
            return Tnef.isTnef(b);
        } catch (IOException e) {
            return false;
        }
    }

    private static byte[] mailWith(byte[] tnef) {
        String b64 = Base64.getMimeEncoder().encodeToString(tnef);
        String mail = "From: a@example.org\r\nTo: b@example.org\r\nSubject: tnef\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=XX\r\n\r\n--XX\r\nContent-Type: text/plain\r\n\r\nsee\r\n"
                + "--XX\r\nContent-Type: application/ms-tnef; name=winmail.dat\r\n"
                + "Content-Disposition: attachment; filename=winmail.dat\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + b64 + "\r\n--XX--\r\n";
        return mail.getBytes(StandardCharsets.US_ASCII);
    }
}
