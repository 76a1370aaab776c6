package dossier.enrich;

import java.nio.CharBuffer;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * Distinct strings off the Java heap, numbered 0, 1, ... in the order first added: their characters in mapped chunks
 * ({@link Mapped}), their places in a {@link LongArray}, and a hash index of ids in an {@link IntArray}. The
 * connections pass keeps every distinct name and address of an archive here, so its heap does not grow with them.
 *
 * <pre>{@code
 * StringTable t = new StringTable();
 * int a = t.add("jeff.skilling@enron.com");  // 0
 * t.add("jeff.skilling@enron.com");          // 0 again
 * t.find("kenneth.lay@enron.com");           // -1
 * t.get(a);                                  // "jeff.skilling@enron.com"
 * }</pre>
 *
 * <p>The index hashes with SipHash-1-3 under keys drawn per table: a hostile dump cannot make its strings share a hash
 * (as {@code "b?"} and {@code "a^"} share {@link String#hashCode}), so lookups stay short. Ids never depend on the
 * keys. Up to 2^31 - 1 strings. Not thread-safe while it grows; reading from several threads is safe.
 */
public final class StringTable {
    /** Characters of the largest chunk: strings never straddle two, so a longer string gets a chunk of its own. */
    static final int CHUNK_CHARS = 1 << 21;

    private final long k0, k1;
    private CharBuffer[] chunks = new CharBuffer[0];
    /** Where the last chunk's free room starts. */
    private int fill;
    /** String i is at chunk {@code place >>> 32}, offset {@code (int) place}; its length and hash beside. */
    private final LongArray places = new LongArray(0), hashes = new LongArray(0);
    private final IntArray lengths = new IntArray(0);
    /** Open addressing, linear probing: id + 1, or 0 for a free slot. At most half full. Null without an index. */
    private IntArray slots;
    private int size;

    /** Whether strings are found by their characters: else {@link #add} stores every string anew. */
    private final boolean indexed;

    public StringTable() {
        this(true);
    }

    /**
     * A table that finds strings by their characters, or with {@code indexed} false a plain list of them: {@link #add}
     * then stores every string anew (no hash, no index) and {@link #find} is not available.
     */
    public StringTable(boolean indexed) {
        this.indexed = indexed;
        if (indexed) {
            SecureRandom random = new SecureRandom();
            k0 = random.nextLong();
            k1 = random.nextLong();
            slots = new IntArray(1024);
        } else { // nothing is hashed
            k0 = k1 = 0;
        }
    }

    public int size() {
        return size;
    }

    /** The id of {@code s}, added first if new (or always, in a table not {@code indexed}). */
    public int add(String s) {
        if (!indexed) return append(s, 0, -1);
        long h = hash(s);
        int mask = slots.length() - 1;
        int slot = (int) h & mask;
        for (int id; (id = slots.get(slot) - 1) >= 0; slot = (slot + 1) & mask) {
            if (hashes.get(id) == h && equals(id, s)) return id;
        }
        return append(s, h, slot);
    }

    private int append(String s, long h, int slot) {
        if (size == Integer.MAX_VALUE) throw new IllegalStateException("more than 2^31 - 1 distinct strings");
        int id = size++;
        places.ensure(size);
        lengths.ensure(size);
        places.set(id, store(s));
        lengths.set(id, s.length());
        if (indexed) {
            hashes.ensure(size);
            hashes.set(id, h);
            slots.set(slot, id + 1);
            if (2L * size > slots.length()) grow();
        }
        return id;
    }

    /** The id of {@code s}, or -1 when it was never added. */
    public int find(String s) {
        if (!indexed) throw new UnsupportedOperationException("a table made without an index finds nothing");
        long h = hash(s);
        int mask = slots.length() - 1;
        for (int slot = (int) h & mask, id; (id = slots.get(slot) - 1) >= 0; slot = (slot + 1) & mask) {
            if (hashes.get(id) == h && equals(id, s)) return id;
        }
        return -1;
    }

    /** The string with this id. */
    public String get(int id) {
        char[] out = new char[lengths.get(id)];
        chunk(id).get(offset(id), out);
        return new String(out);
    }

    /** Char {@code index} of the string with this id. */
    public char charAt(int id, int index) {
        java.util.Objects.checkIndex(index, lengths.get(id));
        return chunk(id).get(offset(id) + index);
    }

    /** The length of the string with this id, in chars. */
    public int length(int id) {
        return lengths.get(id);
    }

    /** Compares two strings by id as {@link String#compareTo} compares them, without making them. */
    public int compare(int a, int b) {
        if (a == b) return 0;
        // Both compare char values in order, then lengths; the buffers' compareTo is one bulk, vectorised pass, where
        // reading a mapped buffer char by char checks its memory session on every char.
        return chunk(a).slice(offset(a), lengths.get(a)).compareTo(chunk(b).slice(offset(b), lengths.get(b)));
    }

    private CharBuffer chunk(int id) {
        return chunks[(int) (places.get(id) >>> 32)];
    }

    private int offset(int id) {
        return (int) places.get(id);
    }

    private boolean equals(int id, String s) {
        if (lengths.get(id) != s.length()) return false;
        CharBuffer c = chunk(id);
        int o = offset(id);
        for (int i = 0; i < s.length(); i++) if (c.get(o + i) != s.charAt(i)) return false;
        return true;
    }

    /** Copies the chars into the last chunk, or a new one twice as long (or as the string), and gives their place. */
    private long store(String s) {
        CharBuffer last = chunks.length == 0 ? null : chunks[chunks.length - 1];
        if (last == null || last.capacity() - fill < s.length()) {
            int room = Math.max(s.length(), last == null ? 8192 : Math.min(CHUNK_CHARS, 2 * last.capacity()));
            chunks = Arrays.copyOf(chunks, chunks.length + 1);
            chunks[chunks.length - 1] = Mapped.allocate(2L * room).asCharBuffer();
            fill = 0;
        }
        int c = chunks.length - 1;
        chunks[c].put(fill, s.toCharArray());
        long place = (long) c << 32 | fill;
        fill += s.length();
        return place;
    }

    private void grow() {
        IntArray next = new IntArray(2L * slots.length());
        int mask = next.length() - 1;
        for (int id = 0; id < size; id++) {
            int slot = (int) hashes.get(id) & mask;
            while (next.get(slot) != 0) slot = (slot + 1) & mask;
            next.set(slot, id + 1);
        }
        slots = next;
    }

    /** SipHash-1-3 of the string's chars, four to a 64-bit word, under this table's keys. */
    private long hash(String s) {
        long v0 = k0 ^ 0x736f6d6570736575L, v1 = k1 ^ 0x646f72616e646f6dL;
        long v2 = k0 ^ 0x6c7967656e657261L, v3 = k1 ^ 0x7465646279746573L;
        int words = s.length() / 4 + 1; // the last holds the chars left and the length
        for (int r = 0; r < words + 3; r++) { // one round a word, then three to finish
            long m = r < words ? word(s, r, words) : 0;
            if (r == words) v2 ^= 0xff;
            v3 ^= m;
            v0 += v1; v1 = Long.rotateLeft(v1, 13); v1 ^= v0; v0 = Long.rotateLeft(v0, 32);
            v2 += v3; v3 = Long.rotateLeft(v3, 16); v3 ^= v2;
            v0 += v3; v3 = Long.rotateLeft(v3, 21); v3 ^= v0;
            v2 += v1; v1 = Long.rotateLeft(v1, 17); v1 ^= v2; v2 = Long.rotateLeft(v2, 32);
            v0 ^= m;
        }
        return v0 ^ v1 ^ v2 ^ v3;
    }

    /** Word r of a string's {@code words}: four chars, or for the last the chars left and the length. */
    private static long word(String s, int r, int words) {
        int i = 4 * r;
        if (r < words - 1) return s.charAt(i) | (long) s.charAt(i + 1) << 16 | (long) s.charAt(i + 2) << 32 | (long) s.charAt(i + 3) << 48;
        long m = (long) (s.length() & 0xffff) << 48;
        for (int k = 0; i < s.length(); i++, k += 16) m |= (long) s.charAt(i) << k;
        return m;
    }
}
