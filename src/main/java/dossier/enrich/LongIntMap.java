package dossier.enrich;

import java.util.concurrent.ThreadLocalRandom;

/**
 * A map from non-zero {@code long} keys to {@code int} values in two arrays (open addressing, linear probing): about
 * 16 to 32 bytes an entry where a {@code HashMap<Long, Integer>} takes some 70.
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
final class LongIntMap {
    private final long seed = ThreadLocalRandom.current().nextLong();
    private long[] keys;
    private int[] values;
    /** 64 minus log2 of the capacity: slots are the top bits of the mixed key. */
    private int shift;
    private int size;

    LongIntMap() {
        this(48);
    }

    /** A map with room for {@code expected} keys before it grows (growing holds the old and new arrays at once). */
    LongIntMap(int expected) {
        int capacity = 64;
        while (capacity < (1 << 30) && 3L * capacity < 4L * expected) capacity *= 2;
        keys = new long[capacity];
        values = new int[capacity];
        shift = 64 - Integer.numberOfTrailingZeros(capacity);
    }

    /** The value of a key, or -1 when absent. */
    int get(long key) {
        for (int s = slot(key); ; s = (s + 1) & (keys.length - 1)) {
            if (keys[s] == key) return values[s];
            if (keys[s] == 0) return -1;
        }
    }

    /** Sets the value of a non-zero key. */
    void put(long key, int value) {
        if (key == 0) throw new IllegalArgumentException("0 is not a key");
        if (4 * (size + 1) > 3 * keys.length) grow(); // at most three quarters full: short probes, little room
        int s = slot(key);
        while (keys[s] != 0 && keys[s] != key) s = (s + 1) & (keys.length - 1);
        if (keys[s] == 0) size++;
        keys[s] = key;
        values[s] = value;
    }

    int size() {
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
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new int[oldKeys.length * 2];
        shift--;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] == 0) continue;
            int s = slot(oldKeys[i]);
            while (keys[s] != 0) s = (s + 1) & (keys.length - 1);
            keys[s] = oldKeys[i];
            values[s] = oldValues[i];
        }
    }
}
