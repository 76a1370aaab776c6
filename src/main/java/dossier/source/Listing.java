package dossier.source;

import dossier.model.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The regular files under some roots in the byte order of their UTF-8 display paths, the order ids are assigned in,
 * read from disk as they are iterated. Byte order, unlike {@link String#compareTo} (UTF-16 units), is the same in
 * every language and tool ({@code LC_ALL=C sort}). Each root is walked in that order ({@link Walk}) and the walks are
 * merged; the same display path under two roots ({@code /a/mail} and {@code /b/mail}) keeps the order of the roots.
 *
 * <pre>{@code
 * for (SourceFile f : new Listing(List.of(Path.of("/a/mail"), Path.of("/b/mail")), problems::add)) ...
 * }</pre>
 *
 * <p>Each {@link #iterator()} walks the disk again and sends the problems it meets (links, unreadable folders) to the
 * consumer, in the same order as the files. Immutable and so thread-safe; each iterator belongs to one thread.
 */
final class Listing implements Iterable<SourceFile> {
    private final List<Path> roots;
    private final Consumer<Problem> problems;

    /** @throws IllegalArgumentException when a root does not exist */
    Listing(List<Path> roots, Consumer<Problem> problems) {
        Set<Path> distinct = new LinkedHashSet<>();
        for (Path root : roots) {
            Path absolute = root.toAbsolutePath().normalize();
            if (!Files.exists(absolute)) throw new IllegalArgumentException("source not found: " + root);
            // The same root twice would list every file twice under the same display path.
            distinct.add(absolute);
        }
        this.roots = List.copyOf(distinct);
        this.problems = problems;
    }

    @Override
    public Iterator<SourceFile> iterator() {
        return new Merge();
    }

    /** A walk's next find, ordered by key, then by the root's position. */
    private record Head(Walk.Found found, int root, Walk walk) implements Comparable<Head> {
        @Override
        public int compareTo(Head o) {
            int c = Arrays.compareUnsigned(found.key(), o.found.key());
            return c != 0 ? c : Integer.compare(root, o.root);
        }
    }

    /** Merges the walks of every root: a heap of each walk's next find. */
    private final class Merge implements Iterator<SourceFile> {
        private final PriorityQueue<Head> heads = new PriorityQueue<>();
        private SourceFile next;

        Merge() {
            List<Walk> walks = new ArrayList<>();
            for (Path root : roots) walks.add(new Walk(root));
            for (int i = 0; i < walks.size(); i++) advance(walks.get(i), i);
        }

        private void advance(Walk walk, int root) {
            Walk.Found f = walk.next();
            if (f != null) heads.add(new Head(f, root, walk));
        }

        @Override
        public boolean hasNext() {
            while (next == null && !heads.isEmpty()) {
                Head h = heads.poll();
                advance(h.walk(), h.root());
                if (h.found().file() != null) next = h.found().file();
                else problems.accept(h.found().problem());
            }
            return next != null;
        }

        @Override
        public SourceFile next() {
            if (!hasNext()) throw new NoSuchElementException();
            SourceFile f = next;
            next = null;
            return f;
        }
    }
}
