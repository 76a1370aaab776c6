package dossier.source;

import dossier.model.Limits;
import dossier.model.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.function.Consumer;

/**
 * Enumerates a dump in deterministic order and opens its containers.
 *
 * <pre>{@code
 * Sources sources = new Sources(Limits.DEFAULT);
 * for (SourceFile f : sources.list(List.of(Path.of("/data/sony")), problems::add))
 *     sources.open(f, sink);   // sony/lists/dev.mbox#1, sony/docs.zip#q3/plan.xlsx, ...
 * }</pre>
 *
 * <ul>
 *   <li>{@link #list}: every regular file under each root (a root may itself be a file), recursively, sorted by the
 *       UTF-8 bytes of {@link SourceFile#display()} across all roots. Symlinks inside a root are not followed and,
 *       like other non-regular files and unreadable folders, become problems. The listing is streamed from disk as it
 *       is iterated, holding only the folders on the current path ({@link Listing}), so a dump of millions of files
 *       lists in little memory; iterating again walks the disk again.</li>
 *   <li>{@link #open}: decides what a file is from magic bytes, name and first lines ({@link Sniffer}) and emits its
 *       inputs in container order: a plain file is one input; an mbox one EMAIL input per message ({@code path#N},
 *       see {@link MboxContainer}); a maildir message, {@code .eml} or headers-first file one EMAIL input; a zip each
 *       entry in central directory order, recursively ({@code a.zip#dir/b.txt}, {@code a.zip#in.zip#c.eml}, see
 *       {@link ZipContainer}). Every file yields at least one input or problem.</li>
 * </ul>
 *
 * <p>{@link Limits#maxFileBytes()} bounds each input (a plain file, a zip entry, an mbox message), not a mailbox or
 * zip on disk, which are streamed or read through their index. Thread-safe: stateless, so files may be opened in
 * parallel, each on one thread.
 */
public final class Sources {
    /** Files up to this size are read whole at once. */
    private static final int SMALL_FILE = 1 << 20;

    private final Limits limits;

    public Sources(Limits limits) {
        this.limits = limits;
    }

    /**
     * The top-level files under the roots, sorted byte-wise by display path, read from disk as they are iterated. Each
     * iteration walks the disk again and sends the problems it meets to {@code problems}, in the same order.
     *
     * @throws IllegalArgumentException when a root does not exist
     */
    public Iterable<SourceFile> list(List<Path> roots, Consumer<Problem> problems) {
        return new Listing(roots, problems);
    }

    /** Opens one file and sends every input it holds to the sink, in container order, never throwing. */
    public void open(SourceFile file, InputSink sink) {
        Content content;
        try {
            // Re-checked here, not trusted from the listing: a dump may change between listing and reading.
            BasicFileAttributes attributes = attributes(file.path());
            if (attributes == null || !attributes.isRegularFile()) {
                sink.problem(new Problem(file.display(), Problem.SOURCE, "not a regular file"));
                return;
            }
            content = new Content.OnDisk(file.path(), attributes.size());
            // A small file (most mail) is read once, for sniffing and parsing alike: half the system calls.
            byte[] whole = content.size() <= SMALL_FILE ? content.bytes(SMALL_FILE) : null;
            if (whole != null) content = new Content.InMemory(whole);
        } catch (IOException | RuntimeException e) {
            sink.problem(new Problem(file.display(), Problem.SOURCE, Opener.reason(e)));
            return;
        }
        new Opener(limits, sink, content.size()).open(new Item(file.display(), file.display(), content, 0));
    }

    /** The file's attributes (one system call for type and size), or null when it is gone. */
    private static BasicFileAttributes attributes(Path path) throws IOException {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        }
    }
}
