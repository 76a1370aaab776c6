package dossier.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.regex.Pattern;

/**
 * Content-addressed originals: {@code blobs/ab/cd/<sha256>}. A blob is written under {@code blobs/.tmp/} and renamed
 * into place, so a reader or a resumed ingest never sees half a blob; what a killed ingest left in {@code .tmp} is
 * removed by the next writer ({@link #removeLeftovers}). {@link #sync} flushes them to disk at the end of an ingest.
 * Thread-safe.
 */
public final class BlobStore {
    private static final AtomicLong TMP = new AtomicLong();
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private final Path root;
    /**
     * The blob folders ({@code ab/cd}, by the hash's first four hex digits) this store has made or seen, one bit each,
     * so storing a blob costs no directory system calls once they exist. (A set of their paths held 65,536 paths,
     * some 10 MB, in a large ingest.)
     */
    private final AtomicLongArray folders = new AtomicLongArray((1 << 16) / 64);
    private volatile boolean tmpFolder;
    /**
     * The sync commands still worth trying, best first: {@code sync --file-system} (GNU coreutils: syncfs(2) of the
     * archive's file system), then plain {@code sync} (every file system; what other systems have). One that fails is
     * dropped for the rest of the run.
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
     * after a blob was renamed into place but before its data reached the disk leaves it empty or short, and the
     * commit that would have recorded it never happened ({@link #sync} precedes each), so the re-run stores it anew.
     */
    public void put(String sha256, byte[] bytes) {
        Path target = path(sha256);
        // File.length is one stat that says 0 for a missing file instead of throwing (most blobs are new).
        java.io.File file = target.toFile();
        long length = file.length();
        if (length == bytes.length && (length > 0 || file.exists())) return;
        try {
            folder(target.getParent(), Integer.parseInt(sha256, 0, 4, 16));
            Path tmp = root.resolve(".tmp").resolve(ProcessHandle.current().pid() + "-" + TMP.incrementAndGet());
            if (!tmpFolder) {
                Files.createDirectories(tmp.getParent());
                tmpFolder = true;
            }
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

    /**
     * Flushes every blob stored so far to disk; the ingest calls it before each commit, so that no committed item can
     * lose its original to a power cut. One {@code sync --file-system} (syncfs(2), GNU coreutils; Java has none of its
     * own) does it, else a plain {@code sync}; an fsync per blob took 2.9 ms each here (one journal commit per call),
     * ten minutes for the 200,000-email sample. (Once only at the end of the ingest until the measurement on a
     * journaled disk, BENCHMARKS.md: on this machine's journal-less root disk a syncfs after a large archive was
     * deleted cost the 200,000-email ingest a minute, which was the disk's noise, not the sync's.)
     *
     * @return false when no sync command could run (the kernel writes the blobs out on its own within a minute)
     */
    public boolean sync() {
        for (List<String> command; (command = syncCommands.peek()) != null; syncCommands.remove(command)) {
            if (run(command)) return true;
        }
        return false;
    }

    /** {@link #sync} on a thread of its own, so that the caller can do other work meanwhile. */
    public java.util.concurrent.CompletableFuture<Boolean> syncInBackground() {
        var done = new java.util.concurrent.CompletableFuture<Boolean>();
        Thread.ofPlatform().daemon().name("blob-sync").start(() -> {
            try {
                done.complete(sync());
            } catch (RuntimeException | Error e) {
                done.completeExceptionally(e);
            }
        });
        return done;
    }

    /** Runs a sync command; false when it is missing or fails. */
    private static boolean run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            // Flushing a large backlog to a slow disk takes as long as it takes; one that has not returned after ten
            // minutes is left to the kernel.
            if (!p.waitFor(10, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Makes the blob folder numbered {@code n} ({@code dir}) unless this store made or saw it before. */
    private void folder(Path dir, int n) throws IOException {
        long bit = 1L << (n & 63);
        if ((folders.get(n >>> 6) & bit) != 0) return;
        Files.createDirectories(dir);
        folders.getAndAccumulate(n >>> 6, bit, (a, b) -> a | b);
    }

    /** Reads a blob. */
    public byte[] read(String sha256) throws IOException {
        return Files.readAllBytes(path(sha256));
    }
}
