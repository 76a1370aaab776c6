package dossier.source;

import static dossier.testutil.Trees.touch;
import static dossier.testutil.Trees.touchBytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dossier.model.Limits;
import dossier.model.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ListingTest {
    @TempDir Path dir;
    private final List<Problem> problems = new ArrayList<>();
    private final Sources sources = new Sources(Limits.DEFAULT);

    private List<String> displays(Path... roots) {
        return files(roots).stream().map(SourceFile::display).toList();
    }

    private List<SourceFile> files(Path... roots) {
        List<SourceFile> files = new ArrayList<>();
        sources.list(List.of(roots), problems::add).forEach(files::add);
        return files;
    }


    @Test
    void filesAreSortedByUtf8BytesNotByUtf16() throws Exception {
        // U+FF5E is EF BD 9E in UTF-8 but FF5E in UTF-16; U+1F600 is F0 9F 98 80 but D83D DE00: the orders differ.
        touch(dir.resolve("dump"), "B", "\u00e9", "Z", "\uff5e", "\ud83d\ude00", "a/b", "a.b", "a-b");
        assertEquals(List.of("dump/B", "dump/Z", "dump/a-b", "dump/a.b", "dump/a/b", "dump/\u00e9", "dump/\uff5e",
                "dump/\ud83d\ude00"), displays(dir.resolve("dump")));
        assertEquals(List.of(), problems);
    }

    @Test
    void namesThatAreNotUtf8AreRecordedEachApartWithTheirBytesEscaped() throws Exception {
        // 0xFA, 0xFE and 0xFF are never UTF-8 and 0xC3 starts a character it does not finish: Java reads each as U+FFFD.
        // The first name is UTF-8, holding U+FFFD itself and then what an escape looks like.
        touchBytes(dir.resolve("dump"), "bad\\357\\277\\275FEutf8.txt", "bad\\376utf8.txt", "bad\\377utf8.txt",
                "bad\\372utf8.txt", "dir\\372/in.txt", "r\\303.txt");
        List<SourceFile> files = files(dir.resolve("dump"));
        assertEquals(List.of("dump/bad\uFFFDEF\uFFFDBF\uFFFDBDFEutf8.txt", "dump/bad\uFFFDFAutf8.txt",
                "dump/bad\uFFFDFEutf8.txt", "dump/bad\uFFFDFFutf8.txt", "dump/dir\uFFFDFA/in.txt", "dump/r\uFFFDC3.txt"),
                files.stream().map(SourceFile::display).toList(), "distinct, in the byte order of the recorded paths");
        // Each file is the one its path names, and Java reads it.
        assertEquals(List.of("bad\\357\\277\\275FEutf8.txt", "bad\\372utf8.txt", "bad\\376utf8.txt",
                "bad\\377utf8.txt", "dir\\372/in.txt", "r\\303.txt"), files.stream().map(f -> read(f.path())).toList());
        assertEquals(List.of(), problems);
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void listingIsTheSameEveryTime() throws Exception {
        for (int i = 0; i < 300; i++) touch(dir.resolve("d"), "f" + (i * 7919 % 300), "sub" + (i % 7) + "/g" + i);
        assertEquals(displays(dir.resolve("d")), displays(dir.resolve("d")));
        assertEquals(600, displays(dir.resolve("d")).size());
    }

    @Test
    void displayPathStartsAtTheFolderHoldingTheRoot() throws Exception {
        touch(dir.resolve("data/sony"), "lists/dev.mbox");
        touch(dir.resolve("data"), "x.mbox");
        List<SourceFile> files = files(dir.resolve("data/sony"), dir.resolve("data/x.mbox"));
        assertEquals(List.of("sony/lists/dev.mbox", "x.mbox"), files.stream().map(SourceFile::display).toList());
        assertEquals(dir.resolve("data/sony/lists/dev.mbox"), files.get(0).path());
        assertEquals("lists/dev.mbox".length(), files.get(0).size());
    }

    @Test
    void filesOfAllRootsAreSortedTogether() throws Exception {
        touch(dir.resolve("b"), "1");
        touch(dir.resolve("a"), "2");
        assertEquals(List.of("a/2", "b/1"), displays(dir.resolve("b"), dir.resolve("a")));
    }

    @Test
    void theSameRootTwiceIsListedOnce() throws Exception {
        touch(dir.resolve("d"), "x");
        assertEquals(List.of("d/x"), displays(dir.resolve("d"), dir.resolve("d/../d")));
    }

    @Test
    void missingRootIsAnError() {
        var e = assertThrows(IllegalArgumentException.class, () -> displays(dir.resolve("nope")));
        assertTrue(e.getMessage().contains("nope"), e.getMessage());
    }

    @Test
    void symlinksInsideARootAreReportedNotFollowed() throws Exception {
        touch(dir.resolve("outside"), "secret");
        touch(dir.resolve("d"), "real");
        Files.createSymbolicLink(dir.resolve("d/link"), dir.resolve("outside/secret"));
        Files.createSymbolicLink(dir.resolve("d/linkdir"), dir.resolve("outside"));
        assertEquals(List.of("d/real"), displays(dir.resolve("d")));
        assertEquals(List.of(new Problem("d/link", Problem.SOURCE, "symbolic link not followed"),
                new Problem("d/linkdir", Problem.SOURCE, "symbolic link not followed")),
                problems.stream().sorted((x, y) -> x.path().compareTo(y.path())).toList());
    }

    @Test
    void unreadableFolderIsAProblem() throws Exception {
        assumeTrue(!"root".equals(System.getProperty("user.name")), "root reads every folder");
        touch(dir.resolve("d"), "ok", "locked/x");
        Files.setPosixFilePermissions(dir.resolve("d/locked"), PosixFilePermissions.fromString("---------"));
        try {
            assertEquals(List.of("d/ok"), displays(dir.resolve("d")));
            assertEquals(1, problems.size());
            assertEquals("d/locked", problems.get(0).path());
            assertTrue(problems.get(0).reason().contains("permission denied"), problems.get(0).reason());
        } finally {
            Files.setPosixFilePermissions(dir.resolve("d/locked"), PosixFilePermissions.fromString("rwx------"));
        }
    }
}
