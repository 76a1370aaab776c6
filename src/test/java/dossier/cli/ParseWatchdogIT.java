package dossier.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dossier.index.Archive;
import dossier.index.Problems;
import dossier.model.Problem;
import dossier.search.Searcher;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With Tika in process ({@code --isolation none}) nothing can stop a parser that hangs and ignores interrupts: the
 * ingest's watchdog abandons its parse after the time limit plus a grace, records the file as timed out, and a new
 * thread parses the rest of that file's batch, so every file after it is still read. (A batch holds up to 8 files of
 * this kind, so the files named after the hanging one share its batch.) The test parser that hangs is registered for a
 * made-up type ({@code dossier.parse.isolation.HostileParsers}), which Tika knows only when the property naming it is
 * set before Tika first loads: so the real command runs in a JVM of its own.
 */
class ParseWatchdogIT {
    @TempDir
    Path tmp;

    @Test
    void aParseThatHangsInProcessIsAbandonedAndTheRestOfItsBatchIsRead() throws Exception {
        Path dump = Files.createDirectories(tmp.resolve("dump"));
        for (int i = 0; i < 6; i++) write(dump, String.format(Locale.ROOT, "a%02d.txt", i), "before" + i + " plain");
        write(dump, "m-stuck.hang", "DOSSIER-HANG");
        for (int i = 0; i < 12; i++) write(dump, String.format(Locale.ROOT, "n%02d.txt", i), "after" + i + " plain");
        Path archive = tmp.resolve("archive"), log = tmp.resolve("ingest.log");
        Path types = Path.of(ParseWatchdogIT.class.getResource("/hostile-mimetypes.xml").toURI());
        String java = ProcessHandle.current().info().command().orElse("java");
        // Its own temporary folder, as ./dossier gives every run: the abandoned parse leaves its files there, not in /tmp.
        Path runTmp = Files.createDirectories(tmp.resolve("run-tmp"));
        Process p = new ProcessBuilder(java, "-Xmx1g", "-Dtika.custom-mimetypes=" + types,
                "-Djava.io.tmpdir=" + runTmp,
                "-cp", System.getProperty("java.class.path"), "dossier.cli.Main", "ingest", "--archive", archive.toString(),
                "--threads", "2", "--isolation", "none", "--no-ocr", "--time-limit", "2", dump.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        try {
            assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the ingest ends although one parse never does");
        } finally {
            p.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), output);
        assertTrue(output.contains("m-stuck.hang") && output.contains("its parse thread is abandoned"),
                "the watchdog gave up on the hanging parse: " + output);

        List<Problem> problems = Problems.read(archive.resolve("problems.jsonl"));
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).path().endsWith("m-stuck.hang"), problems.toString());
        assertTrue(problems.get(0).reason().contains("timed out"), problems.toString());
        try (Searcher s = Searcher.open(Archive.open(archive))) {
            for (int i = 0; i < 6; i++) assertEquals(1, s.count("before" + i), "file " + i + " before the hang");
            for (int i = 0; i < 12; i++) assertEquals(1, s.count("after" + i), "file " + i + " after the hang");
            assertEquals(19, s.count("*"), "every file is an item, the timed-out one too");
        }
    }

    private static void write(Path dir, String name, String text) throws Exception {
        Files.write(dir.resolve(name), text.getBytes(StandardCharsets.UTF_8));
    }
}
