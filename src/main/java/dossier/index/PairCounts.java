package dossier.index;

import java.util.Arrays;

/**
 * Counts packed (person, value) pairs, such as (sender, recipient) or (person, month): pairs added go to a buffer
 * that is sorted and merged into sorted distinct pairs with their counts whenever it fills, and the buffer is never
 * smaller than that. So memory grows with the distinct pairs (about 24 bytes each, at most twice that while merging),
 * not with the emails, and a pair costs a few steps of a sort.
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

    private long[] pairs = new long[0], counts = new long[0];
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
    long count(int k) {
        return counts[k];
    }

    private void flush() {
        Arrays.sort(buffer, 0, buffered);
        int distinct = 0;
        for (int i = 0; i < buffered; i++) if (i == 0 || buffer[i] != buffer[i - 1]) distinct++;
        long[] p = new long[pairs.length + distinct], c = new long[pairs.length + distinct];
        int n = 0, a = 0, b = 0;
        while (a < pairs.length || b < buffered) {
            long next = b == buffered || (a < pairs.length && pairs[a] <= buffer[b]) ? pairs[a] : buffer[b];
            long count = 0;
            if (a < pairs.length && pairs[a] == next) count += counts[a++];
            while (b < buffered && buffer[b] == next) {
                count++;
                b++;
            }
            p[n] = next;
            c[n++] = count;
        }
        pairs = n == p.length ? p : Arrays.copyOf(p, n);
        counts = n == c.length ? c : Arrays.copyOf(c, n);
        buffered = 0;
        // A buffer as large as what it merges into keeps each merge's cost in proportion to the pairs it adds.
        if (buffer.length < pairs.length) buffer = new long[pairs.length];
    }
}
