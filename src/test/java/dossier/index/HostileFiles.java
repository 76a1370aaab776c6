package dossier.index;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** Generates the hostile files of {@link HostileFilesTest}: each is a known attack or breakage, made small. */
final class HostileFiles {
    private HostileFiles() {}

    static final String BILLION_LAUGHS_DTD = """
            <!DOCTYPE lolz [
             <!ENTITY lol "lol">
             <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
             <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
             <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
             <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
             <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
             <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
             <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
             <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
             <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
            ]>
            """;

    /** Billion laughs: a kilobyte of entity definitions that expands to 3 GB of "lol". */
    static byte[] billionLaughsXml() {
        return ("<?xml version=\"1.0\"?>\n" + BILLION_LAUGHS_DTD.replace("lolz", "lolz")
                + "<lolz>&lol9;</lolz>\n").getBytes(StandardCharsets.UTF_8);
    }

    /** An XML file whose entity reads a local file: a parser that resolves it leaks the machine's secrets. */
    static byte[] xxeXml(String word) {
        return ("<?xml version=\"1.0\"?>\n<!DOCTYPE note [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
                + "<note>" + word + " &xxe;</note>\n").getBytes(StandardCharsets.UTF_8);
    }

    /** A docx whose document part is {@code documentXml}. */
    static byte[] docx(String documentXml) throws IOException {
        return zip(Map.of(
                "[Content_Types].xml", """
                        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
                        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
                        <Default Extension="xml" ContentType="application/xml"/>
                        <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
                        </Types>""",
                "_rels/.rels", """
                        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
                        </Relationships>""",
                "word/document.xml", documentXml));
    }

    /** A WordprocessingML body holding {@code text} (raw: entities allowed), after an optional DOCTYPE. */
    static String wordDocument(String doctype, String text) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n" + doctype
                + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
                + "<w:body><w:p><w:r><w:t>" + text + "</w:t></w:r></w:p></w:body></w:document>";
    }

    /** A zip of zips of zeros: each level holds {@code copies} of the level below; the leaf is {@code zeros} bytes. */
    static byte[] nestedZipBomb(int levels, int copies, int zeros) throws IOException {
        byte[] level = zipBytes("zeros.bin", new byte[zeros], true);
        for (int l = 1; l < levels; l++) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ZipOutputStream z = new ZipOutputStream(out)) {
                for (int i = 0; i < copies; i++) {
                    z.putNextEntry(new ZipEntry("level" + l + "-" + i + ".zip"));
                    z.write(level);
                    z.closeEntry();
                }
            }
            level = out.toByteArray();
        }
        return level;
    }

    /** A zip whose entry names climb out of any folder it might be unpacked into. */
    static byte[] traversalZip(String canary) throws IOException {
        return zip(Map.of("../../" + canary, "escaped\n", "/tmp/" + canary, "absolute\n",
                "..\\..\\" + canary, "backslashes\n", "fine/inside.txt", "an ordinary file\n"));
    }

    /** A message wrapping a message, {@code depth} times. */
    static byte[] nestedMessage(int depth) {
        String inner = "From: core@example.org\r\nSubject: the core\r\n\r\nthe innermost body\r\n";
        for (int d = 0; d < depth; d++) {
            inner = "From: layer" + d + "@example.org\r\nSubject: layer " + d + "\r\nMIME-Version: 1.0\r\n"
                    + "Content-Type: message/rfc822\r\n\r\n" + inner;
        }
        return inner.getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * A message whose every indexed header is {@code chars} characters long, past Lucene's 32,766-byte term and
     * 8,191-character facet limits: a sender name, a recipient that is only a name (as nasty-mime's stack-overflow.txt
     * has, 86,718 characters of encoded words), an address, Message-ID, In-Reply-To, References, subject and an
     * attachment's file name and type. Its body holds the word {@code word}.
     */
    static byte[] hugeFields(int chars, String word) {
        String x = "x".repeat(chars), w = "w".repeat(chars);
        String m = "Content-Type: multipart/mixed; boundary=\"b\"\r\n";
        String headers = "From: \"" + x + "\" <a@example.org>\r\n"
                + "To: \"" + w + "\"\r\n"
                + "Cc: <" + x + "@" + x + ".example.org>\r\n"
                + "Message-ID: <" + x + "@example.org>\r\n"
                + "In-Reply-To: <" + w + "@example.org>\r\n"
                + "References: <" + w + "@example.org>\r\n"
                + "Subject: " + w + "\r\nDate: Mon, 14 May 2001 09:39:00 -0700\r\nMIME-Version: 1.0\r\n" + m + "\r\n";
        String body = "--b\r\nContent-Type: text/plain\r\n\r\n" + word + " in the body\r\n"
                + "--b\r\nContent-Type: application/" + x + "; name=\"" + w + ".txt\"\r\n"
                + "Content-Disposition: attachment; filename=\"" + w + ".txt\"\r\n\r\nattached words\r\n--b--\r\n";
        return (headers + body).getBytes(StandardCharsets.US_ASCII);
    }

    /** An ordinary message with an attachment named with {@code letters} letters, whose text holds {@code word}. */
    static byte[] longAttachmentName(int letters, String word) {
        String name = "w".repeat(letters) + ".txt";
        String m = "From: a@example.org\r\nTo: b@example.org\r\nSubject: a long name\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nthe body\r\n"
                + "--b\r\nContent-Type: text/plain; name=\"" + name + "\"\r\nContent-Disposition: attachment; filename=\""
                + name + "\"\r\n\r\n" + word + " attached\r\n--b--\r\n";
        return m.getBytes(StandardCharsets.US_ASCII);
    }

    /** A message with one header line of {@code bytes} bytes. */
    static byte[] hugeHeaderLine(int bytes) {
        byte[] start = "From: a@example.org\r\nSubject: long\r\nX-Junk: ".getBytes(StandardCharsets.US_ASCII);
        byte[] end = "\r\n\r\nbody after the long header\r\n".getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[start.length + bytes + end.length];
        System.arraycopy(start, 0, out, 0, start.length);
        Arrays.fill(out, start.length, start.length + bytes, (byte) 'x');
        System.arraycopy(end, 0, out, start.length + bytes, end.length);
        return out;
    }

    /** The first half of a real one-page PDF. */
    static byte[] truncatedPdf() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
                s.beginText();
                s.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                s.newLineAtOffset(72, 700);
                s.showText("a page that will be cut in half");
                s.endText();
            }
            doc.save(out);
        }
        byte[] pdf = out.toByteArray();
        return Arrays.copyOf(pdf, pdf.length / 2);
    }

    /** A plain message with one word to search for. */
    static byte[] email(String word) {
        return ("From: clerk@example.org\r\nTo: desk@example.org\r\nSubject: routine note\r\n"
                + "Message-ID: <" + word + "@example.org>\r\nDate: Mon, 14 May 2001 16:39:00 +0000\r\n\r\n"
                + "Filed after the hostile file: " + word + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] zip(Map<String, String> entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (var e : new java.util.TreeMap<>(entries).entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static byte[] zipBytes(String name, byte[] content, boolean deflate) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            z.setMethod(deflate ? ZipOutputStream.DEFLATED : ZipOutputStream.STORED);
            z.putNextEntry(new ZipEntry(name));
            z.write(content);
            z.closeEntry();
        }
        return out.toByteArray();
    }
}
