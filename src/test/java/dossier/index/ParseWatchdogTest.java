package dossier.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dossier.model.Limits;
import dossier.model.Problem;
import dossier.parse.isolation.HostileParsers;
import dossier.search.Searcher;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With Tika in process ({@link Ingest.Isolation#NONE}) nothing can stop a parser that hangs and ignores interrupts:
 * the ingest's watchdog abandons its parse after the time limit plus a grace, records the file as timed out, and a new
 * thread parses the rest of that file's batch, so every file after it is still read. (A batch holds up to 8 files of
 * this kind, so the files named after the hanging one share its batch.)
 */
class ParseWatchdogTest {
    @TempDir
    Path tmp;

    @Test
    void aHangingParseIsAbandonedAndTheRestOfItsBatchIsRead() throws Exception {
        HostileParsers.register();
        Path dump = Files.createDirectories(tmp.resolve("dump"));
        for (int i = 0; i < 6; i++) write(dump, String.format(Locale.ROOT, "a%02d.txt", i), "before" + i + " plain");
        write(dump, "m-stuck.hang", "DOSSIER-HANG");
        for (int i = 0; i < 12; i++) write(dump, String.format(Locale.ROOT, "n%02d.txt", i), "after" + i + " plain");
        Limits twoSeconds = new Limits(Limits.DEFAULT.maxFileBytes(), Limits.DEFAULT.maxDepth(),
                Limits.DEFAULT.maxEntries(), Limits.DEFAULT.maxExpansion(), Limits.DEFAULT.maxTextChars(),
                Limits.DEFAULT.maxHeaderBytes(), Duration.ofSeconds(2));
        Archive archive = Archive.create(tmp.resolve("archive"), "watchdog");

        new Ingest(new Ingest.Options(2, twoSeconds, 1000, Ingest.Isolation.NONE))
                .run(archive, List.of(dump), (f, b) -> Progress.silent());

        List<Problem> problems = Problems.read(archive);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).path().endsWith("m-stuck.hang"), problems.toString());
        assertTrue(problems.get(0).reason().contains("timed out"), problems.toString());
        try (Searcher s = Searcher.open(archive)) {
            for (int i = 0; i < 6; i++) assertEquals(1, s.count("before" + i), "file " + i + " before the hang");
            for (int i = 0; i < 12; i++) assertEquals(1, s.count("after" + i), "file " + i + " after the hang");
            assertEquals(19, s.count("*"), "every file is an item, the timed-out one too");
        }
    }

    private static void write(Path dir, String name, String text) throws Exception {
        Files.write(dir.resolve(name), text.getBytes(StandardCharsets.UTF_8));
    }
}
