package dossier.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dossier.model.Limits;
import dossier.model.Problem;
import dossier.parse.Ocr;
import dossier.search.Searcher;
import dossier.testutil.Corpora;
import dossier.model.Item;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scans are read by OCR beside the ingest ({@link OcrQueue}), yet the archive is the same as if they had been read in
 * turn: ids in the order files were found, the same manifest and problem log with one thread or three, a copy of a
 * scan deduplicated, the scans' words searchable, and a commit every few items (each waits for the scans before it).
 */
class OcrQueueTest {
    @TempDir
    Path tmp;

    @Test
    void scansReadBesideTheIngestKeepTheirOrderAndTheArchiveIsTheSameWithAnyThreads() throws Exception {
        assumeTrue(Ocr.tesseract().isPresent() || System.getenv("CI") != null, "tesseract not installed: OCR test skipped");
        Path dump = Files.createDirectories(tmp.resolve("dump"));
        Path png = Corpora.get("documents/ocr-scanned/typewriter.png");
        mail(dump.resolve("a-mail"), 0);
        Files.copy(png, dump.resolve("b-scan.png"));
        mail(dump.resolve("c-mail"), 10);
        Files.copy(png, dump.resolve("d-copy-of-scan.png"));
        FormatsIngestTest.imageOnlyPdf(png, dump.resolve("e-scanned.pdf"));
        Files.write(dump.resolve("f-cut.pdf"), HostileFiles.truncatedPdf());
        mail(dump.resolve("g-mail"), 20);

        Path one = ingest("one", 1, dump), three = ingest("three", 3, dump);
        assertEquals(Files.readString(one.resolve("manifest.tsv")), Files.readString(three.resolve("manifest.tsv")));
        assertEquals(Files.readString(one.resolve("problems.jsonl")), Files.readString(three.resolve("problems.jsonl")));

        Map<String, Long> ids = Manifest.read(one.resolve("manifest.tsv")).stream()
                .collect(Collectors.toMap(Manifest.Entry::source, Manifest.Entry::id));
        assertEquals(11L, ids.get("dump/b-scan.png"), "the scan is numbered where it was found, after ten emails");
        assertEquals(ids.get("dump/b-scan.png"), ids.get("dump/d-copy-of-scan.png"), "its copy is a duplicate");
        assertEquals(22L, ids.get("dump/e-scanned.pdf"));
        assertEquals(23L, ids.get("dump/f-cut.pdf"));
        assertEquals(33L, ids.get("dump/g-mail/09.eml"));
        List<Problem> problems = Problems.read(one.resolve("problems.jsonl"));
        assertEquals(1, problems.size(), problems.toString());
        assertEquals("dump/f-cut.pdf", problems.get(0).path());
        try (Searcher s = Searcher.open(Archive.open(one))) {
            assertEquals(2, s.count("linzensoep"), "the image and the PDF made of it, read by OCR");
            assertEquals(30, s.count("kind:email"));
            assertEquals(3, s.count("kind:document"));
        }
    }

