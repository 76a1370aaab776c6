package dossier.index;

import dossier.enrich.IntArray;
import dossier.enrich.LongArray;
import java.util.Arrays;

/**
 * Counts packed (person, value) pairs, such as (sender, recipient) or (person, month): pairs added go to a buffer
 * that is sorted and merged into sorted distinct pairs with their counts whenever it fills, and the buffer grows to a
 * quarter of those, up to a million. The distinct pairs are held off the heap ({@link LongArray}, {@link IntArray}:
 * 12 bytes each, 24 while merging), so the heap holds at most the buffer's 8 MB however many pairs a dump has, and a
 * pair costs a few steps of a sort.
 *
 * <pre>{@code
 * PairCounts c = new PairCounts();
 * c.add(PairCounts.pack(3, 7));
 * c.add(PairCounts.pack(3, 7));
 * c.finish();
 * c.size();  // 1: the pair (3, 7), counted twice: c.count(0) == 2
 * }</pre>
 *
 * Not thread-safe.
 */
final class PairCounts {
    private static final int MIN_BUFFER = 1 << 16, MAX_BUFFER = 1 << 20;

    /** The distinct pairs and their counts, and the arrays the next merge writes (two pairs of files, reused). */
    private LongArray pairs = new LongArray(0), nextPairs = new LongArray(0);
    private IntArray counts = new IntArray(0), nextCounts = new IntArray(0);
    private int size;
    private long[] buffer = new long[MIN_BUFFER];
    private int buffered;

    /** A pair in one {@code long}, {@code hi} in the high half; pairs sort by hi, then by lo as an unsigned number. */
    static long pack(int hi, int lo) {
        return ((long) hi << 32) | (lo & 0xffffffffL);
    }

    void add(long pair) {
        if (buffered == buffer.length) flush();
        buffer[buffered++] = pair;
    }

    /** Merges what is buffered; call after the last {@link #add}. */
    void finish() {
        flush();
        buffer = new long[0];
    }

    /** How many distinct pairs (after {@link #finish}). */
    int size() {
        return size;
    }

    /** The k-th distinct pair, in increasing order. */
    long pair(int k) {
        return pairs.get(k);
    }

    /** How many times the k-th distinct pair was added. */
    int count(int k) {
        return counts.get(k);
    }

    private void flush() {
        Arrays.sort(buffer, 0, buffered);
        // Count first, so that the merged arrays are allocated once, at their size.
        int n = 0;
        for (int a = 0, b = 0; a < size || b < buffered; n++) {
            long next = b == buffered || (a < size && pairs.get(a) <= buffer[b]) ? pairs.get(a) : buffer[b];
            if (a < size && pairs.get(a) == next) a++;
            while (b < buffered && buffer[b] == next) b++;
        }
        LongArray p = nextPairs;
        IntArray c = nextCounts;
        p.ensure(n);
        c.ensure(n);
        for (int a = 0, b = 0, k = 0; k < n; k++) {
            long next = b == buffered || (a < size && pairs.get(a) <= buffer[b]) ? pairs.get(a) : buffer[b];
            int count = a < size && pairs.get(a) == next ? counts.get(a++) : 0;
            while (b < buffered && buffer[b] == next) {
                count++;
                b++;
            }
            p.set(k, next);
            c.set(k, count);
        }
        nextPairs = pairs;
        nextCounts = counts;
        pairs = p;
        counts = c;
        size = n;
        buffered = 0;
        // A buffer a quarter the size of what it merges into keeps each merge's cost in proportion to the pairs added;
        // past a million pairs a merge costs more than its share, to keep the heap small.
        if (buffer.length < Math.min(size / 4, MAX_BUFFER)) buffer = new long[Math.min(size / 4, MAX_BUFFER)];
    }
}
