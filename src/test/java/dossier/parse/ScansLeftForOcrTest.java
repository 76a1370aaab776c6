package dossier.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dossier.model.Kind;
import dossier.model.Limits;
import dossier.model.ParseResult;
import dossier.model.Parsed;
import dossier.model.RawInput;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * Which files of an email the ingest's parse leaves for the OCR queue ({@link Parser#parse(RawInput, boolean)}): images
 * and PDFs by their bytes, whatever their names, and nothing else. No Tesseract runs here: what is left is not read.
 */
class ScansLeftForOcrTest {
    private final Parser parser = new Parser(Limits.DEFAULT, Extractor.inProcess(Ocr.on("eng")));

    @Test
    void anImageAttachedUnderAMailNameIsLeftForOcrLikeAnyScan() throws Exception {
        byte[] png = png("Quillwort"), other = png("Marsh");
        byte[] forwarded = """
                From: Cy <cy@example.org>
                Subject: forwarded
                Message-ID: <fwd@example.org>

                Forwarded words.
                """.getBytes(StandardCharsets.US_ASCII);
        byte[] mail = email(
                part("image/png", "recipe.png", png),
                part("application/octet-stream", "scan.eml", other), // a scan, whatever its name says
                part("text/plain", "notes.txt", "Notes typed by hand.".getBytes(StandardCharsets.US_ASCII)),
                part("application/octet-stream", "old.eml", forwarded)); // a message saved as a file: read with the email

        ParseResult r = parser.parse(new RawInput("m.eml", "m.eml", RawInput.Hint.EMAIL, mail), true);

        assertEquals(List.of("recipe.png", "scan.eml"), r.unread().stream().map(Parsed::name).toList());
        List<Parsed> files = r.item().children();
        assertEquals(List.of("recipe.png", "scan.eml", "notes.txt", "old.eml"), files.stream().map(Parsed::name).toList());
        assertSame(files.get(0), r.unread().get(0), "the tree holds the very items left unread");
        assertSame(files.get(1), r.unread().get(1));
        assertEquals("", files.get(1).text(), "not read yet");
        assertTrue(files.get(2).text().contains("typed by hand"), "a text file is read with its email");
        assertTrue(files.get(3).text().contains("Forwarded words"), "so is a message saved as a file");
        assertEquals(List.of(), r.problems());
    }

    /**
     * The OCR queue reads an attached scan as an attachment ({@link RawInput.Hint#ATTACHMENT}): a name ending in .eml
     * does not make it mail, as it does a file of the dump.
     */
    @Test
    void theQueueReadsAnAttachedScanNamedLikeMailAsAnImage() throws Exception {
        byte[] png = png("Marsh");
        RawInput attached = new RawInput("m.eml#attachment/2", "scan.eml", RawInput.Hint.ATTACHMENT, png);
        assertTrue(parser.goesToOcr(attached));
        Parsed read = new Parser(Limits.DEFAULT, Extractor.inProcess(Ocr.OFF)).parse(attached).item();
        assertEquals(Kind.DOCUMENT, read.kind());
        assertEquals("image/png", read.contentType());

        RawInput file = new RawInput("dump/scan.eml", "scan.eml", RawInput.Hint.FILE, png);
        assertEquals(false, parser.goesToOcr(file), "a file of the dump named .eml is taken for mail");
    }

    /** A PNG of one word in black on white, large enough to be worth reading. */
    private static byte[] png(String word) throws Exception {
        BufferedImage image = new BufferedImage(240, 60, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 240, 60);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 32));
        g.drawString(word, 10, 42);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static String part(String type, String name, byte[] bytes) {
        return "--b\r\nContent-Type: " + type + "; name=\"" + name + "\"\r\nContent-Transfer-Encoding: base64\r\n"
                + "Content-Disposition: attachment; filename=\"" + name + "\"\r\n\r\n"
                + Base64.getMimeEncoder().encodeToString(bytes) + "\r\n";
    }

    private static byte[] email(String... parts) {
        StringBuilder m = new StringBuilder("""
                From: Ann Example <ann@example.org>\r
                To: bob@example.org\r
                Subject: scans\r
                Message-ID: <scans@example.org>\r
                Date: Mon, 3 Mar 2003 10:00:00 +0000\r
                MIME-Version: 1.0\r
                Content-Type: multipart/mixed; boundary="b"\r
                \r
                --b\r
                Content-Type: text/plain\r
                \r
                Files attached.\r
                """);
        for (String p : parts) m.append(p);
        return m.append("--b--\r\n").toString().getBytes(StandardCharsets.US_ASCII);
    }
}
