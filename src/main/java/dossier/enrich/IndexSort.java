package dossier.enrich;

/**
 * Orders indices by a {@code long} key without boxing: a stable bottom-up merge sort over two {@code int[]}, where a
 * {@code List<Integer>} sorted with a comparator costs some 20 bytes an element and more in garbage. Already sorted
 * input (an archive's emails usually come in id order) costs one look. Stateless and thread-safe.
 *
 * <pre>{@code
 * IndexSort.stable(new long[] {30, 10, 20, 10}, new int[] {0, 1, 2, 3});  // {1, 3, 2, 0}
 * }</pre>
 */
final class IndexSort {
    private IndexSort() {}

    /** The given indices reordered by {@code keys[index]}, equal keys keeping their given order; sorts in place. */
    static int[] stable(long[] keys, int[] indices) {
        int n = indices.length;
        boolean sorted = true;
        for (int i = 1; i < n && sorted; i++) sorted = keys[indices[i - 1]] <= keys[indices[i]];
        if (sorted) return indices;
        int[] a = indices, b = new int[n];
        for (int width = 1; width < n; width *= 2) {
            for (int lo = 0; lo < n; lo += 2 * width) {
                int mid = Math.min(lo + width, n), hi = Math.min(lo + 2 * width, n);
                int i = lo, j = mid, k = lo;
                while (i < mid && j < hi) b[k++] = keys[a[j]] < keys[a[i]] ? a[j++] : a[i++];
                while (i < mid) b[k++] = a[i++];
                while (j < hi) b[k++] = a[j++];
            }
            int[] t = a;
            a = b;
            b = t;
        }
        if (a != indices) System.arraycopy(a, 0, indices, 0, n);
        return indices;
    }

    /** 0, 1, ..., n - 1. */
    static int[] identity(int n) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) out[i] = i;
        return out;
    }
}
