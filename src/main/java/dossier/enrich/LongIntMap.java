package dossier.enrich;

import java.util.concurrent.ThreadLocalRandom;

/**
 * A map from non-zero {@code long} keys to {@code int} values in two arrays off the heap ({@link LongArray},
 * {@link IntArray}; open addressing, linear probing): about 16 to 32 bytes an entry, and no heap, where a
 * {@code HashMap<Long, Integer>} takes some 70 bytes of heap.
 *
 * <pre>{@code
 * LongIntMap m = new LongIntMap();
 * m.put(42L, 7);
 * m.get(42L);  // 7
 * m.get(43L);  // -1
 * }</pre>
 *
 * <p>Slots are chosen from the key mixed with a seed drawn per map, so keys crafted to crowd one run of slots (and
 * make every lookup slow) cannot be made in advance; iteration order is never exposed, so results do not depend on
 * the seed. Not thread-safe.
 */
public final class LongIntMap {
    private final long seed = ThreadLocalRandom.current().nextLong();
    private LongArray keys;
    private IntArray values;
    private int mask;
    /** 64 minus log2 of the capacity: slots are the top bits of the mixed key. */
    private int shift;
    private int size;

    public LongIntMap() {
        this(48);
    }

    /** A map with room for {@code expected} keys before it grows (growing holds the old and new arrays at once). */
    public LongIntMap(int expected) {
        int capacity = 64;
        while (capacity < (1 << 30) && 3L * capacity < 4L * expected) capacity *= 2;
        keys = new LongArray(capacity);
        values = new IntArray(capacity);
        mask = capacity - 1;
        shift = 64 - Integer.numberOfTrailingZeros(capacity);
    }

    /** The value of a key, or -1 when absent. */
    public int get(long key) {
        for (int s = slot(key); ; s = (s + 1) & mask) {
            long k = keys.get(s);
            if (k == key) return values.get(s);
            if (k == 0) return -1;
        }
    }

    /** Sets the value of a non-zero key. */
    public void put(long key, int value) {
        if (key == 0) throw new IllegalArgumentException("0 is not a key");
        if (4L * (size + 1) > 3L * (mask + 1L)) grow(); // at most three quarters full: short probes, little room
        int s = slot(key);
        while (keys.get(s) != 0 && keys.get(s) != key) s = (s + 1) & mask;
        if (keys.get(s) == 0) size++;
        keys.set(s, key);
        values.set(s, value);
    }

    public int size() {
        return size;
    }

    /** MurmurHash3's 64-bit finaliser of the seeded key: every key bit moves every slot bit. */
    private int slot(long key) {
        long h = key ^ seed;
        h = (h ^ (h >>> 33)) * 0xff51afd7ed558ccdL;
        h = (h ^ (h >>> 33)) * 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return (int) (h >>> shift);
    }

    private void grow() {
        LongArray oldKeys = keys;
        IntArray oldValues = values;
        int capacity = 2 * (mask + 1);
        keys = new LongArray(capacity);
        values = new IntArray(capacity);
        mask = capacity - 1;
        shift--;
        for (int i = 0; i < oldKeys.length(); i++) {
            long k = oldKeys.get(i);
            if (k == 0) continue;
            int s = slot(k);
            while (keys.get(s) != 0) s = (s + 1) & mask;
            keys.set(s, k);
            values.set(s, oldValues.get(i));
        }
    }
}