    /**
     * Scans attached to mail are read by the OCR queue too, not inside their email's parse: numbered in message order
     * under their email, dated and titled as attachments read with it, the same archive with one thread or three, a
     * copy attached to a later email deduplicated, and a text attachment beside them read with its email.
     */
    @Test
    void scansAttachedToMailAreReadBesideTheIngestAsAttachmentsOfTheirEmail() throws Exception {
        assumeTrue(Ocr.tesseract().isPresent() || System.getenv("CI") != null, "tesseract not installed: OCR test skipped");
        Path dump = Files.createDirectories(tmp.resolve("dump"));
        Path png = Corpora.get("documents/ocr-scanned/typewriter.png");
        Path pdf = tmp.resolve("scanned.pdf");
        FormatsIngestTest.imageOnlyPdf(png, pdf);
        mail(dump.resolve("a-mail"), 0);
        byte[] image = Files.readAllBytes(png);
        Files.write(dump.resolve("b-scans.eml"), withAttachments("scans", "recipe.png", image, "recipe.pdf",
                Files.readAllBytes(pdf), "notes.txt", "Quillwort notes typed by hand.".getBytes(StandardCharsets.UTF_8)));
        mail(dump.resolve("c-mail"), 10);
        Files.write(dump.resolve("d-again.eml"), withAttachments("again", "copy.png", image));

        Path one = ingest("one", 1, dump), three = ingest("three", 3, dump);
        assertEquals(Files.readString(one.resolve("manifest.tsv")), Files.readString(three.resolve("manifest.tsv")));
        assertEquals(Files.readString(one.resolve("problems.jsonl")), Files.readString(three.resolve("problems.jsonl")));
        assertEquals("", Files.readString(one.resolve("problems.jsonl")));

        Map<String, Long> ids = Manifest.read(one.resolve("manifest.tsv")).stream()
                .collect(Collectors.toMap(Manifest.Entry::source, Manifest.Entry::id));
        assertEquals(11L, ids.get("dump/b-scans.eml"));
        assertEquals(List.of(12L, 13L, 14L), List.of(ids.get("dump/b-scans.eml#attachment/1"),
                ids.get("dump/b-scans.eml#attachment/2"), ids.get("dump/b-scans.eml#attachment/3")), ids.toString());
        assertEquals(25L, ids.get("dump/d-again.eml"));
        assertEquals(12L, ids.get("dump/d-again.eml#attachment/1"), "the copy attached again is a duplicate");
        try (Searcher s = Searcher.open(Archive.open(one))) {
            assertEquals(List.of(12L, 13L), sorted(s.ids(s.parse("linzensoep"), 10)), "both scans read by OCR");
            assertEquals(List.of(14L), sorted(s.ids(s.parse("quillwort"), 10)), "the text file read with its email");
            Item email = s.item(11).orElseThrow();
            assertEquals(List.of(12L, 13L, 14L), email.attachments());
            for (long id : List.of(12L, 13L)) {
                Item scan = s.item(id).orElseThrow();
                assertEquals(dossier.model.Kind.ATTACHMENT, scan.kind());
                assertEquals(11L, scan.parent());
                assertEquals(email.date(), scan.date(), "dated like its email");
                assertEquals(id == 12 ? "recipe.png" : "recipe.pdf", scan.title());
            }
            assertEquals("image/png", s.item(12).orElseThrow().contentType());
            assertEquals(2, s.count("kind:attachment linzensoep"));
        }
    }

    /**
     * An ingest interrupted after a commit that recorded a scan still being read (every file after it written and
     * committed) resumes by reading the scan again from its stored original, and ends as an uninterrupted run does.
     */
    @Test
    void anIngestInterruptedWhileAScanWaitsResumesToTheSameArchive() throws Exception {
        assumeTrue(Ocr.tesseract().isPresent() || System.getenv("CI") != null, "tesseract not installed: OCR test skipped");
        Path dump = Files.createDirectories(tmp.resolve("dump"));
        mail(dump.resolve("a-mail"), 0);
        Files.copy(Corpora.get("documents/ocr-scanned/typewriter.png"), dump.resolve("b-scan.png"));
        mail(dump.resolve("c-mail"), 10);
        resumesToTheSameArchive(dump, 21);
    }

    /** The same, when the scan waiting at the interruption was attached to an email: it keeps its email and date. */
    @Test
    void anIngestInterruptedWhileAnAttachedScanWaitsResumesToTheSameArchive() throws Exception {
        assumeTrue(Ocr.tesseract().isPresent() || System.getenv("CI") != null, "tesseract not installed: OCR test skipped");
        Path dump = Files.createDirectories(tmp.resolve("dump"));
        mail(dump.resolve("a-mail"), 0);
        Files.write(dump.resolve("b-scan.eml"), withAttachments("scan", "recipe.png",
                Files.readAllBytes(Corpora.get("documents/ocr-scanned/typewriter.png"))));
        mail(dump.resolve("c-mail"), 10);
        Path resumed = resumesToTheSameArchive(dump, 22);
        try (Searcher s = Searcher.open(Archive.open(resumed))) {
            Item scan = s.item(12).orElseThrow();
            assertEquals(11L, scan.parent());
            assertEquals(s.item(11).orElseThrow().date(), scan.date());
            assertEquals("recipe.png", scan.title());
            assertEquals(dossier.model.Kind.ATTACHMENT, scan.kind());
        }
    }

