package dossier.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dossier.model.Problem;
import dossier.parse.Ocr;
import dossier.search.Searcher;
import dossier.testutil.Corpora;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Whole ingests over the Outlook, archive, document, hostile-mail and scan corpora: every file accounted for, known
 * facts found. (The whole of nasty-mime is here since one of its messages, a recipient of 86,718 characters, stopped
 * every ingest that reached it while the parsing tests over it passed.)
 */
class FormatsIngestTest {
    @TempDir
    Path tmp;

    private Archive ingest(Ingest.Options options, List<Path> roots) throws Exception {
        Archive archive = Archive.create(tmp.resolve("archive"), "test");
        new Ingest(options).run(archive, roots, (f, b) -> Progress.silent());
        return archive;
    }

    @Test
    void everyOutlookArchiveAndDocumentFileIsAccountedForAndOutlookMailIsSearchable() throws Exception {
        List<Path> roots = List.of(Corpora.get("documents/pst"), Corpora.get("documents/poi-hsmf-msg"),
                Corpora.get("documents/tika"), Corpora.get("nasty-mime"), Corpora.get("enron-attachments"));
        Archive archive = ingest(new Ingest.Options(2, dossier.model.Limits.DEFAULT, 20_000, Ocr.OFF), roots);

        List<String> accounted = new ArrayList<>();
        Manifest.read(archive.manifest()).forEach(e -> accounted.add(e.source()));
        Problems.read(archive.problems()).forEach(p -> accounted.add(p.path()));
        for (Path root : roots) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    String display = root.getFileName() + "/" + root.relativize(f).toString().replace('\\', '/');
                    assertTrue(accounted.stream().anyMatch(s -> s.equals(display) || s.startsWith(display + "#")),
                            "not accounted for: " + display);
                }
            }
        }
        try (Searcher searcher = Searcher.open(Archive.open(archive.dir()))) {
            // testPST.pst (Tika), and quick.msg (POI): subjects checked against readpst and POI elsewhere.
            assertTrue(searcher.count("subject:\"Feature Generators\"") >= 1);
            assertTrue(searcher.count("\"Test the content transformer\"") >= 1);
            // quick-winmail.dat's quick.doc, unpacked from TNEF.
            assertTrue(searcher.count("filename:quick.doc") >= 1, "TNEF files are items");
        }
        Map<String, Long> encrypted = new TreeMap<>();
        for (Problem p : Problems.read(archive.problems())) {
            if (p.reason().startsWith("encrypted")) encrypted.merge(p.path().replaceAll("#.*", ""), 1L, Long::sum);
        }
        assertTrue(encrypted.keySet().containsAll(List.of("tika/testZipEncrypted.zip", "tika/test7Z_protected_passTika.7z",
                "tika/testWORD_protected_passtika.docx")), encrypted.toString());
    }

    /** OCR wherever Tika runs: in the extraction workers (the default) and in this JVM. */
    @ParameterizedTest
    @EnumSource(Ingest.Isolation.class)
    void wordsInScannedImagesAndImageOnlyPdfsAreFoundAfterOcr(Ingest.Isolation isolation) throws Exception {
        if (Ocr.tesseract().isEmpty()) {
            if ("true".equals(System.getenv("CI"))) throw new AssertionError("tesseract is missing in CI");
            assumeTrue(false, "tesseract not installed: OCR test skipped");
        }
        Path scans = Files.createDirectories(tmp.resolve("scans"));
        Path png = Corpora.get("documents/ocr-scanned/typewriter.png");
        Files.copy(png, scans.resolve("typewriter.png"));
        imageOnlyPdf(png, scans.resolve("scanned-recipe.pdf"));
        Files.writeString(scans.resolve("note.txt"), "a plain note");
        Archive archive = ingest(new Ingest.Options(2, dossier.model.Limits.DEFAULT, 20_000, isolation, Ocr.on("eng")),
                List.of(scans));
        assertEquals(List.of(), Problems.read(archive.problems()).stream().map(Problem::reason).toList());
        try (Searcher searcher = Searcher.open(Archive.open(archive.dir()))) {
            // typewriter.png reads "Linzensoep a la Waterman / 4 ons linzen / 3 liter water / 3 uien" (see SOURCE.md).
            assertEquals(2, searcher.count("linzensoep"), "the image and the PDF made of it");
            assertEquals(2, searcher.count("waterman"));
            assertEquals(1, searcher.count("note"));
        }
    }

    @Test
    void withoutOcrScansAreStillItems() throws Exception {
        Path scans = Files.createDirectories(tmp.resolve("scans"));
        Files.copy(Corpora.get("documents/ocr-scanned/typewriter.png"), scans.resolve("typewriter.png"));
        Archive archive = ingest(new Ingest.Options(2, dossier.model.Limits.DEFAULT, 20_000, Ocr.OFF), List.of(scans));
        assertEquals(1, Manifest.read(archive.manifest()).size());
        try (Searcher searcher = Searcher.open(Archive.open(archive.dir()))) {
            assertEquals(0, searcher.count("linzensoep"));
        }
    }

    /** A one-page PDF holding nothing but the image, as a scanner makes it. */
    static void imageOnlyPdf(Path image, Path pdf) throws Exception {
        try (PDDocument doc = new PDDocument()) {
            var img = ImageIO.read(image.toFile());
            PDPage page = new PDPage(new PDRectangle(img.getWidth() * 72f / 150, img.getHeight() * 72f / 150));
            doc.addPage(page);
            PDImageXObject x = LosslessFactory.createFromImage(doc, img);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.drawImage(x, 0, 0, page.getMediaBox().getWidth(), page.getMediaBox().getHeight());
            }
            doc.save(pdf.toFile());
        }
    }
}
