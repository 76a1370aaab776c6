package dossier.index;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dossier.model.Limits;
import dossier.model.Problem;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every bound in {@link Limits} is enforced by a whole ingest: with tiny limits, each file just past one bound ends as
 * a problem naming it. (The time per file is proved by {@link HostileFilesTest}.)
 */
class LimitsTest {
    @TempDir
    static Path tmp;
    static final Limits TINY = new Limits(8 << 20, 2, 3, 10, 100, 1024, Duration.ofSeconds(60));
    static List<Problem> problems;

    @BeforeAll
    static void ingest() throws Exception {
        Path dump = Files.createDirectories(tmp.resolve("d"));
        Files.write(dump.resolve("big.txt"), new byte[9 << 20]);
        Files.write(dump.resolve("many.zip"), zip("a.txt", "a".getBytes(), "b.txt", "b".getBytes(),
                "c.txt", "c".getBytes(), "d.txt", "d".getBytes(), "e.txt", "e".getBytes()));
        StringBuilder mbox = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            mbox.append("From a@b.org Mon May 14 16:39:00 2001\nFrom: a@b.org\nSubject: m").append(i)
                    .append("\n\nbody ").append(i).append("\n\n");
        }
        Files.writeString(dump.resolve("many.mbox"), mbox);
        Files.write(dump.resolve("deep.zip"), zip("z1.zip", zip("z2.zip", zip("z3.zip", zip("x.txt", "x".getBytes())))));
        Files.write(dump.resolve("dense.zip"), zip("zeros.bin", new byte[3 << 20]));
        Files.writeString(dump.resolve("long.txt"), "word ".repeat(200));
        Files.writeString(dump.resolve("long.eml"), "From: a@b.org\nSubject: long\n\n" + "word ".repeat(200));
        Files.writeString(dump.resolve("header.eml"), "From: a@b.org\nX-Pad: " + "p".repeat(5000) + "\nSubject: h\n\nbody\n");
        Archive a = Archive.create(tmp.resolve("archive"), "limits");
        new Ingest(new Ingest.Options(2, TINY, 1000, Ingest.Isolation.NONE))
                .run(a, List.of(dump), (f, b) -> Progress.silent());
        problems = Problems.read(a);
    }

    static byte[] zip(Object... nameThenBytes) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (int i = 0; i < nameThenBytes.length; i += 2) {
                z.putNextEntry(new ZipEntry((String) nameThenBytes[i]));
                z.write((byte[]) nameThenBytes[i + 1]);
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }

    static void assertProblem(String file, String stage, String reason) {
        assertTrue(problems.stream().anyMatch(p -> (p.path().equals("d/" + file) || p.path().startsWith("d/" + file + "#"))
                && p.stage().equals(stage) && p.reason().contains(reason)), file + ": " + reason + " in " + problems);
    }

    @Test
    void fileLargerThanMaxFileBytesIsNotRead() {
        assertProblem("big.txt", Problem.LIMIT, "larger than " + (8 << 20) + " bytes");
    }

    @Test
    void zipWithMoreThanMaxEntriesStopsThere() {
        assertProblem("many.zip", Problem.LIMIT, "more than 3 entries");
    }

    @Test
    void mboxWithMoreThanMaxEntriesStopsThere() {
        assertProblem("many.mbox", Problem.LIMIT, "more than 3 messages");
    }

    @Test
    void containersNestedPastMaxDepthAreNotOpened() {
        assertProblem("deep.zip", Problem.LIMIT, "nested deeper than 2");
    }

    @Test
    void entryExpandingPastMaxExpansionIsNotRead() {
        assertProblem("dense.zip", Problem.LIMIT, "expands more than 10 times");
    }

    @Test
    void documentTextIsCutAtMaxTextChars() {
        assertProblem("long.txt", Problem.EXTRACT, "text cut at 100 characters");
    }

    @Test
    void emailTextIsCutAtMaxTextChars() {
        assertProblem("long.eml", Problem.EXTRACT, "text cut at 100 characters");
    }

    @Test
    void headerBlockIsCutAtMaxHeaderBytes() {
        assertProblem("header.eml", Problem.LIMIT, "cut at 1024");
    }
}
