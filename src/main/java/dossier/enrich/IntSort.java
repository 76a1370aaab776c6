package dossier.enrich;

import java.util.function.IntBinaryOperator;

/**
 * Sorts an {@code int[]} by a comparison of its values, stably, without boxing: the connections pass orders hundreds
 * of thousands of people this way, where a {@code List<Integer>} costs 20 bytes an element.
 *
 * <pre>{@code
 * IntSort.sort(order, (p, q) -> Long.compare(emails[q], emails[p]));  // most emails first
 * }</pre>
 */
public final class IntSort {
    private IntSort() {}

    /** Sorts {@code a} in place; equal values keep their order. */
    public static void sort(int[] a, IntBinaryOperator compare) {
        int[] from = a, to = new int[a.length];
        for (int width = 1; width < a.length; width *= 2) { // bottom-up merge sort
            for (int lo = 0; lo < a.length; lo += 2 * width) {
                int mid = Math.min(lo + width, a.length), hi = Math.min(lo + 2 * width, a.length);
                int i = lo, j = mid, k = lo;
                while (i < mid && j < hi) to[k++] = compare.applyAsInt(from[j], from[i]) < 0 ? from[j++] : from[i++];
                while (i < mid) to[k++] = from[i++];
                while (j < hi) to[k++] = from[j++];
            }
            int[] t = from;
            from = to;
            to = t;
        }
        if (from != a) System.arraycopy(from, 0, a, 0, a.length);
    }
}
