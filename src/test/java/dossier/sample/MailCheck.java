package dossier.sample;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dossier.sample.DumpReader.Item;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.apache.james.mime4j.dom.Body;
import org.apache.james.mime4j.dom.Entity;
import org.apache.james.mime4j.dom.Multipart;
import org.apache.james.mime4j.dom.SingleBody;
import org.apache.james.mime4j.dom.TextBody;
import org.apache.james.mime4j.message.DefaultMessageBuilder;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/** Checks one generated email with an independent parser (mime4j) and its attachments with POI and PDFBox. */
final class MailCheck {
    private MailCheck() {}

    /** Parses the message and checks the headers every email must have. */
    static org.apache.james.mime4j.dom.Message parse(Item item) throws IOException {
        var message = new DefaultMessageBuilder().parseMessage(new ByteArrayInputStream(item.bytes()));
        String where = item.location();
        assertNotNull(message.getFrom(), "From in " + where);
        assertFalse(message.getFrom().isEmpty(), "From in " + where);
        assertNotNull(message.getTo(), "To in " + where);
        assertNotNull(message.getSubject(), "Subject in " + where);
        assertNotNull(message.getMessageId(), "Message-ID in " + where);
        String head = headerBlock(item);
        String date = header(head, "Date");
        assertNotNull(date, "Date in " + where);
        ZonedDateTime parsed = ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME);
        assertTrue(parsed.getYear() >= 2013 && parsed.getYear() <= 2014, where + ": " + date);
        assertNotNull(header(head, "MIME-Version"), "MIME-Version in " + where);
        return message;
    }

    /** Decodes every attachment, opens it by type, and returns their text together. */
    static String checkAttachments(Item item, Entity entity, Map<String, Integer> byType) throws IOException {
        StringBuilder text = new StringBuilder();
        walk(item, entity, byType, text);
        return text.toString();
    }

    private static void walk(Item item, Entity entity, Map<String, Integer> byType, StringBuilder text) throws IOException {
        Body body = entity.getBody();
        if (body instanceof Multipart multipart) {
            for (Entity part : multipart.getBodyParts()) walk(item, part, byType, text);
        } else if (body instanceof org.apache.james.mime4j.dom.Message embedded) {
            walk(item, embedded, byType, text);
        } else if (body instanceof TextBody textBody && !"attachment".equals(entity.getDispositionType())) {
            try (var reader = textBody.getReader()) {
                StringBuilder decoded = new StringBuilder();
                reader.transferTo(new java.io.Writer() {
                    @Override public void write(char[] c, int off, int len) { decoded.append(c, off, len); }
                    @Override public void flush() {}
                    @Override public void close() {}
                });
                assertFalse(decoded.isEmpty(), "text in " + item.location());
            }
        } else if (body instanceof SingleBody single && "attachment".equals(entity.getDispositionType())) {
            String name = entity.getFilename();
            assertNotNull(name, "attachment name in " + item.location());
            byte[] bytes;
            try (InputStream in = single.getInputStream()) {
                bytes = in.readAllBytes();
            }
            String type = name.substring(name.lastIndexOf('.') + 1);
            byType.merge(type, 1, Integer::sum);
            String extracted = text(item.location() + "#" + name, bytes);
            assertFalse(extracted.isBlank(), "text of " + name + " in " + item.location());
            text.append(extracted).append('\n');
        }
    }

    /** The text of a document, opened with the library for its type. */
    static String text(String name, byte[] bytes) throws IOException {
        if (name.endsWith(".docx")) {
            try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes));
                    XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
                return extractor.getText();
            }
        }
        if (name.endsWith(".xlsx")) {
            try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
                StringBuilder out = new StringBuilder();
                book.getSheetAt(0).forEach(row -> row.forEach(cell -> out.append(cell).append(' ')));
                return out.toString();
            }
        }
        if (name.endsWith(".pdf")) {
            try (PDDocument pdf = Loader.loadPDF(bytes)) {
                return new PDFTextStripper().getText(pdf);
            }
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** The header section, unfolded, up to the first empty line. */
    static String headerBlock(Item item) {
        String s = new String(item.bytes(), StandardCharsets.ISO_8859_1).replace("\r\n", "\n");
        int end = s.indexOf("\n\n");
        return (end < 0 ? s : s.substring(0, end)).replaceAll("\n[ \t]+", " ");
    }

    static String header(String headerBlock, String name) {
        for (String line : headerBlock.split("\n")) {
            if (line.regionMatches(true, 0, name + ":", 0, name.length() + 1)) return line.substring(name.length() + 1).strip();
        }
        return null;
    }
}
