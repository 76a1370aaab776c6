package dossier.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dossier.index.Archive;
import dossier.parse.Ocr;
import dossier.search.Searcher;
import dossier.testutil.Corpora;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scan whose OCR takes long must not hold back the files after it. The dump starts with a scanned image and an email
 * with a scan attached, and goes on with forty emails; {@code tesseract} on the ingest's PATH is a wrapper around the
 * real one that holds every OCR call until this test releases it (or a minute has passed). The real {@code dossier
 * ingest} must write every file, the scans' numbers and originals included, while the OCR is still held, and index the
 * scans' words once it is released.
 */
class SlowOcrIT {
    @TempDir
    Path tmp;

    @Test
    void aScanWhoseOcrIsHeldDoesNotHoldBackTheFilesAfterIt() throws Exception {
        var tesseract = Ocr.tesseract();
        assumeTrue(tesseract.isPresent() || System.getenv("CI") != null, "tesseract not installed: OCR test skipped");
        Path dump = Files.createDirectories(tmp.resolve("dump"));
        Files.createDirectories(dump.resolve("a-scans"));
        Files.copy(Corpora.get("documents/ocr-scanned/typewriter.png"), dump.resolve("a-scans/typewriter.png"));
        // A scan attached to mail is read beside the ingest too, not inside its email's parse.
        Files.writeString(dump.resolve("a-scans/with-scan.eml"), """
                From: Ann Example <ann@example.org>
                To: bob@example.org
                Subject: map
                Message-ID: <map@example.org>
                Date: Mon, 3 Mar 2003 09:00:00 +0000
                Content-Type: multipart/mixed; boundary="b"

                --b
                Content-Type: text/plain

                The map, scanned.
                --b
                Content-Type: image/png; name="map.png"
                Content-Transfer-Encoding: base64

                %s
                --b--
                """.formatted(java.util.Base64.getMimeEncoder().encodeToString(
                        Files.readAllBytes(Corpora.get("documents/ocr-scanned/baiona.png")))));
        Path mail = Files.createDirectories(dump.resolve("b-mail"));
        for (int i = 0; i < 40; i++) {
            Files.writeString(mail.resolve(String.format(Locale.ROOT, "%02d.eml", i)), """
                    From: Ann Example <ann@example.org>
                    To: bob@example.org
                    Subject: note %d
                    Message-ID: <note-%d@example.org>
                    Date: Mon, 3 Mar 2003 10:00:00 +0000

                    Routine note number %d.
                    """.formatted(i, i, i));
        }
        int files = 42;

        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path release = tmp.resolve("release"), gaveUp = tmp.resolve("gave-up");
        Path wrapper = bin.resolve("tesseract");
        Files.writeString(wrapper, """
                #!/bin/sh
                # Options (--version, --list-langs) pass straight through; an OCR call (an image first) is held.
                case "$1" in -*) exec %1$s "$@";; esac
                i=0
                while [ ! -e %2$s ] && [ $i -lt 600 ]; do sleep 0.1; i=$((i+1)); done
                [ -e %2$s ] || touch %3$s
                exec %1$s "$@"
                """.formatted(tesseract.orElseThrow(), release, gaveUp));
        Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));

        Path archive = tmp.resolve("archive"), log = tmp.resolve("ingest.log");
        String java = ProcessHandle.current().info().command().orElse("java");
        Path runTmp = Files.createDirectories(tmp.resolve("run-tmp")); // as ./dossier gives every run
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx1g", "-Djava.io.tmpdir=" + runTmp,
                "-cp", System.getProperty("java.class.path"), "dossier.cli.Main", "ingest", "--archive", archive.toString(),
                "--threads", "2", "--format", "json", dump.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().put("PATH", bin + File.pathSeparator + System.getenv("PATH"));
        Process p = pb.start();
        try {
            // The progress line the ingest prints (forced) once the last file is written.
            String allWritten = "files " + files + "/" + files;
            while (p.isAlive() && !Files.readString(log, StandardCharsets.UTF_8).contains(allWritten)) Thread.sleep(20);
            String sofar = Files.readString(log, StandardCharsets.UTF_8);
            assertTrue(sofar.contains(allWritten), "the ingest never wrote every file: " + sofar);
            assertFalse(Files.exists(gaveUp), "every file was written only after the held OCR gave up: " + sofar);
            Files.createFile(release);
            assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the ingest ends once OCR is released");
        } finally {
            p.destroyForcibly();
        }
        assertEquals(0, p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        assertFalse(Files.exists(gaveUp), "the OCR was released before it gave up");

        Archive a = Archive.open(archive);
        assertEquals(43L, a.info().counts().get("items"));
        try (Searcher s = Searcher.open(a)) {
            // typewriter.png reads "Linzensoep a la Waterman / 4 ons linzen / 3 liter water / 3 uien" (see SOURCE.md).
            List<Long> hits = new ArrayList<>(s.ids(s.parse("linzen"), 10));
            assertEquals(1, hits.size(), "the scan's words are indexed once its OCR is done");
            assertEquals("a-scans/typewriter.png", s.item(hits.get(0)).orElseThrow().source().replaceFirst("^.*dump/", ""));
            assertEquals(1L, s.item(hits.get(0)).orElseThrow().id(), "the scan keeps the first id, as found");
            // baiona.png is a map whose place names include Tarnose and Mugerre.
            List<Long> attached = new ArrayList<>(s.ids(s.parse("tarnose mugerre"), 10));
            assertEquals(List.of(3L), attached, "the attached scan, numbered after its email, read once released");
            assertEquals(2L, s.item(3).orElseThrow().parent());
        }
        assertEquals("", Files.readString(archive.resolve("problems.jsonl")), "no problems");
    }
}
