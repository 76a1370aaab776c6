package dossier.source;

import static dossier.testutil.Trees.touch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dossier.model.Limits;
import dossier.model.Problem;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The streamed listing gives exactly the order of the whole listing sorted by the UTF-8 bytes of its display paths,
 * which a tiny reference here computes the plain way: collect every path, sort.
 */
class ListingOrderTest {
    @TempDir Path dir;
    private final Sources sources = new Sources(Limits.DEFAULT);

    /** Every file of the roots as "display -> path on disk", in the reference order: all collected, then sorted. */
    private static List<String> reference(Path... roots) throws Exception {
        record Found(byte[] key, String line) {}
        List<Found> all = new ArrayList<>();
        Set<Path> seen = new LinkedHashSet<>();
        for (Path root : roots) {
            Path top = root.toAbsolutePath().normalize();
            if (!seen.add(top)) continue;
            String prefix = top.getFileName().toString();
            try (Stream<Path> walk = Files.walk(top)) {
                for (Path p : walk.filter(p -> Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)).toList()) {
                    String rel = top.relativize(p).toString();
                    String display = rel.isEmpty() ? prefix : prefix + "/" + rel;
                    all.add(new Found(display.getBytes(StandardCharsets.UTF_8), display + " -> " + p));
                }
            }
        }
        // A stable sort: the same display path under two roots keeps the order of the roots.
        all.sort(Comparator.comparing(Found::key, Arrays::compareUnsigned));
        return all.stream().map(Found::line).toList();
    }

    private List<String> streamed(List<Problem> problems, Path... roots) {
        List<String> lines = new ArrayList<>();
        for (SourceFile f : sources.list(List.of(roots), problems::add)) lines.add(f.display() + " -> " + f.path());
        return lines;
    }


    @Test
    void streamedOrderIsTheFullSortForNamesThatBreakAPlainPerFolderSort() throws Exception {
        // Bytes below '/' (space, '!', '-', '.') next to folders of the same prefix; case; multi-byte UTF-8; depth.
        Path one = dir.resolve("x/dump"), two = dir.resolve("y/dump"), spaced = dir.resolve("dump b");
        touch(one, "a", "a b", "a.txt", "a!", "a-b/c.d", "a-b/c/e", "a-b/c d", " lead", "!x", "-x", ".x", "B", "b",
                "Z", "\u00e9", "e", "E/1", "\u65e5\u672c/\u6587\u66f8.txt", "\u65e5\u672c x",
                "\u65e5\u672c/x/y/z/deep.txt", "\u65e5\u672c/x/y/z!", "\u65e5\u672c/x/y-z", "\u00c4", "m/n/o/p/q/r");
        touch(two, "a/b-", "a/b c", "a/b!/x", "a/b/c/d/e/f.txt", "a/b.c", "a b/c", "a.txt", "a-b/c.d", "\u00e9/x",
                "\u65e5\u672c/\u6587\u66f8.txt", "e/e", "e!");
        touch(spaced, "x", "a", "a-/b", "a!");
        touch(dir, "dump.txt", "dump-1", "dump");
        Path[] roots = {one, two, spaced, dir.resolve("dump.txt"), dir.resolve("dump-1"), dir.resolve("x/../x/dump"),
                dir.resolve("dump")};
        List<Problem> problems = new ArrayList<>();
        List<String> streamed = streamed(problems, roots);
        assertEquals(reference(roots), streamed);
        assertEquals(List.of(), problems);
        // The cases are really there: a folder's files after a sibling file whose name goes on with a byte below '/'.
        int folder = streamed.indexOf("dump/a-b/c/e -> " + one.resolve("a-b/c/e"));
        assertTrue(streamed.indexOf("dump/a-b/c d -> " + one.resolve("a-b/c d")) < folder);
        assertTrue(streamed.indexOf("dump/a-b/c.d -> " + two.resolve("a-b/c.d")) < folder);
        assertEquals(streamed.indexOf("dump/a.txt -> " + one.resolve("a.txt")) + 1,
                streamed.indexOf("dump/a.txt -> " + two.resolve("a.txt")), "ties keep the order of the roots");
    }

    @Test
    void streamedOrderIsTheFullSortForRandomTrees() throws Exception {
        String[] parts = {"a", "A", "b", " ", "!", "-", ".", "0", "\u00e9", "\u65e5", "z"};
        Random random = new Random(42);
        List<Path> roots = new ArrayList<>();
        for (int r = 0; r < 3; r++) {
            Path root = dir.resolve("r" + r).resolve(r == 2 ? "t" : "s"); // two roots show as "s/..."
            roots.add(root);
            for (int i = 0; i < 150; i++) {
                StringBuilder path = new StringBuilder();
                int depth = 1 + random.nextInt(4);
                for (int d = 0; d < depth; d++) {
                    if (d > 0) path.append('/');
                    path.append('n'); // no name is "." or ".."
                    for (int k = random.nextInt(3); k >= 0; k--) path.append(parts[random.nextInt(parts.length)]);
                }
                Path p = root.resolve(path.toString());
                if (isUnderAFile(root, p) || Files.isDirectory(p)) continue;
                Files.createDirectories(p.getParent());
                Files.writeString(p, "x");
            }
        }
        Path[] array = roots.toArray(Path[]::new);
        assertEquals(reference(array), streamed(new ArrayList<>(), array));
    }

    private static boolean isUnderAFile(Path root, Path p) {
        for (Path q = p.getParent(); q != null && q.startsWith(root); q = q.getParent()) {
            if (Files.isRegularFile(q)) return true;
        }
        return false;
    }

    @Test
    void problemsComeInDisplayPathOrderWithTheFiles() throws Exception {
        touch(dir.resolve("d"), "m/file", "z");
        Files.createSymbolicLink(dir.resolve("d/z-link"), dir.resolve("d/z"));
        Files.createSymbolicLink(dir.resolve("d/a-link"), dir.resolve("d/z"));
        Files.createSymbolicLink(dir.resolve("d/m/link"), dir.resolve("d/z"));
        List<String> events = new ArrayList<>();
        for (SourceFile f : sources.list(List.of(dir.resolve("d")), p -> events.add("problem " + p.path()))) {
            events.add("file " + f.display());
        }
        assertEquals(List.of("problem d/a-link", "file d/m/file", "problem d/m/link", "file d/z", "problem d/z-link"),
                events);
    }

    @Test
    void eachIterationWalksAgainAndSeesChanges() throws Exception {
        touch(dir.resolve("d"), "1", "3");
        Files.createSymbolicLink(dir.resolve("d/link"), dir.resolve("d/1"));
        List<Problem> problems = new ArrayList<>();
        Iterable<SourceFile> listing = sources.list(List.of(dir.resolve("d")), problems::add);
        List<String> first = new ArrayList<>(), second = new ArrayList<>();
        listing.forEach(f -> first.add(f.display()));
        touch(dir.resolve("d"), "2");
        Files.delete(dir.resolve("d/3"));
        listing.forEach(f -> second.add(f.display()));
        assertEquals(List.of("d/1", "d/3"), first);
        assertEquals(List.of("d/1", "d/2"), second);
        assertEquals(2, problems.size(), "one problem per walk");
    }

    @Test
    void aRootThatIsALinkToAFolderIsFollowed() throws Exception {
        touch(dir.resolve("real"), "b", "a/c");
        Files.createSymbolicLink(dir.resolve("mail"), dir.resolve("real"));
        List<Problem> problems = new ArrayList<>();
        assertEquals(List.of("mail/a/c -> " + dir.resolve("real/a/c").toRealPath(),
                "mail/b -> " + dir.resolve("real/b").toRealPath()), streamed(problems, dir.resolve("mail")));
        assertEquals(List.of(), problems);
    }
}
