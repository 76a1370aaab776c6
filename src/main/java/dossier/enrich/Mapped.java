package dossier.enrich;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.Buffer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.function.IntFunction;

/**
 * Memory that {@link LongArray} and {@link IntArray} hold off the Java heap: a file of the run's temporary folder
 * ({@code java.io.tmpdir}), mapped, then deleted at once. The mapping keeps the file's pages, which the kernel writes
 * to the disk and reads back as memory runs short; they are freed when the garbage collector drops the buffer (Java 21
 * cannot unmap one), or when the process ends, however it ends. So nothing is left behind to clean up. Chunks of up
 * to {@link #ON_HEAP} bytes are plain heap buffers. Stateless.
 */
final class Mapped {
    /** Elements a chunk holds, as a power of two: arrays longer than that grow by whole chunks, without copying. */
    static final int CHUNK_SHIFT = 22;
    static final int CHUNK = 1 << CHUNK_SHIFT;
    /** The fewest elements a chunk holds: an array grows by doubling from there. */
    static final int MIN = 1 << 10;
    /**
     * Chunks up to this many bytes stay on the heap: a file for each would cost more time than the heap it saves,
     * and the many small arrays of the tests and of one thread's page (the web server threads a conversation per
     * request) would each make one.
     */
    static final int ON_HEAP = 1 << 16;

    private Mapped() {}

    /** A new zero-filled buffer of {@code bytes}, in native order: on the heap up to {@link #ON_HEAP}, else mapped. */
    static ByteBuffer allocate(long bytes) {
        if (bytes <= ON_HEAP) return ByteBuffer.allocate((int) bytes).order(ByteOrder.nativeOrder());
        Path f = null;
        try {
            f = Files.createTempFile("dossier-array-", ".bin");
            // A write to a mapped page the disk has no room for is a SIGBUS, which Java reports as an obscure
            // InternalError: checking first names the cause (unless something else fills the disk meanwhile).
            long free = Files.getFileStore(f).getUsableSpace();
            if (free < bytes) {
                throw new IOException("the connections pass needs " + (bytes >> 20) + " MB more and only " + (free >> 20)
                        + " MB are free; point TMPDIR to a folder with more room");
            }
            try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                // Mapping past the end extends the file; the new bytes read as zeros and take no disk until written.
                return ch.map(FileChannel.MapMode.READ_WRITE, 0, bytes).order(ByteOrder.nativeOrder());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot map memory in " + System.getProperty("java.io.tmpdir") + ": "
                    + e.getMessage(), e);
        } finally {
            if (f != null) delete(f);
        }
    }

    /**
     * The elements a buffer of an array that must hold {@code length} elements gets: a power of two from {@link #MIN}
     * up to a {@link #CHUNK}, or whole chunks.
     */
    static int chunkLength(long length) {
        if (length > CHUNK) return CHUNK;
        return (int) Math.max(MIN, Long.highestOneBit(Math.max(1, length - 1)) << 1);
    }

    /** Copies the first {@code n} elements of one buffer into another. */
    interface Copy<B extends Buffer> {
        void copy(B from, B to, int n);
    }

    /**
     * The chunks of an array grown to hold at least {@code needed} elements, those held kept and new ones 0: a lone
     * chunk shorter than {@link #CHUNK} is replaced by one twice as long or more (its elements copied), longer arrays
     * get more whole chunks.
     *
     * @param map a new zero-filled chunk of so many elements
     */
    static <B extends Buffer> B[] grow(B[] chunks, long needed, IntFunction<B> map, Copy<B> copy) {
        int count = chunks(needed); // checks the length first
        int length = length(chunks);
        if (needed <= length) return chunks;
        B[] next = Arrays.copyOf(chunks, count);
        int from = chunks.length == 1 && length < CHUNK ? 0 : chunks.length;
        for (int c = from; c < count; c++) next[c] = map.apply(chunkLength(needed));
        if (from == 0 && length > 0) copy.copy(chunks[0], next[0], length);
        return next;
    }

    /** How many elements chunks hold. */
    static int length(Buffer[] chunks) {
        if (chunks.length == 1) return chunks[0].capacity();
        return (int) Math.min(Integer.MAX_VALUE, (long) chunks.length << CHUNK_SHIFT);
    }

    /** How many chunks an array of {@code length} elements needs. */
    static int chunks(long length) {
        if (length < 0 || length > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("an off-heap array holds up to 2^31 - 1 elements, not " + length);
        }
        return (int) Math.max(1, (length + CHUNK - 1) >>> CHUNK_SHIFT);
    }

    private static void delete(Path f) {
        try {
            Files.deleteIfExists(f);
        } catch (IOException e) {
            f.toFile().deleteOnExit(); // a system that refuses to delete a mapped file
        }
    }
}
