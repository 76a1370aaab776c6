package dossier.index;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.nio.LongBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A hash table from string keys to non-negative longs whose entries live off the Java heap, in a memory-mapped file
 * of the run's temporary folder ({@code java.io.tmpdir}): the ingest's deduplication keys grow with the dump, and held
 * in {@code HashMap}s they cost some 450 bytes of heap an item. Here an entry costs 24 bytes of file (40 to 80 with
 * the free slots), paged in and out by the kernel, and no heap at all.
 *
 * <pre>{@code
 * try (KeyTable bySha = KeyTable.create(KeyTable.Keys.SHA256_HEX)) {
 *     bySha.putIfAbsent(sha, 42);
 *     long id = bySha.get(sha); // 42, or -1 when absent
 * }
 * }</pre>
 *
 * <p>The table keeps no key, only a 128-bit fingerprint of it: for a sha256 in lower-case hex the first 128 bits of
 * the digest itself, for any other key the first 128 bits of the sha256 of its UTF-8 bytes (a cryptographic hash,
 * since keys come from the dump: with MurmurHash, whose collisions can be made at will, a crafted Message-ID could
 * pass one email off as a duplicate of another). Two distinct keys of n share a fingerprint with probability about
 * n²/2¹²⁹: for a billion keys 10⁻²¹, and finding such a pair on purpose takes some 2⁶⁴ sha256 computations. Should
 * it happen, the later key is taken for the earlier one: its item is recorded as a duplicate of the earlier item
 * (whose original is then not stored: the manifest names a sha256 without a blob), or a file is skipped as already
 * ingested.
 *
 * <p>Open addressing with linear probing; a slot is three longs: the fingerprint, and the bitwise complement of the
 * value, which is negative for every value the table holds, so the zeros of a new file are empty slots. The table
 * grows past a load factor of 0.6 by rehashing into a file twice the size. Deleted entries are not supported.
 *
 * <p>Not thread-safe: one thread owns it (the ingest's writer thread).
 */
final class KeyTable implements Closeable {
    /** How keys are turned into fingerprints. */
    enum Keys {
        /** sha256 digests in lower-case hex ({@link dossier.enrich.Dedup#sha256}): their first 128 bits are used as they are. */
        SHA256_HEX,
        /** Any string: hashed with sha256. */
        TEXT
    }

    private static final int LONGS_PER_SLOT = 3;
    /** The largest chunk: one buffer maps at most 2 GiB, and 2^26 slots take 1.5 GiB. */
    private static final int CHUNK_SLOTS = 1 << 26;
    private static final int INITIAL_SLOTS = 1 << 12;
    private static final double LOAD_FACTOR = 0.6;

    private final Keys keys;
    private final int chunkShift;
    private final MessageDigest sha256 = sha256();
    private Path file;
    private LongBuffer[] chunks;
    private long capacity, mask, size, growAt;

    private KeyTable(Keys keys, int chunkSlots, long initialSlots) {
        if (Integer.bitCount(chunkSlots) != 1 || chunkSlots > CHUNK_SLOTS) {
            throw new IllegalArgumentException("chunk slots must be a power of two up to 2^26: " + chunkSlots);
        }
        this.keys = keys;
        this.chunkShift = Integer.numberOfTrailingZeros(chunkSlots);
        map(initialSlots);
    }

    /** An empty table in a new file of the temporary folder. */
    static KeyTable create(Keys keys) {
        return new KeyTable(keys, CHUNK_SLOTS, INITIAL_SLOTS);
    }

    /** An empty table mapped in chunks of {@code chunkSlots} slots (a power of two): tests cross chunks with few keys. */
    static KeyTable create(Keys keys, int chunkSlots, long initialSlots) {
        return new KeyTable(keys, chunkSlots, initialSlots <= 2 ? 2 : Long.highestOneBit(initialSlots - 1) << 1);
    }

    /** The value of {@code key}, or -1 when the table does not hold it. */
    long get(String key) {
        Fingerprint f = fingerprint(key);
        long slot = find(f);
        return value(slot);
    }

    /** Sets the value of {@code key}; returns its previous value, or -1 when it had none. */
    long put(String key, long value) {
        return insert(key, value, true);
    }

    /** Sets the value of {@code key} unless it has one; returns that value, or -1 when it had none (and now has {@code value}). */
    long putIfAbsent(String key, long value) {
        return insert(key, value, false);
    }

    /** How many keys the table holds. */
    long size() {
        return size;
    }

    /** The file that holds the table, while it is open. */
    Path file() {
        return file;
    }

    /**
     * Deletes the table's file. The kernel frees its pages once the garbage collector has dropped the mappings (Java 21
     * cannot unmap a buffer), which costs only address space, not heap. Closing twice does nothing.
     */
    @Override
    public void close() {
        chunks = null;
        Path f = file;
        file = null;
        if (f != null) delete(f);
    }

    private long insert(String key, long value, boolean overwrite) {
        if (value < 0) throw new IllegalArgumentException("a key table holds values of 0 or more: " + value);
        Fingerprint f = fingerprint(key);
        long slot = find(f);
        long old = value(slot);
        if (old >= 0) {
            if (overwrite) write(slot, 2, ~value);
            return old;
        }
        if (size + 1 > growAt) {
            grow();
            slot = find(f);
        }
        write(slot, 0, f.hi());
        write(slot, 1, f.lo());
        write(slot, 2, ~value);
        size++;
        return -1;
    }

    /** The slot that holds {@code f}, or the empty slot where it belongs. */
    private long find(Fingerprint f) {
        if (chunks == null) throw new IllegalStateException("the key table is closed");
        long slot = f.lo() & mask;
        while (true) {
            long stored = read(slot, 2);
            if (stored == 0 || read(slot, 0) == f.hi() && read(slot, 1) == f.lo()) return slot;
            slot = (slot + 1) & mask;
        }
    }

    /** The value in {@code slot}, or -1 when it is empty. */
    private long value(long slot) {
        long stored = read(slot, 2);
        return stored == 0 ? -1 : ~stored;
    }

    private long read(long slot, int word) {
        return chunks[(int) (slot >>> chunkShift)].get((int) (slot & ((1L << chunkShift) - 1)) * LONGS_PER_SLOT + word);
    }

    private void write(long slot, int word, long v) {
        chunks[(int) (slot >>> chunkShift)].put((int) (slot & ((1L << chunkShift) - 1)) * LONGS_PER_SLOT + word, v);
    }

    /** Rehashes every entry into a new file of twice the slots, then deletes the old one. */
    private void grow() {
        LongBuffer[] old = chunks;
        long oldCapacity = capacity;
        Path oldFile = file;
        map(capacity * 2);
        for (long s = 0; s < oldCapacity; s++) {
            LongBuffer c = old[(int) (s >>> chunkShift)];
            int at = (int) (s & ((1L << chunkShift) - 1)) * LONGS_PER_SLOT;
            long v = c.get(at + 2);
            if (v == 0) continue;
            Fingerprint f = new Fingerprint(c.get(at), c.get(at + 1));
            long slot = find(f);
            write(slot, 0, f.hi());
            write(slot, 1, f.lo());
            write(slot, 2, v);
        }
        delete(oldFile);
    }

    /** Maps a new, zero-filled file of {@code slots} slots (a power of two), in chunks. */
    private void map(long slots) {
        Path f = null;
        try {
            f = Files.createTempFile("dossier-keys-", ".table");
            long size = slots * LONGS_PER_SLOT * Long.BYTES;
            // Past a load of 0.3 nearly every page of the file is written; a write to a mapped page the disk has no
            // room for is a SIGBUS, which Java reports as an obscure InternalError. Checking first names the cause
            // (unless something else fills the disk meanwhile).
            long free = Files.getFileStore(f).getUsableSpace();
            if (free < size) {
                throw new IOException("the deduplication keys need " + (size >> 20) + " MB more and only "
                        + (free >> 20) + " MB are free; point TMPDIR to a folder with more room");
            }
            long perChunk = Math.min(slots, 1L << chunkShift);
            LongBuffer[] mapped = new LongBuffer[(int) (slots / perChunk)];
            try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                // Mapping past the end extends the file; the new bytes read as zeros and take no disk until written.
                for (int i = 0; i < mapped.length; i++) {
                    long bytes = size / mapped.length;
                    mapped[i] = ch.map(FileChannel.MapMode.READ_WRITE, i * bytes, bytes)
                            .order(ByteOrder.nativeOrder()).asLongBuffer();
                }
            }
            file = f;
            chunks = mapped;
            capacity = slots;
            mask = slots - 1;
            growAt = (long) (slots * LOAD_FACTOR);
        } catch (IOException e) {
            if (f != null) delete(f);
            throw new UncheckedIOException("cannot map a key table in " + System.getProperty("java.io.tmpdir") + ": "
                    + e.getMessage(), e);
        }
    }

    private static void delete(Path f) {
        try {
            Files.deleteIfExists(f);
        } catch (IOException e) {
            f.toFile().deleteOnExit(); // a system that refuses to delete a mapped file
        }
    }

    /** A key's 128 bits. */
    record Fingerprint(long hi, long lo) {}

    /** The fingerprint of {@code key} as this table takes it. */
    Fingerprint fingerprint(String key) {
        if (keys == Keys.SHA256_HEX && isLowerHex64(key)) {
            return new Fingerprint(HexFormat.fromHexDigitsToLong(key, 0, 16), HexFormat.fromHexDigitsToLong(key, 16, 32));
        }
        byte[] d = sha256.digest(key.getBytes(StandardCharsets.UTF_8));
        return new Fingerprint(bigEndianLong(d, 0), bigEndianLong(d, 8));
    }

    private static boolean isLowerHex64(String s) {
        if (s.length() != 64) return false;
        for (int i = 0; i < 64; i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) return false;
        }
        return true;
    }

    private static long bigEndianLong(byte[] b, int at) {
        long v = 0;
        for (int i = at; i < at + 8; i++) v = v << 8 | (b[i] & 0xff);
        return v;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
