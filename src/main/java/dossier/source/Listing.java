package dossier.source;

import dossier.model.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Walks the roots and lists their regular files sorted by the UTF-8 bytes of the display path, the order ids are
 * assigned in. Byte order, unlike {@link String#compareTo} (UTF-16 units), is the same in every language and tool
 * ({@code LC_ALL=C sort}). Symlinks inside a root are reported, never followed: a link can point anywhere on the
 * publisher's machine.
 */
final class Listing {
    private Listing() {}

    static List<SourceFile> list(List<Path> roots, Consumer<Problem> problems) {
        List<Found> found = new ArrayList<>();
        Set<Path> seen = new HashSet<>();
        for (Path root : roots) {
            Path absolute = root.toAbsolutePath().normalize();
            if (!Files.exists(absolute)) throw new IllegalArgumentException("source not found: " + root);
            // The same root twice would list every file twice under the same display path.
            if (!seen.add(absolute)) continue;
            walk(absolute, found, problems);
        }
        // Ties (the same display path under two roots, e.g. /a/mail and /b/mail) keep the order of the roots.
        found.sort(Comparator.comparing(Found::key, Arrays::compareUnsigned));
        List<SourceFile> files = new ArrayList<>(found.size());
        for (Found f : found) files.add(f.file());
        return files;
    }

    private static void walk(Path root, List<Found> found, Consumer<Problem> problems) {
        String prefix = root.getFileName() == null ? "" : root.getFileName().toString();
        Path start = root;
        try {
            // A root given as a link is followed (the publisher named it); links inside it are not.
            if (Files.isSymbolicLink(root)) start = root.toRealPath();
        } catch (IOException e) {
            problems.accept(new Problem(prefix, Problem.SOURCE, "cannot follow link: " + Opener.reason(e)));
            return;
        }
        Path top = start;
        try {
            Files.walkFileTree(top, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    String display = display(prefix, top, file);
                    if (attrs.isRegularFile()) {
                        byte[] key = display.getBytes(StandardCharsets.UTF_8);
                        found.add(new Found(key, new SourceFile(file, display, attrs.size())));
                    } else if (attrs.isSymbolicLink()) {
                        problems.accept(new Problem(display, Problem.SOURCE, "symbolic link not followed"));
                    } else if (!attrs.isDirectory()) {
                        problems.accept(new Problem(display, Problem.SOURCE, "not a regular file"));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    String display = display(prefix, top, file);
                    problems.accept(new Problem(display, Problem.SOURCE, "cannot read: " + Opener.reason(e)));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) {
                    if (e != null) {
                        String display = display(prefix, top, dir);
                        String reason = "folder not fully read: " + Opener.reason(e);
                        problems.accept(new Problem(display, Problem.SOURCE, reason));
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            problems.accept(new Problem(prefix, Problem.SOURCE, "cannot read: " + Opener.reason(e)));
        }
    }

    /** The path from the folder holding the root: the root's name, then the path below it, with '/' separators. */
    static String display(String prefix, Path top, Path file) {
        StringBuilder b = new StringBuilder(prefix);
        if (file.equals(top)) return b.toString();
        for (Path part : top.relativize(file)) {
            if (!b.isEmpty()) b.append('/');
            b.append(part);
        }
        return b.toString();
    }

    private record Found(byte[] key, SourceFile file) {}
}
