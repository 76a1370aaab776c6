package dossier.index;

import java.util.Arrays;

/**
 * Counts packed (person, value) pairs, such as (sender, recipient) or (person, month): pairs added go to a buffer
 * that is sorted and merged into sorted distinct pairs with their counts whenever it fills, and the buffer grows to a
 * quarter of those. So memory grows with the distinct pairs (14 bytes each, 26 while merging), not with the emails,
 * and a pair costs a few steps of a sort.
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
    private static final int MIN_BUFFER = 1 << 16;

    private long[] pairs = new long[0];
    private int[] counts = new int[0];
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
        return pairs.length;
    }

    /** The k-th distinct pair, in increasing order. */
    long pair(int k) {
        return pairs[k];
    }

    /** How many times the k-th distinct pair was added. */
    int count(int k) {
        return counts[k];
    }

    private void flush() {
        Arrays.sort(buffer, 0, buffered);
        // Count first, so that the merged arrays are allocated once, at their size.
        int n = 0;
        for (int a = 0, b = 0; a < pairs.length || b < buffered; n++) {
            long next = b == buffered || (a < pairs.length && pairs[a] <= buffer[b]) ? pairs[a] : buffer[b];
            if (a < pairs.length && pairs[a] == next) a++;
            while (b < buffered && buffer[b] == next) b++;
        }
        long[] p = new long[n];
        int[] c = new int[n];
        for (int a = 0, b = 0, k = 0; k < n; k++) {
            long next = b == buffered || (a < pairs.length && pairs[a] <= buffer[b]) ? pairs[a] : buffer[b];
            int count = a < pairs.length && pairs[a] == next ? counts[a++] : 0;
            while (b < buffered && buffer[b] == next) {
                count++;
                b++;
            }
            p[k] = next;
            c[k] = count;
        }
        pairs = p;
        counts = c;
        buffered = 0;
        // A buffer a quarter the size of what it merges into keeps each merge's cost in proportion to the pairs added.
        if (buffer.length < pairs.length / 4) buffer = new long[pairs.length / 4];
    }
}
