package dossier.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class PairCountsTest {
    @Test
    void countsEveryPairInOrderAcrossManyMerges() {
        PairCounts c = new PairCounts();
        Map<Long, Integer> expected = new TreeMap<>();
        Random random = new Random(9);
        for (int i = 0; i < 400_000; i++) {
            // Few persons and many values, some negative (months before year 0 pack as large unsigned values).
            long pair = PairCounts.pack(random.nextInt(50), random.nextInt(20_000) - 100);
            c.add(pair);
            expected.merge(pair, 1, Integer::sum);
        }
        c.finish();
        assertEquals(expected.size(), c.size());
        int k = 0;
        for (var e : expected.entrySet()) {
            assertEquals(e.getKey(), c.pair(k));
            assertEquals(e.getValue(), c.count(k++));
        }
    }

    @Test
    void nothingAddedIsNothingCounted() {
        PairCounts c = new PairCounts();
        c.finish();
        assertEquals(0, c.size());
    }
}
