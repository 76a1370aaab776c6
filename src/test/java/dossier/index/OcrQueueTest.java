package dossier.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dossier.model.Limits;
import dossier.model.Problem;
import dossier.parse.Ocr;
import dossier.search.Searcher;
import dossier.testutil.Corpora;
import java.nio.file.Files;
import java.nio.file.Path;
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
            assertEquals(21, s.count("*"), "every item indexed once");
        }
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
