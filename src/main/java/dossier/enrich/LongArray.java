package dossier.enrich;

import java.nio.LongBuffer;

/**
 * A growable array of {@code long}s off the Java heap, in memory-mapped chunks ({@link Mapped}): the connections pass
 * holds a few of these per email, so its heap stays the same whatever the archive's size, and the kernel pages them
 * out when memory runs short.
 *
 * <pre>{@code
 * LongArray a = new LongArray(3);  // three zeros
 * a.set(2, 42);
 * a.ensure(10_000);                // a.get(2) is still 42
 * }</pre>
 *
 * <p>Up to 2^31 - 1 elements. An index past {@link #length} but within the room already mapped is not caught. Not
 * thread-safe while it grows; reading from several threads is safe.
 */
public final class LongArray {
    private LongBuffer[] chunks = new LongBuffer[0];
    private int length;

    /** An array of {@code length} zeros. */
    public LongArray(long length) {
        ensure(length);
    }

    /** A copy of {@code values}. */
    public static LongArray of(long... values) {
        LongArray a = new LongArray(values.length);
        for (int i = 0; i < values.length; i++) a.set(i, values[i]);
        return a;
    }

    public long get(int i) {
        return chunks[i >>> Mapped.CHUNK_SHIFT].get(i & (Mapped.CHUNK - 1));
    }

    public void set(int i, long value) {
        chunks[i >>> Mapped.CHUNK_SHIFT].put(i & (Mapped.CHUNK - 1), value);
    }

    /** How many elements it holds: the most it was made or {@link #ensure ensured} with. */
    public int length() {
        return length;
    }

    /** Makes it hold at least {@code length} elements, keeping those it holds; new ones are 0. */
    public void ensure(long length) {
        if (length >= 0 && length <= this.length) return;
        chunks = Mapped.grow(chunks, length, n -> Mapped.allocate((long) n * Long.BYTES).asLongBuffer(),
                (from, to, n) -> to.put(0, from, 0, n));
        this.length = (int) length;
    }

    /** Sets elements {@code from} to {@code to - 1}. */
    public void fill(int from, int to, long value) {
        for (int i = from; i < to; i++) set(i, value);
    }

    /** The first {@code n} elements on the heap. */
    public long[] toArray(int n) {
        long[] out = new long[n];
        for (int i = 0; i < n; i++) out[i] = get(i);
        return out;
    }
}
