package dossier.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dossier.parse.Ocr;
import dossier.testutil.Corpora;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher and Tika's worker processes as a user meets them: workers that cannot start, the workers' class data
 * archive, and the temporary files Tika leaves behind, each through the real {@code ./dossier}.
 */
class ParserWorkersIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir static Path tmp;
    static Path dump;

    record Run(int exit, String out, String err) {}

    /** Runs {@code ./dossier args} with {@code env} added to the environment. */
    static Run dossier(Map<String, String> env, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("./dossier"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().putAll(env);
        Process p = pb.start();
        var err = new ByteArrayOutputStream();
        Thread errReader = Thread.ofPlatform().start(() -> {
            try (var e = p.getErrorStream()) {
                e.transferTo(err);
            } catch (IOException ignored) {
                // the process ended
            }
        });
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = p.waitFor();
        errReader.join();
        return new Run(exit, out, err.toString(StandardCharsets.UTF_8));
    }

    /** An mbox of one email and five documents that go to Tika (text and an office file). */
    @BeforeAll
    static void writeDump() throws IOException {
        dump = tmp.resolve("dump");
        Files.createDirectories(dump);
        Files.writeString(dump.resolve("a.mbox"), """
                From alice@example.com Mon May 14 16:39:00 2001
                From: Alice Archer <alice@example.com>
                To: Bob Baker <bob@example.com>
                Subject: Zeppelin hangar lease
                Date: Mon, 14 May 2001 09:39:00 -0700
                Message-ID: <lease@example.com>

                The hangar lease ends in June.
                """);
        for (int i = 1; i <= 4; i++) Files.writeString(dump.resolve("note" + i + ".txt"), "Hangar note number " + i + ".\n");
        Files.copy(Corpora.get("documents").resolve("tika/footnotes.docx"), dump.resolve("footnotes.docx"));
    }

    @Test
    void workersThatCannotStartAreGivenUpOnceAndEveryDocumentIsAProblemWithTheReason() throws Exception {
        Path archive = tmp.resolve("unstartable");
        // A real failing start: the workers' JVM refuses an option it does not know.
        Run r = dossier(Map.of("DOSSIER_JAVA_OPTS", "-Xmx512m -Ddossier.parser.java-options=-XX:+NoSuchDossierOption"),
                "ingest", "--threads", "1", "--archive", archive.toString(), "--format", "json", dump.toString());
        assertEquals(0, r.exit(), r.err());
        JsonNode summary = JSON.readTree(r.out());
        assertEquals(6, summary.get("files").asInt());
        assertEquals(1, summary.get("emails").asInt(), "mail is parsed in the ingest itself");
        assertEquals(5, summary.get("documents").asInt(), "every document is still an item");
        assertEquals(1, r.err().split("Parser workers failed to start", -1).length - 1, "said once: " + r.err());

        List<JsonNode> problems = new ArrayList<>();
        for (String line : Files.readAllLines(archive.resolve("problems.jsonl"))) problems.add(JSON.readTree(line));
        assertEquals(5, problems.size(), problems.toString());
        for (JsonNode p : problems) {
            String reason = p.get("reason").asText();
            assertTrue(reason.contains("failed to start") || reason.contains("could not start"), p.toString());
            // The JVM's own words reach every record (WorkerStartTest: killing the ended worker lost them at times).
            assertTrue(reason.contains("Unrecognized VM option 'NoSuchDossierOption'"), p.toString());
        }
        long givenUp = problems.stream()
                .filter(p -> p.get("reason").asText().startsWith("parser workers could not start: exit 1")).count();
        // Three starts are tried, one file each; the two files after them are not sent to a fourth.
        assertEquals(2, givenUp, problems.toString());
    }

    @Test
    void secondIngestsWorkersStartFromTheClassArchiveTheFirstWroteWhenItsWorkerEnded() throws Exception {
        List<Path> old;
        try (Stream<Path> s = Files.list(Path.of("target"))) {
            old = s.filter(p -> p.getFileName().toString().startsWith("parser-")).toList();
        }
        for (Path p : old) Files.delete(p);
        Run first = dossier(Map.of(), "ingest", "--archive", tmp.resolve("cds1").toString(), dump.toString());
        assertEquals(0, first.exit(), first.err());
        Path jsa;
        try (Stream<Path> s = Files.list(Path.of("target"))) {
            List<Path> written = s.filter(p -> p.getFileName().toString().startsWith("parser-")).toList();
            assertEquals(1, written.size(), "one archive, no training leftovers: " + written);
            jsa = written.get(0);
        }
        assertTrue(jsa.getFileName().toString().endsWith(".jsa"), jsa.toString());

        Run second = dossier(Map.of("DOSSIER_JAVA_OPTS",
                        "-Xmx512m -Ddossier.parser.java-options=-Xlog:class+load=info:stderr"),
                "ingest", "--archive", tmp.resolve("cds2").toString(), dump.toString());
        assertEquals(0, second.exit(), second.err());
        assertTrue(second.err().contains("org.apache.tika.parser.AutoDetectParser source: shared objects file (top)"),
                "the worker loaded Tika from the archive");
        assertFalse(second.err().contains("[cds") || second.err().contains("[error"),
                "no notes of the JVM on the archive reach the user: " + second.err());
    }

    @Test
    void tikasTemporaryFilesStayInTheRunsOwnFolderAndAreDeletedAfterTheRunIsKilled() throws Exception {
        assumeTrue(Ocr.tesseract().isPresent(), "needs tesseract: its run keeps Tika's spooled input on disk");
        Path scans = tmp.resolve("scans"), ownTmp = tmp.resolve("tmpdir");
        Files.createDirectories(scans);
        Files.createDirectories(ownTmp);
        Files.copy(Corpora.get("documents").resolve("ocr-scanned/typewriter.png"), scans.resolve("typewriter.png"));
        // Tika in the ingest JVM, reading a scan with Tesseract: its spooled copy of the image is on disk meanwhile.
        ProcessBuilder pb = new ProcessBuilder("./dossier", "ingest", "--isolation", "none", "--ocr-languages", "eng",
                "--archive", tmp.resolve("killed").toString(), scans.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("TMPDIR", ownTmp.toString());
        Process p = pb.start();
        Path runFolder = ownTmp.resolve("dossier-run-" + p.pid()); // the launcher execs the JVM: same process id
        while (p.isAlive() && tikaFiles(runFolder).isEmpty()) Thread.sleep(20);
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        p.waitFor();
        assertFalse(tikaFiles(runFolder).isEmpty(), "killed while Tika's temporary file was in the run's folder");
        assertEquals(List.of(), direct(ownTmp), "nothing of Tika's directly in the shared temporary folder");

        Run next = dossier(Map.of("TMPDIR", ownTmp.toString()), "problems", "--archive", tmp.resolve("killed").toString());
        assertFalse(Files.exists(runFolder), "the next run deleted the killed run's folder: " + next.err());
        try (Stream<Path> left = Files.list(ownTmp)) {
            assertEquals(List.of(), left.toList(), "and its own");
        }
    }

    /** Tika's temporary files ({@code apache-tika-*}) anywhere under {@code dir}. */
    private static List<Path> tikaFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(f -> f.getFileName().toString().startsWith("apache-tika-")).toList();
        } catch (java.io.UncheckedIOException e) {
            return List.of(); // a file went away while walking
        }
    }

    /** Tika's temporary files directly in {@code dir}. */
    private static List<Path> direct(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(f -> f.getFileName().toString().startsWith("apache-tika-")).toList();
        }
    }
}
