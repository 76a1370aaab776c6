package dossier.parse.isolation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dossier.parse.Deadline;
import dossier.parse.Ocr;
import dossier.parse.TextExtractor.Extraction;
import dossier.testutil.Corpora;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Extraction in worker processes: real Tika answers, and hangs, heap exhaustion and crashes cost only a worker. */
class ProcessExtractorTest {
    private static ProcessExtractor tika;

    @BeforeAll
    static void start() {
        HostileParsers.register();
        tika = new ProcessExtractor(new ProcessExtractor.Options(1, "128m", Duration.ofSeconds(60)));
    }

    @AfterAll
    static void stop() {
        tika.close();
    }

    private static Extraction extract(String text, String name, Duration limit) {
        return tika.extract(text.getBytes(StandardCharsets.UTF_8), name, 1000, Deadline.after(limit));
    }

    private static void assertWorkerStillAnswers() {
        Extraction x = extract("after the storm, calm " + System.nanoTime(), "calm.txt", Duration.ofSeconds(30));
        assertNull(x.problem());
        assertTrue(x.text().startsWith("after the storm, calm"), x.text());
    }

    @Test
    void workerReturnsTikasTextTypeAndCutProblem() {
        Extraction x = extract("quarterly figures", "q.txt", Duration.ofSeconds(30));
        assertEquals("quarterly figures", x.text());
        assertEquals("text/plain", x.contentType());
        assertNull(x.problem());
        Extraction cut = extract("x".repeat(5000), "long.txt", Duration.ofSeconds(30));
        assertEquals("text cut at 1000 characters", cut.problem());
        assertEquals(1000, cut.text().length());
    }

    @Test
    void parserThatHangsIsKilledAtTheDeadlineAndTheNextFileIsRead() {
        long t0 = System.nanoTime();
        Extraction x = extract("DOSSIER-HANG", "stuck.hang", Duration.ofSeconds(2));
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertEquals("parser timed out after 2 s", x.problem());
        assertTrue(seconds < 10, "took " + seconds + " s");
        assertWorkerStillAnswers();
    }

    @Test
    void temporaryFilesOfAWorkerKilledMidFileAreDeletedAndCloseDeletesTheWorkersFolders() throws Exception {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        List<Path> before = hangFiles(tmp);
        ProcessExtractor own = new ProcessExtractor(new ProcessExtractor.Options(1, "128m", Duration.ofSeconds(60)));
        try {
            Extraction x = own.extract("DOSSIER-HANG".getBytes(StandardCharsets.US_ASCII), "stuck.hang", 1000,
                    Deadline.after(Duration.ofSeconds(2)));
            assertEquals("parser timed out after 2 s", x.problem());
            assertEquals(List.of(), filesUnder(own.tempRoot()), "the hung parser's temporary files are gone");
            assertTrue(Files.isDirectory(own.tempRoot()));
        } finally {
            own.close();
        }
        assertFalse(Files.exists(own.tempRoot()), "close deletes every worker's folder");
        assertEquals(before, hangFiles(tmp), "nothing was written to the shared temporary folder");
    }