    /** Interrupts an ingest of {@code dump} once a commit records a scan waiting, resumes it, compares; the archive. */
    private Path resumesToTheSameArchive(Path dump, long items) throws Exception {
        Path reference = ingest("reference", 2, dump);

        Archive archive = Archive.create(tmp.resolve("resumed"), "resumed");
        AtomicReference<Throwable> ended = new AtomicReference<>();
        Thread run = Thread.ofPlatform().start(() -> {
            try {
                new Ingest(new Ingest.Options(2, Limits.DEFAULT, 1, Ocr.on("eng"))).run(archive, List.of(dump),
                        (f, b) -> Progress.silent());
            } catch (Throwable t) {
                ended.set(t);
            }
        });
        boolean sawWaitingScan = false;
        while (run.isAlive() && !(sawWaitingScan = committedData(archive).containsKey("awaitingText"))) Thread.sleep(5);
        run.interrupt(); // as Ctrl-C does: whatever was not committed is rolled back
        run.join();
        assertTrue(sawWaitingScan, "a commit recorded the scan as waiting for its text");
        assertTrue(ended.get() != null, "the interrupted ingest stopped early"); // how depends on where it was

        Path resumed = ingest("resumed", 2, dump);
        for (String f : List.of("manifest.tsv", "problems.jsonl", "ingested.txt")) {
            assertEquals(Files.readString(reference.resolve(f)), Files.readString(resumed.resolve(f)), f);
        }
        assertEquals(Archive.open(reference).info().counts(), Archive.open(resumed).info().counts());
        try (Searcher s = Searcher.open(Archive.open(resumed))) {
            assertEquals(1, s.count("linzensoep"), "the scan read again after the interruption");
            assertEquals(items, s.count("*"), "every item indexed once");
        }
        return resumed;
    }

    private static List<Long> sorted(java.util.Collection<Long> ids) {
        return ids.stream().sorted().toList();
    }

    /** An email dated 3 March 2003 with the given files attached (name, then bytes), base64 encoded. */
    private static byte[] withAttachments(String subject, Object... files) {
        StringBuilder m = new StringBuilder("""
                From: Ann Example <ann@example.org>
                To: bob@example.org
                Subject: %s
                Message-ID: <%s@example.org>
                Date: Mon, 3 Mar 2003 10:00:00 +0000
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="b"
                
                --b
                Content-Type: text/plain
                
                Files attached.
                """.formatted(subject, subject));
        for (int i = 0; i < files.length; i += 2) {
            m.append("--b\r\nContent-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\n")
                    .append("Content-Disposition: attachment; filename=\"").append(files[i]).append("\"\r\n\r\n")
                    .append(Base64.getMimeEncoder().encodeToString((byte[]) files[i + 1])).append("\r\n");
        }
        return m.append("--b--\r\n").toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static Map<String, String> committedData(Archive archive) {
        try (var dir = FSDirectory.open(archive.indexDir())) {
            return DirectoryReader.indexExists(dir) ? SegmentInfos.readLatestCommit(dir).getUserData() : Map.of();
        } catch (java.io.IOException e) {
            return Map.of(); // a commit being written: look again
        }
    }

    private Path ingest(String name, int threads, Path dump) throws Exception {
        Archive archive = Archive.create(tmp.resolve(name), name); // or opens it, to resume
        new Ingest(new Ingest.Options(threads, Limits.DEFAULT, 4, Ocr.on("eng")))
                .run(archive, List.of(dump), (f, b) -> Progress.silent());
        return archive.dir();
    }

    private static void mail(Path dir, int first) throws Exception {
        Files.createDirectories(dir);
        for (int i = 0; i < 10; i++) {
            Files.writeString(dir.resolve(String.format(Locale.ROOT, "%02d.eml", i)), """
                    From: Ann Example <ann@example.org>
                    To: bob@example.org
                    Subject: note %d
                    Message-ID: <note-%d@example.org>

                    Routine note number %d.
                    """.formatted(first + i, first + i, first + i));
        }
    }
}
