package dossier.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dossier.model.Limits;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Byte-identical copies: the ingest reads the first and lists the others as its locations without reading them. A
 * copy's location is listed as what the first one's item is, and its problems are the first one's alone, so an
 * ingest that does read a copy (one resumed, or adding a folder later, which knows the earlier inputs only from the
 * archive) gives the same archive as one that skips it.
 */
class CopiesTest {
    @TempDir
    Path tmp;

    private static final String BODY = "The figures for the quarter are below; the totals need a second look.";

    /** An email with Message-ID {@code id} and {@link #BODY}, then multiparts nested 20 deep: a limit problem. */
    private static byte[] tooDeep(String id, String subject) {
        StringBuilder m = new StringBuilder("From: clerk@example.org\r\nTo: desk@example.org\r\nSubject: " + subject + "\r\n"
                + "Message-ID: <" + id + ">\r\nDate: Mon, 14 May 2001 23:30:00 +0000\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"b0\"\r\n\r\n--b0\r\nContent-Type: text/plain\r\n\r\n" + BODY
                + "\r\n");
        for (int i = 1; i <= 20; i++) {
            m.append("--b").append(i - 1).append("\r\nContent-Type: multipart/mixed; boundary=\"b").append(i)
                    .append("\"\r\n\r\n");
        }
        for (int i = 20; i >= 0; i--) m.append("--b").append(i).append("--\r\n");
        return m.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** The same email without the nested parts: the email key of {@link #tooDeep} with other bytes. */
    private static byte[] plain(String id, String subject) {
        return ("From: clerk@example.org\r\nTo: desk@example.org\r\nSubject: " + subject + "\r\nMessage-ID: <" + id
                + ">\r\nDate: Mon, 14 May 2001 23:30:00 +0000\r\n\r\n" + BODY + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static final byte[] REPORT = "Budget report: 4,211 units over plan.\n".getBytes(StandardCharsets.US_ASCII);

    private static byte[] withAttachment() {
        return ("From: clerk@example.org\r\nTo: desk@example.org\r\nSubject: Report\r\nMessage-ID: <r@example.org>\r\n"
                + "Date: Tue, 15 May 2001 09:00:00 +0000\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"x\"\r\n\r\n--x\r\nContent-Type: text/plain\r\n\r\nSee the file.\r\n"
                + "--x\r\nContent-Type: application/octet-stream; name=\"report.bin\"\r\nContent-Transfer-Encoding: base64\r\n"
                + "Content-Disposition: attachment; filename=\"report.bin\"\r\n\r\n"
                + Base64.getMimeEncoder().encodeToString(REPORT) + "\r\n--x--\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] zipOfTwins() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (String name : List.of("x.txt", "y.txt")) {
                z.putNextEntry(new ZipEntry(name));
                z.write("Minutes of the board, kept for the record.\n".getBytes(StandardCharsets.US_ASCII));
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }

    /** Folder {@code one}: the originals; folder {@code two}: their copies and a file an attachment already holds. */
    private void dump() throws IOException {
        Path one = Files.createDirectories(tmp.resolve("dump/one")), two = Files.createDirectories(tmp.resolve("dump/two"));
        Files.write(one.resolve("a-deep.eml"), tooDeep("m1@example.org", "Figures"));
        Files.write(one.resolve("b-plain.eml"), plain("m2@example.org", "Totals"));
        Files.write(one.resolve("c-deep-refiled.eml"), tooDeep("m2@example.org", "Totals")); // the email key of b, a problem
        Files.write(one.resolve("d-report.eml"), withAttachment());
        Files.write(two.resolve("a-deep-copy.eml"), tooDeep("m1@example.org", "Figures"));
        Files.write(two.resolve("c-deep-refiled-copy.eml"), tooDeep("m2@example.org", "Totals"));
        Files.write(two.resolve("report.bin"), REPORT);
        Files.write(two.resolve("twins.zip"), zipOfTwins());
    }

    private Archive ingest(String name, int threads, Path... roots) throws Exception {
        Archive archive = Files.exists(tmp.resolve(name)) ? Archive.open(tmp.resolve(name)) : Archive.create(tmp.resolve(name), name);
        new Ingest(new Ingest.Options(threads, Limits.DEFAULT, 1, Ingest.Isolation.NONE))
                .run(archive, List.of(roots), (f, b) -> Progress.silent());
        return archive;
    }

    @Test
    void copiesAreTheirFirstOnesItemWithItsKindAndTheProblemsOfTheFirstAlone() throws Exception {
        dump();
        Archive a = ingest("a", 1, tmp.resolve("dump/one"), tmp.resolve("dump/two"));
        Map<String, Manifest.Entry> at = Manifest.read(a.manifest()).stream()
                .collect(Collectors.toMap(Manifest.Entry::source, e -> e));
        long deep = at.get("one/a-deep.eml").id(), plain = at.get("one/b-plain.eml").id();
        assertEquals(deep, at.get("two/a-deep-copy.eml").id());
        assertEquals("email", at.get("two/a-deep-copy.eml").kind());
        assertEquals(plain, at.get("one/c-deep-refiled.eml").id(), "same Message-ID and body: a duplicate by email key");
        assertEquals(plain, at.get("two/c-deep-refiled-copy.eml").id(), "a copy of a duplicate: that duplicate's item");
        Manifest.Entry attachment = at.get("one/d-report.eml#attachment/1");
        assertEquals("attachment", attachment.kind());
        assertEquals(attachment.id(), at.get("two/report.bin").id());
        assertEquals("attachment", at.get("two/report.bin").kind(), "listed as what its item is");
        assertEquals(at.get("two/twins.zip#x.txt").id(), at.get("two/twins.zip#y.txt").id());
        assertEquals(List.of("one/a-deep.eml"), problemPaths(a), "a duplicate's location records no problem");
        assertEquals(5, a.info().counts().get("duplicates"));

        Archive four = ingest("four", 4, tmp.resolve("dump/one"), tmp.resolve("dump/two"));
        assertEquals(Files.readString(a.manifest()), Files.readString(four.manifest()));
        assertEquals(Files.readString(a.problems()), Files.readString(four.problems()));
    }

    @Test
    void anIngestThatReadsTheCopiesGivesTheArchiveOfOneThatSkipsThem() throws Exception {
        dump();
        Archive once = ingest("once", 2, tmp.resolve("dump/one"), tmp.resolve("dump/two"));
        // A later run knows the first folder from the archive alone, so it reads every copy in the second.
        ingest("twice", 2, tmp.resolve("dump/one"));
        Archive twice = ingest("twice", 2, tmp.resolve("dump/two"));
        assertEquals(Files.readString(once.manifest()), Files.readString(twice.manifest()));
        assertEquals(Files.readString(once.problems()), Files.readString(twice.problems()));
        assertEquals(once.info().counts(), twice.info().counts());
    }

    /** An email with Message-ID {@code <same@example.org>}, one text, and an attachment holding {@code attached}. */
    private static byte[] attaching(String name, String attached) {
        return ("From: clerk@example.org\r\nTo: desk@example.org\r\nSubject: Files\r\nMessage-ID: <same@example.org>\r\n"
                + "Date: Tue, 15 May 2001 09:00:00 +0000\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"x\"\r\n\r\n--x\r\nContent-Type: text/plain\r\n\r\nThe file.\r\n"
                + "--x\r\nContent-Type: text/plain; name=\"" + name + "\"\r\nContent-Disposition: attachment; filename=\"" + name
                + "\"\r\n\r\n" + attached + "\r\n--x--\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void copiesOfAMessageWithOtherAttachmentsAreItemsOfTheirOwn() throws Exception {
        Path dump = Files.createDirectories(tmp.resolve("attaching-dump"));
        Files.write(dump.resolve("a.eml"), attaching("one.txt", "First draft of the lease."));
        Files.write(dump.resolve("b.eml"), attaching("two.txt", "Second draft, signed."));
        Files.write(dump.resolve("c.eml"), attaching("one.txt", "First draft of the lease."));
        Files.write(dump.resolve("d.eml"), ("X-Folder: sent\r\n" + new String(attaching("one.txt",
                "First draft of the lease."), StandardCharsets.US_ASCII)).getBytes(StandardCharsets.US_ASCII));
        Archive a = ingest("attaching", 1, dump);
        Map<String, Manifest.Entry> at = Manifest.read(a.manifest()).stream()
                .collect(Collectors.toMap(Manifest.Entry::source, e -> e));
        long first = at.get("attaching-dump/a.eml").id(), second = at.get("attaching-dump/b.eml").id();
        assertTrue(first != second, "the same Message-ID and text, another attachment: another item");
        assertEquals("attachment", at.get("attaching-dump/b.eml#attachment/1").kind(), "the second attachment is an item");
        assertEquals(first, at.get("attaching-dump/c.eml").id(), "a byte-identical copy");
        assertEquals(first, at.get("attaching-dump/d.eml").id(), "the same message and attachment filed elsewhere: one item");
        assertEquals(2, a.info().counts().get("emails"));
    }

    private static List<String> problemPaths(Archive a) throws IOException {
        return Files.readAllLines(a.problems()).stream()
                .map(l -> l.replaceAll("^\\{\"path\":\"([^\"]*)\".*", "$1")).toList();
    }
}
