package dossier.enrich;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class IntSortTest {
    @Test
    void sortsLikeAStableListSortAtEverySize() {
        // Values are positions into keys with many ties; a stable sort keeps tied positions in order.
        Random random = new Random(7);
        for (int n : new int[] {0, 1, 2, 3, 5, 8, 17, 100, 1000, 4097}) {
            int[] keys = random.ints(n, 0, 10).toArray();
            int[] order = IntStream.range(0, n).toArray();
            IntSort.sort(order, (a, b) -> Integer.compare(keys[a], keys[b]));
            int[] expected = IntStream.range(0, n).boxed()
                    .sorted(Comparator.comparingInt((Integer i) -> keys[i])).mapToInt(i -> i).toArray();
            assertArrayEquals(expected, order, "n = " + n);
        }
    }

    @Test
    void sortsDescendingWhenAskedTo() {
        int[] a = {3, 9, 1, 9, 4};
        IntSort.sort(a, (x, y) -> Integer.compare(y, x));
        assertArrayEquals(new int[] {9, 9, 4, 3, 1}, a);
        int[] sorted = Arrays.copyOf(a, a.length);
        IntSort.sort(sorted, (x, y) -> Integer.compare(y, x));
        assertArrayEquals(a, sorted);
    }
}
