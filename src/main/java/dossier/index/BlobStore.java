package dossier.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Content-addressed originals: {@code blobs/ab/cd/<sha256>}. A blob is written under {@code blobs/.tmp/} and renamed
 * into place, so a reader or a resumed ingest never sees half a blob; what a killed ingest left in {@code .tmp} is
 * removed by the next writer ({@link #removeLeftovers}). Thread-safe.
 */
public final class BlobStore {
    private static final AtomicLong TMP = new AtomicLong();
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private final Path root;
    /** Folders this store has made or seen, so storing a blob costs no directory system calls once they exist. */
    private final Set<Path> folders = ConcurrentHashMap.newKeySet();

    public BlobStore(Path root) {
        this.root = root;
    }

    /**
     * Deletes temporary files an interrupted ingest left behind. Only the archive's one writer may call this (the
     * ingest does, holding the index's write lock), since a running writer's temporaries live there too.
     */
    public void removeLeftovers() {
        Path tmp = root.resolve(".tmp");
        if (!Files.isDirectory(tmp)) return;
        try (var s = Files.list(tmp)) {
            for (Path p : (Iterable<Path>) s::iterator) Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean " + tmp, e);
        }
    }

    /** Where the blob with this hash lives (whether or not it exists). */
    public Path path(String sha256) {
        if (!SHA256.matcher(sha256).matches()) throw new IllegalArgumentException("not a sha256: " + sha256);
        return root.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
    }

    /** Stores bytes under their hash unless already there. */
    public void put(String sha256, byte[] bytes) {
        Path target = path(sha256);
        if (Files.exists(target)) return;
        try {
            folder(target.getParent());
            Path tmp = root.resolve(".tmp").resolve(ProcessHandle.current().pid() + "-" + TMP.incrementAndGet());
            folder(tmp.getParent());
            Files.write(tmp, bytes);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException raced) {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store blob " + sha256, e);
        }
    }

    private void folder(Path dir) throws IOException {
        if (folders.contains(dir)) return;
        Files.createDirectories(dir);
        folders.add(dir);
    }

    /** Reads a blob. */
    public byte[] read(String sha256) throws IOException {
        return Files.readAllBytes(path(sha256));
    }
}
