package dossier.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Content-addressed originals: {@code blobs/ab/cd/<sha256>}. A blob is written under {@code blobs/.tmp/} and renamed
 * into place, so a reader or a resumed ingest never sees half a blob; what a killed ingest left in {@code .tmp} is
 * removed by the next writer ({@link #removeLeftovers}). {@link #sync} makes the blobs stored so far durable before a
 * commit records them. Thread-safe.
 */
public final class BlobStore {
    private static final AtomicLong TMP = new AtomicLong();
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private final Path root;
    /** Folders this store has made or seen, so storing a blob costs no directory system calls once they exist. */
    private final Set<Path> folders = ConcurrentHashMap.newKeySet();
    /** Blobs stored since the last {@link #sync}, forced one by one when the file system cannot be synced at once. */
    private final Queue<Path> unsynced = new ConcurrentLinkedQueue<>();
    /**
     * The sync commands still worth trying, best first: {@code sync --file-system} (GNU coreutils: syncfs(2) of the
     * archive's file system), then plain {@code sync} (every file system; what other systems have). One that fails is
     * dropped for the rest of the run; with none left, blobs are forced one by one.
     */
    private final Queue<List<String>> syncCommands = new ConcurrentLinkedQueue<>();

    public BlobStore(Path root) {
        this.root = root;
        syncCommands.add(List.of("sync", "--file-system", root.toString()));
        syncCommands.add(List.of("sync"));
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

    /**
     * Stores bytes under their hash unless already there. A blob of the wrong length is written again: a power cut
     * after a blob was renamed into place but before its data reached the disk leaves it empty or short (the commit
     * that would have recorded it never happened, so the re-run stores it anew).
     */
    public void put(String sha256, byte[] bytes) {
        Path target = path(sha256);
        // File.length is one stat that says 0 for a missing file instead of throwing (most blobs are new).
        java.io.File file = target.toFile();
        long length = file.length();
        if (length == bytes.length && (length > 0 || file.exists())) return;
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
            unsynced.add(target);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store blob " + sha256, e);
        }
    }

    /**
     * Makes every blob stored so far durable, with the folders that name them; the ingest calls it before each commit,
     * so that no committed manifest line can point at a blob a power cut emptied. One {@code sync --file-system}
     * (syncfs(2), GNU coreutils) flushes them all: 0.5 s for 2,000 new small files on this machine's ext4, where an
     * fsync per file took 5.7 s (2.9 ms each, one journal commit per call), as Java has no syncfs of its own. Where
     * that command is missing or fails, a plain {@code sync} does; only without either is each blob and each of its
     * folders forced in turn.
     *
     * @throws UncheckedIOException when a blob cannot be forced to disk
     */
    public void sync() {
        List<Path> batch = new ArrayList<>();
        for (Path p; (p = unsynced.poll()) != null; ) batch.add(p);
        if (batch.isEmpty()) return;
        for (List<String> command; (command = syncCommands.peek()) != null; syncCommands.remove(command)) {
            if (run(command)) return;
        }
        Set<Path> dirs = new LinkedHashSet<>();
        try {
            for (Path p : batch) {
                force(p);
                for (Path d = p.getParent(); d != null && d.startsWith(root); d = d.getParent()) dirs.add(d);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot force blobs to disk", e);
        }
        for (Path d : dirs) {
            try {
                force(d);
            } catch (IOException e) {
                // Some file systems refuse to force a folder; the files themselves are on disk.
            }
        }
    }

    /** Runs a sync command; false when it is missing or fails. */
    private static boolean run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            // Flushing a large backlog to a slow disk takes as long as it takes; a sync that has not returned after
            // ten minutes is given up for the per-file way, which then waits on the same disk.
            if (!p.waitFor(10, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new java.io.InterruptedIOException("interrupted while syncing blobs"));
        }
    }

    /** Forces one file or folder to disk. */
    private static void force(Path p) throws IOException {
        try (FileChannel c = FileChannel.open(p, StandardOpenOption.READ)) {
            c.force(true);
        }
    }

    /** For tests: syncs as on a system without a sync command. */
    void syncFileByFile() {
        syncCommands.clear();
        sync();
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
