package dossier.sample;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Date;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TimeZone;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;

/**
 * Writes real docx, xlsx and pdf files whose bytes depend only on their content. POI and PDFBox stamp the
 * current time into metadata, zip entries and the PDF /ID, so every one of those is set here; zips are stored
 * uncompressed, because deflate output differs between zlib builds and would break byte-identical output
 * across machines. Stateless and thread-safe.
 */
final class OfficeFiles {
    private OfficeFiles() {}

    /** A named file for {@link #zip}. */
    record Entry(String name, byte[] bytes) {}

    /** Content and metadata shared by every kind of document. */
    record Content(String title, String author, Instant created, List<String> paragraphs) {}

    static byte[] docx(Content c) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XWPFParagraph heading = doc.createParagraph();
            var run = heading.createRun();
            run.setBold(true);
            run.setFontSize(14);
            run.setText(c.title());
            for (String paragraph : c.paragraphs()) doc.createParagraph().createRun().setText(paragraph);
            stamp(doc.getProperties(), c);
            doc.write(out);
            return normalizeZip(out.toByteArray(), c.created());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A workbook with one sheet: a header row, then rows of strings and numbers. */
    static byte[] xlsx(Content c, List<String> header, List<List<Object>> rows) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = book.createSheet(sheetName(c.title()));
            XSSFRow first = sheet.createRow(0);
            for (int i = 0; i < header.size(); i++) first.createCell(i).setCellValue(header.get(i));
            for (int r = 0; r < rows.size(); r++) {
                XSSFRow row = sheet.createRow(r + 1);
                List<Object> values = rows.get(r);
                for (int i = 0; i < values.size(); i++) {
                    if (values.get(i) instanceof Number n) row.createCell(i).setCellValue(n.doubleValue());
                    else row.createCell(i).setCellValue(String.valueOf(values.get(i)));
                }
            }
            // Fixed widths: autoSizeColumn measures with the machine's fonts, which would vary the bytes.
            for (int i = 0; i < header.size(); i++) sheet.setColumnWidth(i, i == 0 ? 28 * 256 : 16 * 256);
            if (!c.paragraphs().isEmpty()) {
                XSSFSheet notes = book.createSheet("Notes");
                for (int i = 0; i < c.paragraphs().size(); i++) notes.createRow(i).createCell(0).setCellValue(c.paragraphs().get(i));
            }
            stamp(book.getProperties(), c);
            book.write(out);
            return normalizeZip(out.toByteArray(), c.created());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A text PDF in Helvetica, wrapped at about 90 characters, uncompressed so the bytes never vary. */
    static byte[] pdf(Content c) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            List<String> lines = new ArrayList<>();
            for (String paragraph : c.paragraphs()) {
                lines.addAll(wrap(winAnsi(paragraph), 90));
                lines.add("");
            }
            int perPage = 52;
            for (int start = 0; start == 0 || start < lines.size(); start += perPage) {
                PDPage page = new PDPage(PDRectangle.LETTER);
                doc.addPage(page);
                try (PDPageContentStream s = new PDPageContentStream(doc, page,
                        PDPageContentStream.AppendMode.OVERWRITE, false)) {
                    s.beginText();
                    s.newLineAtOffset(60, 720);
                    if (start == 0) {
                        s.setFont(bold, 14);
                        s.showText(winAnsi(c.title()));
                        s.newLineAtOffset(0, -26);
                    }
                    s.setFont(font, 10);
                    for (String line : lines.subList(start, Math.min(lines.size(), start + perPage))) {
                        s.showText(line);
                        s.newLineAtOffset(0, -12.5f);
                    }
                    s.endText();
                }
            }
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(winAnsi(c.title()));
            info.setAuthor(winAnsi(c.author()));
            info.setCreator("Microsoft Word - " + winAnsi(c.title()));
            info.setProducer("Dossier sample generator");
            info.setCreationDate(calendar(c.created()));
            info.setModificationDate(calendar(c.created()));
            // PDFBox would otherwise derive /ID from the clock.
            byte[] id = Integer.toHexString(c.title().hashCode() ^ c.paragraphs().hashCode()).getBytes(StandardCharsets.US_ASCII);
            COSArray ids = new COSArray();
            ids.add(new COSString(id));
            ids.add(new COSString(id));
            doc.getDocument().getTrailer().setItem(COSName.ID, ids);
            doc.save(out, CompressParameters.NO_COMPRESSION);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A zip of the entries, stored (not deflated), every entry dated {@code time} (DOS local time, no zone). */
    static byte[] zip(List<Entry> entries, Instant time) {
        LocalDateTime local = LocalDateTime.ofInstant(time, ZoneOffset.UTC);
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream(); ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setMethod(ZipOutputStream.STORED);
            for (Entry e : entries) {
                ZipEntry entry = new ZipEntry(e.name());
                entry.setTimeLocal(local);
                entry.setMethod(ZipEntry.STORED);
                entry.setSize(e.bytes().length);
                entry.setCompressedSize(e.bytes().length);
                CRC32 crc = new CRC32();
                crc.update(e.bytes());
                entry.setCrc(crc.getValue());
                zip.putNextEntry(entry);
                zip.write(e.bytes());
                zip.closeEntry();
            }
            zip.finish();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rewrites a zip written by POI with the same entries in the same order, stored and dated {@code time}. */
    static byte[] normalizeZip(byte[] zipBytes, Instant time) throws IOException {
        List<Entry> entries = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zipBytes))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) entries.add(new Entry(e.getName(), in.readAllBytes()));
        }
        return zip(entries, time);
    }

    private static void stamp(POIXMLProperties properties, Content c) {
        POIXMLProperties.CoreProperties core = properties.getCoreProperties();
        core.setTitle(c.title());
        core.setCreator(c.author());
        core.setLastModifiedByUser(c.author());
        core.setCreated(Optional.of(Date.from(c.created())));
        core.setModified(Optional.of(Date.from(c.created())));
    }

    private static Calendar calendar(Instant time) {
        GregorianCalendar calendar = new GregorianCalendar(TimeZone.getTimeZone("UTC"), Locale.ROOT);
        calendar.setTimeInMillis(time.toEpochMilli());
        return calendar;
    }

    /** Helvetica without embedding knows WinAnsi only; anything else becomes '?'. */
    static String winAnsi(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            out.append(ch >= 32 && ch < 127 || ch >= 0xA0 && ch <= 0xFF ? ch : '?');
        }
        return out.toString();
    }

    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) line.append(' ');
            line.append(word);
        }
        if (line.length() > 0) lines.add(line.toString());
        return lines;
    }

    private static String sheetName(String title) {
        String name = title.replaceAll("[\\\\/?*\\[\\]:]", " ");
        return name.length() > 31 ? name.substring(0, 31) : name;
    }
}
