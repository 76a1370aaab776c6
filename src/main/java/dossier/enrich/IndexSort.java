package dossier.enrich;

/**
 * Orders indices by a {@code long} key without boxing: a stable bottom-up merge sort over two {@link IntArray}s, off
 * the heap like the keys, where a {@code List<Integer>} sorted with a comparator costs some 20 bytes of heap an
 * element and more in garbage. Already sorted input (an archive's emails usually come in id order) costs one look.
 * Stateless and thread-safe.
 *
 * <pre>{@code
 * IndexSort.stable(LongArray.of(30, 10, 20, 10), IntArray.of(0, 1, 2, 3));  // {1, 3, 2, 0}
 * }</pre>
 */
final class IndexSort {
    private IndexSort() {}

    /** The given indices reordered by {@code keys.get(index)}, equal keys keeping their given order; sorts in place. */
    static IntArray stable(LongArray keys, IntArray indices) {
        int n = indices.length();
        boolean sorted = true;
        for (int i = 1; i < n && sorted; i++) sorted = keys.get(indices.get(i - 1)) <= keys.get(indices.get(i));
        if (sorted) return indices;
        IntArray a = indices, b = new IntArray(n);
        for (int width = 1; width < n; width *= 2) {
            for (int lo = 0; lo < n; lo += 2 * width) {
                int mid = Math.min(lo + width, n), hi = Math.min(lo + 2 * width, n);
                int i = lo, j = mid, k = lo;
                while (i < mid && j < hi) {
                    int x = a.get(i), y = a.get(j);
                    if (keys.get(y) < keys.get(x)) {
                        b.set(k++, y);
                        j++;
                    } else {
                        b.set(k++, x);
                        i++;
                    }
                }
                while (i < mid) b.set(k++, a.get(i++));
                while (j < hi) b.set(k++, a.get(j++));
            }
            IntArray t = a;
            a = b;
            b = t;
        }
        if (a != indices) for (int i = 0; i < n; i++) indices.set(i, a.get(i));
        return indices;
    }

    /** 0, 1, ..., n - 1. */
    static IntArray identity(int n) {
        IntArray out = new IntArray(n);
        for (int i = 0; i < n; i++) out.set(i, i);
        return out;
    }
}
