package dossier.source;

import dossier.model.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * Walks one root depth first, yielding its regular files and its problems in the byte order of their display paths,
 * while holding only the folders on the current path: memory grows with depth times the largest folder, not with the
 * number of files.
 *
 * <p>Why depth first gives the order of the whole sorted listing: two paths below a folder {@code D} differ first
 * within the names of two children {@code a} and {@code b} of {@code D}. Comparing {@code D/a...} with {@code D/b...}
 * byte-wise is comparing {@code a} with {@code b}, each followed by {@code /} if it is a folder: a name holds no
 * {@code /}, so when one name is a prefix of the other the next byte decides, and for a folder that byte is the
 * {@code /} of its paths. So siblings are sorted by their UTF-8 name with {@code /} appended to folders; a plain sort
 * by name would put folder {@code a} (its files are {@code a/...}) before file {@code a b} ({@code ' '} is 0x20, below
 * {@code '/'}).
 *
 * <pre>{@code
 * Walk walk = new Walk(Path.of("/data/sony"));
 * for (Walk.Found f; (f = walk.next()) != null; ) ...   // sony/lists/dev.mbox, sony/lists/ops.mbox, sony/x.zip
 * }</pre>
 *
 * <p>A root given as a link is followed (the publisher named it); links inside are reported, never followed: a link
 * can point anywhere on the publisher's machine. Not thread-safe: one thread walks.
 */
final class Walk {
    /**
     * One thing the walk found: a regular file or a problem, with the key it is ordered by across roots (the display
     * path's UTF-8 bytes, with {@code /} appended for a folder's problem, which comes before the folder's files).
     */
    record Found(byte[] key, SourceFile file, Problem problem) {}

    /** A folder entry, read once when its folder is read: what it is and how it sorts among its siblings. */
    private record Entry(Path path, byte[] sortKey, Kind kind, long size, String failure) {}

    private enum Kind { FILE, FOLDER, LINK, OTHER, UNREADABLE }

    /** A folder being walked: its display path and its sorted entries, the next to visit at {@code next}. */
    private static final class Folder {
        final String display;
        final Entry[] entries;
        int next;

        Folder(String display, Entry[] entries) {
            this.display = display;
            this.entries = entries;
        }
    }

    private final Path root;
    private final String prefix;
    private final Deque<Folder> folders = new ArrayDeque<>();
    /** Problems met on reading a folder, returned before its entries. */
    private final Deque<Found> pending = new ArrayDeque<>();
    private boolean started;

    /** A walk of an absolute, normalised root; nothing is read until {@link #next}. */
    Walk(Path root) {
        this.root = root;
        this.prefix = root.getFileName() == null ? "" : name(root);
    }

    /** The next file or problem in display-path order, or null when the walk is over; never throws. */
    Found next() {
        if (!started) {
            started = true;
            start();
        }
        while (true) {
            if (!pending.isEmpty()) return pending.poll();
            Folder folder = folders.peek();
            if (folder == null) return null;
            if (folder.next == folder.entries.length) {
                folders.pop();
                continue;
            }
            Entry e = folder.entries[folder.next];
            folder.entries[folder.next++] = null; // visited: let it go
            String display = folder.display.isEmpty() ? name(e.path()) : folder.display + "/" + name(e.path());
            Found found = visit(e, display);
            if (found != null) return found;
        }
    }

    private void start() {
        Path top = root;
        try {
            if (Files.isSymbolicLink(root)) top = root.toRealPath();
        } catch (IOException | RuntimeException e) {
            pending.add(problem(prefix, false, "cannot follow link: " + Opener.reason(e)));
            return;
        }
        Found found = visit(read(top, root), prefix);
        if (found != null) pending.add(found);
    }

    /** The file or problem this entry is; a folder is read and entered instead (null). */
    private Found visit(Entry e, String display) {
        return switch (e.kind()) {
            case FILE -> new Found(utf8(display), new SourceFile(e.path(), display, e.size()), null);
            case FOLDER -> {
                enter(e.path(), display);
                yield null;
            }
            case LINK -> problem(display, false, "symbolic link not followed");
            case OTHER -> problem(display, false, "not a regular file");
            case UNREADABLE -> problem(display, false, "cannot read: " + e.failure());
        };
    }

    /** Reads a folder's entries and sorts them; a folder that cannot be read, or not to the end, is a problem. */
    private void enter(Path dir, String display) {
        List<Entry> entries = new ArrayList<>();
        DirectoryStream<Path> stream;
        try {
            stream = Files.newDirectoryStream(dir);
        } catch (IOException | RuntimeException e) {
            pending.add(problem(display, true, "cannot read: " + Opener.reason(e)));
            return;
        }
        try (stream) {
            for (Path p : stream) entries.add(read(p, p));
        } catch (DirectoryIteratorException e) {
            pending.add(problem(display, true, "folder not fully read: " + Opener.reason(e.getCause())));
        } catch (IOException | RuntimeException e) {
            pending.add(problem(display, true, "folder not fully read: " + Opener.reason(e)));
        }
        Entry[] sorted = entries.toArray(Entry[]::new);
        // No two keys are equal: distinct names have distinct recorded names (FileNames), and a folder's ends in '/'.
        Arrays.sort(sorted, (x, y) -> Arrays.compareUnsigned(x.sortKey(), y.sortKey()));
        folders.push(new Folder(display, sorted));
    }

    /** Reads what {@code path} is without following a link; {@code named} gives the name it sorts by. */
    private static Entry read(Path path, Path named) {
        byte[] name = named.getFileName() == null ? new byte[0] : utf8(name(named));
        try {
            BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            Kind kind = a.isRegularFile() ? Kind.FILE : a.isDirectory() ? Kind.FOLDER
                    : a.isSymbolicLink() ? Kind.LINK : Kind.OTHER;
            if (kind == Kind.FOLDER) name = withSlash(name);
            return new Entry(path, name, kind, a.size(), null);
        } catch (IOException | RuntimeException e) {
            return new Entry(path, name, Kind.UNREADABLE, 0, Opener.reason(e));
        }
    }

    private static Found problem(String display, boolean folder, String reason) {
        byte[] key = utf8(display);
        return new Found(folder ? withSlash(key) : key, null, new Problem(display, Problem.SOURCE, reason));
    }

    /** The name recorded for the last element of {@code p}: its text, undecodable bytes escaped ({@link FileNames}). */
    private static String name(Path p) {
        return FileNames.of(p);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] withSlash(byte[] b) {
        byte[] r = Arrays.copyOf(b, b.length + 1);
        r[b.length] = '/';
        return r;
    }
}
