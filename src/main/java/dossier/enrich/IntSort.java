package dossier.enrich;

import java.util.function.IntBinaryOperator;

/**
 * Sorts an {@code int[]} or an {@link IntArray} by a comparison of its values, stably, without boxing: the connections pass orders hundreds
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
        IntArray b = IntArray.of(a);
        sort(b, a.length, compare);
        for (int i = 0; i < a.length; i++) a[i] = b.get(i);
    }

    /** Sorts the first {@code n} elements of {@code a} in place; equal values keep their order. */
    public static void sort(IntArray a, int n, IntBinaryOperator compare) {
        IntArray from = a, to = new IntArray(n);
        for (int width = 1; width < n; width *= 2) { // bottom-up merge sort
            for (int lo = 0; lo < n; lo += 2 * width) {
                int mid = Math.min(lo + width, n), hi = Math.min(lo + 2 * width, n);
                int i = lo, j = mid, k = lo;
                while (i < mid && j < hi) to.set(k++, compare.applyAsInt(from.get(j), from.get(i)) < 0 ? from.get(j++) : from.get(i++));
                while (i < mid) to.set(k++, from.get(i++));
                while (j < hi) to.set(k++, from.get(j++));
            }
            IntArray t = from;
            from = to;
            to = t;
        }
        if (from != a) for (int i = 0; i < n; i++) a.set(i, from.get(i));
    }
}