    private static List<Path> hangFiles(Path dir) throws java.io.IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith(HostileParsers.HANG_TEMP_PREFIX)).sorted().toList();
        }
    }

    static List<Path> filesUnder(Path dir) throws java.io.IOException {
        if (!Files.exists(dir)) return List.of();
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).toList();
        }
    }

    @Test
    void parserThatExhaustsTheHeapEndsItsWorkerNotTheCaller() {
        Extraction x = extract("DOSSIER-OOM", "greedy.oom", Duration.ofSeconds(60));
        assertEquals("parser ran out of memory", x.problem());
        assertWorkerStillAnswers();
    }

    @Test
    void parserThatCrashesTheProcessIsReportedWithItsExitStatus() {
        Extraction x = extract("DOSSIER-CRASH", "boom.crash", Duration.ofSeconds(60));
        assertEquals("parser crashed (exit 134)", x.problem());
        assertWorkerStillAnswers();
    }

    @Test
    void aFileWaitsForABusyWorkerOnlyBrieflyBeforeAnotherStarts() throws Exception {
        try (ProcessExtractor two = new ProcessExtractor(new ProcessExtractor.Options(2, "128m", Duration.ofSeconds(60)))) {
            var hung = java.util.concurrent.CompletableFuture.supplyAsync(() -> two.extract(
                    "DOSSIER-HANG".getBytes(StandardCharsets.UTF_8), "stuck.hang", 1000, Deadline.after(Duration.ofSeconds(15))));
            while (two.liveWorkers() == 0) Thread.sleep(20); // the first worker is up and holds the hanging file
            Extraction x = two.extract("a quick one".getBytes(StandardCharsets.UTF_8), "quick.txt", 1000,
                    Deadline.after(Duration.ofSeconds(60)));
            assertEquals("a quick one", x.text());
            assertFalse(hung.isDone(), "read beside the hanging file, not after it");
            assertEquals(2, two.startsTried());
            assertEquals("parser timed out after 15 s", hung.get().problem());
        }
    }

    @Test
    void afterThreeFailedStartsNoWorkerIsStartedAndEachFileIsAProblemWithTheJvmsReason() {
        // A real failing start: the JVM refuses the heap size and exits at once.
        try (ProcessExtractor broken = new ProcessExtractor(new ProcessExtractor.Options(1, "64q", Duration.ofSeconds(60)))) {
            String why = "exit 1: Invalid maximum heap size: -Xmx64q";
            for (int i = 0; i < ProcessExtractor.START_ATTEMPTS; i++) {
                Extraction x = broken.extract(("file " + i).getBytes(StandardCharsets.UTF_8), i + ".txt", 1000,
                        Deadline.after(Duration.ofSeconds(60)));
                assertEquals("parser process failed to start (" + why + ")", x.problem());
                assertEquals("", x.text());
            }
            for (int i = 0; i < 3; i++) {
                Extraction x = broken.extract(("later " + i).getBytes(StandardCharsets.UTF_8), "later.txt", 1000,
                        Deadline.after(Duration.ofSeconds(60)));
                assertEquals("parser workers could not start: " + why, x.problem());
                assertEquals("text/plain", x.contentType(), "the type still comes from the name and first bytes");
            }
            assertEquals(ProcessExtractor.START_ATTEMPTS, broken.startsTried(), "no start after the third failure");
        }
    }

    @Test
    void deadlineAlreadyPassedReadsNothing() {
        Extraction x = tika.extract("late".getBytes(StandardCharsets.UTF_8), "late.txt", 1000,
                Deadline.after(Duration.ZERO));
        assertEquals("parser timed out after 0 s", x.problem());
        assertEquals("", x.text());
    }

    @Test
    void workersReadScansWithTheOcrSettingsTheyWereStartedWith() throws Exception {
        if (Ocr.tesseract().isEmpty()) {
            if ("true".equals(System.getenv("CI"))) throw new AssertionError("tesseract is missing in CI");
            assumeTrue(false, "tesseract not installed: OCR test skipped");
        }
        // typewriter.png reads "Linzensoep a la Waterman / 4 ons linzen / ..." (see SOURCE.md).
        byte[] png = Files.readAllBytes(Corpora.get("documents/ocr-scanned/typewriter.png"));
        ProcessExtractor ocr = new ProcessExtractor(
                new ProcessExtractor.Options(1, "512m", Duration.ofSeconds(60), Ocr.on("eng")));
        try (ocr) {
            Extraction x = ocr.extract(png, "typewriter.png", 10_000, Deadline.after(Ocr.on("eng").budget()));
            assertNull(x.problem());
            assertTrue(x.text().toLowerCase(java.util.Locale.ROOT).contains("waterman"), x.text());
            // Killed while Tesseract reads the page (or, on a fast machine, just after): nothing of it stays behind.
            byte[] other = java.util.Arrays.copyOf(png, png.length + 1); // not the cached answer
            Extraction killed = ocr.extract(other, "typewriter2.png", 10_000, Deadline.after(Duration.ofMillis(300)));
            if (killed.problem() != null) assertEquals(List.of(), filesUnder(ocr.tempRoot()));
        }
        assertFalse(Files.exists(ocr.tempRoot()));
        // The shared extractor was started without OCR: the same image gives no text.
        Extraction off = tika.extract(png, "typewriter.png", 10_000, Deadline.after(Duration.ofSeconds(60)));
        assertEquals("", off.text());
    }

    @Test
    void ocrSettingsSurviveTheWorkersCommandLine() {
        Ocr ocr = new Ocr(true, "eng+deu", Duration.ofSeconds(45));
        assertEquals("eng+deu/45", ocr.toArgument());
        assertEquals(ocr, Ocr.fromArgument(ocr.toArgument()));
        assertEquals(Ocr.OFF, Ocr.fromArgument(Ocr.OFF.toArgument()));
    }
}
